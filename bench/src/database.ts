import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '@mutua/kernel';
import pg from 'pg';

export interface BenchDatabase {
  database: Database;
  /** Where the data lives, for the report (database name or folder). */
  location: string;
  /** Closes the connection and removes the data (drops the database / deletes the folder). Safe to call twice. */
  dispose(): Promise<void>;
}

/**
 * A fresh, throw-away database: `mutua_bench_<pid>` on the PostgreSQL server of `url` (dropped at the end), or PGlite
 * in a temporary folder (removed at the end).
 */
export async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  if (url) {
    const name = `mutua_bench_${process.pid}`;
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(statement);
      } finally {
        await c.end();
      }
    };
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    let database: Database;
    try {
      database = await openDatabase({ url: target.toString(), poolSize: 10 });
    } catch (err) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      throw err;
    }
    let disposed = false;
    return {
      database,
      location: `${target.host}/${name}`,
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        await database.close().catch(() => {});
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'mutua-bench-'));
  let database: Database;
  try {
    database = await openDatabase({ dataDir: dir });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  let disposed = false;
  return {
    database,
    location: dir,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await database.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
