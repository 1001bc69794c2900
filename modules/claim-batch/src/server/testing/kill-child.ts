/**
 * A worker process for the kill test (batch-kill.db.test.ts): boots a kernel on CHILD_DATABASE_URL (PostgreSQL) or
 * CHILD_DATA_DIR (PGlite folder), builds the worked example with CHILD_CLAIMS claims processed in October 2026,
 * prints the preview, queues the October run and executes it one line per chunk, printing each step (slowly, so the
 * test can kill it with SIGKILL mid-run).
 */
import { type ModuleDefinition, startKernel } from '@mutua/kernel';
import type { TestKernel } from '@mutua/kernel/testing';
import pino from 'pino';
import { type ClaimBatchApi, claimBatchService } from '../../points.js';
import { buildWorld, MODULES, processedOn } from './world.js';

const logger = pino({ level: 'silent' });
const kernel = await startKernel({
  composition: {
    modules: (MODULES as ModuleDefinition<unknown, unknown>[]).map((m) => ({
      id: m.manifest.id,
      config: m.manifest.id === 'claim-batch' ? { chunkSize: 1 } : {},
    })),
  },
  modules: MODULES,
  database: process.env.CHILD_DATABASE_URL
    ? { url: process.env.CHILD_DATABASE_URL }
    : { dataDir: process.env.CHILD_DATA_DIR },
  logger,
});
const print = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const admin = kernel.systemCtx();
const k = { kernel, database: kernel.database } as unknown as TestKernel;
const w = await buildWorld(k, admin);
const ids: string[] = [];
const n = Number(process.env.CHILD_CLAIMS ?? 6);
for (let i = 0; i < n; i++) ids.push(await w.processedClaim(`K-${i}`, 1 + (i % 3), '2026-10-03'));
await processedOn(k, ids, '2026-10-20');
const batch = kernel.service(claimBatchService) as ClaimBatchApi;
print({ preview: await batch.previewBatch(admin, { year: 2026, month: 10, locationId: null }), claims: ids });
const { jobId } = await batch.runBatch(admin, { year: 2026, month: 10, locationId: null });
print({ enqueued: jobId });
const row = await kernel.jobs.claim();
await kernel.jobs.execute(row!, { locale: 'en', logger }, (done, total) => {
  print({ done, total });
  const until = Date.now() + 150; // slow steps: the parent kills the process between two of them
  while (Date.now() < until) {}
});
print({ finished: true });
await kernel.close();
