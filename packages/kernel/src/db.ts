import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** The one query type every module uses: the same code runs on PGlite and on PostgreSQL. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema generic is irrelevant; modules pass their tables explicitly
export type Db = PgDatabase<PgQueryResultHKT, any>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when unset, embedded PGlite in `dataDir` is used. */
  url?: string | undefined;
  /** Folder for PGlite (default `./data`); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
}

// numeric → string (exact money); int8 → string (counts can exceed 2^53 only in theory, callers convert).
pg.types.setTypeParser(1700, (v) => v);

export async function openDatabase(opts: DatabaseOptions = {}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client dropped by the server (restart, failover, admin kill) must not crash the process:
    // the pool discards it and the next query opens a new connection.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle client error: ${err.message}`));
    // Fail fast with a clear message instead of on the first query.
    const client = await pool.connect();
    client.release();
    return { db: drizzleNodePg({ client: pool }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const dir = opts.dataDir ?? './data';
  let target = dir;
  if (!dir.startsWith('memory://')) {
    target = path.resolve(dir, 'pglite');
    mkdirSync(target, { recursive: true });
  }
  // PGlite ships contrib extensions as plugins: load those the migrations create (trigram search).
  const client = await PGlite.create(target, { extensions: { pg_trgm } });
  return { db: drizzlePglite({ client }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

interface Preparing {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      q: { sql: string; params: unknown[] },
      fields: undefined,
      name: string | undefined,
      arrayMode: false,
    ): { execute(values?: Record<string, unknown>): Promise<unknown> };
  };
}
const statementNames = new Map<string, string>();
const statementTexts = new Map<string, string>();
/**
 * A short stable name per statement text (FNV-1a and the length), or none (an unnamed statement) in the unlikely
 * case of two texts with one name: node-postgres refuses one name for two texts.
 */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    name = `m${h.toString(36)}_${text.length.toString(36)}`;
    const taken = statementTexts.get(name);
    if (taken !== undefined && taken !== text) return undefined;
    statementNames.set(text, name);
    statementTexts.set(name, text);
  }
  return name;
}

/**
 * `queryRows` as a named (server-side prepared) statement, for the few statements every request or claim runs: each
 * connection parses it once, and after a few runs the server may reuse a generic plan, instead of parsing and planning
 * it on every call (measured: parse + plan of the user-and-rights query cost ten times its execution). Only for
 * statements whose text does not change with the values (values as parameters, arrays as one array parameter).
 */
export async function queryPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const d = db as unknown as Preparing;
  const built = d.dialect.sqlToQuery(query);
  const res = (await d.session.prepareQuery(built, undefined, statementName(built.sql), false).execute()) as {
    rows: T[];
  };
  return res.rows;
}

/**
 * A statement for a hot path, its text built once: values are `sql.placeholder(name)` in `query` and are given at
 * each run. Like `queryPrepared` (a named statement per connection), without building and hashing the text at every
 * call — for the statements every request or claim batch runs, whose drizzle building showed in the profile.
 */
export function defineStatement<V extends Record<string, unknown>>(query: SQL): <T>(db: Db, values: V) => Promise<T[]> {
  let built: { sql: string; params: unknown[]; name: string | undefined } | undefined;
  return async <T>(db: Db, values: V): Promise<T[]> => {
    const d = db as unknown as Preparing;
    if (!built) {
      const q = d.dialect.sqlToQuery(query);
      built = { ...q, name: statementName(q.sql) };
    }
    const res = (await d.session.prepareQuery(built, undefined, built.name, false).execute(values)) as { rows: T[] };
    return res.rows;
  };
}

/**
 * Plans the rest of the caller's transaction's statements generically: a named statement is then planned once per
 * connection instead of at every run. PostgreSQL keeps re-planning a statement whose parameter is an array
 * (`= ANY($1::uuid[])`, `unnest($1)`): its generic estimate of the array's size (100 elements) always looks dearer
 * than a custom plan for the 8 or 50 actually sent, so the planning is paid again each time (measured on the claim
 * engine's coverage, history and write statements: 0.5 ms of planning each, per batch, for the same index plans).
 * Only for transactions whose statements are lookups by key and bulk writes; `SET LOCAL` ends with the transaction.
 * Once per transaction, whoever asks first; outside a transaction, nothing.
 */
export async function preferGenericPlans(tx: { db: Db; afterCommit?: object | null }): Promise<void> {
  // Outside a transaction SET LOCAL does nothing; inside, once is enough (known by the transaction's after-commit list).
  if (!tx.afterCommit || genericPlanned.has(tx.afterCommit)) return;
  genericPlanned.add(tx.afterCommit);
  await tx.db.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
}
const genericPlanned = new WeakSet<object>();

/**
 * A PostgreSQL array literal for bulk statements (`unnest($1::uuid[], $2::numeric[])`), which the server reads faster
 * than a JSON document. For values that need no quoting only: uuids, decimal strings, integers and plain words; null
 * elements become NULL. Anything else is refused rather than mis-quoted.
 */
export function pgArray(xs: ReadonlyArray<string | number | null>): string {
  return `{${xs
    .map((x) => {
      if (x === null) return 'NULL';
      const v = String(x);
      if (!/^[A-Za-z0-9.-]+$/.test(v) || /^null$/i.test(v)) throw new Error(`pgArray: value needs quoting: ${v}`);
      return v;
    })
    .join(',')}}`;
}

/**
 * Runs a multi-statement SQL script (a migration file). drizzle's `execute` sends PGlite an extended-protocol query,
 * which refuses several commands; PGlite's own `exec` (simple protocol) runs them. node-postgres runs a query without
 * parameters through the simple protocol already.
 */
export async function execScript(db: Db, text: string): Promise<void> {
  const session = (db as unknown as { session?: { client?: { exec?: (q: string) => Promise<unknown> } } }).session;
  if (typeof session?.client?.exec === 'function') await session.client.exec(text);
  else await db.execute(sql.raw(text));
}
