import { type Cents, exact, minBig, percentOf, times, toCents } from './money.js';
import type { LimitationType } from './types.js';

/** What is left of the claim's deductible, category cap and ceiling when a line is valued (cents). */
export interface Budget {
  /** Deductible still to take; ≤ 0 = none. */
  deductibleLeft: Cents;
  /** Category cap left, or null when no cap applies. */
  categoryLeft: Cents | null;
  /** Ceiling left, or null when no ceiling applies. */
  ceilingLeft: Cents | null;
  /** The line is excluded from the ceiling (DECISIONS.md #19). */
  excluded: boolean;
}

/** One line's split of qty × unit price, in cents; the parts add up to `gross` exactly. */
export interface LineSplit {
  gross: Cents;
  fixedLimitCut: Cents;
  deductible: Cents;
  coInsuranceShare: Cents;
  exceedCeilingCategory: Cents;
  exceedCeiling: Cents;
  paid: Cents;
  /** Fully taken by the deductible: consumes no cap or ceiling (DECISIONS.md #17). */
  fullyDeducted: boolean;
}

/**
 * Values one line (RULES.md §5.3 steps 3–9, DECISIONS.md #15–#19) in exact units, then rounds half-up at the end
 * of the line (#18). Each part is rounded as a difference of rounded running totals taken from the paid amount
 * backwards, so the parts add up to the rounded gross, the paid amount is its own exact value rounded half-up,
 * every part is within a cent of its exact value, and a part bounded by a whole-cent budget (deductible,
 * category cap, ceiling) stays within it.
 */
export function splitLine(
  qty: number,
  unitPrice: Cents,
  limitation: LimitationType,
  limitationValue: number,
  b: Budget,
): LineSplit {
  const gross = times(qty, unitPrice);
  let work = gross;
  let fixedCut = 0n;
  // A fixed limit of 0 means unlimited (DECISIONS.md #14, SP bug §13.10 fixed).
  if (limitation === 'F' && limitationValue > 0) {
    const cap = times(qty, limitationValue);
    if (cap < work) {
      fixedCut = work - cap;
      work = cap;
    }
  }
  let ded = 0n;
  let full = false;
  if (b.deductibleLeft > 0) {
    const left = exact(b.deductibleLeft);
    ded = minBig(left, work);
    full = left >= work;
    work -= ded;
  }
  let co = 0n;
  let cat = 0n;
  let over = 0n;
  if (!full) {
    if (limitation === 'C') {
      const kept = percentOf(work, limitationValue);
      co = work - kept;
      work = kept;
    }
    if (b.categoryLeft !== null && work > 0n) {
      const left = b.categoryLeft > 0 ? exact(b.categoryLeft) : 0n;
      if (work > left) {
        cat = work - left;
        work = left;
      }
    }
    if (!b.excluded && b.ceilingLeft !== null && work > 0n) {
      const left = b.ceilingLeft > 0 ? exact(b.ceilingLeft) : 0n;
      if (work > left) {
        over = work - left;
        work = left;
      }
    }
  }
  const parts = [fixedCut, ded, co, cat, over, work];
  const rounded: Cents[] = [0, 0, 0, 0, 0, 0];
  let running = 0n;
  let prev = 0;
  // From the paid amount backwards: the paid amount rounds on its own exact value; the insuree's shares
  // (co-insurance, fixed-limit cut) come last and take what rounding leaves.
  for (let i = 5; i >= 0; i--) {
    running += parts[i]!;
    const r = toCents(running);
    rounded[i] = r - prev;
    prev = r;
  }
  return {
    gross: prev,
    fixedLimitCut: rounded[0]!,
    deductible: rounded[1]!,
    coInsuranceShare: rounded[2]!,
    exceedCeilingCategory: rounded[3]!,
    exceedCeiling: rounded[4]!,
    paid: rounded[5]!,
    fullyDeducted: full,
  };
}
