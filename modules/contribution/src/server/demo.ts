import type { Ctx } from '@mutua/kernel';
import type { Policy } from '@mutua/policy';
import { addDays, localToday, minDate } from '../domain/dates.js';
import { fromCents, toCents } from '../domain/money.js';
import type { PayType } from '../domain/types.js';
import type { ContributionApi } from '../points.js';
import type { ContributionDeps } from './deps.js';

/** The services each contribution service was built with (set in setup), for the demo seed. */
export const demoDeps = new WeakMap<ContributionApi, ContributionDeps>();

async function allPolicies(ctx: Ctx, deps: ContributionDeps): Promise<Policy[]> {
  const out: Policy[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await deps.policies.searchPolicies(ctx, {}, { first: 500, after });
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const PAY_TYPES: PayType[] = ['C', 'M', 'B'];

/**
 * Contributions consistent with the demo policies' statuses: active, expired and ready policies are fully paid
 * (in two installments for every other one, plus a photo fee now and then); idle policies are partly paid (a
 * first installment of about 40 %) or not at all (every third one), so they stay idle; suspended ones are partly
 * paid. Receipts `DEMO-00001`… are unique.
 */
export async function seedDemo(ctx: Ctx, contributions: ContributionApi): Promise<void> {
  const deps = demoDeps.get(contributions);
  if (!deps) throw new Error('contribution demo: seedDemo before setup');
  const policies = await allPolicies(ctx, deps);
  const today = localToday();
  let n = 0;
  const receipt = () => `DEMO-${String(++n).padStart(5, '0')}`;
  for (const [i, policy] of policies.entries()) {
    const value = toCents(policy.value) ?? 0n;
    if (value <= 0n) continue;
    const payType = PAY_TYPES[i % PAY_TYPES.length]!;
    const day = (offset: number) => minDate(addDays(policy.enrollDate, offset), today);
    const pay = (amount: bigint, payDate: string, isPhotoFee = false) =>
      contributions.createContribution(ctx, {
        policyId: policy.id,
        amount: fromCents(amount),
        receipt: receipt(),
        payDate,
        payType,
        isPhotoFee,
      });
    const paid = policy.status === 2 || policy.status === 8 || policy.status === 16;
    if (paid) {
      if (i % 2 === 0) {
        const first = (value * 40n) / 100n;
        await pay(first, day(0));
        await pay(value - first, day(10));
      } else {
        await pay(value, day(0));
      }
      if (i % 3 === 0) await pay(50000n, day(0), true);
    } else if (policy.status === 1 || policy.status === 4) {
      if (policy.status === 1 && i % 3 === 2) continue;
      const part = (value * 40n) / 100n;
      if (part > 0n) await pay(part, day(0));
    }
  }
}
