import type { Ctx } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { MedicalApi, MedicalItem, MedicalServiceRow } from '@mutua/medical';
import type { LineInput, ProductApi } from '../points.js';

/** The services each product service was built with (set in setup), for the demo seed and generate. */
export const demoDeps = new WeakMap<ProductApi, { medical: MedicalApi; location: LocationService }>();

/** Every row of a paged service read, page by page. */
export async function all<T>(
  fetch: (
    after: string | null,
  ) => Promise<{ edges: Array<{ node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>,
) {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Two products of a community scheme (mutuelle de santé), national, in FCFA:
 * - MUS-FAM, the family plan: two cycles (1 January, 1 July), one month of enrolment grace, registration fee,
 *   adult/child premiums, in-patient services paid at relative price (origin R) from 60 % of each month's
 *   contributions, the rest at the price list; every service and the drugs.
 * - MUS-FFS, fee for service: price-list prices, items covered at 80 % (co-insurance), deliveries at a fixed amount.
 */
export async function seedDemo(ctx: Ctx, products: ProductApi): Promise<void> {
  const deps = demoDeps.get(products);
  if (!deps) throw new Error('product demo: service without its medical dependency');
  const { medical } = deps;
  const items = await all<MedicalItem>((after) => medical.searchItems(ctx, {}, { first: 500, after }));
  const services = await all<MedicalServiceRow>((after) => medical.searchServices(ctx, {}, { first: 500, after }));

  const fam = await products.createProduct(ctx, {
    code: 'MUS-FAM',
    name: 'Mutuelle santé famille',
    dateFrom: '2025-01-01',
    dateTo: '2030-12-31',
    insurancePeriod: 12,
    administrationPeriod: 0,
    gracePeriodEnrolment: 1,
    gracePeriodRenewal: 1,
    gracePeriodPayment: 2,
    startCycle1: '01-01',
    startCycle2: '01-07',
    maxInstallments: 3,
    maxMembers: 10,
    threshold: 6,
    lumpSum: '0',
    premiumAdult: '6000',
    premiumChild: '3000',
    registrationFee: '1000',
    generalAssemblyLumpSum: '500',
    enrolmentDiscountPerc: '5',
    enrolmentDiscountPeriod: 1,
    renewalDiscountPerc: '5',
    renewalDiscountPeriod: 1,
    ceilingType: 'P',
    ceilingInterpretation: 'H',
    dedIpPolicy: '0',
    maxIpPolicy: '500000',
    maxOpPolicy: '150000',
    maxPolicyExtraMemberIp: '50000',
    maxCeilingPolicyIp: '1000000',
    maxNoConsultation: 12,
    maxNoHospitalization: 3,
    maxNoDelivery: 1,
    maxNoAntenatal: 4,
    maxAmountSurgery: '200000',
    maxAmountHospitalization: '300000',
    accCodePremiums: '706100',
    accCodeRemuneration: '602100',
    // Monthly, so every month's batch has an in-patient index (the October batch journey, issue 6).
    relativeDistribution: [{ careType: 'I', periods: Array.from({ length: 12 }, () => '60') }],
    capitationLevel1: 'D',
    capitationSublevel1: 'N',
    shareContribution: '100',
    weightPopulation: '20',
    weightNbFamilies: '20',
    weightInsuredPopulation: '60',
  });
  const inpatient = (s: MedicalServiceRow) => s.careType === 'I' || s.category === 'H' || s.category === 'S';
  await products.setLines(ctx, fam.id, 'service', {
    upsert: services.map(
      (s): LineInput => ({
        medicalId: s.id,
        priceOrigin: inpatient(s) ? 'R' : 'P',
        waitingPeriodAdult: s.category === 'D' ? 9 : s.category === 'S' ? 3 : 0,
        waitingPeriodChild: 0,
        ...(s.category === 'C' ? { limitNoAdult: 12, limitNoChild: 12 } : {}),
      }),
    ),
  });
  await products.setLines(ctx, fam.id, 'item', {
    upsert: items.filter((i) => i.type === 'D').map((i): LineInput => ({ medicalId: i.id, priceOrigin: 'P' })),
  });

  const ffs = await products.createProduct(ctx, {
    code: 'MUS-FFS',
    name: 'Mutuelle santé paiement à l’acte',
    dateFrom: '2025-01-01',
    dateTo: '2030-12-31',
    insurancePeriod: 12,
    gracePeriodEnrolment: 0,
    gracePeriodPayment: 1,
    maxMembers: 0,
    lumpSum: '25000',
    threshold: 0,
    registrationLumpSum: '2000',
    ceilingType: 'I',
    ceilingInterpretation: 'I',
    dedTreatment: '0',
    maxInsuree: '200000',
    conversionProductId: fam.id,
  });
  await products.setLines(ctx, ffs.id, 'service', {
    upsert: services.map(
      (s): LineInput =>
        s.category === 'D'
          ? {
              medicalId: s.id,
              priceOrigin: 'P',
              limitationType: 'F',
              limitationTypeE: 'F',
              limitationTypeR: 'F',
              limitAdult: '15000',
              limitChild: '15000',
              limitAdultE: '20000',
              limitChildE: '20000',
              limitAdultR: '20000',
              limitChildR: '20000',
              limitNoAdult: 1,
            }
          : {
              medicalId: s.id,
              priceOrigin: 'P',
              limitAdult: '80',
              limitChild: '80',
              limitAdultE: '80',
              limitChildE: '80',
              limitAdultR: '80',
              limitChildR: '80',
            },
    ),
  });
  await products.setLines(ctx, ffs.id, 'item', {
    upsert: items.map(
      (i): LineInput => ({
        medicalId: i.id,
        priceOrigin: 'P',
        limitAdult: '80',
        limitChild: '80',
        limitAdultE: '80',
        limitChildE: '80',
        limitAdultR: '80',
        limitChildR: '80',
      }),
    ),
  });
}
