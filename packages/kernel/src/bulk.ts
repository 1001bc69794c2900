import { type Column, getTableColumns, getTableName, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from './context.js';
import { pgArray, queryPrepared } from './db.js';

interface Plan {
  name: string;
  /** property key → column */
  columns: Array<[string, Column]>;
}

const plans = new WeakMap<PgTable, Plan>();

function planOf(table: PgTable): Plan {
  let p = plans.get(table);
  if (!p) {
    const cols = getTableColumns(table) as Record<string, Column>;
    p = {
      name: `"${getTableName(table).replace(/"/g, '""')}"`,
      columns: Object.entries(cols).filter(([, c]) => !(c as { generated?: unknown }).generated),
    };
    plans.set(table, p);
  }
  return p;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The INSERT statements of `insertRows` (one per set of columns carried and per chunk), for `runAsOne`. */
export function insertStatements(
  table: PgTable,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: { onConflictDoNothing?: boolean; chunk?: number },
): SQL[] {
  if (!rows.length) return [];
  const plan = planOf(table);
  const groups = new Map<string, { cols: Array<[string, Column]>; docs: Array<Record<string, unknown>> }>();
  for (const row of rows) {
    const doc: Record<string, unknown> = {};
    const present: Array<[string, Column]> = [];
    for (const [key, col] of plan.columns) {
      let v = row[key];
      if (v === undefined && col.defaultFn) v = col.defaultFn();
      else if (v === undefined && col.default === undefined && col.onUpdateFn) v = col.onUpdateFn();
      if (v === undefined) continue;
      if (v instanceof SQL) throw new Error(`insertRows: ${plan.name}.${col.name} takes an SQL value; use db.insert`);
      present.push([key, col]);
      // A null stays out of the JSON: json_populate_recordset gives a column the document lacks the base row's
      // value, NULL here (a claim's lines are half nulls: less text to write and for the server to parse).
      if (v !== null) doc[col.name] = v; // JSON.stringify writes a Date as ISO text, which every date/time column reads
    }
    const sig = present.map(([k]) => k).join(',');
    const g = groups.get(sig) ?? { cols: present, docs: [] };
    g.docs.push(doc);
    groups.set(sig, g);
  }
  const size = opts.chunk ?? 5000;
  const out: SQL[] = [];
  for (const { cols, docs } of groups.values()) {
    const names = cols.map(([, c]) => quote(c.name)).join(', ');
    for (let i = 0; i < docs.length; i += size) {
      const json = JSON.stringify(docs.slice(i, i + size));
      out.push(
        sql`INSERT INTO ${sql.raw(plan.name)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM json_populate_recordset(NULL::${sql.raw(plan.name)}, ${json}::json)${sql.raw(opts.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '')}`,
      );
    }
  }
  return out;
}

/**
 * Many rows in one INSERT whose values travel as one JSON parameter read by `json_populate_recordset` against the
 * table's own row type. drizzle's multi-row insert builds a bind parameter per value (600 claim lines → 14,000 params)
 * and spends most of a bulk write in JavaScript; this costs one `JSON.stringify`. Same rules as drizzle's insert:
 * `$defaultFn` fills missing keys, an `undefined` value takes the column's database default (rows are grouped by the
 * columns they carry). Works the same on PGlite and PostgreSQL.
 */
export async function insertRows<T extends PgTable>(
  ctx: Pick<Ctx, 'db'>,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  opts: { onConflictDoNothing?: boolean; chunk?: number } = {},
): Promise<void> {
  for (const q of insertStatements(table, rows as ReadonlyArray<Record<string, unknown>>, opts))
    await queryPrepared(ctx.db, q);
}

/**
 * Rows of several tables in one statement (one round trip): each insert is a data-modifying CTE of the same
 * statement, so a parent and its children go together (foreign keys are checked at the end of the statement) and
 * fail together.
 */
export async function insertAll(
  ctx: Pick<Ctx, 'db'>,
  parts: ReadonlyArray<readonly [PgTable, ReadonlyArray<Record<string, unknown>>]>,
): Promise<void> {
  await runAsOne(
    ctx,
    parts.flatMap(([table, rows]) => insertStatements(table, rows, {})),
  );
}

/**
 * Data-modifying statements (INSERT, UPDATE, DELETE of different rows) as one statement of CTEs: one round trip, one
 * snapshot, foreign keys checked at its end. Two of them must not touch the same row.
 */
export async function runAsOne(ctx: Pick<Ctx, 'db'>, stmts: readonly SQL[]): Promise<void> {
  if (stmts.length <= 1) {
    if (stmts[0]) await queryPrepared(ctx.db, stmts[0]);
    return;
  }
  const ctes = stmts.map((q, i) => sql`${sql.raw(`w${i}`)} AS (${q})`);
  await queryPrepared(ctx.db, sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
}

/**
 * `column = ANY($1::type[])`: one array parameter for a list of ids instead of one parameter per id (drizzle's
 * `inArray`), which keeps the statement the same whatever the list's length and its building cheap. For uuids,
 * integers and plain words (see `pgArray`); an empty list matches nothing.
 */
export function anyOf(column: Column | SQL, values: ReadonlyArray<string | number>, type = 'uuid'): SQL {
  if (!values.length) return sql`false`;
  return sql`${column} = ANY(${pgArray(values)}::${sql.raw(type)}[])`;
}
