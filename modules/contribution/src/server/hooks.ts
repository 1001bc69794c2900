import type { Hooks } from '@mutua/kernel';
import { payerDeleted } from '@mutua/payer';
import { policyDeleting } from '@mutua/policy';
import { and, count, eq, isNull } from 'drizzle-orm';
import { premium } from './schema.js';

/**
 * Guards other modules' deletes:
 * - a payer named by current contributions stays (their receipts would lose who paid);
 * - a policy with current contributions is not deleted. openIMIS soft-deletes the contributions with the policy;
 *   Mutua refuses instead, so money never disappears as a side effect: delete the contributions first (each one
 *   audited), then the policy.
 */
export function guardDeletes(hooks: Hooks): void {
  hooks.validate(payerDeleted, async ({ payer }, ctx) => {
    const [r] = await ctx.db
      .select({ n: count() })
      .from(premium)
      .where(and(isNull(premium.validTo), eq(premium.payerId, payer.id)));
    const n = r?.n ?? 0;
    return n > 0 ? [{ field: 'id', key: 'contribution.error.payerHasContributions', params: { count: n } }] : [];
  });
  hooks.validate(policyDeleting, async ({ policy }, ctx) => {
    const [r] = await ctx.db
      .select({ n: count() })
      .from(premium)
      .where(and(isNull(premium.validTo), eq(premium.policyId, policy.id)));
    const n = r?.n ?? 0;
    return n > 0 ? [{ field: 'id', key: 'contribution.error.policyHasContributions', params: { count: n } }] : [];
  });
}
