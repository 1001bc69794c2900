import { ConflictError, type Ctx, coreTables, insertAll, isUniqueViolation, uuidv7 } from '@mutua/kernel';
import { getTableColumns } from 'drizzle-orm';
import { formatCents, parseCents } from '../domain/money.js';
import { type ClaimDetail, claimChecked } from '../points.js';
import { auditRows } from './bulk-sql.js';
import { evaluate, judge } from './check.js';
import type { PreparedClaim } from './claim-input.js';
import type { Deps } from './deps.js';
import { createEngineContext } from './engine-input.js';
import { CLAIM_DEFAULTS, claimValues, draftDetail, LINE_DEFAULTS } from './entry.js';
import { announceValuation, listensToValuation } from './process.js';
import { claimsByIds, toClaim, toLine } from './read.js';
import { type ClaimRow, claim, claimDedRem, claimItem, claimService, type LineRow } from './schema.js';

type Table = typeof claim | typeof claimItem | typeof claimService;
const shapes = new Map<Table, { propOf: Map<string, string>; decimals: string[] }>();
function shapeOf(table: Table) {
  let s = shapes.get(table);
  if (!s) {
    const cols = Object.entries(getTableColumns(table));
    s = {
      propOf: new Map(cols.map(([prop, col]) => [col.name, prop])),
      decimals: cols.filter(([, col]) => col.columnType === 'PgNumeric').map(([prop]) => prop),
    };
    shapes.set(table, s);
  }
  return s;
}
/** A row keyed by column names (as the check writes them) keyed by the table's property names (as inserts take them). */
function toProps(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const { propOf } = shapeOf(table);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[propOf.get(k) ?? k] = v;
  return out;
}
/** A row as the database gives it back: every amount and quantity with its two decimals (numeric(18,2)). */
function asStored<R extends Record<string, unknown>>(table: Table, row: R): R {
  const out: Record<string, unknown> = { ...row };
  for (const k of shapeOf(table).decimals) {
    const v = out[k];
    if (v !== null && v !== undefined) out[k] = formatCents(parseCents(String(v)) ?? 0);
  }
  return out as R;
}

/** One claim of `enterAndSubmitMany`: its sender (rights, audit) and its validated input. */
export interface Submission {
  ctx: Ctx;
  prepared: PreparedClaim;
  process: boolean;
}

/**
 * Entry, check and (with `process`) valuation of one claim a facility system sends, in the caller's transaction:
 * the claim is judged in memory and written once, already checked or valued — three inserts instead of an insert, a
 * re-read and three updates. Same rules, hooks and audit entries as entering then submitting it. Returns the claim as
 * stored.
 */
export async function enterAndSubmit(
  deps: Deps,
  tx: Ctx,
  p: PreparedClaim,
  opts: { process: boolean },
): Promise<ClaimDetail> {
  const [one] = await enterAndSubmitMany(deps, tx, [{ ctx: tx, prepared: p, process: opts.process }]);
  return one!;
}

/**
 * `enterAndSubmit` for several claims in one transaction (`tx`): one engine context, the claims judged one after
 * the other (a later claim of the same patient sees the earlier ones), one statement writing them all. Each claim's
 * audit rows and `createdBy` name its own sender.
 */
export async function enterAndSubmitMany(deps: Deps, tx: Ctx, subs: readonly Submission[]): Promise<ClaimDetail[]> {
  const now = new Date().toISOString();
  const drafts = subs.map((s) => draftDetail(s.prepared, uuidv7(), now));
  const known = subs.flatMap((s) => (s.prepared.insuree ? [s.prepared.insuree] : []));
  const ectx = await createEngineContext(deps, tx, drafts, { insurees: known });
  const claimRows: Array<Record<string, unknown>> = [];
  const itemRows: Array<Record<string, unknown>> = [];
  const serviceRows: Array<Record<string, unknown>> = [];
  const ledgerRows: Array<typeof claimDedRem.$inferInsert> = [];
  const audits: Array<ReturnType<typeof auditRows>[number]> = [];
  const written: Array<{ claim: Record<string, unknown>; items: typeof itemRows; services: typeof serviceRows }> = [];
  for (const [i, c] of drafts.entries()) {
    const sub = subs[i]!;
    const stx = { ...sub.ctx, db: tx.db, afterCommit: tx.afterCommit };
    const userId = sub.ctx.user?.id ?? null;
    const input = await ectx.input(c);
    const ev = await evaluate(deps, stx, c, input);
    const j = judge(c, input, ev, { process: sub.process, now, userId });
    ectx.remember(c, j.checked === 4 ? 'checked' : 'rejected', ev.outcome.category, j.passed);
    if (j.valued) ectx.rememberLedger(c.id, j.valued.ledgerRows);
    const judged = new Map(j.lines.map((l) => [l.row.id as string, l.row]));
    const lines = (table: typeof claimItem | typeof claimService, list: ClaimDetail['items']) =>
      list.map((l, n) => ({
        ...LINE_DEFAULTS,
        id: l.id,
        claimId: c.id,
        insureeId: c.insureeId,
        medicalId: l.medicalId,
        sortOrder: n,
        qtyProvided: l.qtyProvided,
        priceAsked: l.priceAsked,
        explanation: l.explanation,
        ...toProps(table, judged.get(l.id) ?? {}),
      }));
    const row = {
      ...CLAIM_DEFAULTS,
      id: c.id,
      ...claimValues(sub.prepared),
      createdBy: userId,
      createdAt: now,
      ...toProps(claim, { review_status: c.reviewStatus, feedback_status: c.feedbackStatus, ...j.claim }),
    };
    const its = lines(claimItem, c.items);
    const svs = lines(claimService, c.services);
    claimRows.push(row);
    itemRows.push(...its);
    serviceRows.push(...svs);
    ledgerRows.push(...(j.valued?.ledger ?? []));
    audits.push(...auditRows(sub.ctx, [{ entity: 'Claim', entityId: c.id, action: 'create', after: c }, ...j.audits]));
    written.push({ claim: row, items: its, services: svs });
  }
  // The claims, their lines, their ledger rows and their audit entries in one statement.
  try {
    await insertAll(tx, [
      [claim, claimRows],
      [claimItem, itemRows],
      [claimService, serviceRows],
      [claimDedRem, ledgerRows],
      [coreTables.auditLog, audits],
    ]);
  } catch (err) {
    if (isUniqueViolation(err) && drafts.length === 1)
      throw new ConflictError('claim.error.codeTaken', { code: drafts[0]!.code }, [
        { field: 'code', key: 'claim.error.codeTaken', params: { code: drafts[0]!.code } },
      ]);
    throw err;
  }
  if (deps.hooks.listens(claimChecked) || listensToValuation(deps)) {
    for (const stored of await claimsByIds(
      tx,
      drafts.map((d) => d.id),
    )) {
      await deps.hooks.runAfter(claimChecked, { claim: stored }, tx);
      await announceValuation(deps, stored, tx);
    }
  }
  // The claims as stored, without reading them back (the test "POST /api/claims answers the claim as stored" guards it).
  return written.map((w) => ({
    ...toClaim(asStored(claim, w.claim) as unknown as ClaimRow),
    items: w.items.map((r) => toLine('item', asStored(claimItem, r) as unknown as LineRow)),
    services: w.services.map((r) => toLine('service', asStored(claimService, r) as unknown as LineRow)),
  }));
}
