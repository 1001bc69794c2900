import assert from 'node:assert/strict';
import codelist from '@mutua/codelist';
import insuree, { type InsureeApi, insureeService } from '@mutua/insuree';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { type MedicalApi, medicalService } from '@mutua/medical';
import pricelist from '@mutua/medical-pricelist';
import officer from '@mutua/officer';
import policy, { type PolicyApi, policyService } from '@mutua/policy';
import product, { type ProductApi, productService } from '@mutua/product';
import { type ClaimInput, claimService } from '../points.js';
import claim from './index.js';
import type { ClaimService } from './service.js';

const MODULES = [location, codelist, officer, medical, pricelist, product, insuree, policy, claim];

export const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
export const fields = (e: MutuaError) => e.problems.map((p) => p.field);

/** The claim tests' country: the demo registers, price lists and products, and Awa Diallo insured by MUS-FAM. */
export interface ClaimFixture {
  k: TestKernel;
  admin: Ctx;
  claims: ClaimService;
  med: MedicalApi;
  loc: LocationService;
  /** A claim for Awa at HF1101 with two items and a service, all priced and covered. */
  base: ClaimInput;
  chfId: string;
  hfId: string;
  otherHfId: string;
  /** An item in the register but in no price list. */
  unlisted: string;
}

export async function startClaimFixture(): Promise<ClaimFixture> {
  const k = await startTestKernel({ modules: MODULES as unknown as ModuleDefinition<unknown, unknown>[] });
  const admin = k.adminCtx();
  const svc = <T>(ref: Parameters<typeof k.kernel.service>[0]) => k.kernel.service(ref) as T;
  const loc = svc<LocationService>(locationService);
  const med = svc<MedicalApi>(medicalService);
  const claims = svc<ClaimService>(claimService);
  await k.seedDemo(['location', 'officer', 'medical', 'medical-pricelist', 'product']);
  const hfId = (await loc.findHealthFacilityByCode(admin, 'HF1101'))!.id;
  const otherHfId = (await loc.findHealthFacilityByCode(admin, 'HF2101'))!.id;
  const village = (await loc.searchLocations(admin, { type: 'V' }, { first: 1 })).edges[0]!.node;
  const ins = svc<InsureeApi>(insureeService);
  const { family, head } = await ins.createFamily(
    admin,
    { locationId: village.id },
    { lastName: 'Diallo', otherNames: 'Awa', dob: '1990-05-01', gender: 'F' },
    { confirmDuplicates: true },
  );
  const chfId = head.chfId;
  const prod = (await svc<ProductApi>(productService).findByCode(admin, 'MUS-FAM'))!;
  const pol = svc<PolicyApi>(policyService);
  const p = await pol.createPolicy(admin, { familyId: family.id, productId: prod.id, enrollDate: '2025-01-15' });
  await pol.activatePolicy(admin, p.id, '2025-02-01');
  const items = (await med.searchItems(admin, {}, { first: 2 })).edges.map((e) => e.node);
  const service = (await med.searchServices(admin, { careType: 'O' }, { first: 1 })).edges[0]!.node;
  const unlisted = (
    await med.createItem(admin, { code: 'ZZ001', name: 'Not listed', type: 'D', price: '100', careType: 'B' })
  ).id;
  const icd = (await med.searchDiagnoses(admin, {}, { first: 1 })).edges[0]!.node;
  const base: ClaimInput = {
    code: 'C-001',
    hfId,
    insureeNumber: chfId,
    dateFrom: '2025-06-10',
    dateClaimed: '2025-06-11',
    icdId: icd.id,
    items: items.map((i) => ({ medicalId: i.id, qtyProvided: '2' })),
    services: [{ medicalId: service.id, qtyProvided: '1' }],
  };
  return { k, admin, claims, med, loc, base, chfId, hfId, otherHfId, unlisted };
}
