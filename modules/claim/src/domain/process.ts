import { assignProducts } from './product-assignment.js';
import type { AssignmentResult, ClaimEngineInput, ValuationResult } from './types.js';
import { valuateClaim } from './valuation.js';

export interface ProcessResult {
  assignment: AssignmentResult;
  valuation: ValuationResult;
}

/** Processing a checked claim (RULES.md §5.1): product assignment, then valuation of the lines left passed. */
export function processClaim(input: ClaimEngineInput): ProcessResult {
  const assignment = assignProducts(input);
  return { assignment, valuation: valuateClaim(input, assignment) };
}
