import { addDays, addMonths } from './dates.js';

/** What the payment deadline needs of a policy and its product (DOMAIN.md §7.1, §11). */
export interface DeadlineInput {
  stage: 'N' | 'R';
  enrollDate: string;
  startDate: string;
  /** Expiry of the policy this one renews (stage R), when known. */
  previousExpiryDate?: string | null;
  /** The product has fixed start cycles (`startCycle1..4`). */
  hasCycles: boolean;
  gracePeriodEnrolment: number | null;
  gracePeriodRenewal: number | null;
  /** Months allowed to pay (openIMIS column `WaitingPeriod`), for products without cycles. */
  gracePeriodPayment: number | null;
}

/**
 * The last date for payment (RULES.md §7.3, SP uspLastDateForPayment):
 * - with cycles: start date + grace months (enrolment grace for a new policy, renewal grace for a renewal) − 1 day;
 * - without cycles: new → enrolment date + payment grace months − 1 day; renewal → (previous expiry + 1 day, or the
 *   start date when the previous policy is unknown) + payment grace months − 1 day.
 * Mutua choice: a product without cycles and without payment grace (null or 0) sets no deadline (null) — legacy
 * would give the day before enrolment, which makes every payment late.
 */
export function paymentDeadline(p: DeadlineInput): string | null {
  if (p.hasCycles) {
    const grace = (p.stage === 'N' ? p.gracePeriodEnrolment : p.gracePeriodRenewal) ?? 0;
    return addDays(addMonths(p.startDate, grace), -1);
  }
  const grace = p.gracePeriodPayment ?? 0;
  if (grace <= 0) return null;
  const from = p.stage === 'N' ? p.enrollDate : p.previousExpiryDate ? addDays(p.previousExpiryDate, 1) : p.startDate;
  return addDays(addMonths(from, grace), -1);
}
