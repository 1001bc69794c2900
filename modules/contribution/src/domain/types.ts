/** Contribution (premium) types (DOMAIN.md §11). Money as decimal strings with two decimals. */

/** C cash, B bank transfer, M mobile phone (mobile money), F funding (a payer funds the product; DOMAIN.md §8). */
export const PAY_TYPES = ['C', 'B', 'M', 'F'] as const;
export type PayType = (typeof PAY_TYPES)[number];

/** A contribution version; `id` is stable across versions (effective-dated like products). */
export interface Contribution {
  id: string;
  policyId: string;
  /** Copied from the policy: receipts are unique per product (see receipt-scope in README). */
  productId: string;
  /** Copied from the policy: scopes the contribution by the family's village. */
  familyId: string;
  payerId: string | null;
  /** Decimal string, two decimals, > 0. */
  amount: string;
  receipt: string;
  /** YYYY-MM-DD */
  payDate: string;
  payType: PayType;
  /** A photo/card fee: never counts towards the policy value (RULES.md §7.3). */
  isPhotoFee: boolean;
  isOffline: boolean;
  /** Origin system of an imported contribution. */
  source: string | null;
  /** When the contribution was first recorded (batch allocations use it). */
  createdAt: string;
  validFrom: string;
  validTo: string | null;
}

/** What a form or the API gives to record or change a contribution. */
export interface ContributionInput {
  policyId?: string | null;
  payerId?: string | null;
  amount?: unknown;
  receipt?: string | null;
  payDate?: string | null;
  payType?: string | null;
  isPhotoFee?: boolean | null;
  isOffline?: boolean | null;
  source?: string | null;
}

/** The checked, normalised values of an input. */
export interface ContributionValues {
  payerId: string | null;
  amount: string;
  receipt: string;
  payDate: string;
  payType: PayType;
  isPhotoFee: boolean;
  isOffline: boolean;
  source: string | null;
}

/** A problem with one field: its name and the i18n key of the message. */
export interface Problem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * How a contribution acts on its policy (DECISIONS.md #25, openIMIS `activation_option`):
 * - `contribution` (default, openIMIS 1): the contribution that brings the paid total to the value activates an
 *   idle policy, effective at max(pay date, start date);
 * - `payment` (openIMIS 2): contributions never activate; a payment (reconciliation) module does.
 */
export const ACTIVATION_OPTIONS = ['contribution', 'payment'] as const;
export type ActivationOption = (typeof ACTIVATION_OPTIONS)[number];
