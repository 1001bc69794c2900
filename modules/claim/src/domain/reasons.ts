import type { IsoDate } from './dates.js';

/**
 * Line rejection reasons (RULES.md §3.1, DOMAIN.md §12.3). 6, 8, 18, 20 and 21 are never assigned by the engine
 * (DECISIONS.md #6: no claim-level 21, lines get 7).
 */
export const REASON = {
  REVIEW: -1,
  NONE: 0,
  NOT_IN_REGISTER: 1,
  NOT_IN_PRICE_LIST: 2,
  NOT_COVERED: 3,
  PATIENT_CATEGORY: 4,
  FREQUENCY: 5,
  INVALID_INSUREE: 7,
  INVALID_DATE: 9,
  CARE_TYPE: 10,
  MAX_HOSPITALIZATIONS: 11,
  MAX_VISITS: 12,
  MAX_CONSULTATIONS: 13,
  MAX_SURGERIES: 14,
  MAX_DELIVERIES: 15,
  MAX_PROVISIONS: 16,
  WAITING_PERIOD: 17,
  MAX_ANTENATAL: 19,
} as const;

export type RejectionCode = (typeof REASON)[keyof typeof REASON];

/**
 * Values for the message of a reason (i18next interpolation):
 * 1, 2, 3 `{ date }` (target date); 5 `{ days, date }` (frequency and the date of the earlier provision);
 * 9 `{ dateFrom, dateClaimed }`; 10 `{ careType, facilityCareType, stay }`; 11–15, 19 `{ limit, used }` (claims
 * of that category already counted); 16 `{ limit, used }` (quantity already used); 17 `{ date, months }` (first
 * covered day and the waiting period). Others carry none.
 */
export type ReasonParams = Readonly<Record<string, string | number>>;

export const NO_PARAMS: ReasonParams = Object.freeze({});

/** i18n key of a reason's message, e.g. `claim.reason.17`. */
export const reasonKey = (code: RejectionCode): string => `claim.reason.${code}`;

/** Category reasons abort the whole check and reject every line (DECISIONS.md #11). */
export const isCategoryReason = (code: RejectionCode): boolean =>
  code === 11 || code === 12 || code === 13 || code === 14 || code === 15 || code === 19;

export const dateParams = (date: IsoDate): ReasonParams => ({ date });
