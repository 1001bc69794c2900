import { ConflictError, type Ctx, coreTables, insertAll, isUniqueViolation, uuidv7 } from '@mutua/kernel';
import { getTableColumns } from 'drizzle-orm';
import { formatCents, parseCents } from '../domain/money.js';
import { type ClaimDetail, claimChecked } from '../points.js';
import { auditRows } from './bulk-sql.js';
import { evaluate, judge } from './check.js';
import type { PreparedClaim } from './claim-input.js';
import type { Deps } from './deps.js';
import { createEngineContext } from './engine-input.js';
import { claimValues, draftDetail, LINE_DEFAULTS } from './entry.js';
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
/** What a claim row holds when the insert leaves it to the column defaults. */
const CLAIM_DEFAULTS = {
  adminId: null,
  category: null,
  feedbackAvailable: false,
  rejectionReason: 0,
  adjustment: null,
  approved: null,
  valuated: null,
  remunerated: null,
  dateProcessed: null,
  submitStamp: null,
  processStamp: null,
  restoreId: null,
  reviewFlags: null,
};

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
  const now = new Date().toISOString();
  const userId = tx.user?.id ?? null;
  const c = draftDetail(p, uuidv7(), now);
  const ectx = await createEngineContext(deps, tx, [c], p.insuree ? { insurees: [p.insuree] } : {});
  const input = await ectx.input(c);
  const ev = await evaluate(deps, tx, c, input);
  const j = judge(c, input, ev, { process: opts.process, now, userId });
  const judged = new Map(j.lines.map((l) => [l.row.id as string, l.row]));
  const lines = (table: typeof claimItem | typeof claimService, list: ClaimDetail['items']) =>
    list.map((l, i) => ({
      ...LINE_DEFAULTS,
      id: l.id,
      claimId: c.id,
      insureeId: c.insureeId,
      medicalId: l.medicalId,
      sortOrder: i,
      qtyProvided: l.qtyProvided,
      priceAsked: l.priceAsked,
      explanation: l.explanation,
      ...toProps(table, judged.get(l.id) ?? {}),
    }));
  const claimRow = {
    ...CLAIM_DEFAULTS,
    id: c.id,
    ...claimValues(p),
    createdBy: userId,
    createdAt: now,
    ...toProps(claim, { review_status: c.reviewStatus, feedback_status: c.feedbackStatus, ...j.claim }),
  };
  const itemRows = lines(claimItem, c.items);
  const serviceRows = lines(claimService, c.services);
  // The claim, its lines, its ledger rows and its audit entries in one statement.
  try {
    await insertAll(tx, [
      [claim, [claimRow]],
      [claimItem, itemRows],
      [claimService, serviceRows],
      [claimDedRem, j.valued?.ledger ?? []],
      [
        coreTables.auditLog,
        auditRows(tx, [{ entity: 'Claim', entityId: c.id, action: 'create', after: c }, ...j.audits]),
      ],
    ]);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('claim.error.codeTaken', { code: c.code }, [
        { field: 'code', key: 'claim.error.codeTaken', params: { code: c.code } },
      ]);
    throw err;
  }
  if (deps.hooks.listens(claimChecked) || (j.valued && listensToValuation(deps))) {
    const [stored] = await claimsByIds(tx, [c.id]);
    if (stored) {
      await deps.hooks.runAfter(claimChecked, { claim: stored }, tx);
      if (j.valued) await announceValuation(deps, stored, tx);
    }
  }
  // The claim as stored, without reading it back (the test "POST /api/claims answers the claim as stored" guards it).
  return {
    ...toClaim(asStored(claim, claimRow) as unknown as ClaimRow),
    items: itemRows.map((r) => toLine('item', asStored(claimItem, r) as unknown as LineRow)),
    services: serviceRows.map((r) => toLine('service', asStored(claimService, r) as unknown as LineRow)),
  };
}
