import { COVERAGE_COUNT_FIELDS, COVERAGE_MONEY_FIELDS } from '@mutua/product/domain';
/**
 * The product fields policy rules read (DOMAIN.md §7.1), typed. Money and percentages are decimal strings or null,
 * months and counts integers or null, cycles `DD-MM` or null.
 */
export interface PeriodTerms {
  insurancePeriod: number;
  administrationPeriod: number | null;
  gracePeriodEnrolment: number | null;
  gracePeriodRenewal: number | null;
  startCycle1: string | null;
  startCycle2: string | null;
  startCycle3: string | null;
  startCycle4: string | null;
}

export interface ValueTerms {
  maxMembers: number;
  threshold: number | null;
  lumpSum: string | null;
  premiumAdult: string | null;
  premiumChild: string | null;
  registrationLumpSum: string | null;
  registrationFee: string | null;
  generalAssemblyLumpSum: string | null;
  generalAssemblyFee: string | null;
  enrolmentDiscountPerc: string | null;
  enrolmentDiscountPeriod: number | null;
  renewalDiscountPerc: string | null;
  renewalDiscountPeriod: number | null;
}

/** Deductibles, ceilings and category amounts of the product (its own list: `@mutua/product/domain`). */
export const CEILING_FIELDS = COVERAGE_MONEY_FIELDS;
export type CeilingField = (typeof CEILING_FIELDS)[number];

export const COUNT_FIELDS = COVERAGE_COUNT_FIELDS;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Deductibles, ceilings and category limits, for the enquiry. */
export type CoverageTerms = Record<CeilingField, string | null> &
  Record<CountField, number | null> & { maxMembers: number; threshold: number | null };

export type PolicyTerms = PeriodTerms & ValueTerms & CoverageTerms;

type Raw = Record<string, unknown>;
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const dec = (v: unknown): string | null => (typeof v === 'number' ? String(v) : str(v));

/** The typed terms of a product version (the product module's `Product` record). */
export function termsOf(product: Raw): PolicyTerms {
  const ceilings = Object.fromEntries(CEILING_FIELDS.map((f) => [f, dec(product[f])])) as Record<
    CeilingField,
    string | null
  >;
  const counts = Object.fromEntries(COUNT_FIELDS.map((f) => [f, int(product[f])])) as Record<CountField, number | null>;
  return {
    insurancePeriod: int(product.insurancePeriod) ?? 12,
    administrationPeriod: int(product.administrationPeriod),
    gracePeriodEnrolment: int(product.gracePeriodEnrolment),
    gracePeriodRenewal: int(product.gracePeriodRenewal),
    startCycle1: str(product.startCycle1),
    startCycle2: str(product.startCycle2),
    startCycle3: str(product.startCycle3),
    startCycle4: str(product.startCycle4),
    maxMembers: int(product.maxMembers) ?? 0,
    threshold: int(product.threshold),
    lumpSum: dec(product.lumpSum),
    premiumAdult: dec(product.premiumAdult),
    premiumChild: dec(product.premiumChild),
    registrationLumpSum: dec(product.registrationLumpSum),
    registrationFee: dec(product.registrationFee),
    generalAssemblyLumpSum: dec(product.generalAssemblyLumpSum),
    generalAssemblyFee: dec(product.generalAssemblyFee),
    enrolmentDiscountPerc: dec(product.enrolmentDiscountPerc),
    enrolmentDiscountPeriod: int(product.enrolmentDiscountPeriod),
    renewalDiscountPerc: dec(product.renewalDiscountPerc),
    renewalDiscountPeriod: int(product.renewalDiscountPeriod),
    ...ceilings,
    ...counts,
  };
}
