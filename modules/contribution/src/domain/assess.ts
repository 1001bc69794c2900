import { maxDate } from './dates.js';
import { amountDue } from './paid-total.js';
import type { ActivationOption } from './types.js';

/** Policy status codes (DOMAIN.md §10.1): 1 idle, 2 active, 4 suspended, 8 expired, 16 ready. */
export const IDLE = 1;

/** What deciding about one contribution needs. All money in cents. */
export interface AssessInput {
  policy: { status: number; value: bigint; startDate: string };
  /** Paid total of the policy's other current contributions (photo fees excluded). */
  paidBefore: bigint;
  /** Installments already paid (photo fees excluded). */
  installmentsBefore: number;
  amount: bigint;
  isPhotoFee: boolean;
  payDate: string;
  /** Last date for payment, or null when the product sets none. */
  deadline: string | null;
  /** Product's max installments; null or 0 = no limit. */
  maxInstallments: number | null;
  activationOption: ActivationOption;
}

/** Things the user should know before saving; none of them refuses the contribution. */
export type AssessWarning =
  /** Paid after the last date for payment while the value is not reached (legacy flag L). */
  | 'late'
  /** The allowed number of installments is reached and the value is not (legacy flag M). */
  | 'lastInstallment'
  /** The payment goes beyond the value (legacy P = 2). */
  | 'overpaid'
  /** The value is reached but the policy is not idle, so nothing changes on it. */
  | 'notIdle';

export interface Assessment {
  /** Paid total after this contribution, in cents. */
  paidAfter: bigint;
  dueBefore: bigint;
  dueAfter: bigint;
  /** This contribution activates the policy. */
  activates: boolean;
  /** The date the policy takes effect when it activates: max(pay date, start date) (DECISIONS.md #25). */
  effectiveDate: string | null;
  /** Installment number of this contribution (null for a photo fee). */
  installment: number | null;
  warnings: AssessWarning[];
}

/**
 * Decides what a contribution does to its policy (RULES.md §7.3, DECISIONS.md #25): it activates the policy when the
 * policy is idle, the activation option lets contributions activate, and the paid total (photo fees excluded)
 * reaches the value; the effective date is the later of the pay date and the policy's start date. A partial
 * payment never activates; lateness and the installment count only warn (legacy Wait/Suspend/Enforce choices are
 * not offered: the policy stays idle until paid).
 */
export function assessContribution(a: AssessInput): Assessment {
  const counted = a.isPhotoFee ? 0n : a.amount;
  const paidAfter = a.paidBefore + counted;
  const dueBefore = amountDue(a.policy.value, a.paidBefore);
  const dueAfter = amountDue(a.policy.value, paidAfter);
  const reached = paidAfter >= a.policy.value;
  const installment = a.isPhotoFee ? null : a.installmentsBefore + 1;
  const warnings: AssessWarning[] = [];
  if (!a.isPhotoFee && !reached) {
    if (a.deadline && a.payDate > a.deadline) warnings.push('late');
    if (a.maxInstallments && installment !== null && installment >= a.maxInstallments) warnings.push('lastInstallment');
  }
  if (!a.isPhotoFee && paidAfter > a.policy.value && counted > 0n) warnings.push('overpaid');
  const idle = a.policy.status === IDLE;
  // Only a contribution that counts can activate: a photo fee on an already-paid idle policy changes nothing.
  const activates = idle && reached && counted > 0n && a.activationOption === 'contribution';
  if (reached && counted > 0n && !idle && dueBefore > 0n) warnings.push('notIdle');
  return {
    paidAfter,
    dueBefore,
    dueAfter,
    activates,
    effectiveDate: activates ? maxDate(a.payDate, a.policy.startDate) : null,
    installment,
    warnings,
  };
}
