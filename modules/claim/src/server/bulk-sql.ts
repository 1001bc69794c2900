import type { Insuree } from '@mutua/insuree';
import {
  type Ctx,
  coreTables,
  type FieldProblem,
  insertRows,
  insertStatements,
  pgArray,
  queryRows,
  runAsOne,
  withoutNulls,
} from '@mutua/kernel';
import { type SQL, sql } from 'drizzle-orm';
import { type Deps, sys } from './deps.js';
import { claimDedRem } from './schema.js';

/** Column → SQL type of a bulk update (names are the table's column names). */
export type ColumnTypes = Record<
  string,
  'uuid' | 'smallint' | 'integer' | 'numeric' | 'text' | 'jsonb' | 'date' | 'timestamptz' | 'boolean' | 'char'
>;

/**
 * One UPDATE for many rows (2,000 per statement), for `runAsOne`: the values travel as one JSON parameter read by
 * `json_to_recordset` — the same on PGlite and PostgreSQL, and half the cost of `jsonb_to_recordset`, which parses
 * the whole document into jsonb first (measured: 300 valued lines, ~3 ms against ~8 ms).
 */
export function updateStatements(
  table: string,
  types: ColumnTypes,
  rows: ReadonlyArray<Record<string, unknown>>,
): SQL[] {
  const cols = Object.keys(types).filter((c) => c !== 'id');
  const defs = ['id uuid', ...cols.map((c) => `${c} ${types[c] === 'char' ? 'text' : types[c]}`)].join(', ');
  const sets = cols.map((c) => `${c} = v.${c}${types[c] === 'char' ? '::char(1)' : ''}`).join(', ');
  const out: SQL[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = JSON.stringify(rows.slice(i, i + 2000));
    out.push(
      sql`UPDATE ${sql.raw(table)} AS t SET ${sql.raw(sets)} FROM json_to_recordset(${chunk}::json) AS v(${sql.raw(defs)}) WHERE t.id = v.id`,
    );
  }
  return out;
}

type AuditEntry = { entity: string; entityId: string; action: string; before?: unknown; after?: unknown };

/**
 * Audit rows as `recordAudit` writes them, without its JSON round trip: the states are plain data already, their
 * text is made by the insert itself.
 */
export const auditRows = (ctx: Ctx, entries: ReadonlyArray<AuditEntry>) =>
  entries.map((e) => ({
    userId: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before == null ? null : withoutNulls(e.before),
    after: e.after == null ? null : withoutNulls(e.after),
  }));

/**
 * Writes judged claims in one statement: one UPDATE per table (lines, claims), their new ledger rows and their audit
 * entries. Ledger rows the claims had before must be gone already: a DELETE and an INSERT of one table in one
 * statement could meet on its unique key.
 */
export async function writeJudged(
  tx: Ctx,
  w: {
    lineCols: ColumnTypes;
    lines: Record<'item' | 'service', ReadonlyArray<Record<string, unknown>>>;
    claimCols: ColumnTypes;
    claims: ReadonlyArray<Record<string, unknown>>;
    ledger: ReadonlyArray<typeof claimDedRem.$inferInsert>;
    audits: ReadonlyArray<AuditEntry>;
  },
): Promise<void> {
  await runAsOne(tx, [
    ...updateStatements('claim_item', w.lineCols, w.lines.item),
    ...updateStatements('claim_service', w.lineCols, w.lines.service),
    ...updateStatements('claim', w.claimCols, w.claims),
    ...insertStatements(claimDedRem, w.ledger, {}),
    ...insertStatements(coreTables.auditLog, auditRows(tx, w.audits), {}),
  ]);
}

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

/** Claims judged per transaction in bulk actions. */
const CHUNK = 500;

/**
 * A bulk selection cut into chunks (one transaction each) so that no family has claims in two chunks: its policies'
 * locks (engine context) are then never wanted by two chunks at once, and two chunks can run side by side. Chunks
 * hold at most 500 claims, and at least two when the selection allows. Also gives the patients read on the way.
 */
export async function familyChunks(
  deps: Deps,
  ctx: Ctx,
  ids: readonly string[],
): Promise<{ chunks: string[][]; insurees: Insuree[] }> {
  const rows = ids.length
    ? await queryRows<{ id: string; insuree_id: string }>(
        ctx.db,
        sql`SELECT id, insuree_id FROM claim WHERE id = ANY(${pgArray(ids)}::uuid[])`,
      )
    : [];
  const insurees = await deps.insuree.getInsurees(sys(ctx), [...new Set(rows.map((r) => r.insuree_id))]);
  const familyOf = new Map(insurees.map((i) => [i.id, i.familyId]));
  const byFamily = new Map<string, string[]>();
  const found = new Set<string>();
  for (const r of rows) {
    found.add(r.id);
    const key = familyOf.get(r.insuree_id) ?? r.insuree_id;
    const list = byFamily.get(key) ?? [];
    list.push(r.id);
    byFamily.set(key, list);
  }
  // Ids that are no claim (or not visible) go with the first chunk, to be counted as skipped.
  const unknown = ids.filter((id) => !found.has(id));
  const size = Math.min(CHUNK, Math.max(1, Math.ceil(rows.length / 2)));
  const chunks: string[][] = [];
  let current: string[] = [...unknown];
  for (const list of byFamily.values()) {
    if (current.length && current.length + list.length > size) {
      chunks.push(current);
      current = [];
    }
    current.push(...list);
  }
  if (current.length) chunks.push(current);
  return { chunks, insurees };
}

/**
 * Runs a bulk action chunk by chunk, each chunk its own transaction, two at a time: one chunk's statements run in the
 * database while the next is judged in Node (both cores busy); chunks from `familyChunks` never wait for each other.
 * Inside a caller's transaction (one connection, and later chunks must see the earlier ones' writes) they run in turn.
 */
export async function inChunks(
  deps: Deps,
  ctx: Ctx,
  ids: readonly string[],
  run: (chunk: readonly string[], insurees?: readonly Insuree[]) => Promise<void>,
  progress?: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const total = ids.length;
  if (ctx.afterCommit) {
    for (let i = 0; i < total; i += CHUNK) {
      await run(ids.slice(i, i + CHUNK));
      await progress?.(Math.min(i + CHUNK, total), total);
    }
    return;
  }
  const { chunks, insurees } = await familyChunks(deps, ctx, ids);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await run(chunk, insurees);
      done += chunk.length;
      await progress?.(done, total);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(2, chunks.length) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
