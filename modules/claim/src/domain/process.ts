import { assignProducts } from './product-assignment.js';
import type { AssignmentResult, ClaimEngineInput, ValuationResult } from './types.js';
import { valuateClaim } from './valuation.js';

export interface ProcessResult {
  assignment: AssignmentResult;
  valuation: ValuationResult;
}

/**
 * Processing a checked claim (RULES.md §5.1): product assignment, then valuation of the lines left passed. A caller
 * that assigned products on the same input already (the check does) passes that assignment.
 */
export function processClaim(input: ClaimEngineInput, assigned?: AssignmentResult): ProcessResult {
  const assignment = assigned ?? assignProducts(input);
  return { assignment, valuation: valuateClaim(input, assignment) };
}
