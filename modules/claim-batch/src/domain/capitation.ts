/**
 * Capitation payment (RULES.md §9, DECISIONS #23): the capitation pool (allocated contributions × share) is split over
 * the six weighted components; each component is split over the eligible facilities in proportion to their values.
 *
 * Exactness: the components' amounts are apportioned from round(pool × Σ weights) by weight, and each component
 * amount over the facilities by value, both by largest remainder (apportion.ts). So, when the weights sum to 100 and
 * every weighted component has a non-zero total, Σ of the facility payments = pool to the cent. A component whose
 * total is 0 pays nobody (unit price 0, as in the SP); its amount stays in the fund.
 * Counts (population × catchment %, …) are taken to two decimals.
 */
import { apportion } from './apportion.js';
import { formatRatio, hundredths, percentBasisPoints, roundDiv } from './money.js';
import type {
  CapitationComponent,
  CapitationComponentRow,
  CapitationFacilityRow,
  CapitationLevel,
  CapitationResult,
  Cents,
} from './types.js';
import { CAPITATION_COMPONENTS } from './types.js';

/** One eligible facility's facts for one product and window. */
export interface CapitationFacts {
  facilityId: string;
  /** Catchment population × catchment %. */
  population: number;
  families: number;
  /** Insured people / families of the product in the catchment × catchment %. */
  insuredPeople: number;
  insuredFamilies: number;
  /** Distinct claims of the product processed in the window at the facility. */
  visits: number;
  /** Σ adjusted amount of those claims' lines of the product. */
  adjustedAmount: Cents;
}

export interface CapitationTerms {
  shareContribution: string;
  weights: Readonly<Record<CapitationComponent, string>>;
}

/** A facility is paid by capitation for a product when its level (and sub-level, if set) matches one of the levels. */
export const isCapitationFacility = (
  levels: readonly CapitationLevel[],
  facility: { level: string; sublevel: string | null },
): boolean =>
  levels.some((l) => l.level === facility.level && (l.sublevel === null || l.sublevel === facility.sublevel));

const componentValue = (f: CapitationFacts, c: CapitationComponent): bigint =>
  c === 'adjustedAmount' ? f.adjustedAmount : hundredths(f[c]);

export function capitationPayment(
  allocated: Cents,
  terms: CapitationTerms,
  facts: readonly CapitationFacts[],
): CapitationResult {
  const shareBp = percentBasisPoints(terms.shareContribution);
  const pool = roundDiv(allocated * shareBp, 10000n);
  const weightBp = CAPITATION_COMPONENTS.map((c) => percentBasisPoints(terms.weights[c]));
  const weightSum = weightBp.reduce((a, b) => a + b, 0n);
  const amounts =
    weightSum === 0n
      ? weightBp.map(() => 0n)
      : apportion(roundDiv(pool * weightSum, 10000n), weightBp, [...CAPITATION_COMPONENTS]);

  const sorted = [...facts].sort((a, b) => (a.facilityId < b.facilityId ? -1 : a.facilityId > b.facilityId ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.facilityId === sorted[i - 1]!.facilityId) throw new RangeError('capitationPayment: duplicate HF');
  const ids = sorted.map((f) => f.facilityId);
  const rows: CapitationFacilityRow[] = sorted.map((f) => ({
    facilityId: f.facilityId,
    values: Object.fromEntries(CAPITATION_COMPONENTS.map((c) => [c, componentValue(f, c)])) as Record<
      CapitationComponent,
      bigint
    >,
    amounts: Object.fromEntries(CAPITATION_COMPONENTS.map((c) => [c, 0n])) as Record<CapitationComponent, Cents>,
    payment: 0n,
  }));

  const components: CapitationComponentRow[] = CAPITATION_COMPONENTS.map((component, k) => {
    const amount = amounts[k]!;
    const values = rows.map((r) => r.values[component]);
    const total = values.reduce((a, b) => a + b, 0n);
    if (total > 0n) {
      const shares = apportion(amount, values, ids);
      rows.forEach((r, i) => {
        r.amounts[component] = shares[i]!;
        r.payment += shares[i]!;
      });
    }
    return {
      component,
      weightPercent: terms.weights[component],
      amount,
      total,
      unitPrice: total > 0n ? formatRatio(amount, total, 0, 4) : '0.0000',
    };
  });
  return { allocated, sharePercent: terms.shareContribution, pool, components, facilities: rows };
}
