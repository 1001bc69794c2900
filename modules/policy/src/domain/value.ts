import { addDays, addMonths, ageOn } from './dates.js';
import { centsOr0, maxBig, percentOf, toCents } from './money.js';
import type { Stage } from './period.js';
import type { ValueTerms } from './terms.js';

/** Relationship code 7 "Others" is priced separately (DOMAIN.md §3, RULES.md §7.2). */
export const OTHER_RELATIONSHIP = '7';

export interface Member {
  dob: string;
  relationship: string | null;
}

export interface MemberCounts {
  adults: number;
  children: number;
  otherAdults: number;
  otherChildren: number;
  /** Members beyond the product's max members: not counted (DECISIONS #24). */
  aboveMax: number;
}

/**
 * Counts members in the order given (enrolment order), keeping the first `maxMembers` (0 = no limit); adults have
 * reached `ageOfMajority` whole years on `today` (DECISIONS #1: today for the policy value).
 */
export function countMembers(
  members: readonly Member[],
  maxMembers: number,
  today: string,
  ageOfMajority: number,
): MemberCounts {
  const kept = maxMembers > 0 ? members.slice(0, maxMembers) : members;
  const c: MemberCounts = { adults: 0, children: 0, otherAdults: 0, otherChildren: 0, aboveMax: 0 };
  c.aboveMax = members.length - kept.length;
  for (const m of kept) {
    const adult = ageOn(m.dob, today) >= ageOfMajority;
    const other = m.relationship === OTHER_RELATIONSHIP;
    if (other) adult ? c.otherAdults++ : c.otherChildren++;
    else adult ? c.adults++ : c.children++;
  }
  return c;
}

export interface ValueInput {
  terms: ValueTerms;
  /** The product has start cycles (the enrolment discount needs them). */
  cycles: boolean;
  stage: Stage;
  counts: MemberCounts;
  enrollDate: string;
  startDate: string;
  /** Renewal: the renewed policy's expiry. */
  previousExpiry?: string | null;
}

/** The value and its parts, in cents. */
export interface ValueBreakdown {
  contribution: bigint;
  assembly: bigint;
  registration: bigint;
  discount: bigint;
  value: bigint;
}

const positive = (d: string | null): bigint | null => {
  const c = toCents(d);
  return c !== null && c > 0n ? c : null;
};
const set = (perc: string | null, period: number | null): boolean => (toCents(perc) ?? 0n) > 0n && (period ?? 0) > 0;

/**
 * The contribution due for a policy (RULES.md §7.2, DECISIONS #24):
 * - with a lump sum: lump sum + members above the threshold (adults fill the threshold first) + "other" members,
 *   each at the adult or child premium;
 * - without: every adult and child at their premium, plus the "other" members (no double count);
 * - general assembly and (new policies only) registration: the lump sum when set, else the fee per counted member;
 * - an early new enrolment (cycles only) or early renewal gets the product's discount percentage.
 */
export function policyValue(input: ValueInput): ValueBreakdown {
  const { terms: t, counts: n, stage } = input;
  const pa = centsOr0(t.premiumAdult);
  const pc = centsOr0(t.premiumChild);
  const threshold = t.threshold ?? 0;
  const extraAdults = threshold > 0 ? Math.max(0, n.adults - threshold) : 0;
  const extraChildren = threshold > 0 ? Math.max(0, n.children - (threshold - n.adults + extraAdults)) : 0;
  const others = BigInt(n.otherAdults) * pa + BigInt(n.otherChildren) * pc;
  const lump = positive(t.lumpSum);
  const contribution =
    lump !== null
      ? lump + BigInt(extraAdults) * pa + BigInt(extraChildren) * pc + others
      : BigInt(n.adults) * pa + BigInt(n.children) * pc + others;
  const counted = BigInt(n.adults + n.children + n.otherAdults + n.otherChildren);
  const assembly = positive(t.generalAssemblyLumpSum) ?? counted * centsOr0(t.generalAssemblyFee);
  const registration = stage === 'N' ? (positive(t.registrationLumpSum) ?? counted * centsOr0(t.registrationFee)) : 0n;
  const gross = contribution + assembly + registration;

  let discount = 0n;
  if (stage === 'N' && input.cycles && set(t.enrolmentDiscountPerc, t.enrolmentDiscountPeriod)) {
    if (input.enrollDate <= addMonths(input.startDate, -(t.enrolmentDiscountPeriod ?? 0)))
      discount = percentOf(gross, centsOr0(t.enrolmentDiscountPerc));
  }
  if (stage === 'R' && set(t.renewalDiscountPerc, t.renewalDiscountPeriod)) {
    const reference = input.previousExpiry ? addDays(input.previousExpiry, 1) : input.startDate;
    if (input.enrollDate <= addMonths(reference, -(t.renewalDiscountPeriod ?? 0)))
      discount = percentOf(gross, centsOr0(t.renewalDiscountPerc));
  }
  return { contribution, assembly, registration, discount, value: maxBig(0n, gross - discount) };
}
