import { addMonths } from './dates.js';
import { centsOr0, fromCents, maxBig, toCents } from './money.js';
import type { CoverageTerms } from './terms.js';

/** Remaining amounts of one policy for one insuree (decimal strings; null = not set on the product). */
export interface RemainingAmounts {
  deductible: string | null;
  deductibleIp: string | null;
  deductibleOp: string | null;
  ceiling: string | null;
  ceilingIp: string | null;
  ceilingOp: string | null;
}

/** Counts left per claim category (null = unlimited). */
export interface CategoryCounts {
  admissions: number | null;
  visits: number | null;
  consultations: number | null;
  surgeries: number | null;
  deliveries: number | null;
  antenatal: number | null;
}

/** Deductible and ceiling ledger sums in cents (what claims deducted and paid). */
export interface LedgerCents {
  dedG: bigint;
  dedIp: bigint;
  dedOp: bigint;
  remG: bigint;
  remIp: bigint;
  remOp: bigint;
}
export const ZERO_LEDGER: LedgerCents = { dedG: 0n, dedIp: 0n, dedOp: 0n, remG: 0n, remIp: 0n, remOp: 0n };

export type StatusLetter = 'I' | 'A' | 'S' | 'R' | 'E';

/**
 * The enquiry's status letter of a policy for one member (RULES.md §8.2): I when the member is not (yet) covered,
 * E when today is outside the member's coverage, else by policy status (1 I, 2 A, 4 S, 16 R, otherwise E).
 */
export function statusLetter(
  policyStatus: number,
  coverage: { effectiveDate: string | null; expiryDate: string } | null,
  today: string,
): StatusLetter {
  if (!coverage?.effectiveDate || coverage.effectiveDate > today) return 'I';
  if (today > coverage.expiryDate) return 'E';
  return ({ 1: 'I', 2: 'A', 4: 'S', 16: 'R' } as Record<number, StatusLetter>)[policyStatus] ?? 'E';
}

/** A product amount that is set: non-null and non-zero (unused ceiling families are stored as 0). */
const amount = (d: string | null): bigint | null => {
  const c = toCents(d);
  return c !== null && c !== 0n ? c : null;
};

/**
 * A policy ceiling raised for members above the threshold, capped by the max ceiling when set (RULES.md §5.2 step 4,
 * DECISIONS #16).
 */
export function policyCeiling(
  base: bigint,
  extraPerMember: string | null,
  cap: string | null,
  members: number,
  threshold: number | null,
): bigint {
  const above = members - (threshold ?? 0);
  let c = above > 0 ? base + BigInt(above) * centsOr0(extraPerMember) : base;
  const max = amount(cap);
  if (max !== null && c > max) c = max;
  return c;
}

/**
 * Remaining deductibles and ceilings (RULES.md §8.2): per kind (general, in-patient, out-patient), the first family
 * the product sets among insuree, treatment and policy; insuree amounts less this member's ledger, policy amounts less
 * the whole policy's, treatment amounts whole (per claim). Never below 0. `members` = min(max members, family size).
 */
export function remainingAmounts(
  t: CoverageTerms,
  usage: { insuree: LedgerCents; policy: LedgerCents },
  members: number,
): RemainingAmounts {
  const kinds = [
    { v: '', ded: 'dedG', rem: 'remG' },
    { v: 'Ip', ded: 'dedIp', rem: 'remIp' },
    { v: 'Op', ded: 'dedOp', rem: 'remOp' },
  ] as const;
  const out: Record<string, string | null> = {};
  for (const k of kinds) {
    const f = (name: string) => t[name as keyof CoverageTerms] as string | null;
    const ded =
      ((x) => (x === null ? null : x - usage.insuree[k.ded]))(amount(f(`ded${k.v}Insuree`))) ??
      amount(f(`ded${k.v}Treatment`)) ??
      ((x) => (x === null ? null : x - usage.policy[k.ded]))(amount(f(`ded${k.v}Policy`)));
    const maxPolicy = amount(f(`max${k.v}Policy`));
    const ceiling =
      ((x) => (x === null ? null : x - usage.insuree[k.rem]))(amount(f(`max${k.v}Insuree`))) ??
      amount(f(`max${k.v}Treatment`)) ??
      (maxPolicy === null
        ? null
        : policyCeiling(maxPolicy, f(`maxPolicyExtraMember${k.v}`), f(`maxCeilingPolicy${k.v}`), members, t.threshold) -
          usage.policy[k.rem]);
    const key = k.v === '' ? '' : k.v;
    out[`deductible${key}`] = ded === null ? null : fromCents(maxBig(0n, ded));
    out[`ceiling${key}`] = ceiling === null ? null : fromCents(maxBig(0n, ceiling));
  }
  return out as unknown as RemainingAmounts;
}

/** Claim categories counted against the product's maxima (RULES.md §8.1). */
export type Category = 'S' | 'D' | 'A' | 'H' | 'C' | 'V';

/**
 * Counts left per category: product max − this member's claims of that category; null max = unlimited, never below 0.
 * A max of 0 leaves 0, as the claim check blocks it (DECISIONS #11).
 */
export function countsLeft(t: CoverageTerms, used: Partial<Record<Category, number>>): CategoryCounts {
  const left = (max: number | null, cat: Category) => (max === null ? null : Math.max(0, max - (used[cat] ?? 0)));
  return {
    admissions: left(t.maxNoHospitalization, 'H'),
    visits: left(t.maxNoVisits, 'V'),
    consultations: left(t.maxNoConsultation, 'C'),
    surgeries: left(t.maxNoSurgery, 'S'),
    deliveries: left(t.maxNoDelivery, 'D'),
    antenatal: left(t.maxNoAntenatal, 'A'),
  };
}

/** One covering row for an item/service: the member's coverage under an active policy whose product covers it. */
export interface EligibilityRow {
  /** The member's coverage effective date. */
  effectiveDate: string;
  /** Waiting period (months) for this member's age group; null = none. */
  waitingPeriod: number | null;
  /** Max quantity for this member's age group; null or 0 = unlimited (DECISIONS #27). */
  limitNo: number | null;
  /** Quantity this member already used under that policy. */
  used: number;
}

export interface EligibilityResult {
  minDate: string | null;
  left: number | null;
  ok: boolean;
  /** i18n key of the reason when not ok. */
  reason: string | null;
}

/** Category checks for a service: its category's count left and amount cap (surgery, consultation, delivery). */
export interface CategoryCheck {
  countLeft: number | null;
  /** Product max amount for the category (decimal string) or null. */
  maxAmount: string | null;
}

/**
 * Whether an item or service can be given today (RULES.md §8.1): the earliest covered date is the smallest
 * effective date + waiting period already reached (else the smallest one); the quantity left is unlimited when any
 * reached row is unlimited, else the best reached row's; not ok when nothing covers it, the waiting period runs,
 * nothing is left, or (surgery, consultation, delivery) the category count or amount is exhausted.
 */
export function eligibility(
  rows: readonly EligibilityRow[],
  today: string,
  category?: CategoryCheck | null,
): EligibilityResult {
  if (rows.length === 0) return { minDate: null, left: null, ok: false, reason: 'policy.eligibility.notCovered' };
  const withDates = rows.map((r) => ({
    ...r,
    minDate: addMonths(r.effectiveDate, r.waitingPeriod ?? 0),
    left: r.limitNo ? Math.max(0, r.limitNo - r.used) : null,
  }));
  const reached = withDates.filter((r) => r.minDate <= today);
  const pool = reached.length ? reached : withDates;
  const minDate = pool.map((r) => r.minDate).sort()[0]!;
  let left: number | null = null;
  if (reached.length && !reached.some((r) => r.left === null)) left = Math.max(...reached.map((r) => r.left ?? 0));
  if (!reached.length) return { minDate, left: null, ok: false, reason: 'policy.eligibility.waiting' };
  if (left === 0) return { minDate, left, ok: false, reason: 'policy.eligibility.limitReached' };
  if (category && (category.countLeft === 0 || (category.maxAmount !== null && centsOr0(category.maxAmount) <= 0n)))
    return { minDate, left, ok: false, reason: 'policy.eligibility.categoryExhausted' };
  return { minDate, left, ok: true, reason: null };
}

/**
 * Which of an insuree's policies the enquiry shows (RULES.md §8.2): the active ones if any; else, when more than one
 * expired within the last two calendar years, those; else all.
 */
export function enquiryRows<T extends { letter: StatusLetter; expiryDate: string }>(
  rows: readonly T[],
  today: string,
): T[] {
  const active = rows.filter((r) => r.letter === 'A');
  if (active.length) return active;
  const since = `${Number(today.slice(0, 4)) - 2}-01-01`;
  const recent = rows.filter((r) => r.letter === 'E' && r.expiryDate >= since);
  return recent.length > 1 ? recent : [...rows];
}
