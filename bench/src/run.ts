import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type Benchmark,
  type BenchTools,
  type Composition,
  cliProgress,
  type Kernel,
  type ModuleDefinition,
  queryRows,
  startKernel,
} from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { type BenchDatabase, openBenchDatabase } from './database.js';
import { defaultHttpTargets, httpLoad } from './http-load.js';
import { createBenchUser, kernelBenchmarks } from './kernel-benchmarks.js';
import { measure, warmupFor } from './measure.js';
import {
  type BenchmarkResult,
  type BenchReport,
  type GenerationResult,
  type MachineInfo,
  renderBenchmarks,
  renderGeneration,
  renderHeader,
  renderHttp,
} from './report.js';

export interface RunOptions {
  /** Repository root: composition.json is read there and results are written to `<root>/.bench/`. */
  root: string;
  /** Module definitions to compose instead of loading composition.json's packages (tests). */
  modules?: ReadonlyArray<ModuleDefinition<unknown, unknown>>;
  /** Environment to read the options from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Where the report goes (default stdout). */
  print?: (text: string) => void;
}

export interface BenchSettings {
  insurees: number;
  seed: number;
  /** Overrides every benchmark's iteration count. */
  iterations: number | null;
  filter: string | null;
  databaseUrl: string | undefined;
  http: boolean;
  httpSeconds: number;
  compositionPath: string;
}

/** Iterations of a benchmark that declares none. */
export const DEFAULT_ITERATIONS = 200;
const HTTP_CONNECTIONS = 8;

function positiveInt(env: NodeJS.ProcessEnv, key: string, fallback: number, min = 1): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`${key} must be a whole number ≥ ${min}, got '${raw}'`);
  return n;
}

export function readSettings(root: string, env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const iterations = env.BENCH_ITERATIONS?.trim() ? positiveInt(env, 'BENCH_ITERATIONS', DEFAULT_ITERATIONS) : null;
  return {
    insurees: positiveInt(env, 'BENCH_INSUREES', 100_000),
    seed: positiveInt(env, 'BENCH_SEED', 42, 0),
    iterations,
    filter: env.BENCH_FILTER?.trim() || null,
    databaseUrl: env.DATABASE_URL || undefined,
    http: !!env.BENCH_HTTP && env.BENCH_HTTP !== '0' && env.BENCH_HTTP !== 'false',
    httpSeconds: positiveInt(env, 'BENCH_HTTP_SECONDS', 10),
    compositionPath: env.MUTUA_COMPOSITION ?? path.join(root, 'composition.json'),
  };
}

/** Reads composition.json (the same rules as the `mutua` CLI). */
export function readComposition(file: string): Composition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the composition file ${file}: ${(err as Error).message}`);
  }
  const mods = (json as { modules?: unknown }).modules;
  if (!Array.isArray(mods) || mods.some((m) => typeof (m as { id?: unknown })?.id !== 'string')) {
    throw new Error(`composition file ${file} must look like {"modules":[{"id":"location","config":{}}]}`);
  }
  return json as Composition;
}

/** Exact row count of every table in the public schema (generation reports rows/s from the difference). */
async function countRows(kernel: Kernel): Promise<number> {
  const { db } = kernel.database;
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  if (!tables.length) return 0;
  const union = tables.map((t) => `SELECT count(*) AS n FROM "${t.tablename.replace(/"/g, '""')}"`).join(' UNION ALL ');
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql.raw(`SELECT coalesce(sum(n), 0) AS n FROM (${union}) AS t`),
  );
  return Number(row?.n ?? 0);
}

async function machineInfo(kernel: Kernel, location: string): Promise<MachineInfo> {
  const [v] = await queryRows<{ version: string }>(kernel.database.db, sql`SELECT version() AS version`);
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    database: { kind: kernel.database.kind, version: v?.version ?? 'unknown', location },
  };
}

const errorText = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);

/**
 * `mutua bench` / `npm run bench`: on a fresh database, boots the kernel with the repository's composition, generates
 * a country with every module's `generate`, then runs the kernel's benchmarks and every module's `benchmarks`, each
 * beside its bare-database baseline. Prints a table and writes `.bench/results-<timestamp>.json`. Returns the exit
 * code (1 when a generator or a benchmark failed).
 */
export async function runBenchmarks(opts: RunOptions): Promise<number> {
  const settings = readSettings(opts.root, opts.env);
  const print = opts.print ?? ((t: string) => process.stdout.write(`${t}\n`));
  const note = (t: string) => process.stderr.write(`${t}\n`);
  const composition: Composition = opts.modules
    ? { modules: opts.modules.map((m) => ({ id: m.manifest.id })) }
    : readComposition(settings.compositionPath);

  const startedAt = new Date();
  const bdb: BenchDatabase = await openBenchDatabase(settings.databaseUrl);
  const onSignal = () => {
    note('\nInterrupted: removing the benchmark database…');
    void bdb.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let kernel: Kernel | undefined;
  try {
    note(`Benchmark database: ${bdb.database.kind} at ${bdb.location}`);
    kernel = await startKernel({
      composition,
      ...(opts.modules ? { modules: opts.modules } : {}),
      database: bdb.database,
      logger: pino({ level: 'warn' }),
    });
    await kernel.app.ready();
    const k = kernel;
    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: '',
      options: {
        insurees: settings.insurees,
        seed: settings.seed,
        iterations: settings.iterations,
        filter: settings.filter,
        http: settings.http,
      },
      machine: await machineInfo(k, bdb.location),
      modules: k.modules.map((m) => ({ id: m.id, version: m.version })),
      generation: [],
      benchmarks: [],
      http: [],
    };
    print(`${renderHeader(report, settings)}\n`);

    // ---- generation
    for (const m of k.modules) {
      if (!m.def.generate) continue;
      const bar = cliProgress(`Generating ${m.id}`);
      const before = await countRows(k);
      const t0 = performance.now();
      const g: GenerationResult = { module: m.id, rows: 0, seconds: 0, rowsPerSec: 0 };
      try {
        await m.def.generate(k.systemCtx(), m.service, {
          seed: settings.seed,
          insurees: settings.insurees,
          progress: (d, t, l) => bar(d, t, l),
        });
        g.seconds = (performance.now() - t0) / 1000;
        g.rows = (await countRows(k)) - before;
        g.rowsPerSec = g.seconds > 0 ? g.rows / g.seconds : 0;
      } catch (err) {
        g.seconds = (performance.now() - t0) / 1000;
        g.error = errorText(err);
        note(`\nGenerating ${m.id} failed: ${(err as Error).stack ?? err}`);
      }
      report.generation.push(g);
    }
    if (report.generation.length) {
      // Fresh statistics, as a live database would have: without them the first plans over bulk-loaded tables are poor.
      const t0 = performance.now();
      await k.database.db.execute(sql`ANALYZE`);
      note(`ANALYZE after generation: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    print(`${renderGeneration(report.generation)}\n`);

    // ---- benchmarks
    const iterationsOf = (declared: number | undefined) => settings.iterations ?? declared ?? DEFAULT_ITERATIONS;
    const selected = (module: string, name: string) =>
      !settings.filter || `${module} ${name}`.toLowerCase().includes(settings.filter.toLowerCase());
    const user = await createBenchUser(k);
    const tools: BenchTools = {
      async request({ method, url, body }) {
        const res = await k.app.inject({
          method,
          url,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        return { status: res.statusCode, body: res.body ? (res.json() as unknown) : null };
      },
    };
    const groups: Array<{ module: string; list: () => Promise<Benchmark[]> }> = [
      {
        module: 'kernel',
        list: () =>
          kernelBenchmarks(k, user, (name, declared) =>
            selected('kernel', name) ? iterationsOf(declared) + warmupFor(iterationsOf(declared)) : 0,
          ),
      },
      ...k.modules.flatMap((m) => {
        const make = m.def.benchmarks;
        return make ? [{ module: m.id, list: async () => make(k.systemCtx(), m.service, tools) }] : [];
      }),
    ];
    const withoutBenchmarks = k.modules.filter((m) => !m.def.benchmarks).map((m) => m.id);
    if (withoutBenchmarks.length) note(`Modules without benchmarks: ${withoutBenchmarks.join(', ')}`);
    for (const g of groups) {
      let list: Benchmark[];
      try {
        list = await g.list();
      } catch (err) {
        note(`${g.module}: preparing the benchmarks failed: ${(err as Error).stack ?? err}`);
        report.benchmarks.push({
          module: g.module,
          name: '(benchmarks setup)',
          ops: 0,
          iterations: 0,
          warmup: 0,
          error: errorText(err),
        });
        continue;
      }
      for (const b of list) {
        if (!selected(g.module, b.name)) continue;
        const iterations = iterationsOf(b.iterations);
        const warmup = warmupFor(iterations);
        const r: BenchmarkResult = { module: g.module, name: b.name, ops: b.ops, iterations, warmup };
        note(`${g.module} / ${b.name}: ${warmup} warm-up + ${iterations} iterations…`);
        try {
          const m = await measure(b, { iterations, warmup });
          r.operation = m.op;
          r.baseline = m.baseline;
          r.ratioPct = m.ratioPct;
        } catch (err) {
          r.error = errorText(err);
          note(`  failed: ${(err as Error).stack ?? err}`);
        }
        report.benchmarks.push(r);
      }
    }
    print(`${renderBenchmarks(report.benchmarks)}\n`);

    // ---- HTTP load
    if (settings.http) {
      const meBaseline = async () => {
        await queryRows(k.database.db, sql`SELECT * FROM app_user WHERE id = ${user.id}`);
      };
      report.http = await httpLoad(k, defaultHttpTargets(user.token, meBaseline), {
        connections: HTTP_CONNECTIONS,
        seconds: settings.httpSeconds,
      });
      print(`${renderHttp(report.http)}\n`);
    }

    report.finishedAt = new Date().toISOString();
    const dir = path.join(opts.root, '.bench');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `results-${report.startedAt.replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    print(`Results: ${path.relative(process.cwd(), file) || file}`);

    const failed =
      report.generation.some((g) => g.error) ||
      report.benchmarks.some((b) => b.error) ||
      report.http.some((h) => h.error);
    return failed ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await kernel?.close().catch((err: unknown) => note(`closing the kernel failed: ${errorText(err)}`));
    await bdb.dispose();
  }
}
