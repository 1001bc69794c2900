/** Calendar periods of the batch (RULES.md §1.7, §6.1; DECISIONS #21). Inclusive ISO date windows. */
import type { DateWindow, PeriodType } from './types.js';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD, a longer timestamp is cut to its date). */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO date of year, month (1–12), day. */
export const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 12 monthly, 4 quarterly, 1 yearly: the number of periods in a year (RelType / DistrType). */
export const RELTYPE = { M: 12, Q: 4, Y: 1 } as const;

export interface PeriodWindow extends DateWindow {
  periodType: PeriodType;
  relType: 12 | 4 | 1;
  /** Month (M), quarter (Q) or 1 (Y). */
  period: number;
}

export function checkMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month}`);
}

/**
 * The period a run of (year, month) closes, or null when none closes: monthly every month; quarterly in months 3, 6,
 * 9, 12 over the quarter; yearly in December over the year (DECISIONS #21). The window ends on the month's last day.
 */
export function periodWindow(periodType: PeriodType, year: number, month: number): PeriodWindow | null {
  checkMonth(year, month);
  const end = isoDate(year, month, daysInMonth(year, month));
  if (periodType === 'M') return { periodType, relType: 12, period: month, start: isoDate(year, month, 1), end };
  if (periodType === 'Q') {
    if (month % 3 !== 0) return null;
    return { periodType, relType: 4, period: month / 3, start: isoDate(year, month - 2, 1), end };
  }
  if (month !== 12) return null;
  return { periodType, relType: 1, period: 1, start: isoDate(year, 1, 1), end };
}
