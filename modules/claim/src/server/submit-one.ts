import { ConflictError, type Ctx, coreTables, insertAll, isUniqueViolation, uuidv7 } from '@mutua/kernel';
import { getTableColumns } from 'drizzle-orm';
import { formatCents, parseCents } from '../domain/money.js';
import { type ClaimDetail, type ClaimLine, claimChecked } from '../points.js';
import { auditRows } from './bulk-sql.js';
import { evaluate, judge } from './check.js';
import type { PreparedClaim } from './claim-input.js';
import type { Deps } from './deps.js';
import { createEngineContext } from './engine-input.js';
import { draftDetail } from './entry.js';
import { announceValuation, listensToValuation } from './process.js';
import { claimsByIds, toClaim, toLine } from './read.js';
import { type ClaimRow, claim, claimDedRem, claimItem, claimService, type LineRow } from './schema.js';

type Table = typeof claim | typeof claimItem | typeof claimService;
type Row = Record<string, unknown>;
const shapes = new Map<Table, { propOf: Record<string, string>; decimals: string[] }>();
function shapeOf(table: Table) {
  let s = shapes.get(table);
  if (!s) {
    const cols = Object.entries(getTableColumns(table));
    s = {
      propOf: Object.fromEntries(cols.map(([prop, col]) => [col.name, prop])),
      decimals: cols.filter(([, col]) => col.columnType === 'PgNumeric').map(([prop]) => prop),
    };
    shapes.set(table, s);
  }
  return s;
}
/**
 * Puts what the check wrote (keyed by column names) on a row keyed by the table's properties. The row has every one
 * of those fields already, so these are stores to existing fields: the row keeps its one shape (see `enteredLine`).
 */
function overlay(table: Table, row: Row, judged: Row | undefined): Row {
  if (!judged) return row;
  const { propOf } = shapeOf(table);
  for (const k in judged) row[propOf[k] ?? k] = judged[k];
  return row;
}

/** The insert row of a line as judged: the entered line's fields, then the check's and the valuation's. */
function storedLine(table: Table, c: ClaimDetail, l: ClaimLine, sortOrder: number, judged: Row | undefined): Row {
  const row: Row = {
    id: l.id,
    claimId: c.id,
    insureeId: c.insureeId,
    medicalId: l.medicalId,
    sortOrder,
    status: l.status,
    qtyProvided: l.qtyProvided,
    qtyApproved: l.qtyApproved,
    priceAsked: l.priceAsked,
    priceAdjusted: l.priceAdjusted,
    priceApproved: l.priceApproved,
    priceValuated: l.priceValuated,
    explanation: l.explanation,
    justification: l.justification,
    rejectionReason: l.rejectionReason,
    rejectionParams: l.rejectionParams,
    productId: l.productId,
    policyId: l.policyId,
    priceOrigin: l.priceOrigin,
    limitation: l.limitation,
    limitationValue: l.limitationValue,
    deductableAmount: l.deductableAmount,
    exceedCeilingAmount: l.exceedCeilingAmount,
    exceedCeilingAmountCategory: l.exceedCeilingAmountCategory,
    remuneratedAmount: l.remuneratedAmount,
  };
  return overlay(table, row, judged);
}

/** The insert row of a claim as judged: the entered claim's fields, then the check's and the valuation's. */
function storedClaim(c: ClaimDetail, createdBy: string | null, judged: Row): Row {
  const row: Row = {
    id: c.id,
    code: c.code,
    hfId: c.hfId,
    insureeId: c.insureeId,
    adminId: c.adminId,
    dateFrom: c.dateFrom,
    dateTo: c.dateTo,
    dateClaimed: c.dateClaimed,
    icdId: c.icdId,
    icd1Id: c.secondaryIcdIds[0] ?? null,
    icd2Id: c.secondaryIcdIds[1] ?? null,
    icd3Id: c.secondaryIcdIds[2] ?? null,
    icd4Id: c.secondaryIcdIds[3] ?? null,
    visitType: c.visitType,
    category: c.category,
    status: c.status,
    reviewStatus: c.reviewStatus,
    feedbackStatus: c.feedbackStatus,
    feedbackAvailable: c.feedbackAvailable,
    rejectionReason: c.rejectionReason,
    guaranteeId: c.guaranteeId,
    explanation: c.explanation,
    adjustment: c.adjustment,
    claimed: c.claimed,
    approved: c.approved,
    valuated: c.valuated,
    remunerated: c.remunerated,
    dateProcessed: c.dateProcessed,
    submitStamp: c.submitStamp,
    processStamp: c.processStamp,
    submitUserId: null,
    processUserId: null,
    restoreId: c.restoreId,
    reviewFlags: null,
    createdAt: c.createdAt,
    createdBy,
    updatedAt: c.updatedAt,
  };
  return overlay(claim, row, judged);
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
    const row = storedClaim(c, userId, j.claim);
    const its = c.items.map((l, n) => storedLine(claimItem, c, l, n, judged.get(l.id)));
    const svs = c.services.map((l, n) => storedLine(claimService, c, l, n, judged.get(l.id)));
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
