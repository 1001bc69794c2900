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
    /**
     * Drops the database once our connections are gone. `pool.end()` resolves before the sockets close, and a
     * `WITH (FORCE)` drop would then kill backends whose clients still listen — an unhandled pool error. So: a plain
     * drop, retried while the backends exit, and FORCE only as the last resort.
     */
    const drop = async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await admin(`DROP DATABASE IF EXISTS ${name}`);
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006') throw err; // object_in_use
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    let database: Database;
    try {
      database = await openDatabase({ url: target.toString(), poolSize: 10 });
    } catch (err) {
      await drop();
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
        await drop();
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
