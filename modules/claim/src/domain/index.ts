/** The pure claim rule engine: check, product assignment, valuation (RULES.md §3–§5, DECISIONS.md). */
export { appendToHistory, applyCheck, toHistoryClaim } from './apply.js';
export { CATEGORY_REASON, claimCategory, isHospitalisation, targetDate } from './category.js';
export { careTypeFails, checkClaim } from './check.js';
export { DEFAULT_CONFIG, engineConfig } from './config.js';
export { addMonths, ageAt, daysBetween, type IsoDate, isIsoDate } from './dates.js';
export { chooseDedRem, ipContext, membersAt, policyCeiling } from './dedrem.js';
export { type Budget, type LineSplit, splitLine } from './line-value.js';
export { type Cents, formatCents, lineValue, parseCents } from './money.js';
export { isAdult, maskAllows, patientMask } from './patient.js';
export { type ProcessResult, processClaim } from './process.js';
export { assignProducts, chooseLimitation, isPassed, limitationFor } from './product-assignment.js';
export { isCategoryReason, NO_PARAMS, REASON, type ReasonParams, type RejectionCode, reasonKey } from './reasons.js';
export type * from './types.js';
export { excludedFromCeiling, unitPrice, valuateClaim } from './valuation.js';
