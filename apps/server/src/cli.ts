import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Ctx,
  cliProgress,
  defineServiceRef,
  type Kernel,
  loadComposition,
  migrate,
  migrationSources,
  openDatabase,
  passwordProblems,
  startKernel,
  translate,
} from '@mutua/kernel';
import { ROOT, readComposition, readEnv, WEB_DIST } from './config.js';
import { createFirstAdmin, DEMO_USERS, hasUsers, seedDemo } from './demo.js';

const HELP = `mutua — health insurance management (openIMIS lineage)

Usage: mutua <command> [options]

Commands:
  serve                     Start the server: web app + APIs on one port (default command)
      --demo                Seed the demo country on first run even with DATABASE_URL set
  migrate                   Apply every composed module's database migrations, then exit
  seed --demo               Seed the demo country (only into an empty database)
  import <importer> <file>  Import a file (dry run unless --apply); importers: mutua import --list
      --format csv|xml      File format (default: from the file extension)
      --apply               Apply the import (all or nothing) instead of a dry run
  generate                  Generate a country at scale (deterministic) for benchmarks
      --insurees <n>        Size of the country (default 100000)
      --seed <n>            Random seed (default 42)
  batch run                 Run the monthly claim batch (relative pricing, capitation, bills)
      --month <YYYY-MM>     Month to close, e.g. 2026-10
      --location <code>     Region or district code, or 'national' (default)
  bench                     Run the benchmarks (same as npm run bench)
  help, --help              Show this help

Environment:
  PORT            HTTP port (default 8080)
  DATA_DIR        Folder of the embedded database (default ./data)
  DATABASE_URL    PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded database
  MUTUA_ADMIN_PASSWORD   First administrator's password on a new PostgreSQL database without demo data
  MUTUA_COMPOSITION      Path of composition.json (default: the repository's)
`;

async function boot(opts: { web?: boolean; jobs?: boolean } = {}): Promise<Kernel> {
  const env = readEnv();
  return startKernel({
    composition: readComposition(env.compositionPath),
    database: { url: env.databaseUrl, dataDir: env.dataDir },
    webDist: opts.web ? WEB_DIST : undefined,
    runJobs: opts.jobs ?? false,
  });
}

async function serve(flags: { demo: boolean }): Promise<number> {
  const env = readEnv();
  const k = await boot({ web: true, jobs: true });
  const log = (m: string) => console.log(m);
  let demo = false;
  if (!(await hasUsers(k))) {
    if (!env.databaseUrl || flags.demo) {
      log('First run: seeding the demo country…');
      await seedDemo(k, log);
      demo = true;
    } else {
      const pw = process.env.MUTUA_ADMIN_PASSWORD;
      if (!pw || passwordProblems(pw).length) {
        await k.close();
        throw new Error(
          `new database without users: set MUTUA_ADMIN_PASSWORD (${translate('en', 'kernel.error.passwordPolicy')}) for the first administrator, or start with --demo`,
        );
      }
      await createFirstAdmin(k, pw);
      log("Created the first administrator 'admin' with the password from MUTUA_ADMIN_PASSWORD.");
    }
  }
  const address = await k.app.listen({ port: env.port, host: env.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  log(
    `Mutua is running at ${url}  (database: ${k.database.kind}${k.database.kind === 'pglite' ? ` in ${path.resolve(env.dataDir)}` : ''})`,
  );
  log(`Modules: ${k.modules.map((m) => `${m.id}@${m.version}`).join(', ')}`);
  if (demo || (!env.databaseUrl && (await hasUsers(k)))) {
    log('Demo logins (demo data only):');
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(16)} ${u.password.padEnd(10)} ${u.note}`);
  }
  const stop = async () => {
    await k.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

async function runImport(args: string[], flags: { format?: string; apply: boolean; list: boolean }): Promise<number> {
  const k = await boot();
  try {
    if (flags.list || !args[0]) {
      for (const i of k.importers.values()) console.log(`${i.id.padEnd(30)} ${i.formats.join(', ')}`);
      return 0;
    }
    const importer = k.importers.get(args[0]);
    if (!importer) throw new Error(`unknown importer '${args[0]}' — see mutua import --list`);
    if (!args[1]) throw new Error('give the file to import: mutua import <importer> <file>');
    const content = await readFile(args[1]);
    const format = flags.format ?? path.extname(args[1]).slice(1).toLowerCase();
    const bar = cliProgress(flags.apply ? 'Importing' : 'Checking');
    const res = await importer.run(k.systemCtx(), {
      content,
      format,
      dryRun: !flags.apply,
      progress: (d, t) => bar(d, t),
    });
    for (const e of res.errors) console.log(`row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
    console.log(
      `${res.dryRun ? 'Dry run' : 'Import'}: ${res.total} rows, ${res.created} to create, ${res.updated} to update, ${res.errors.length} errors${res.applied ? ' — applied' : res.dryRun ? '' : ' — nothing applied'}`,
    );
    return res.errors.length ? 2 : 0;
  } finally {
    await k.close();
  }
}

async function generate(flags: { insurees?: string; seed?: string }): Promise<number> {
  const k = await boot();
  try {
    const insurees = Number(flags.insurees ?? 100_000);
    const seed = Number(flags.seed ?? 42);
    if (!Number.isInteger(insurees) || insurees < 1) throw new Error('--insurees must be a positive whole number');
    for (const m of k.modules) {
      if (!m.def.generate) continue;
      const bar = cliProgress(`Generating ${m.id}`);
      await m.def.generate(k.systemCtx(), m.service, { seed, insurees, progress: (d, t, l) => bar(d, t, l) });
    }
    console.log(`Generated a country for ${insurees} insurees (seed ${seed}).`);
    return 0;
  } finally {
    await k.close();
  }
}

/** The parts of the claim-batch and location services the `batch` command calls (the modules are composed, not imported). */
interface BatchCli {
  runBatch(
    ctx: Ctx,
    t: { year: number; month: number; locationId: string | null },
  ): Promise<{ run: { id: string }; jobId: string }>;
  executeRun(
    ctx: Ctx,
    runId: string,
    p: {
      progress(d: number, t: number): Promise<void>;
      checkpoint: unknown;
      saveCheckpoint(s: unknown): Promise<void>;
    },
  ): Promise<{ claimsValuated: number; linesRemunerated: number; claimed: string; remunerated: string }>;
}

async function batch(args: string[], flags: { month?: string; location?: string }): Promise<number> {
  if (args[0] !== 'run') throw new Error('say what to do: mutua batch run --month 2026-10 --location national');
  const m = /^(\d{4})-(\d{2})$/.exec(flags.month ?? '');
  if (!m) throw new Error('give the month as --month YYYY-MM, e.g. --month 2026-10');
  const k = await boot();
  try {
    const ctx = k.systemCtx();
    const api = k.service(defineServiceRef<BatchCli>('claim-batch'));
    if (!api) throw new Error('the claim-batch module is not composed: add it to composition.json');
    let locationId: string | null = null;
    const code = flags.location ?? 'national';
    if (code.toLowerCase() !== 'national') {
      const loc = k.service(
        defineServiceRef<{ findByCode(c: Ctx, code: string): Promise<{ id: string } | null> }>('location'),
      );
      const found = await loc?.findByCode(ctx, code);
      if (!found) throw new Error(`unknown location code '${code}': give a region or district code, or 'national'`);
      locationId = found.id;
    }
    const { run } = await api.runBatch(ctx, { year: Number(m[1]), month: Number(m[2]), locationId });
    const bar = cliProgress(`Batch ${flags.month} ${code}`);
    const res = await api.executeRun(ctx, run.id, {
      checkpoint: null,
      progress: async (d, t) => bar(d, t),
      saveCheckpoint: async () => {},
    });
    console.log(
      `Batch ${flags.month} (${code}): ${res.claimsValuated} claims valuated, ${res.linesRemunerated} lines, claimed ${res.claimed}, remunerated ${res.remunerated}.`,
    );
    return 0;
  } catch (err) {
    const e = err as { key?: string; params?: Record<string, unknown> };
    if (e.key) throw new Error(translate('en', e.key, e.params ?? {}));
    throw err;
  } finally {
    await k.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      demo: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      format: { type: 'string' },
      insurees: { type: 'string' },
      seed: { type: 'string' },
      month: { type: 'string' },
      location: { type: 'string' },
    },
  });
  const [command = 'serve', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'serve':
      return serve({ demo: values.demo });
    case 'migrate': {
      const env = readEnv();
      const resolved = await loadComposition(readComposition(env.compositionPath));
      const db = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
      try {
        const n = await migrate(db.db, migrationSources(resolved), (m) => console.log(m));
        console.log(n ? `${n} migrations applied.` : 'The database is up to date.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed': {
      if (!values.demo) throw new Error('say what to seed: mutua seed --demo');
      const k = await boot();
      try {
        if (await hasUsers(k))
          throw new Error('the database already has data: demo data goes only into an empty database');
        await seedDemo(k, (m) => console.log(m));
        console.log('Demo data seeded.');
      } finally {
        await k.close();
      }
      return 0;
    }
    case 'import':
      return runImport(rest, {
        ...(values.format ? { format: values.format } : {}),
        apply: values.apply,
        list: values.list,
      });
    case 'generate':
      return generate(values);
    case 'batch':
      return batch(rest, values);
    case 'bench': {
      const { runBenchmarks } = await import('@mutua/bench');
      return runBenchmarks({ root: ROOT });
    }
    default:
      console.error(`unknown command '${command}'\n`);
      console.log(HELP);
      return 1;
  }
}
