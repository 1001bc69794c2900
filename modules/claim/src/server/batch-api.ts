import { type Ctx, pgArray, queryRows, withTransaction } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import { claimValuated } from '../points.js';
import type { BatchClaimLine, BatchResult, ClaimBatchApi } from './batch-points.js';
import type { Deps } from './deps.js';
import { claimsByIds } from './read.js';

const CHUNK = 5000;

/**
 * Set-based reads and writes for the monthly batch run (modules/claim-batch): one query reads every line of the
 * waiting claims; the result is written with one UPDATE per table and chunk (`json_to_recordset`).
 */
export function createBatchApi(deps: Deps): ClaimBatchApi {
  return {
    async batchClaimLines(ctx, { processedUpTo, runId }) {
      const ofRun = runId ? sql`OR (c.status = 16 AND c.batch_run_id = ${runId}::uuid)` : sql``;
      const waiting = sql`c.deleted_at IS NULL AND c.date_processed <= ${processedUpTo}::date AND (c.status = 8 ${ofRun})`;
      const lines = (table: string, kind: 'item' | 'service') => sql`
        SELECT l.id, ${kind}::text AS kind, l.claim_id, l.product_id, l.status, l.price_origin, l.price_asked,
          l.qty_provided, l.price_approved, l.qty_approved, l.price_adjusted, l.price_valuated, l.remunerated_amount
        FROM ${sql.raw(table)} l WHERE l.claim_id IN (SELECT c.id FROM claim c WHERE ${waiting})`;
      // Two queries at once (two connections when the caller is not in a transaction): the claims' own facts once
      // per claim, the lines without them — a million lines carry four columns fewer.
      const [claims, rows] = await Promise.all([
        queryRows<{
          id: string;
          facilityId: string;
          dateFrom: string;
          dateTo: string | null;
          processed: string;
          status: 8 | 16;
        }>(
          ctx.db,
          sql`SELECT c.id::text AS id, c.hf_id::text AS "facilityId", c.date_from::text AS "dateFrom",
                c.date_to::text AS "dateTo", c.date_processed::text AS processed, c.status::int AS status
              FROM claim c WHERE ${waiting}`,
        ),
        queryRows<Omit<BatchClaimLine, 'facilityId' | 'claimDateFrom' | 'claimDateTo' | 'processed' | 'claimStatus'>>(
          ctx.db,
          sql`SELECT u.id::text AS id, u.kind, u.claim_id::text AS "claimId", u.product_id::text AS "productId",
                u.status::int AS status, u.price_origin::text AS "priceOrigin", u.price_asked::text AS "priceAsked",
                u.qty_provided::text AS "qtyProvided", u.price_approved::text AS "priceApproved",
                u.qty_approved::text AS "qtyApproved", u.price_adjusted::text AS "priceAdjusted",
                u.price_valuated::text AS "priceValuated", u.remunerated_amount::text AS remunerated
              FROM (${lines('claim_item', 'item')} UNION ALL ${lines('claim_service', 'service')}) u
              ORDER BY u.claim_id, u.id`,
        ),
      ]);
      const byId = new Map(claims.map((c) => [c.id, c]));
      const out: BatchClaimLine[] = [];
      for (const r of rows) {
        const c = byId.get(r.claimId);
        if (!c) continue; // a claim that changed between the two reads (never during a run: nothing else writes 8)
        const line = r as BatchClaimLine; // completed in place: a million copies would double the garbage
        line.facilityId = c.facilityId;
        line.claimDateFrom = c.dateFrom;
        line.claimDateTo = c.dateTo;
        line.processed = c.processed;
        line.claimStatus = c.status;
        out.push(line);
      }
      return out;
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
                  FROM json_to_recordset(${chunk}::json) AS v(id uuid, remunerated numeric)
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
          for (const c of await claimsByIds(
            tx,
            changed.map((r) => r.id),
          ))
            await deps.hooks.runAfter(claimValuated, { claim: c }, tx);
        }
        return { lines: result.lines.length, claims };
      });
    },
  };
}
