import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defineModule, type ModuleDefinition, queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { BenchReport } from './report.js';
import { runBenchmarks } from './run.js';

// A module with a generator and a benchmark, and one with neither: the harness must handle both.
const generated = defineModule({
  manifest: { id: 'bench-fake', version: '0.0.1' },
  setup: () => ({ table: 'bench_fake_row' }),
  async generate(ctx, _service, opts) {
    await ctx.db.execute(sql`CREATE TABLE bench_fake_row (id integer PRIMARY KEY, seed integer NOT NULL)`);
    const chunk = 1000;
    for (let done = 0; done < opts.insurees; done += chunk) {
      const n = Math.min(chunk, opts.insurees - done);
      await ctx.db.execute(
        sql`INSERT INTO bench_fake_row SELECT g, ${opts.seed}::int FROM generate_series(${done + 1}::int, ${done + n}::int) g`,
      );
      await opts.progress(done + n, opts.insurees);
    }
  },
  benchmarks: (ctx) => [
    {
      name: 'fake count',
      ops: 1,
      iterations: 1000,
      run: async () => {
        await queryRows(ctx.db, sql`SELECT count(*) FROM bench_fake_row WHERE id % 7 = 0`);
      },
      baseline: async () => {
        await queryRows(ctx.db, sql`SELECT count(*) FROM bench_fake_row`);
      },
    },
    {
      name: 'fake broken',
      ops: 1,
      run: () => Promise.reject(new Error('boom')),
      baseline: async () => {},
    },
  ],
});
const plain = defineModule({ manifest: { id: 'bench-plain', version: '0.0.1' }, setup: () => ({}) });

const root = await mkdtemp(path.join(tmpdir(), 'mutua-bench-test-'));
after(() => rm(root, { recursive: true, force: true }));

test('runs generators and benchmarks, reports failures, writes the JSON results', async () => {
  const printed: string[] = [];
  const code = await runBenchmarks({
    root,
    modules: [generated, plain] as ReadonlyArray<ModuleDefinition<unknown, unknown>>,
    env: {
      BENCH_INSUREES: '2500',
      BENCH_ITERATIONS: '3',
      BENCH_FILTER: 'fake',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    print: (t) => printed.push(t),
  });
  assert.equal(code, 1, 'a failing benchmark makes the exit code 1');
  const text = printed.join('\n');
  assert.match(text, /fake count/);
  assert.match(text, /FAILED bench-fake \/ fake broken: boom/);
  assert.doesNotMatch(text, /login \(argon2id\)/, 'BENCH_FILTER leaves the kernel benchmarks out');

  const files = await readdir(path.join(root, '.bench'));
  assert.equal(files.length, 1);
  const report = JSON.parse(await readFile(path.join(root, '.bench', files[0]!), 'utf8')) as BenchReport;
  assert.deepEqual(
    report.generation.map((g) => [g.module, g.rows, g.error]),
    [['bench-fake', 2500, undefined]],
  );
  const ok = report.benchmarks.find((b) => b.name === 'fake count')!;
  assert.equal(ok.iterations, 3);
  assert.equal(ok.operation?.iterations, 3);
  assert.equal(ok.baseline?.iterations, 3);
  assert.ok(ok.ratioPct! > 0);
  assert.equal(report.benchmarks.find((b) => b.name === 'fake broken')?.error, 'boom');
  assert.equal(report.machine.database.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  assert.match(report.machine.database.version, /PostgreSQL/);
});
