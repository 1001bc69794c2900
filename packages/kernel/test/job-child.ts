/**
 * A worker process for the kill test (src/jobs-kill.db.test.ts): boots a kernel with the `alpha` module on the
 * database named by CHILD_DATABASE_URL (PostgreSQL) or CHILD_DATA_DIR (PGlite folder), enqueues a slow `alpha.count`
 * job, runs it and prints one JSON line per step; the test kills this process with SIGKILL mid-run.
 */
import { startKernel } from '@mutua/kernel';
import pino from 'pino';
import alpha from './fixtures/alpha/index.js';

const logger = pino({ level: 'silent' });
const kernel = await startKernel({
  composition: { modules: [{ id: 'alpha' }] },
  modules: [alpha],
  database: process.env.CHILD_DATABASE_URL
    ? { url: process.env.CHILD_DATABASE_URL }
    : { dataDir: process.env.CHILD_DATA_DIR },
  logger,
});
const n = Number(process.env.CHILD_STEPS ?? 40);
const { id } = await kernel.jobs.enqueue(kernel.systemCtx(), 'alpha.count', { n, stepMs: 40 });
const print = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
print({ enqueued: id });
const row = await kernel.jobs.claim();
if (row?.id !== id) throw new Error(`claimed ${row?.id}, expected ${id}`);
await kernel.jobs.execute(row, { locale: 'en', logger }, (done, total) => print({ done, total }));
print({ finished: true });
await kernel.close();
