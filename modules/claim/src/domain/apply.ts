import { targetDate } from './category.js';
import { isPassed } from './product-assignment.js';
import type {
  CheckResult,
  ClaimEngineInput,
  ClaimHistory,
  ClaimStatus,
  HistoryClaim,
  LedgerRow,
  ValuationResult,
} from './types.js';

/** The input with a check result stored on its lines (status, reason, cut-down quantity), as the server would. */
export function applyCheck(input: ClaimEngineInput, check: CheckResult): ClaimEngineInput {
  const byId = new Map(check.lines.map((v) => [v.lineId, v]));
  return {
    ...input,
    claim: {
      ...input.claim,
      lines: input.claim.lines.map((l) => {
        const v = byId.get(l.lineId);
        if (!v) return l;
        // A rejected line keeps its stored quantity so that re-checking it gives the same result.
        const qtyApproved = v.status === 'passed' && v.qtyApproved != null ? v.qtyApproved : (l.qtyApproved ?? null);
        return { ...l, status: v.status, rejectionReason: v.reason, qtyApproved };
      }),
    },
  };
}

/** The claim as later claims of the same insuree see it in their history. */
export function toHistoryClaim(input: ClaimEngineInput, status: ClaimStatus, check: CheckResult): HistoryClaim {
  const byId = new Map(check.lines.map((v) => [v.lineId, v]));
  return {
    claimId: input.claim.id,
    targetDate: targetDate(input.claim) ?? '',
    status,
    category: check.category,
    lines: input.claim.lines.map((l) => {
      const v = byId.get(l.lineId);
      const passed = v ? v.status === 'passed' : isPassed(l);
      return {
        kind: l.kind,
        medicalId: l.medicalId,
        qtyProvided: l.qtyProvided,
        qtyApproved: passed ? (v?.qtyApproved ?? l.qtyApproved ?? null) : 0,
        passed,
      };
    }),
  };
}

/**
 * History after a claim was checked (and maybe valuated): its record replaces any earlier one, its ledger rows
 * replace the earlier rows of the same claim. For bulk runs and tests that chain claims.
 */
export function appendToHistory(
  history: ClaimHistory,
  input: ClaimEngineInput,
  check: CheckResult,
  valuation?: ValuationResult,
): ClaimHistory {
  const id = input.claim.id;
  const status: ClaimStatus = valuation && valuation.status !== 'rejected' ? valuation.status : check.status;
  const claims = history.claims.filter((c) => c.claimId !== id);
  claims.push(toHistoryClaim(input, status, check));
  const ledger: LedgerRow[] = valuation
    ? [...history.ledger.filter((r) => r.claimId !== id), ...valuation.ledger]
    : [...history.ledger];
  return { claims, ledger };
}
