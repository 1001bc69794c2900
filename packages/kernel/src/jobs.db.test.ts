import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { AuthUser } from './context.js';
import { job } from './core/tables.js';
import type { Db } from './db.js';
import { JobService } from './jobs.js';
import type { ModuleDefinition, ServiceRef } from './module.js';
import { startTestKernel, type TestKernel } from './testing.js';

// The fixture modules live in test/ (outside this package's tsconfig rootDir), so they are loaded by URL.
const fx = (await import(new URL('../test/fixtures/index.ts', import.meta.url).href)) as {
  alpha: ModuleDefinition<unknown, unknown>;
  alphaService: ServiceRef<{ resumedFrom: number[] }>;
};

const logger = pino({ level: 'silent' });
const base = { locale: 'en' as const, logger };
let t: TestKernel;
let amina: AuthUser;
let resumedFrom: number[];

before(async () => {
  t = await startTestKernel({ modules: [fx.alpha] });
  resumedFrom = t.kernel.service(fx.alphaService)!.resumedFrom;
});
beforeEach(async () => {
  await t.reset();
  resumedFrom.length = 0;
  amina = await t.createUser({ username: 'amina' });
});
after(() => t?.close());

const jobs = () => t.kernel.jobs;
const row = async (id: string) => (await t.database.db.select().from(job).where(eq(job.id, id)))[0]!;
const JOB = '{ job(id: $id) { status done total attempts error result } }';
const readJob = (id: string, token: string) => t.gql(`query($id: ID!) ${JOB}`, { id }, { token });

describe('jobs', () => {
  test('runs a job to completion, with progress persisted while it runs and readable over GraphQL by its creator', async () => {
    const { id } = await jobs().enqueue(t.ctxAs(amina), 'alpha.count', { n: 5, stepMs: 100 });
    const token = await t.loginToken('amina');
    const queued = await readJob(id, token);
    assert.deepEqual(queued.data, {
      job: { status: 'queued', done: 0, total: 0, attempts: 0, error: null, result: null },
    });

    const claimed = await jobs().claim();
    assert.equal(claimed?.id, id);
    const run = jobs().execute(claimed!, base);
    const seen: string[] = [];
    for (let i = 0; i < 100 && seen.at(-1) !== 'done 5/5'; i++) {
      const j = (await readJob(id, token)).data as { job: { status: string; done: number; total: number } };
      const s = `${j.job.status} ${j.job.done}/${j.job.total}`;
      if (seen.at(-1) !== s) seen.push(s);
      await sleep(15);
    }
    await run;
    assert.ok(
      seen.some((s) => /^running [1-4]\/5$/.test(s)),
      `an intermediate progress was visible over GraphQL: ${seen.join(', ')}`,
    );
    assert.deepEqual((await readJob(id, token)).data, {
      job: { status: 'done', done: 5, total: 5, attempts: 1, error: null, result: { sum: 10, n: 5 } },
    });
    assert.ok((await row(id)).finishedAt, 'finishedAt is set');
  });

  test('another non-admin user is refused the job; an administrator may read it', async () => {
    const { id } = await jobs().enqueue(t.ctxAs(amina), 'alpha.count', { n: 1 });
    await t.createUser({ username: 'bintou' });
    await t.createUser({ username: 'admin', admin: true });
    const other = await readJob(id, await t.loginToken('bintou'));
    assert.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(other.data, null);
    const admin = await readJob(id, await t.loginToken('admin'));
    assert.equal((admin.data as { job: { status: string } }).job.status, 'queued');
    const missing = await readJob('0190d5c2-0000-7000-8000-000000000000', await t.loginToken('admin'));
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('enqueuing a job type nobody defined is refused with BAD_INPUT', async () => {
    await assert.rejects(jobs().enqueue(t.ctxAs(amina), 'alpha.nope', {}), {
      code: 'BAD_INPUT',
      key: 'kernel.error.unknownJob',
    });
  });

  test('a failing job is retried after a backoff, then marked failed after maxAttempts with its error', async () => {
    const { id } = await jobs().enqueue(t.adminCtx(), 'alpha.flaky', { message: 'printer on fire' });
    const first = await jobs().execute((await jobs().claim())!, base);
    assert.equal(first.status, 'queued', 'queued again for a retry');
    assert.equal(first.attempts, 1);
    assert.equal(first.error, 'printer on fire');
    assert.ok(first.runAfter.getTime() > Date.now(), 'not before the backoff');
    assert.equal(first.finishedAt, null);
    assert.equal(await jobs().claim(), null, 'a job waiting for its retry is not claimed early');

    await t.database.db.update(job).set({ runAfter: sql`now()` }).where(eq(job.id, id));
    const second = await jobs().execute((await jobs().claim())!, base);
    assert.equal(second.status, 'failed');
    assert.equal(second.attempts, 2);
    assert.equal(second.error, 'printer on fire');
    assert.ok(second.finishedAt);
    await t.database.db.update(job).set({ runAfter: sql`now()` }).where(eq(job.id, id));
    assert.equal(await jobs().claim(), null, 'a failed job is never claimed again');
  });

  test('a job of a type no composed module defines fails with a clear error instead of looping', async () => {
    await t.database.db
      .insert(job)
      .values({ id: '0190d5c2-0000-7000-8000-00000000beef', type: 'zeta.gone', payload: {} });
    const done = await jobs().execute((await jobs().claim())!, base);
    assert.equal(done.status, 'failed');
    assert.equal(done.error, 'unknown job type zeta.gone');
  });

  test('concurrent claims by two workers never get the same job', async () => {
    for (let i = 0; i < 6; i++) await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 1 });
    const other = new JobService(t.database.db, logger);
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : jobs()).claim()));
    const got = claims.filter((c) => c !== null).map((c) => c.id);
    assert.equal(got.length, 6, 'every job was claimed');
    assert.equal(new Set(got).size, 6, 'and none twice');
    const rows = await t.database.db.select().from(job);
    assert.ok(rows.every((r) => r.status === 'running' && r.attempts === 1));
    assert.equal(new Set(rows.map((r) => r.lockedBy)).size, 2, 'both workers got work');
  });

  test('a claim skips a job another transaction holds instead of waiting for it', {
    skip: !process.env.DATABASE_URL && 'PGlite has a single connection: no second transaction can hold a lock',
  }, async () => {
    const a = await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 1 });
    const b = await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 1 });
    await t.database.db.transaction(async (tx) => {
      await (tx as unknown as Db).execute(sql`SELECT id FROM job WHERE id = ${a.id} FOR UPDATE`);
      const claimed = await jobs().claim();
      assert.equal(claimed?.id, b.id);
    });
  });

  test('a job left running by a dead worker is resumed from its checkpoint and ends as an uninterrupted run', async () => {
    const whole = await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 10 });
    const uninterrupted = await jobs().execute((await jobs().claim())!, base);
    assert.deepEqual(uninterrupted.result, { sum: 45, n: 10 });
    assert.equal(uninterrupted.id, whole.id);

    // What a worker killed after 4 of 10 steps leaves behind.
    const { id } = await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 10 });
    await t.database.db
      .update(job)
      .set({
        status: 'running',
        attempts: 1,
        lockedBy: 'dead-host:1234:abcdef',
        heartbeatAt: new Date(Date.now() - 3_600_000),
        startedAt: new Date(Date.now() - 3_600_000),
        checkpoint: { next: 4, sum: 6 },
        done: 4,
        total: 10,
      })
      .where(eq(job.id, id));
    resumedFrom.length = 0;
    const reclaimed = await jobs().claim();
    assert.equal(reclaimed?.id, id);
    assert.equal(reclaimed?.attempts, 2);
    const resumed = await jobs().execute(reclaimed!, base);
    assert.deepEqual(resumedFrom, [4], 'the handler started from the checkpoint');
    assert.equal(resumed.status, 'done');
    assert.deepEqual(resumed.result, uninterrupted.result);
    assert.equal(resumed.done, 10);
    assert.equal(resumed.total, 10);
  });

  test('a running job whose worker is alive (fresh heartbeat) is not taken over', async () => {
    const { id } = await jobs().enqueue(t.adminCtx(), 'alpha.count', { n: 10 });
    await t.database.db
      .update(job)
      .set({ status: 'running', attempts: 1, lockedBy: 'busy-host:1:abcdef', heartbeatAt: new Date() })
      .where(eq(job.id, id));
    assert.equal(await jobs().claim(), null);
    await sleep(50);
    assert.equal((await jobs().claim({ staleAfterMs: 20 }))?.id, id, 'until its heartbeat is older than the window');
  });

  test('a scheduled job is enqueued only once the worker runs, then again every period', async () => {
    const scheduler = new JobService(t.database.db, logger);
    const reg = scheduler.forModule('alpha');
    reg.define({ type: 'alpha.tick', run: async () => ({}) });
    reg.schedule({ type: 'alpha.tick', firstAfterMs: 10, everyMs: 60_000 });
    const ticks = async () => (await t.database.db.select().from(job).where(eq(job.type, 'alpha.tick'))).length;
    await sleep(60);
    assert.equal(await ticks(), 0, 'no worker, no scheduled job (tests, CLI)');
    scheduler.start(base, 60_000);
    for (let i = 0; i < 100 && (await ticks()) === 0; i++) await sleep(20);
    await scheduler.stop();
    assert.equal(await ticks(), 1);
  });
});
