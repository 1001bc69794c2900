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

export interface PolicyBatchApi {
  /** Current policies of the given products, in one query (system read: the batch run checks its own right). */
  batchPolicies(ctx: Ctx, productIds: readonly string[]): Promise<BatchPolicy[]>;
}

export const policyBatchApi: PolicyBatchApi = {
  async batchPolicies(ctx, productIds) {
    if (!productIds.length) return [];
    return queryRows<BatchPolicy>(
      ctx.db,
      sql`SELECT id::text AS id, product_id::text AS "productId", status::int AS status,
            effective_date::text AS "effectiveDate", expiry_date::text AS "expiryDate"
          FROM policy
          WHERE valid_to IS NULL AND product_id = ANY(${`{${productIds.join(',')}}`}::uuid[])`,
    );
  },
};
