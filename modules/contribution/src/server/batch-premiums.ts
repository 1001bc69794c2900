import { type Ctx, queryRows } from '@mutua/kernel';
import { sql } from 'drizzle-orm';

/** A current contribution as the monthly batch allocation reads it (modules/claim-batch). Money: decimal string. */
export interface BatchPremium {
  id: string;
  policyId: string;
  productId: string;
  amount: string;
  payDate: string;
  isPhotoFee: boolean;
}

export interface ContributionBatchApi {
  /**
   * Current contributions of the given products paid on or before `paidUpTo`, in one query (system read: the
   * batch run checks its own right).
   */
  batchPremiums(ctx: Ctx, productIds: readonly string[], paidUpTo: string): Promise<BatchPremium[]>;
}

export const contributionBatchApi: ContributionBatchApi = {
  async batchPremiums(ctx, productIds, paidUpTo) {
    if (!productIds.length) return [];
    return queryRows<BatchPremium>(
      ctx.db,
      sql`SELECT id::text AS id, policy_id::text AS "policyId", product_id::text AS "productId",
            amount::text AS amount, pay_date::text AS "payDate", is_photo_fee AS "isPhotoFee"
          FROM premium
          WHERE valid_to IS NULL AND pay_date <= ${paidUpTo}::date
            AND product_id = ANY(${`{${productIds.join(',')}}`}::uuid[])`,
    );
  },
};
