import { targetDate } from './category.js';
import { engineConfig } from './config.js';
import { type CoverRow, coveringPolicies, coverRows, waitingOver } from './coverage.js';
import { within } from './dates.js';
import { isAdult, maskAllows, patientMask } from './patient.js';
import { NO_PARAMS, REASON, type ReasonParams, type RejectionCode } from './reasons.js';
import type {
  AssignmentResult,
  ClaimEngineInput,
  ClaimLineInput,
  LimitationType,
  LineAssignment,
  ProductLineTerms,
  VisitType,
} from './types.js';

/** Whether a stored line is passed (new lines are stored passed, RULES.md §2.1). */
export const isPassed = (l: ClaimLineInput): boolean => (l.status ?? 'passed') === 'passed' && !l.rejectionReason;

/** The limitation columns chosen by the visit type (RULES.md §1.6): O or null plain, E emergency, R referral. */
export function limitationFor(
  t: ProductLineTerms,
  visit: VisitType | null,
  adult: boolean,
): { type: LimitationType; limit: number } {
  if (visit === 'E') return { type: t.limitationTypeE, limit: adult ? t.limitAdultE : t.limitChildE };
  if (visit === 'R') return { type: t.limitationTypeR, limit: adult ? t.limitAdultR : t.limitChildR };
  return { type: t.limitationType, limit: adult ? t.limitAdult : t.limitChild };
}

interface Candidate {
  row: CoverRow;
  type: LimitationType;
  limit: number;
}

/**
 * Chooses between the best co-insurance and the best fixed candidate (RULES.md §4 step 6, DECISIONS.md #14).
 * `claimPrice` in cents; C limits in hundredths of a percent; F limits in cents with 0 = unlimited.
 */
export function chooseLimitation(c: Candidate | null, f: Candidate | null, claimPrice: number): Candidate | null {
  if (!c || !f) return c ?? f;
  if (f.limit === 0 || f.limit > claimPrice) return f;
  if (c.limit >= 10_000) return c;
  // Insuree's own share ×10 000: with F (price − fixed), with C (100 % − co%) × price.
  const ownF = BigInt(claimPrice - f.limit) * 10_000n;
  const ownC = BigInt(10_000 - c.limit) * BigInt(claimPrice);
  return ownC > ownF ? f : c;
}

const better = (a: Candidate, best: Candidate | null): boolean =>
  !best || (a.type === 'F' ? best.limit !== 0 && (a.limit === 0 || a.limit > best.limit) : a.limit > best.limit);

/**
 * Product assignment at processing (RULES.md §4, SP Step1, DECISIONS.md #14). Repeats checks 1, 2 and 4 on the
 * lines stored as passed, then per line picks among the insuree's covering policies whose waiting period is over
 * (ADR 0006) the best co-insurance and fixed candidates; no candidate → 3. Ties keep the covering-loop order.
 */
export function assignProducts(input: ClaimEngineInput): AssignmentResult {
  const { claim, insuree, register, priceList } = input;
  const target = targetDate(claim);
  const lines: LineAssignment[] = [];
  // Literals spelled out: a spread followed by more fields costs V8 a new hidden class per field, per line.
  const reject = (l: ClaimLineInput, reason: RejectionCode, reasonParams: ReasonParams): LineAssignment => ({
    lineId: l.lineId,
    kind: l.kind,
    status: 'rejected',
    reason,
    reasonParams,
    productId: null,
    policyId: null,
    priceOrigin: null,
    limitation: null,
    limitationValue: null,
  });

  if (!insuree || target == null) {
    for (const l of claim.lines) {
      if (!isPassed(l)) lines.push(reject(l, l.rejectionReason || REASON.REVIEW, NO_PARAMS));
      else if (!insuree) lines.push(reject(l, REASON.INVALID_INSUREE, NO_PARAMS));
      else lines.push(reject(l, REASON.INVALID_DATE, NO_PARAMS));
    }
    return { claimId: claim.id, status: 'rejected', lines };
  }
  const adult = isAdult(insuree, target, engineConfig(input.config).ageOfMajority);
  const mask = patientMask(insuree.gender, adult);
  const covering = coveringPolicies(input.policies, input.products, target);
  let passed = 0;
  for (const l of claim.lines) {
    if (!isPassed(l)) {
      lines.push(reject(l, l.rejectionReason || REASON.REVIEW, NO_PARAMS));
      continue;
    }
    const entry = register[l.kind].get(l.medicalId);
    if (!entry || !within(target, entry.validFrom, entry.validTo)) {
      lines.push(reject(l, REASON.NOT_IN_REGISTER, { date: target }));
      continue;
    }
    const pl = priceList[l.kind].get(l.medicalId);
    if (!pl || !within(target, pl.validFrom, pl.validTo)) {
      lines.push(reject(l, REASON.NOT_IN_PRICE_LIST, { date: target }));
      continue;
    }
    if (!maskAllows(entry.patientCategory, mask)) {
      lines.push(reject(l, REASON.PATIENT_CATEGORY, { allowed: entry.patientCategory, patient: mask }));
      continue;
    }
    let bestC: Candidate | null = null;
    let bestF: Candidate | null = null;
    for (const row of coverRows(covering, l.kind, l.medicalId, target, adult)) {
      if (!waitingOver(row, target)) continue;
      const { type, limit } = limitationFor(row.line, claim.visitType, adult);
      const cand = { row, type, limit };
      if (type === 'C' ? better(cand, bestC) : better(cand, bestF)) {
        if (type === 'C') bestC = cand;
        else bestF = cand;
      }
    }
    // SP: the larger of the asked and approved prices.
    const claimPrice = Math.max(l.priceAsked, l.priceApproved ?? 0);
    const chosen = chooseLimitation(bestC, bestF, claimPrice);
    if (!chosen) {
      lines.push(reject(l, REASON.NOT_COVERED, { date: target }));
      continue;
    }
    passed++;
    lines.push({
      lineId: l.lineId,
      kind: l.kind,
      status: 'passed',
      reason: REASON.NONE,
      reasonParams: NO_PARAMS,
      productId: chosen.row.cover.product.id,
      policyId: chosen.row.cover.policy.id,
      priceOrigin: chosen.row.line.priceOrigin,
      limitation: chosen.type,
      limitationValue: chosen.limit,
    });
  }
  return { claimId: claim.id, status: passed > 0 ? 'assigned' : 'rejected', lines };
}
