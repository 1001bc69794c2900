import { type PolicyTerms, termsOf } from './terms.js';

/** Product terms for tests: everything empty, then the overrides (the product module's field names). */
export function terms(over: Record<string, unknown> = {}): PolicyTerms {
  return termsOf({ insurancePeriod: 12, maxMembers: 0, lumpSum: '0.00', ...over });
}
