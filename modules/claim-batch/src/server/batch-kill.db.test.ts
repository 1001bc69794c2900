import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ClaimApi } from '@mutua/claim';
import { claimService } from '@mutua/claim';
import { type Kernel, queryRows, startKernel } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { type BatchPreview, type ClaimBatchApi, claimBatchService } from '../points.js';
import { MODULES } from './testing/world.js';

const CHILD = fileURLToPath(new URL('./testing/kill-child.ts', import.meta.url));
const logger = pino({ level: 'silent' });
const KILL_AT = 4;

let t: TestKernel | undefined;
let kernel: Kernel | undefined;
let dataDir: string | undefined;
after(async () => {
  await kernel?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('a batch run killed mid-way resumes from its checkpoint and ends with the same amounts as an uninterrupted run', {
  timeout: 300_000,
}, async () => {
  let env: Record<string, string>;
  if (process.env.DATABASE_URL) {
    t = await startTestKernel({ modules: MODULES });
    const [db] = await queryRows<{ name: string }>(t.database.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${db!.name}`;
    env = { CHILD_DATABASE_URL: url.toString() };
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'mutua-batch-kill-'));
    env = { CHILD_DATA_DIR: dataDir };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@mutua/source', CHILD], {
    env: { ...process.env, ...env, CHILD_CLAIMS: '6' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
  let preview: BatchPreview | undefined;
  let claimIds: string[] = [];
  let jobId = '';
  let total = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const msg = JSON.parse(line) as {
      preview?: BatchPreview;
      claims?: string[];
      enqueued?: string;
      done?: number;
      total?: number;
      finished?: boolean;
    };
    if (msg.preview) [preview, claimIds] = [msg.preview, msg.claims ?? []];
    if (msg.enqueued) jobId = msg.enqueued;
    if (msg.finished) break;
    if (msg.done !== undefined && msg.done >= KILL_AT) {
      total = msg.total ?? 0;
      child.kill('SIGKILL');
    }
  }
  assert.equal(await exited, 'SIGKILL', `the run should have been killed mid-way; stderr: ${stderr}`);
  assert.ok(preview && jobId);
  assert.ok(total > KILL_AT + 1, `${total} steps: the kill happened before the end`);

  if (!t) {
    kernel = await startKernel({
      composition: { modules: MODULES.map((m) => ({ id: m.manifest.id })) },
      modules: MODULES,
      database: { dataDir },
      logger,
    });
  }
  const k = t?.kernel ?? kernel!;
  const admin = k.systemCtx();
  const batch = k.service(claimBatchService) as ClaimBatchApi;
  const claims = k.service(claimService) as ClaimApi;
  const half = await claims.getClaims(admin, claimIds);
  assert.ok(
    half.some((c) => c.status === 8),
    'the killed run left claims still waiting',
  );

  await sleep(1_200);
  const row = await k.jobs.claim({ staleAfterMs: 1_000 });
  assert.equal(row?.id, jobId, 'the killed run’s job is taken over');
  assert.ok((row!.checkpoint as { next: number }).next >= KILL_AT - 1, 'its checkpoint was kept');
  const done = await k.jobs.execute(row!, { locale: 'en', logger });
  assert.equal(done.status, 'done', String(done.error));

  // Same result as the uninterrupted computation (the preview taken before the run).
  const [run] = await batch.listRuns(admin, { year: 2026 });
  const detail = (await batch.getRun(admin, run!.id))!;
  assert.deepEqual(
    [detail.claimsValuated, detail.claimed, detail.remunerated],
    [preview.claimsValuated, preview.claimed, preview.remunerated],
  );
  assert.deepEqual(
    detail.indexes.map((i) => [i.allocated, i.pool, i.claimValue, i.index]),
    preview.indexes.map((i) => [i.allocated, i.pool, i.claimValue, i.index]),
  );
  assert.deepEqual(
    detail.bills.map((b) => [b.facilityId, b.claimed, b.remunerated, b.deduction, b.lineCount]),
    preview.bills.map((b) => [b.facilityId, b.claimed, b.remunerated, b.deduction, b.lineCount]),
  );
  const after = await claims.getClaims(admin, claimIds);
  assert.ok(after.every((c) => c.status === 16));
  const cents = after.reduce((s, c) => s + BigInt(Math.round(Number(c.remunerated) * 100)), 0n);
  assert.equal(cents, 155_000n, 'the claims share the pool 1,550.00 to the cent');
});
