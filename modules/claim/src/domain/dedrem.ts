import { type IsoDate, within } from './dates.js';
import type { DedRemSums, PolicySums } from './history.js';
import type { Cents } from './money.js';
import type { DedRemChoice, DedRemLevel, HfLevel, PolicyInput, ProductTerms } from './types.js';

/** In-patient (hospital) context for IP/OP amounts and exclusions (RULES.md §5.2 step 2; null counts as I). */
export const ipContext = (product: ProductTerms, hospitalisation: boolean, hfLevel: HfLevel): boolean =>
  product.ceilingInterpretation === 'H' ? hfLevel === 'H' : hospitalisation;

/** Members covered by the policy at the target date (DECISIONS.md #16). */
export function membersAt(policy: PolicyInput, target: IsoDate): number {
  let n = 0;
  for (const m of policy.memberCoverages) if (m.effectiveDate && within(target, m.effectiveDate, m.expiryDate)) n++;
  return n;
}

/** Policy ceiling with extra members: + (members − threshold) × extra, capped by the max ceiling when set. */
export function policyCeiling(
  base: Cents,
  members: number,
  threshold: number | null,
  extra: Cents | null,
  cap: Cents | null,
): Cents {
  if (threshold == null || members <= threshold) return base;
  const raised = base + (members - threshold) * (extra ?? 0);
  return cap && raised > cap ? cap : raised;
}

type Scope = DedRemChoice['scope'];

/** SP priority Policy > Insuree > Treatment: the first non-zero amount of policy, insuree, treatment. */
function pick(
  scope: Scope,
  treatment: Cents | null,
  insuree: Cents | null,
  policy: Cents,
  prev: { insuree: Cents; policy: Cents },
): DedRemChoice {
  const choose = (level: DedRemLevel, amount: Cents, previous: Cents): DedRemChoice => ({
    scope,
    level,
    amount,
    previous,
  });
  if (policy > 0) return choose('policy', policy, prev.policy);
  if ((insuree ?? 0) > 0) return choose('insuree', insuree!, prev.insuree);
  if ((treatment ?? 0) > 0) return choose('treatment', treatment!, 0);
  return { scope, level: null, amount: 0, previous: 0 };
}

const prevOf = (sums: PolicySums, key: keyof DedRemSums) => ({ insuree: sums.insuree[key], policy: sums.policy[key] });

/**
 * The deductible and the ceiling a policy applies to a claim (RULES.md §5.2, DECISIONS.md #16): the general
 * ones first; when none, the IP or OP ones by context, the OP branch reading the OP fields.
 */
export function chooseDedRem(
  product: ProductTerms,
  members: number,
  ip: boolean,
  sums: PolicySums,
): { deductible: DedRemChoice; ceiling: DedRemChoice } {
  const p = product;
  let deductible = pick('G', p.dedTreatment, p.dedInsuree, p.dedPolicy ?? 0, prevOf(sums, 'dedG'));
  if (deductible.amount === 0) {
    deductible = ip
      ? pick('IP', p.dedIpTreatment, p.dedIpInsuree, p.dedIpPolicy ?? 0, prevOf(sums, 'dedIp'))
      : pick('OP', p.dedOpTreatment, p.dedOpInsuree, p.dedOpPolicy ?? 0, prevOf(sums, 'dedOp'));
  }
  const gPolicy =
    (p.maxPolicy ?? 0) > 0
      ? policyCeiling(p.maxPolicy!, members, p.threshold, p.maxPolicyExtraMember, p.maxCeilingPolicy)
      : 0;
  let ceiling = pick('G', p.maxTreatment, p.maxInsuree, gPolicy, prevOf(sums, 'remG'));
  if (ceiling.amount === 0) {
    if (ip) {
      const pol =
        (p.maxIpPolicy ?? 0) > 0
          ? policyCeiling(p.maxIpPolicy!, members, p.threshold, p.maxPolicyExtraMemberIp, p.maxCeilingPolicyIp)
          : 0;
      ceiling = pick('IP', p.maxIpTreatment, p.maxIpInsuree, pol, prevOf(sums, 'remIp'));
    } else {
      const pol =
        (p.maxOpPolicy ?? 0) > 0
          ? policyCeiling(p.maxOpPolicy!, members, p.threshold, p.maxPolicyExtraMemberOp, p.maxCeilingPolicyOp)
          : 0;
      ceiling = pick('OP', p.maxOpTreatment, p.maxOpInsuree, pol, prevOf(sums, 'remOp'));
    }
  }
  return { deductible, ceiling };
}
