import { toCents } from './money.js';

/** What the totals need of a contribution. */
export interface Paid {
  amount: string;
  isPhotoFee: boolean;
}

/**
 * The paid total of a policy in cents: Σ amounts of its current contributions, photo fees excluded (RULES.md §7.3:
 * photo fees never count towards the value).
 */
export function paidTotal(contributions: readonly Paid[]): bigint {
  let total = 0n;
  for (const c of contributions) {
    if (c.isPhotoFee) continue;
    const cents = toCents(c.amount);
    if (cents === null) throw new Error(`contribution: stored amount is not a decimal: ${c.amount}`);
    total += cents;
  }
  return total;
}

/** The amount still due on a policy in cents: value − paid, never below 0 (an over-payment owes nothing). */
export const amountDue = (value: bigint, paid: bigint): bigint => (paid >= value ? 0n : value - paid);

/** Installments paid: contributions that count towards the value (photo fees are not installments). */
export const installments = (contributions: readonly Paid[]): number =>
  contributions.filter((c) => !c.isPhotoFee).length;
