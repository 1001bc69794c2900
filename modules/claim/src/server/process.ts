import type { Insuree } from '@mutua/insuree';
import { anyOf, type Ctx, requireRight, uuidv7, withTransaction } from '@mutua/kernel';
import { formatCents } from '../domain/money.js';
import { processClaim } from '../domain/process.js';
import type { AssignmentResult, ClaimEngineInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { type BulkSummary, type Claim, type ClaimDetail, claimProcessed, claimValuated } from '../points.js';
import { CHECKED_LINE_COLUMNS, inChunks, writeJudged } from './bulk-sql.js';
import type { Deps } from './deps.js';
import { createEngineContext } from './engine-input.js';
import { claimsByIds, loadDetails } from './read.js';
import { claimDedRem } from './schema.js';

const money = (c: number | null | undefined): string | null => (c === null || c === undefined ? null : formatCents(c));

/** The columns a valuation writes on each line (the check's and its own). */
export const VALUED_LINE_COLUMNS = {
  ...CHECKED_LINE_COLUMNS,
  price_adjusted: 'numeric',
  price_valuated: 'numeric',
  deductable_amount: 'numeric',
  exceed_ceiling_amount: 'numeric',
  exceed_ceiling_amount_category: 'numeric',
  remunerated_amount: 'numeric',
} as const;

/** The columns a valuation writes on the claim. */
export const VALUED_CLAIM_COLUMNS = {
  id: 'uuid',
  status: 'smallint',
  category: 'char',
  valuated: 'numeric',
  remunerated: 'numeric',
  rejection_reason: 'smallint',
  review_status: 'smallint',
  feedback_status: 'smallint',
  date_processed: 'date',
  process_stamp: 'timestamptz',
  process_user_id: 'uuid',
  updated_at: 'timestamptz',
} as const;

export const listensToValuation = (deps: Deps) =>
  deps.hooks.listens(claimProcessed) || deps.hooks.listens(claimValuated);

/** Tells the listeners a claim was processed (waiting for the batch, or valuated) and valuated. */
export async function announceValuation(deps: Deps, c: Claim, tx: Ctx): Promise<void> {
  if (c.status === 8 || c.status === 16) await deps.hooks.runAfter(claimProcessed, { claim: c }, tx);
  if (c.status === 16) await deps.hooks.runAfter(claimValuated, { claim: c }, tx);
}

/**
 * Product assignment and valuation of one checked claim (no I/O): the rows to write — lines (those rejected at the
 * check or in review stay as they are), the claim, its ledger rows — and its audit entry.
 */
export function valueClaim(
  c: ClaimDetail,
  input: ClaimEngineInput,
  at: { now: string; userId: string | null },
  reuse?: AssignmentResult,
) {
  const { assignment, valuation } = processClaim(input, reuse);
  const assigned = new Map(assignment.lines.map((l) => [l.lineId, l]));
  const valued = new Map(valuation.lines.map((l) => [l.lineId, l]));
  const lines: Record<'item' | 'service', Array<Record<string, unknown>>> = { item: [], service: [] };
  for (const l of [...c.items, ...c.services] as ClaimDetail['items']) {
    const a = assigned.get(l.id);
    const v = valued.get(l.id);
    if (l.status === 2 || !a) continue; // rejected at the check or in review: untouched
    const rejected = a.status === 'rejected';
    lines[l.kind].push({
      id: l.id,
      status: rejected ? 2 : 1,
      rejection_reason: rejected ? a.reason : 0,
      rejection_params: rejected && Object.keys(a.reasonParams).length ? a.reasonParams : null,
      qty_approved: rejected ? '0' : l.qtyApproved,
      product_id: a.productId,
      policy_id: a.policyId,
      price_origin: a.priceOrigin,
      limitation: a.limitation,
      limitation_value: money(a.limitationValue),
      price_adjusted: v ? money(v.unitPrice) : null,
      price_valuated: v && v.priceOrigin !== 'R' ? money(v.valuated) : null,
      deductable_amount: v ? money(v.deductible) : null,
      exceed_ceiling_amount: v ? money(v.exceedCeiling) : null,
      exceed_ceiling_amount_category: v ? money(v.exceedCeilingCategory) : null,
      remunerated_amount: v ? money(v.remunerated) : null,
    });
  }
  const status: 1 | 8 | 16 = valuation.status === 'valuated' ? 16 : valuation.status === 'processed' ? 8 : 1;
  const claimRow = {
    id: c.id,
    status,
    category: valuation.category,
    valuated: status === 1 ? null : money(valuation.valuatedAmount),
    remunerated: status === 16 ? money(valuation.remuneratedAmount) : null,
    rejection_reason: status === 1 ? 1 : 0,
    review_status: c.reviewStatus === 4 ? 16 : c.reviewStatus,
    feedback_status: c.feedbackStatus === 4 ? 16 : c.feedbackStatus,
    date_processed: at.now.slice(0, 10),
    process_stamp: at.now,
    process_user_id: at.userId,
    updated_at: at.now,
  };
  const ledger: Array<typeof claimDedRem.$inferInsert> = valuation.policies.map((p) => {
    const r = p.ledger;
    return {
      id: uuidv7(),
      claimId: c.id,
      policyId: r.policyId,
      insureeId: r.insureeId,
      productId: p.productId,
      dedG: formatCents(r.dedG),
      dedIp: formatCents(r.dedIp),
      dedOp: formatCents(r.dedOp),
      remG: formatCents(r.remG),
      remIp: formatCents(r.remIp),
      remOp: formatCents(r.remOp),
      remConsult: formatCents(r.remConsult),
      remSurgery: formatCents(r.remSurgery),
      remDelivery: formatCents(r.remDelivery),
      remHospitalization: formatCents(r.remHospitalization),
      remAntenatal: formatCents(r.remAntenatal),
    };
  });
  return {
    status,
    lines,
    claim: claimRow,
    ledger,
    ledgerRows: valuation.ledger,
    audit: {
      entity: 'Claim',
      entityId: c.id,
      action: 'process',
      // Amounts as the claim shows them (decimal text), not the engine's cents: the history reads them as they are.
      after: { status, valuated: money(valuation.valuatedAmount), remunerated: money(valuation.remuneratedAmount) },
    },
  };
}

/**
 * Product assignment and valuation of checked claims (RULES.md §4–§5): lines get their product, policy, price
 * origin, limitation and amounts; the claim its valuated/remunerated totals and status (16, or 8 while
 * relative-price lines wait for the batch run, or 1 when no line is left); the ledger gets one row per policy.
 */
export function createProcessor(deps: Deps) {
  async function processChunk(
    ctx: Ctx,
    ids: readonly string[],
    summary: BulkSummary,
    insurees?: readonly Insuree[],
  ): Promise<void> {
    await withTransaction(ctx, async (tx) => {
      const claims = await loadDetails(deps, tx, ids, true);
      summary.skipped += ids.length - claims.length;
      const checked = claims.filter((c) => c.status === 4);
      summary.skipped += claims.length - checked.length;
      if (!checked.length) return;
      const ectx = await createEngineContext(deps, tx, checked, insurees ? { insurees } : {});
      const lineUpdates: Record<'item' | 'service', Array<Record<string, unknown>>> = { item: [], service: [] };
      const claimUpdates: Array<Record<string, unknown>> = [];
      const ledgerRows: Array<typeof claimDedRem.$inferInsert> = [];
      const audits: Array<{ entity: string; entityId: string; action: string; after: unknown }> = [];
      const now = new Date().toISOString();
      for (const c of checked) {
        const v = valueClaim(c, await ectx.input(c), { now, userId: tx.user?.id ?? null });
        lineUpdates.item.push(...v.lines.item);
        lineUpdates.service.push(...v.lines.service);
        claimUpdates.push(v.claim);
        ledgerRows.push(...v.ledger);
        ectx.rememberLedger(c.id, v.ledgerRows);
        summary[v.status === 16 ? 'valuated' : v.status === 8 ? 'processed' : 'rejected']++;
        audits.push(v.audit);
      }
      const done = checked.map((c) => c.id);
      // The valuation's ledger rows replace any the claims had.
      await tx.db.delete(claimDedRem).where(anyOf(claimDedRem.claimId, done));
      await writeJudged(tx, {
        lineCols: VALUED_LINE_COLUMNS,
        lines: lineUpdates,
        claimCols: VALUED_CLAIM_COLUMNS,
        claims: claimUpdates,
        ledger: ledgerRows,
        audits,
      });
      if (!listensToValuation(deps)) return;
      for (const c of await claimsByIds(tx, done)) await announceValuation(deps, c, tx);
    });
  }

  return {
    async processClaims(
      ctx: Ctx,
      ids: readonly string[],
      progress?: (done: number, total: number) => Promise<void>,
    ): Promise<BulkSummary> {
      requireRight(ctx, RIGHTS.process);
      const unique = [...new Set(ids)];
      const summary: BulkSummary = {
        total: unique.length,
        checked: 0,
        rejected: 0,
        processed: 0,
        valuated: 0,
        skipped: 0,
        failed: 0,
      };
      await inChunks(deps, ctx, unique, (chunk, insurees) => processChunk(ctx, chunk, summary, insurees), progress);
      return summary;
    },
  };
}
