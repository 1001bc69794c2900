import { addMonths, type IsoDate, within } from './dates.js';
import type { LineKind, PolicyInput, ProductLineTerms, ProductTerms } from './types.js';

/** A policy covering the insuree at the target date (DOMAIN.md §9.4, DECISIONS.md #29). */
export interface CoveringPolicy {
  policy: PolicyInput;
  product: ProductTerms;
  /** The insuree's coverage period by this policy. */
  from: IsoDate;
  to: IsoDate | null;
  /** Waiting periods apply to new policies and to members who joined after the policy started. */
  waitingApplies: boolean;
}

/** Active (2) and expired (8) policies cover dates inside their period; idle, suspended, ready cover nothing. */
const covers = (p: PolicyInput, target: IsoDate): boolean =>
  (p.status === 2 || p.status === 8) && p.effectiveDate != null && within(target, p.effectiveDate, p.expiryDate);

/** The family's policies that cover the insuree at the target date, once per claim. */
export function coveringPolicies(
  policies: readonly PolicyInput[],
  products: ReadonlyMap<string, ProductTerms>,
  target: IsoDate,
): CoveringPolicy[] {
  const out: CoveringPolicy[] = [];
  for (const policy of policies) {
    const cov = policy.insureeCoverage;
    if (!cov?.effectiveDate || !covers(policy, target) || !within(target, cov.effectiveDate, cov.expiryDate)) continue;
    const product = products.get(policy.productId);
    if (!product) continue;
    out.push({
      policy,
      product,
      from: cov.effectiveDate,
      to: cov.expiryDate,
      waitingApplies: policy.stage === 'N' || policy.effectiveDate! < cov.effectiveDate,
    });
  }
  return out;
}

/** A covering policy whose product covers the line (a row of the SP covering-product loop). */
export interface CoverRow {
  cover: CoveringPolicy;
  line: ProductLineTerms;
  waitingMonths: number;
  /** First covered day: coverage start + waiting months (clamped month arithmetic). */
  coveredFrom: IsoDate;
}

/** Rows for one item or service, ordered by first covered day (RULES.md §3.2 step 10); ties keep input order. */
export function coverRows(
  covering: readonly CoveringPolicy[],
  kind: LineKind,
  medicalId: string,
  target: IsoDate,
  adult: boolean,
): CoverRow[] {
  const rows: CoverRow[] = [];
  for (const cover of covering) {
    const line = cover.product.lines[kind].get(medicalId);
    if (!line || !within(target, line.validFrom, line.validTo)) continue;
    const waitingMonths = (adult ? line.waitingPeriodAdult : line.waitingPeriodChild) ?? 0;
    rows.push({ cover, line, waitingMonths, coveredFrom: addMonths(cover.from, waitingMonths) });
  }
  if (rows.length > 1)
    rows.sort((a, b) => (a.coveredFrom < b.coveredFrom ? -1 : a.coveredFrom > b.coveredFrom ? 1 : 0));
  return rows;
}

/** Whether the waiting period of a row is over at the target date (check 17). */
export const waitingOver = (row: CoverRow, target: IsoDate): boolean =>
  !row.cover.waitingApplies || target >= row.coveredFrom;
