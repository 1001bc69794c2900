import type {
  BatchFacility,
  BatchInput,
  BatchLine,
  BatchPlan,
  BatchProduct,
  CapitationComponent,
  LineRemuneration,
  Premium,
} from './types.js';

/** Builders of batch inputs shared by the worked examples and the properties of batchPlan. */
export const noWeights: Record<CapitationComponent, string> = {
  population: '0',
  families: '0',
  insuredPeople: '0',
  insuredFamilies: '0',
  visits: '0',
  adjustedAmount: '0',
};
export const product = (id: string, over: Partial<BatchProduct>): BatchProduct => ({
  id,
  locationId: null,
  ceilingInterpretation: 'I',
  relativeDistribution: [],
  capitationLevels: [],
  shareContribution: '100',
  weights: noWeights,
  ...over,
});
export const facility = (id: string, level: string, districtId: string, population = 0): BatchFacility => ({
  id,
  level,
  sublevel: null,
  regionId: 'r1',
  districtId,
  population,
  families: 0,
});
export const FACILITIES = [
  facility('hc1', 'C', 'd1'),
  facility('hosp', 'H', 'd1'),
  facility('disp1', 'D', 'd1', 2000),
  facility('disp2', 'D', 'd2', 8000),
];
/** A premium on a policy covering 2024 (366 days), paid on 1 January. */
export const premium2024 = (productId: string, amount: bigint): Premium => ({
  id: `pr-${productId}`,
  productId,
  amount,
  payDate: '2024-01-01',
  isPhotoFee: false,
  policyStatus: 2,
  effectiveDate: '2024-01-01',
  expiryDate: '2024-12-31',
});
export const line = (id: string, claimId: string, facilityId: string, over: Partial<BatchLine>): BatchLine => ({
  id,
  kind: 'service',
  claimId,
  facilityId,
  productId: null,
  status: 1,
  claimDateFrom: '2024-01-01',
  claimDateTo: null,
  processed: '2024-01-01',
  priceOrigin: 'P',
  priceAsked: 0n,
  qtyProvided: 1,
  priceApproved: null,
  qtyApproved: null,
  priceAdjusted: null,
  priceValuated: null,
  remunerated: null,
  settled: false,
  ...over,
});
/** The plan's lines by id. */
export const linesById = (plan: BatchPlan): Map<string, LineRemuneration> => new Map(plan.lines.map((l) => [l.id, l]));
/** The plan with its lines sorted by id (the only list given in input order). */
export const canonical = (plan: BatchPlan): BatchPlan => ({
  ...plan,
  lines: [...plan.lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
});
export const input = (month: number, over: Partial<BatchInput>): BatchInput => ({
  year: 2024,
  month,
  scope: { level: 'national' },
  products: [],
  premiums: [],
  facilities: FACILITIES,
  insured: [],
  lines: [],
  ...over,
});
