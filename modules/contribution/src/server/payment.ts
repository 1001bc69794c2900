import { type Ctx, systemUser } from '@mutua/kernel';
import type { Policy, PolicyApi } from '@mutua/policy';
import type { Product, ProductApi } from '@mutua/product';
import { assessContribution } from '../domain/assess.js';
import { paymentDeadline } from '../domain/deadline.js';
import { fromCents, toCents } from '../domain/money.js';
import { installments, paidTotal } from '../domain/paid-total.js';
import type { ActivationOption, Contribution } from '../domain/types.js';
import type { ContributionPreview, PolicyPayment } from '../points.js';

/**
 * Product terms are read as the system: a clerk recording a contribution needs the product's grace periods and
 * installment limit, not the product-register right (only these terms leave this module).
 */
export const asSystem = (ctx: Ctx): Ctx => ({ ...ctx, user: systemUser() });

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Product terms the payment rules read. */
export interface Terms {
  maxInstallments: number | null;
  deadline: string | null;
}

export async function termsOf(
  ctx: Ctx,
  policy: Policy,
  deps: { products: ProductApi; policies: PolicyApi },
): Promise<Terms> {
  const product: Product | null = await deps.products.getProduct(asSystem(ctx), policy.productId);
  if (!product) return { maxInstallments: null, deadline: null };
  let previousExpiryDate: string | null = null;
  if (policy.stage === 'R' && policy.previousPolicyId) {
    previousExpiryDate = (await deps.policies.getPolicy(ctx, policy.previousPolicyId))?.expiryDate ?? null;
  }
  const hasCycles = [1, 2, 3, 4].some((i) => typeof product[`startCycle${i}`] === 'string');
  const deadline = paymentDeadline({
    stage: policy.stage,
    enrollDate: policy.enrollDate,
    startDate: policy.startDate,
    previousExpiryDate,
    hasCycles,
    gracePeriodEnrolment: int(product.gracePeriodEnrolment),
    gracePeriodRenewal: int(product.gracePeriodRenewal),
    gracePeriodPayment: int(product.gracePeriodPayment),
  });
  const max = int(product.maxInstallments);
  return { maxInstallments: max && max > 0 ? max : null, deadline };
}

/** The policy's value in cents (the policy module stores numeric(18,2)). */
export function valueCents(policy: Policy): bigint {
  const v = toCents(policy.value);
  if (v === null) throw new Error(`contribution: policy ${policy.id} has a value that is not an amount`);
  return v;
}

/** Where the policy stands, from its current contributions. */
export function paymentFrom(policy: Policy, rows: readonly Contribution[], terms: Terms): PolicyPayment {
  const value = valueCents(policy);
  const paid = paidTotal(rows);
  const photoFees = paidTotal(rows.filter((r) => r.isPhotoFee).map((r) => ({ ...r, isPhotoFee: false })));
  return {
    policyId: policy.id,
    status: policy.status,
    value: fromCents(value),
    paid: fromCents(paid),
    due: fromCents(paid >= value ? 0n : value - paid),
    photoFees: fromCents(photoFees),
    installments: installments(rows),
    maxInstallments: terms.maxInstallments,
    deadline: terms.deadline,
    startDate: policy.startDate,
  };
}

/** What one more contribution (or a changed one: left out of `others`) does to the policy. */
export function previewFrom(
  policy: Policy,
  others: readonly Contribution[],
  terms: Terms,
  c: { amount: bigint; payDate: string; isPhotoFee: boolean },
  activationOption: ActivationOption,
): ContributionPreview {
  const payment = paymentFrom(policy, others, terms);
  const a = assessContribution({
    policy: { status: policy.status, value: valueCents(policy), startDate: policy.startDate },
    paidBefore: paidTotal(others),
    installmentsBefore: installments(others),
    amount: c.amount,
    isPhotoFee: c.isPhotoFee,
    payDate: c.payDate,
    deadline: terms.deadline,
    maxInstallments: terms.maxInstallments,
    activationOption,
  });
  return {
    ...payment,
    paidAfter: fromCents(a.paidAfter),
    dueAfter: fromCents(a.dueAfter),
    activates: a.activates,
    effectiveDate: a.effectiveDate,
    installment: a.installment,
    warnings: a.warnings,
  };
}
