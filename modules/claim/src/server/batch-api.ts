import { type Ctx, pgArray, queryRows, withTransaction } from '@mutua/kernel';
import { inArray, sql } from 'drizzle-orm';
import { claimValuated } from '../points.js';
import type { BatchClaimLine, BatchResult, ClaimBatchApi } from './batch-points.js';
import type { Deps } from './deps.js';
import { toClaim } from './read.js';
import { claim } from './schema.js';

const CHUNK = 5000;

/**
 * Set-based reads and writes for the monthly batch run (modules/claim-batch): one query reads every line of the
 * waiting claims; the result is written with one UPDATE per table and chunk (`jsonb_to_recordset`).
 */
export function createBatchApi(deps: Deps): ClaimBatchApi {
  return {
    async batchClaimLines(ctx, { processedUpTo, runId }) {
      const ofRun = runId ? sql`OR (c.status = 16 AND c.batch_run_id = ${runId}::uuid)` : sql``;
      const lines = (table: string, kind: 'item' | 'service') => sql`
        SELECT l.id::text AS id, ${kind}::text AS kind, c.id::text AS "claimId", c.hf_id::text AS "facilityId",
          l.product_id::text AS "productId", l.status::int AS status, c.date_from::text AS "claimDateFrom",
          c.date_to::text AS "claimDateTo", c.date_processed::text AS processed, l.price_origin::text AS "priceOrigin",
          l.price_asked::text AS "priceAsked", l.qty_provided::text AS "qtyProvided",
          l.price_approved::text AS "priceApproved", l.qty_approved::text AS "qtyApproved",
          l.price_adjusted::text AS "priceAdjusted", l.price_valuated::text AS "priceValuated",
          l.remunerated_amount::text AS remunerated
        FROM ${sql.raw(table)} l JOIN claim c ON c.id = l.claim_id
        WHERE c.deleted_at IS NULL AND c.date_processed <= ${processedUpTo}::date AND (c.status = 8 ${ofRun})`;
      return queryRows<BatchClaimLine>(
        ctx.db,
        // Byte order ("C") sorts uuid text like uuids, without the locale's slower collation.
        sql`SELECT * FROM (${lines('claim_item', 'item')} UNION ALL ${lines('claim_service', 'service')}) u
            ORDER BY "claimId" COLLATE "C", id COLLATE "C"`,
      );
    },

    async applyBatchResult(ctx: Ctx, result: BatchResult) {
      return withTransaction(ctx, async (tx) => {
        for (const kind of ['item', 'service'] as const) {
          const lines = result.lines.filter((l) => l.kind === kind);
          for (let i = 0; i < lines.length; i += CHUNK) {
            const part = lines.slice(i, i + CHUNK);
            // Three arrays rather than JSON: PostgreSQL reads an array literal faster than a JSON document.
            // Lines the index did not re-value (price valuated null in the result) keep their price valuated.
            await tx.db.execute(sql`
              UPDATE ${sql.raw(`claim_${kind}`)} AS t SET remunerated_amount = v.r, price_valuated = COALESCE(v.p, t.price_valuated)
              FROM unnest(${pgArray(part.map((l) => l.id))}::uuid[], ${pgArray(part.map((l) => l.remunerated))}::numeric[],
                ${pgArray(part.map((l) => l.priceValuated))}::numeric[]) AS v(id, r, p)
              WHERE t.id = v.id`);
          }
        }
        let claims = 0;
        const now = new Date().toISOString();
        const listened = deps.hooks.listens(claimValuated);
        for (let i = 0; i < result.claims.length; i += CHUNK) {
          const chunk = JSON.stringify(result.claims.slice(i, i + CHUNK));
          // Only waiting claims change: a repeated call (resumed run) leaves the claims it already valuated alone.
          // The audit rows are written by the same statement (one round-trip, no rows shipped back and forth).
          const changed = await queryRows<{ id: string }>(
            tx.db,
            sql`WITH changed AS (
                  UPDATE claim AS t SET status = 16, remunerated = v.remunerated, batch_run_id = ${result.runId}::uuid,
                    updated_at = ${now}::timestamptz
                  FROM jsonb_to_recordset(${chunk}::jsonb) AS v(id uuid, remunerated numeric)
                  WHERE t.id = v.id AND t.status = 8 AND t.deleted_at IS NULL
                  RETURNING t.id, t.remunerated),
                audited AS (
                  INSERT INTO audit_log (user_id, username, entity, entity_id, action, after)
                  SELECT ${tx.user?.id ?? null}::uuid, ${tx.user?.username ?? null}, 'Claim', c.id::text, 'batch',
                    jsonb_build_object('status', 16, 'remunerated', c.remunerated::text, 'batchRunId', ${result.runId}::text)
                  FROM changed c)
                SELECT id::text AS id FROM changed`,
          );
          claims += changed.length;
          if (!changed.length || !listened) continue;
          const rows = await tx.db
            .select()
            .from(claim)
            .where(
              inArray(
                claim.id,
                changed.map((r) => r.id),
              ),
            );
          for (const r of rows) await deps.hooks.runAfter(claimValuated, { claim: toClaim(r) }, tx);
        }
        return { lines: result.lines.length, claims };
      });
    },
  };
}
