/** A problem with one field: the field name and the i18n key of its message. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

export type CareType = 'B' | 'I' | 'O';
/** M monthly (12 periods), Q quarterly (4), Y yearly (1). */
export type PeriodType = 'M' | 'Q' | 'Y';

/** How a product spreads its contribution pool over the periods of a year, for one care type (DOMAIN.md §7.3). */
export interface RelativeDistribution {
  careType: CareType;
  /** Percent 0–100 per period (12, 4 or 1 of them), as decimal strings with two decimals. */
  periods: string[];
}

export type FieldValue = string | number | null;

/**
 * A product's values (DOMAIN.md §7.1): every field of `PRODUCT_FIELDS` (money and percentages as decimal strings,
 * months and counts as integers, codes as strings, null when not set) plus the relative distribution and the
 * period types derived from it.
 */
export type ProductValues = {
  code: string;
  name: string;
  locationId: string | null;
  dateFrom: string;
  dateTo: string;
  conversionProductId: string | null;
  relativeDistribution: RelativeDistribution[];
  periodRelPrices: PeriodType | null;
  periodRelPricesIp: PeriodType | null;
  periodRelPricesOp: PeriodType | null;
} & Record<string, FieldValue | RelativeDistribution[]>;

/** A product version; `id` is stable across versions. */
export type Product = ProductValues & { id: string; validFrom: string; validTo: string | null };

/** What a form or the API gives: field name → value (strings or numbers), plus the relative distribution. */
export type ProductInput = Record<string, unknown>;

/** Coverage terms of one product line (DOMAIN.md §7.2). */
export interface LineTerms {
  /** P price list, O provider's own (claimed) price, R relative price. */
  priceOrigin: string;
  /** C co-insurance, F fixed amount; plain = other visits, E emergency, R referral. */
  limitationType: string;
  limitationTypeE: string;
  limitationTypeR: string;
  /** For C a percentage 0–100, for F an amount per unit; decimal strings. */
  limitAdult: string;
  limitChild: string;
  limitAdultE: string;
  limitChildE: string;
  limitAdultR: string;
  limitChildR: string;
  /** Months after coverage start before the line is covered. */
  waitingPeriodAdult: number | null;
  waitingPeriodChild: number | null;
  /** Max quantity per insuree per policy period. */
  limitNoAdult: number | null;
  limitNoChild: number | null;
  /** H hospital, N non-hospital, B both; null = counted against the ceiling. */
  ceilingExclusionAdult: string | null;
  ceilingExclusionChild: string | null;
}

export type LineKind = 'item' | 'service';

/** One version of a product line: `id` is the line's stable id, `medicalId` the item's or service's id. */
export interface ProductLine extends LineTerms {
  id: string;
  productId: string;
  medicalId: string;
  validFrom: string;
  validTo: string | null;
}

export type LineInput = Partial<Record<keyof LineTerms, unknown>> & { medicalId: string };
