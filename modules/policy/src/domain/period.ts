import { addDays, addMonths, dayMonthIn, maxDate, yearOf } from './dates.js';
import type { PeriodTerms } from './terms.js';

export type Stage = 'N' | 'R';

/** The product fixes policy start days in the year (`startCycle1` set). */
export const hasCycles = (t: Pick<PeriodTerms, 'startCycle1'>): boolean => !!t.startCycle1;

/** The product's cycle days `DD-MM` in order (cycles 1..4, empty ones skipped). */
export function cycleDays(t: PeriodTerms): string[] {
  return [t.startCycle1, t.startCycle2, t.startCycle3, t.startCycle4].filter((c): c is string => !!c);
}

export interface PeriodInput {
  terms: PeriodTerms;
  stage: Stage;
  enrollDate: string;
  /** Renewal: expiry date of the policy renewed. */
  previousExpiry?: string | null;
}

export interface Period {
  startDate: string;
  expiryDate: string;
}

/**
 * Grace months after a cycle day during which an enrolment still joins that cycle: the enrolment grace for new
 * policies, the renewal grace for renewals (the enrolment grace when the product sets none) — RULES.md §7.1.
 */
export function graceMonths(t: PeriodTerms, stage: Stage): number {
  return (stage === 'R' ? (t.gracePeriodRenewal ?? t.gracePeriodEnrolment) : t.gracePeriodEnrolment) ?? 0;
}

/**
 * The cycle a reference date joins: the first cycle day C (cycles of the reference's year, the year before and the
 * year after, in date order) with ref ≤ C, or ref inside C's grace months (ref < C + grace, strict as in SQL).
 * Looking at the year before lets an enrolment in January join a December cycle within its grace.
 */
export function cycleStart(t: PeriodTerms, stage: Stage, ref: string, notBefore?: string | null): string {
  const days = cycleDays(t);
  const grace = graceMonths(t, stage);
  const y = yearOf(ref);
  const candidates = [y - 1, y, y + 1]
    .flatMap((year) => days.map((d) => dayMonthIn(d, year)))
    .sort()
    .filter((c, i, all) => all.indexOf(c) === i);
  for (const c of candidates) {
    if (notBefore && c < notBefore) continue;
    if (ref <= c || (grace > 0 && ref < addMonths(c, grace))) return c;
  }
  // Unreachable with at least one cycle: next year's cycles are always ≥ ref.
  return dayMonthIn(days[0]!, y + 1);
}

/**
 * Start and expiry of a new or renewed policy (RULES.md §7.1, SP baseline with DECISIONS #2 month clamping):
 * - new: the reference date is the enrolment date plus the administration period; renewals have none;
 * - renewal: the reference is raised to the day after the previous expiry, and a cycle day before it is never
 *   taken (even within the grace), so the periods never overlap;
 * - with cycles the start is the cycle the reference joins, else the reference itself;
 * - expiry = start + insurance period months − 1 day.
 */
export function policyPeriod({ terms, stage, enrollDate, previousExpiry }: PeriodInput): Period {
  let ref = stage === 'N' ? addMonths(enrollDate, terms.administrationPeriod ?? 0) : enrollDate;
  const notBefore = stage === 'R' && previousExpiry ? addDays(previousExpiry, 1) : null;
  if (notBefore) ref = maxDate(ref, notBefore);
  const startDate = hasCycles(terms) ? cycleStart(terms, stage, ref, notBefore) : ref;
  return { startDate, expiryDate: addDays(addMonths(startDate, terms.insurancePeriod), -1) };
}
