/**
 * Test fixtures for the claim engine: a small world (one adult insuree, one active policy, one product) that each
 * test changes only where its rule needs it. Amounts in cents; C limits in hundredths of a percent.
 */
import type {
  ClaimEngineInput,
  ClaimInput,
  ClaimLineInput,
  PolicyInput,
  PriceListEntry,
  ProductLineTerms,
  ProductTerms,
  RegisterEntry,
} from './types.js';

export const TARGET = '2026-03-15';

export function registerEntry(id: string, more: Partial<RegisterEntry> = {}): RegisterEntry {
  return { id, careType: 'B', patientCategory: 15, frequency: null, price: 1000, category: null, ...more };
}

export function productLine(id: string, more: Partial<ProductLineTerms> = {}): ProductLineTerms {
  return {
    id,
    priceOrigin: 'P',
    limitationType: 'C',
    limitationTypeE: 'C',
    limitationTypeR: 'C',
    limitAdult: 10_000,
    limitChild: 10_000,
    limitAdultE: 10_000,
    limitChildE: 10_000,
    limitAdultR: 10_000,
    limitChildR: 10_000,
    waitingPeriodAdult: null,
    waitingPeriodChild: null,
    limitNoAdult: null,
    limitNoChild: null,
    ceilingExclusionAdult: null,
    ceilingExclusionChild: null,
    ...more,
  };
}

/** A product covering every given line at 100 % with no deductible, ceiling or maximum. */
export function product(
  id: string,
  lines: { items?: ProductLineTerms[]; services?: ProductLineTerms[] },
  more: Partial<ProductTerms> = {},
): ProductTerms {
  return {
    id,
    lines: {
      item: new Map((lines.items ?? []).map((l) => [l.id, l])),
      service: new Map((lines.services ?? []).map((l) => [l.id, l])),
    },
    ceilingInterpretation: null,
    dedTreatment: null,
    dedInsuree: null,
    dedPolicy: null,
    dedIpTreatment: null,
    dedIpInsuree: null,
    dedIpPolicy: null,
    dedOpTreatment: null,
    dedOpInsuree: null,
    dedOpPolicy: null,
    maxTreatment: null,
    maxInsuree: null,
    maxPolicy: null,
    maxIpTreatment: null,
    maxIpInsuree: null,
    maxIpPolicy: null,
    maxOpTreatment: null,
    maxOpInsuree: null,
    maxOpPolicy: null,
    threshold: null,
    maxPolicyExtraMember: null,
    maxPolicyExtraMemberIp: null,
    maxPolicyExtraMemberOp: null,
    maxCeilingPolicy: null,
    maxCeilingPolicyIp: null,
    maxCeilingPolicyOp: null,
    maxNoConsultation: null,
    maxNoSurgery: null,
    maxNoDelivery: null,
    maxNoHospitalization: null,
    maxNoVisits: null,
    maxNoAntenatal: null,
    maxAmountConsultation: null,
    maxAmountSurgery: null,
    maxAmountDelivery: null,
    maxAmountHospitalization: null,
    maxAmountAntenatal: null,
    ...more,
  };
}

export function policy(id: string, productId: string, more: Partial<PolicyInput> = {}): PolicyInput {
  return {
    id,
    productId,
    stage: 'R',
    status: 2,
    effectiveDate: '2026-01-01',
    expiryDate: '2026-12-31',
    insureeCoverage: { effectiveDate: '2026-01-01', expiryDate: '2026-12-31' },
    memberCoverages: [{ effectiveDate: '2026-01-01', expiryDate: '2026-12-31' }],
    ...more,
  };
}

export const item = (lineId: string, medicalId: string, more: Partial<ClaimLineInput> = {}): ClaimLineInput => ({
  lineId,
  kind: 'item',
  medicalId,
  qtyProvided: 1,
  priceAsked: 1000,
  ...more,
});

export const service = (lineId: string, medicalId: string, more: Partial<ClaimLineInput> = {}): ClaimLineInput => ({
  lineId,
  kind: 'service',
  medicalId,
  qtyProvided: 1,
  priceAsked: 1000,
  ...more,
});

export function claim(lines: ClaimLineInput[], more: Partial<ClaimInput> = {}): ClaimInput {
  return {
    id: 'claim-1',
    insureeId: 'ins-1',
    dateFrom: TARGET,
    dateTo: null,
    dateClaimed: TARGET,
    visitType: 'O',
    facility: { id: 'hf-1', level: 'C', careType: 'B' },
    lines,
    ...more,
  };
}

/**
 * The default world: item DRUG (10.00, drug), services CONS (consultation, 20.00), SURG (surgery, 500.00), DELIV
 * (delivery), ANC (antenatal), HOSP (hospitalisation), OTHER (other); all in the price list and covered by product
 * PROD through policy POL (renewal, active 2026, insuree covered from 2026-01-01).
 */
export function world(
  lines: ClaimLineInput[],
  opts: {
    claim?: Partial<ClaimInput>;
    product?: Partial<ProductTerms>;
    productLines?: Record<string, Partial<ProductLineTerms>>;
    entries?: Record<string, Partial<RegisterEntry>>;
    policy?: Partial<PolicyInput>;
  } & Partial<Omit<ClaimEngineInput, 'claim' | 'register'>> = {},
): ClaimEngineInput {
  const reg = {
    DRUG: registerEntry('DRUG', { price: 1000 }),
    CONS: registerEntry('CONS', { price: 2000, category: 'C' }),
    SURG: registerEntry('SURG', { price: 50_000, category: 'S' }),
    DELIV: registerEntry('DELIV', { price: 30_000, category: 'D' }),
    ANC: registerEntry('ANC', { price: 1500, category: 'A' }),
    HOSP: registerEntry('HOSP', { price: 10_000, category: 'H' }),
    OTHER: registerEntry('OTHER', { price: 500, category: 'O' }),
  };
  const merged = (id: keyof typeof reg) => ({ ...reg[id], ...(opts.entries?.[id] ?? {}) });
  const items = [merged('DRUG')];
  const services = (['CONS', 'SURG', 'DELIV', 'ANC', 'HOSP', 'OTHER'] as const).map(merged);
  const pl = (id: string): ProductLineTerms => productLine(id, opts.productLines?.[id] ?? {});
  const prod = product(
    'PROD',
    { items: items.map((e) => pl(e.id)), services: services.map((e) => pl(e.id)) },
    opts.product,
  );
  const priceEntry = (e: RegisterEntry): [string, PriceListEntry] => [e.id, { id: e.id, priceOverride: null }];
  return {
    claim: claim(lines, opts.claim),
    insuree: opts.insuree === undefined ? { id: 'ins-1', birthDate: '1980-06-01', gender: 'M' } : opts.insuree,
    policies: opts.policies ?? [policy('POL', 'PROD', opts.policy)],
    products: opts.products ?? new Map([['PROD', prod]]),
    register: { item: new Map(items.map((e) => [e.id, e])), service: new Map(services.map((e) => [e.id, e])) },
    priceList: opts.priceList ?? {
      item: new Map(items.map(priceEntry)),
      service: new Map(services.map(priceEntry)),
    },
    history: opts.history ?? { claims: [], ledger: [] },
    ...(opts.config ? { config: opts.config } : {}),
  };
}
