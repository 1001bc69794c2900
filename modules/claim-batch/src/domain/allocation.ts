/**
 * Allocated contribution (RULES.md §6.2 "PrdValue"): each premium is spread evenly, day by day, over the part of its
 * policy it pays for, and a period receives the days it covers.
 *
 * Choices (README "Allocation"):
 * - A premium pays for the days from max(pay date, effective date) to the expiry date, both included; a period is the
 *   inclusive window [start, end]. (The SP counts one end in the denominator and both ends of a window that ends on
 *   the 1st of the next month, so consecutive months overlap by a day and over-allocate.)
 * - Kept: valid premiums of policies that are not idle (status ≠ 1) with an effective date, paid on or before expiry.
 *   Photo fees are not contributions to the pool (RULES.md §7.3) and are left out.
 * - Rounding is cumulative per premium: a window gets round(amount × days covered up to its end / D) −
 *   round(amount × days covered before its start / D), half-up. Allocations of consecutive windows therefore add
 *   up exactly to the allocation of their union, and to the premium when the union covers all its days.
 */
import { roundDiv } from './money.js';
import { dayNumber } from './period.js';
import type { Cents, DateWindow, Premium } from './types.js';

/** A premium reduced to its spread: `days` days from day `from`, and its amount. */
interface Spread {
  from: number;
  days: number;
  amount: Cents;
}

function spreadOf(p: Premium): Spread | null {
  if (p.isPhotoFee || p.policyStatus === 1 || p.effectiveDate === null) return null;
  const from = Math.max(dayNumber(p.payDate), dayNumber(p.effectiveDate));
  const days = dayNumber(p.expiryDate) - from + 1;
  return days > 0 ? { from, days, amount: p.amount } : null;
}

/** The part of one spread covered by the days before `day` (exclusive), rounded half-up. */
function coveredBefore(s: Spread, day: number): Cents {
  const d = Math.min(Math.max(day - s.from, 0), s.days);
  if (d === 0) return 0n;
  if (d === s.days) return s.amount;
  return roundDiv(s.amount * BigInt(d), BigInt(s.days));
}

/** The allocation of one premium to an inclusive window, in cents. */
export function premiumAllocation(premium: Premium, window: DateWindow): Cents {
  return allocatedContribution([premium], window);
}

/** Σ of the premiums' allocations to the inclusive window (the caller passes the premiums of one product). */
export function allocatedContribution(premiums: readonly Premium[], window: DateWindow): Cents {
  const start = dayNumber(window.start);
  const end = dayNumber(window.end);
  if (end < start) return 0n;
  let total = 0n;
  for (const p of premiums) {
    const s = spreadOf(p);
    if (s !== null) total += coveredBefore(s, end + 1) - coveredBefore(s, start);
  }
  return total;
}
