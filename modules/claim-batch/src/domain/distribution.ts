/**
 * Relative distribution (DOMAIN.md §7.3, DECISIONS #21): the percentage of the allocated contributions that the
 * relative-price lines of a period share, per care type.
 */
import { percentBasisPoints } from './money.js';
import { periodWindow, RELTYPE } from './period.js';
import type { CareType, DistributionRow, PeriodType } from './types.js';

const PERIOD_TYPE: Record<number, PeriodType> = { 1: 'Y', 4: 'Q', 12: 'M' };

export interface DistributionShare {
  careType: CareType;
  periodType: PeriodType;
  /** Month, quarter or 1. */
  period: number;
  /** The stored percentage, e.g. "20.00". */
  percent: string;
  /** The percentage in hundredths of a percent (10000n = 100 %). */
  basisPoints: bigint;
}

/** The period type of a distribution row (from its 12, 4 or 1 periods), or null for a malformed row. */
export const periodTypeOf = (row: DistributionRow): PeriodType | null => PERIOD_TYPE[row.periods.length] ?? null;

/**
 * The share of `careType` for the period that a run of `month` closes, or null when no such period closes this month
 * (quarterly outside months 3, 6, 9, 12; yearly outside December) or the product has no row of that care type and
 * period type. IP and OP rows are read with their own period types.
 */
export function relativeDistributionShare(
  product: { relativeDistribution: readonly DistributionRow[] },
  careType: CareType,
  periodType: PeriodType,
  month: number,
): DistributionShare | null {
  const row = product.relativeDistribution.find((r) => r.careType === careType);
  if (!row || row.periods.length !== RELTYPE[periodType]) return null;
  // Any year: only the month matters for which period closes.
  const window = periodWindow(periodType, 2000, month);
  if (!window) return null;
  const percent = row.periods[window.period - 1]!;
  return { careType, periodType, period: window.period, percent, basisPoints: percentBasisPoints(percent) };
}

/** How one class of claims (all, hospital or non-hospital) of a product is valued by the batch. */
export interface Side {
  careType: CareType;
  /** null: no distribution for this class; its lines are paid their value every month (index 1). */
  periodType: PeriodType | null;
}

/**
 * The classes a product values: B alone when it has a general ('B') row — it then wins over I/O rows (RULES.md §6.1);
 * otherwise I for hospital and O for other claims, each with its own period type or none.
 */
export function productSides(product: { relativeDistribution: readonly DistributionRow[] }): Side[] {
  const typeOf = (careType: CareType): PeriodType | null => {
    const row = product.relativeDistribution.find((r) => r.careType === careType);
    return row ? periodTypeOf(row) : null;
  };
  const general = typeOf('B');
  if (general) return [{ careType: 'B', periodType: general }];
  return [
    { careType: 'I', periodType: typeOf('I') },
    { careType: 'O', periodType: typeOf('O') },
  ];
}
