import claim, { type ClaimApi, claimService } from '@mutua/claim';
import codelist from '@mutua/codelist';
import contribution, { type ContributionApi, contributionService } from '@mutua/contribution';
import insuree, { type InsureeApi, insureeService } from '@mutua/insuree';
import { type Ctx, type ModuleDefinition, queryRows } from '@mutua/kernel';
import { seedDemos, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { type MedicalApi, medicalService } from '@mutua/medical';
import pricelist from '@mutua/medical-pricelist';
import officer from '@mutua/officer';
import payer from '@mutua/payer';
import policy, { type PolicyApi, policyService } from '@mutua/policy';
import product, { type Product, type ProductApi, productService } from '@mutua/product';
import { sql } from 'drizzle-orm';
import claimBatch from '../index.js';

export const MODULES = [
  location,
  codelist,
  payer,
  officer,
  medical,
  pricelist,
  product,
  insuree,
  policy,
  contribution,
  claim,
  claimBatch,
] as unknown as ModuleDefinition<unknown, unknown>[];

export interface World {
  product: Product;
  hfId: string;
  policyId: string;
  serviceId: string;
  claims: ClaimApi;
  /** Creates, submits and processes a claim of `qty` × the relative-price service; returns its id. */
  processedClaim(code: string, qty: number, dateFrom: string): Promise<string>;
}

/**
 * The worked example's country: the location/medical/product demos, a national product REL (a copy of MUS-FAM whose
 * consultation service is paid at relative price, distribution B monthly 50 %, no capitation), one family with an
 * active 2026 policy and one contribution of 36,500.00 paid on 2026-01-01.
 */
export async function buildWorld(k: TestKernel, admin: Ctx): Promise<World> {
  const svc = <T>(ref: Parameters<typeof k.kernel.service>[0]) => k.kernel.service(ref) as T;
  await seedDemos(k.kernel, admin, ['location', 'officer', 'medical', 'medical-pricelist', 'product']);
  const loc = svc<LocationService>(locationService);
  const med = svc<MedicalApi>(medicalService);
  const products = svc<ProductApi>(productService);
  const claims = svc<ClaimApi>(claimService);
  const hfId = (await loc.findHealthFacilityByCode(admin, 'HF1101'))!.id;
  const fam = (await products.findByCode(admin, 'MUS-FAM'))!;
  const copy = await products.duplicateProduct(admin, fam.id, 'REL', 'Relative pricing');
  const { id: _id, validFrom: _vf, validTo: _vt, ...values } = copy;
  const rel = await products.updateProduct(admin, copy.id, {
    ...values,
    relativeDistribution: [{ careType: 'B', periods: Array(12).fill('50') }],
    capitationLevel1: null,
    capitationSublevel1: null,
  });
  const service = (await med.searchServices(admin, { careType: 'O' }, { first: 1 })).edges[0]!.node;
  await products.setLines(admin, rel.id, 'service', { upsert: [{ medicalId: service.id, priceOrigin: 'R' }] });

  const village = (await loc.searchLocations(admin, { type: 'V' }, { first: 1 })).edges[0]!.node;
  const { family, head } = await svc<InsureeApi>(insureeService).createFamily(
    admin,
    { locationId: village.id },
    { lastName: 'Diallo', otherNames: 'Awa', dob: '1990-05-01', gender: 'F' },
    { confirmDuplicates: true },
  );
  const pol = await svc<PolicyApi>(policyService).createPolicy(admin, {
    familyId: family.id,
    productId: rel.id,
    enrollDate: '2026-01-01',
  });
  await svc<ContributionApi>(contributionService).createContribution(admin, {
    policyId: pol.id,
    amount: '36500',
    receipt: 'R-2026-001',
    payDate: '2026-01-01',
    payType: 'C',
  });
  const icd = (await med.searchDiagnoses(admin, {}, { first: 1 })).edges[0]!.node;

  return {
    product: rel,
    hfId,
    policyId: pol.id,
    serviceId: service.id,
    claims,
    async processedClaim(code, qty, dateFrom) {
      const c = await claims.createClaim(admin, {
        code,
        hfId,
        insureeNumber: head.chfId,
        dateFrom,
        dateClaimed: dateFrom,
        icdId: icd.id,
        services: [{ medicalId: service.id, qtyProvided: String(qty), explanation: 'Follow-up visits' }],
      });
      await claims.submitClaims(admin, [c.id]);
      await claims.processClaims(admin, [c.id]);
      return c.id;
    },
  };
}

/**
 * Fixture: the claim module stamps the processing date with today; the worked example needs claims processed on a
 * chosen day (in October 2026), as if the clerk had processed them then. Test setup only.
 */
export async function processedOn(k: TestKernel, claimIds: readonly string[], day: string): Promise<void> {
  await queryRows(
    k.database.db,
    sql`UPDATE claim SET date_processed = ${day}::date WHERE id = ANY(${`{${claimIds.join(',')}}`}::uuid[])`,
  );
}
