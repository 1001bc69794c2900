import { type Ctx, requireRight, uuidv7, withTransaction } from '@mutua/kernel';
import { inArray } from 'drizzle-orm';
import { formatCents } from '../domain/money.js';
import { processClaim } from '../domain/process.js';
import { RIGHTS } from '../manifest.js';
import { type BulkSummary, type ClaimDetail, claimProcessed, claimValuated } from '../points.js';
import { auditMany, bulkUpdate, CHECKED_LINE_COLUMNS } from './bulk-sql.js';
import type { Deps } from './deps.js';
import { createEngineContext, type ReferenceCache } from './engine-input.js';
import { loadDetails, toClaim } from './read.js';
import { claim, claimDedRem } from './schema.js';

const CHUNK = 500;
const money = (c: number | null | undefined): string | null => (c === null || c === undefined ? null : formatCents(c));
const today = () => new Date().toISOString().slice(0, 10);

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
    cache?: ReferenceCache,
  ): Promise<void> {
    await withTransaction(ctx, async (tx) => {
      const claims = await loadDetails(deps, tx, ids, true);
      summary.skipped += ids.length - claims.length;
      const checked = claims.filter((c) => c.status === 4);
      summary.skipped += claims.length - checked.length;
      if (!checked.length) return;
      const ectx = await createEngineContext(deps, tx, checked, cache);
      const lineUpdates: Record<'item' | 'service', Array<Record<string, unknown>>> = { item: [], service: [] };
      const claimUpdates: Array<Record<string, unknown>> = [];
      const ledgerRows: Array<typeof claimDedRem.$inferInsert> = [];
      const audits: Array<{ entity: string; entityId: string; action: string; after: unknown }> = [];
      const now = new Date().toISOString();
      for (const c of checked) {
        const input = await ectx.input(c);
        const { assignment, valuation } = processClaim(input);
        const assigned = new Map(assignment.lines.map((l) => [l.lineId, l]));
        const valued = new Map(valuation.lines.map((l) => [l.lineId, l]));
        for (const l of [...c.items, ...c.services] as ClaimDetail['items']) {
          const a = assigned.get(l.id);
          const v = valued.get(l.id);
          if (l.status === 2 || !a) continue; // rejected at the check or in review: untouched
          const rejected = a.status === 'rejected';
          lineUpdates[l.kind].push({
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
        const status = valuation.status === 'valuated' ? 16 : valuation.status === 'processed' ? 8 : 1;
        claimUpdates.push({
          id: c.id,
          status,
          category: valuation.category,
          valuated: status === 1 ? null : money(valuation.valuatedAmount),
          remunerated: status === 16 ? money(valuation.remuneratedAmount) : null,
          rejection_reason: status === 1 ? 1 : 0,
          review_status: c.reviewStatus === 4 ? 16 : c.reviewStatus,
          feedback_status: c.feedbackStatus === 4 ? 16 : c.feedbackStatus,
          date_processed: today(),
          process_stamp: now,
          process_user_id: tx.user?.id ?? null,
          updated_at: now,
        });
        for (const p of valuation.policies) {
          const r = p.ledger;
          ledgerRows.push({
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
          });
        }
        ectx.rememberLedger(c.id, valuation.ledger);
        if (status === 16) summary.valuated++;
        else if (status === 8) summary.processed++;
        else summary.rejected++;
        audits.push({
          entity: 'Claim',
          entityId: c.id,
          action: 'process',
          after: { status, valuated: valuation.valuatedAmount, remunerated: valuation.remuneratedAmount },
        });
      }
      const lineTypes = {
        ...CHECKED_LINE_COLUMNS,
        price_adjusted: 'numeric',
        price_valuated: 'numeric',
        deductable_amount: 'numeric',
        exceed_ceiling_amount: 'numeric',
        exceed_ceiling_amount_category: 'numeric',
        remunerated_amount: 'numeric',
      } as const;
      await bulkUpdate(tx, 'claim_item', lineTypes, lineUpdates.item);
      await bulkUpdate(tx, 'claim_service', lineTypes, lineUpdates.service);
      await bulkUpdate(
        tx,
        'claim',
        {
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
        },
        claimUpdates,
      );
      const done = checked.map((c) => c.id);
      await tx.db.delete(claimDedRem).where(inArray(claimDedRem.claimId, done));
      if (ledgerRows.length) await tx.db.insert(claimDedRem).values(ledgerRows);
      await auditMany(tx, audits);
      if (!deps.hooks.listens(claimProcessed) && !deps.hooks.listens(claimValuated)) return;
      const rows = await tx.db.select().from(claim).where(inArray(claim.id, done));
      for (const r of rows) {
        const c = toClaim(r);
        if (c.status === 8 || c.status === 16) await deps.hooks.runAfter(claimProcessed, { claim: c }, tx);
        if (c.status === 16) await deps.hooks.runAfter(claimValuated, { claim: c }, tx);
      }
    });
  }

  return {
    async processClaims(
      ctx: Ctx,
      ids: readonly string[],
      progress?: (done: number, total: number) => Promise<void>,
      /** Reference data already read in this transaction (submitClaim checks then values the same claim). */
      cache?: ReferenceCache,
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
      for (let i = 0; i < unique.length; i += CHUNK) {
        await processChunk(ctx, unique.slice(i, i + CHUNK), summary, cache);
        await progress?.(Math.min(i + CHUNK, unique.length), unique.length);
      }
      return summary;
    },
  };
}
