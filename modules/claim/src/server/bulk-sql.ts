import { type Ctx, coreTables, type FieldProblem, insertRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';

/** Column → SQL type of a bulk update (names are the table's column names). */
export type ColumnTypes = Record<
  string,
  'uuid' | 'smallint' | 'integer' | 'numeric' | 'text' | 'jsonb' | 'date' | 'timestamptz' | 'boolean' | 'char'
>;

/**
 * One UPDATE for many rows: the values travel as one JSON parameter read by `jsonb_to_recordset`, which works the
 * same on PGlite and PostgreSQL and keeps a bulk run at one statement per table per chunk.
 */
export async function bulkUpdate(
  ctx: Ctx,
  table: string,
  types: ColumnTypes,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(types).filter((c) => c !== 'id');
  const defs = ['id uuid', ...cols.map((c) => `${c} ${types[c] === 'char' ? 'text' : types[c]}`)].join(', ');
  const sets = cols.map((c) => `${c} = v.${c}${types[c] === 'char' ? '::char(1)' : ''}`).join(', ');
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = JSON.stringify(rows.slice(i, i + 2000));
    await ctx.db.execute(
      sql`UPDATE ${sql.raw(table)} AS t SET ${sql.raw(sets)} FROM jsonb_to_recordset(${chunk}::jsonb) AS v(${sql.raw(defs)}) WHERE t.id = v.id`,
    );
  }
}

type AuditEntry = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

/** Audit rows as `recordAudit` writes them (the JSON of before/after is made by the insert itself). */
export const auditRows = (ctx: Ctx, entries: ReadonlyArray<AuditEntry>) =>
  entries.map((e) => ({
    userId: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  }));

/** Many audit rows in one insert (bulk submit/process). */
export async function auditMany(ctx: Ctx, entries: ReadonlyArray<AuditEntry>): Promise<void> {
  await insertRows(ctx, coreTables.auditLog, auditRows(ctx, entries));
}

export type { FieldProblem };

/** The columns a check writes on each claim line; processing writes these and the valuation's own. */
export const CHECKED_LINE_COLUMNS = {
  id: 'uuid',
  status: 'smallint',
  rejection_reason: 'smallint',
  rejection_params: 'jsonb',
  qty_approved: 'numeric',
  product_id: 'uuid',
  policy_id: 'uuid',
  price_origin: 'char',
  limitation: 'char',
  limitation_value: 'numeric',
} as const;
