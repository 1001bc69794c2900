import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from './db.js';
import { type Kernel, startKernel } from './kernel.js';
import type { ModuleDefinition, ServiceRef } from './module.js';
import { startTestKernel, type TestKernel } from './testing.js';

// The fixture modules live in test/ (outside this package's tsconfig rootDir), so they are loaded by URL.
const fx = (await import(new URL('../test/fixtures/index.ts', import.meta.url).href)) as {
  alpha: ModuleDefinition<unknown, unknown>;
  alphaService: ServiceRef<{ resumedFrom: number[] }>;
};
const CHILD = fileURLToPath(new URL('../test/job-child.ts', import.meta.url));
const STEPS = 40;
const KILL_AT = 5;
const logger = pino({ level: 'silent' });

let t: TestKernel | undefined;
let kernel: Kernel | undefined;
let dataDir: string | undefined;
after(async () => {
  await kernel?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs the worker process until it has done `KILL_AT` steps, then kills it with SIGKILL (no cleanup at all). */
async function runAndKill(env: Record<string, string>): Promise<{ jobId: string; killedAt: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@mutua/source', CHILD], {
    env: { ...process.env, ...env, CHILD_STEPS: String(STEPS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let jobId = '';
  let killedAt = -1;
  for await (const line of createInterface({ input: child.stdout })) {
    const msg = JSON.parse(line) as { enqueued?: string; done?: number; finished?: boolean };
    if (msg.enqueued) jobId = msg.enqueued;
    if (msg.finished) break;
    if (msg.done !== undefined && msg.done >= KILL_AT && killedAt < 0) {
      killedAt = msg.done;
      child.kill('SIGKILL');
    }
  }
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL', `the worker should have been killed mid-run; stderr: ${stderr}`);
  assert.ok(jobId, 'the worker enqueued its job');
  return { jobId, killedAt };
}

test('a worker process killed mid-job leaves a job that another worker resumes from its checkpoint after the staleness window', {
  timeout: 120_000,
}, async () => {
  let env: Record<string, string>;
  if (process.env.DATABASE_URL) {
    // PostgreSQL: the worker and this process share a fresh database.
    t = await startTestKernel({ modules: [fx.alpha] });
    const [db] = await queryRows<{ name: string }>(t.database.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${db!.name}`;
    env = { CHILD_DATABASE_URL: url.toString() };
  } else {
    // PGlite cannot be shared by two processes: the worker uses a folder, reopened here once it is dead.
    dataDir = await mkdtemp(path.join(tmpdir(), 'mutua-kill-'));
    env = { CHILD_DATA_DIR: dataDir };
  }
  const { jobId, killedAt } = await runAndKill(env);
  if (!t) {
    kernel = await startKernel({
      composition: { modules: [{ id: 'alpha' }] },
      modules: [fx.alpha],
      database: { dataDir },
      logger,
    });
  }
  const k = t?.kernel ?? kernel!;
  const resumedFrom = k.service(fx.alphaService)!.resumedFrom;

  assert.equal(await k.jobs.claim(), null, 'a job whose heartbeat is fresh is not taken over');
  await sleep(1_200);
  const row = await k.jobs.claim({ staleAfterMs: 1_000 });
  assert.equal(row?.id, jobId, 'the dead worker’s job is reclaimed once its heartbeat is stale');
  assert.equal(row?.attempts, 2);
  // The worker prints a step before writing its progress (the checkpoint is written first), so one step may be lost.
  assert.ok(row!.done >= killedAt - 1, `progress ${row!.done} kept from the killed run (killed at ${killedAt})`);

  const finished = await k.jobs.execute(row!, { locale: 'en', logger });
  assert.equal(resumedFrom.length, 1);
  assert.ok(
    resumedFrom[0]! >= killedAt && resumedFrom[0]! < STEPS,
    `resumed from step ${resumedFrom[0]}, not from the start (killed at ${killedAt})`,
  );
  assert.equal(finished.status, 'done');
  assert.deepEqual(
    finished.result,
    { sum: (STEPS * (STEPS - 1)) / 2, n: STEPS },
    'same result as an uninterrupted run',
  );
  assert.equal(finished.done, STEPS);
  assert.equal(finished.total, STEPS);
});
