import type { InsureeApi } from '@mutua/insuree';
import { type Ctx, queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';

/** A current policy's facts for the monthly batch allocation (modules/claim-batch). */
export interface BatchPolicy {
  id: string;
  productId: string;
  /** 1 idle, 2 active, 4 suspended, 8 expired, 16 ready. */
  status: number;
  effectiveDate: string | null;
  expiryDate: string;
}

/** Insured people and families of a product living in a village on a date (capitation, RULES.md §9.4). */
export interface InsuredInVillage {
  productId: string;
  villageId: string;
  people: number;
  families: number;
}

export interface PolicyBatchApi {
  /** Current policies of the given products, in one query (system read: the batch run checks its own right). */
  batchPolicies(ctx: Ctx, productIds: readonly string[]): Promise<BatchPolicy[]>;
  /**
   * Distinct insurees (and their families) with a coverage row of a policy of the product effective on or before
   * `date` and expiring after it, per product and village of the family — one grouped query (system read).
   */
  insuredByVillage(ctx: Ctx, productIds: readonly string[], date: string): Promise<InsuredInVillage[]>;
}

const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

export function createPolicyBatchApi(insuree: InsureeApi): PolicyBatchApi {
  return {
    async batchPolicies(ctx, productIds) {
      if (!productIds.length) return [];
      return queryRows<BatchPolicy>(
        ctx.db,
        sql`SELECT id::text AS id, product_id::text AS "productId", status::int AS status,
              effective_date::text AS "effectiveDate", expiry_date::text AS "expiryDate"
            FROM policy
            WHERE valid_to IS NULL AND product_id = ANY(${uuids(productIds)}::uuid[])`,
      );
    },
    async insuredByVillage(ctx, productIds, date) {
      if (!productIds.length) return [];
      return queryRows<InsuredInVillage>(
        ctx.db,
        sql`SELECT p.product_id::text AS "productId", v.village::text AS "villageId",
              count(DISTINCT ip.insuree_id)::int AS people, count(DISTINCT p.family_id)::int AS families
            FROM insuree_policy ip
            JOIN policy p ON p.id = ip.policy_id AND p.valid_to IS NULL
            CROSS JOIN LATERAL (SELECT ${insuree.familyVillageSql(sql`p.family_id`)} AS village) v
            WHERE ip.valid_to IS NULL AND p.product_id = ANY(${uuids(productIds)}::uuid[])
              AND ip.effective_date <= ${date}::date AND ip.expiry_date > ${date}::date AND v.village IS NOT NULL
            GROUP BY 1, 2`,
      );
    },
  };
}
