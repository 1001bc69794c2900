import { categoryMaxAmount, claimCategory, isHospitalisation, targetDate } from './category.js';
import { engineConfig } from './config.js';
import { chooseDedRem, ipContext, membersAt } from './dedrem.js';
import { ledgerSums, NO_SUMS } from './history.js';
import { splitLine } from './line-value.js';
import type { Cents } from './money.js';
import { isAdult } from './patient.js';
import type {
  AssignmentResult,
  CeilingExclusion,
  ClaimCategory,
  ClaimEngineInput,
  ClaimLineInput,
  LedgerRow,
  LineAssignment,
  LineValuation,
  PolicyValuation,
  ProductLineTerms,
  ValuationResult,
} from './types.js';

/** Whether a ceiling exclusion matches the context: B always, H in-patient, N out-patient (RULES.md §1.6). */
export const excludedFromCeiling = (e: CeilingExclusion | null, ip: boolean): boolean =>
  e === 'B' || (e === 'H' && ip) || (e === 'N' && !ip);

/** Unit price (DECISIONS.md #15): O → approved ?? asked; else approved ?? (price-list override ?? register). */
export function unitPrice(input: ClaimEngineInput, line: ClaimLineInput, origin: LineAssignment['priceOrigin']): Cents {
  if (line.priceApproved != null) return line.priceApproved;
  if (origin === 'O') return line.priceAsked;
  const pl = input.priceList[line.kind].get(line.medicalId);
  return pl?.priceOverride ?? input.register[line.kind].get(line.medicalId)?.price ?? line.priceAsked;
}

const CATEGORY_FIELD = {
  C: 'remConsult',
  S: 'remSurgery',
  D: 'remDelivery',
  H: 'remHospitalization',
  A: 'remAntenatal',
} as const;

const emptyRow = (claimId: string, policyId: string, insureeId: string): LedgerRow => ({
  claimId,
  policyId,
  insureeId,
  dedG: 0,
  remG: 0,
  dedIp: 0,
  remIp: 0,
  dedOp: 0,
  remOp: 0,
  remConsult: 0,
  remSurgery: 0,
  remDelivery: 0,
  remHospitalization: 0,
  remAntenatal: 0,
});

/**
 * Valuation (RULES.md §5.2–§5.4, DECISIONS.md #15–#20) of the lines an assignment passed: per policy the
 * deductible and ceiling, per line (items then services, in line order) fixed limit, deductible, co-insurance,
 * category cap, ceiling exclusion and ceiling; one ledger row per claim and policy.
 */
export function valuateClaim(input: ClaimEngineInput, assignment: AssignmentResult): ValuationResult {
  const { claim, insuree } = input;
  const target = targetDate(claim);
  const category: ClaimCategory = claimCategory(claim, input.register);
  const out: ValuationResult = {
    claimId: claim.id,
    status: 'rejected',
    category,
    valuatedAmount: 0,
    remuneratedAmount: 0,
    lines: [],
    policies: [],
    ledger: [],
  };
  if (!insuree || target == null) return out;
  const adult = isAdult(insuree, target, engineConfig(input.config).ageOfMajority);
  const hospitalisation = isHospitalisation(claim);
  const lineById = new Map<string, ClaimLineInput>();
  for (const l of claim.lines) lineById.set(l.lineId, l);

  // Passed lines grouped by policy, in order of first appearance; items before services within a policy.
  const groups = new Map<string, LineAssignment[]>();
  for (const kind of ['item', 'service'] as const) {
    for (const a of assignment.lines) {
      if (a.status !== 'passed' || a.kind !== kind || !a.policyId) continue;
      let g = groups.get(a.policyId);
      if (!g) {
        g = [];
        groups.set(a.policyId, g);
      }
      g.push(a);
    }
  }
  if (groups.size === 0) return out;

  const sums = ledgerSums(input.history.ledger, claim.id, insuree.id);
  const policies = new Map(input.policies.map((p) => [p.id, p]));
  let relative = false;
  for (const [policyId, group] of groups) {
    const policy = policies.get(policyId)!;
    const product = input.products.get(group[0]!.productId!)!;
    const ip = ipContext(product, hospitalisation, claim.facility.level);
    const members = membersAt(policy, target);
    const { deductible, ceiling } = chooseDedRem(product, members, ip, sums.get(policyId) ?? NO_SUMS);
    const catMax = category === 'V' ? 0 : categoryMaxAmount(product, category);
    let deducted = 0;
    let remunerated = 0;
    let remCategory = 0;
    for (const a of group) {
      const line = lineById.get(a.lineId)!;
      const terms: ProductLineTerms | undefined = product.lines[line.kind].get(line.medicalId);
      const exclusion = (adult ? terms?.ceilingExclusionAdult : terms?.ceilingExclusionChild) ?? null;
      const excluded = excludedFromCeiling(exclusion, ip);
      const qty = line.qtyApproved ?? line.qtyProvided;
      const price = unitPrice(input, line, a.priceOrigin);
      const split = splitLine(qty, price, a.limitation!, a.limitationValue!, {
        deductibleLeft: deductible.amount - deductible.previous - deducted,
        categoryLeft: catMax > 0 ? catMax - remCategory : null,
        ceilingLeft: ceiling.amount > 0 ? ceiling.amount - ceiling.previous - remunerated : null,
        excluded,
      });
      deducted += split.deductible;
      if (!split.fullyDeducted) {
        if (category !== 'V') remCategory += split.exceedCeiling + split.paid;
        if (!excluded) remunerated += split.paid;
      }
      const isRelative = a.priceOrigin === 'R';
      relative ||= isRelative;
      out.lines.push({
        lineId: a.lineId,
        kind: a.kind,
        productId: a.productId!,
        policyId,
        priceOrigin: a.priceOrigin!,
        limitation: a.limitation!,
        limitationValue: a.limitationValue!,
        qty,
        unitPrice: price,
        grossValue: split.gross,
        fixedLimitCut: split.fixedLimitCut,
        deductible: split.deductible,
        coInsuranceShare: split.coInsuranceShare,
        exceedCeilingCategory: split.exceedCeilingCategory,
        exceedCeiling: split.exceedCeiling,
        valuated: split.paid,
        remunerated: isRelative ? null : split.paid,
      } satisfies LineValuation);
      out.valuatedAmount += split.paid;
      if (!isRelative) out.remuneratedAmount! += split.paid;
    }
    const row = emptyRow(claim.id, policyId, insuree.id);
    row.dedG = deducted;
    row.remG = remunerated;
    if (ip) {
      row.dedIp = deducted;
      row.remIp = remunerated;
    } else {
      row.dedOp = deducted;
      row.remOp = remunerated;
    }
    if (category !== 'V') row[CATEGORY_FIELD[category]] = remCategory;
    out.ledger.push(row);
    out.policies.push({
      policyId,
      productId: product.id,
      ipContext: ip,
      members,
      deductible,
      ceiling,
      ledger: row,
    } satisfies PolicyValuation);
  }
  out.status = relative ? 'processed' : 'valuated';
  if (relative) out.remuneratedAmount = null;
  return out;
}
