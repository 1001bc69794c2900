import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import codelist from '@mutua/codelist';
import insuree, { type InsureeApi, insureeService } from '@mutua/insuree';
import type { AuthUser, Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { medicalService } from '@mutua/medical';
import product, { type Product, type ProductApi, productService } from '@mutua/product';
import { type PolicyApi, policyService } from '../points.js';
import policy from './index.js';

export interface PolicyTestKernel {
  k: TestKernel;
  service: PolicyApi;
  insuree: InsureeApi;
  products: ProductApi;
  location: LocationService;
  admin: Ctx;
  token: string;
  fam: Product;
  ffs: Product;
  village(code: string): Promise<string>;
  user(name: string, rights: string[], districtCodes?: string[]): Promise<{ user: AuthUser; ctx: Ctx }>;
}

/** One kernel for the calling test file with the location, medical and product demos; read it inside tests only. */
export function usePolicyKernel(): PolicyTestKernel {
  const t = {} as PolicyTestKernel;
  before(async () => {
    const k = await startTestKernel({
      modules: [location, codelist, medical, product, insuree, policy] as unknown as ModuleDefinition<
        unknown,
        unknown
      >[],
      config: { policy: { scheduleExpiry: false } },
    });
    const admin = k.adminCtx();
    const loc = k.kernel.service(locationService)!;
    const products = k.kernel.service(productService)!;
    await location.seedDemo!(admin, loc);
    await medical.seedDemo!(admin, k.kernel.service(medicalService)!);
    await product.seedDemo!(admin, products);
    await k.createUser({ username: 'pol-admin', admin: true });
    Object.assign(t, {
      k,
      service: k.kernel.service(policyService)!,
      insuree: k.kernel.service(insureeService)!,
      products,
      location: loc,
      admin,
      token: await k.loginToken('pol-admin'),
      fam: (await products.findByCode(admin, 'MUS-FAM'))!,
      ffs: (await products.findByCode(admin, 'MUS-FFS'))!,
      async village(code: string) {
        return (await loc.findByCode(admin, code))!.id;
      },
      async user(name: string, rights: string[], districtCodes?: string[]) {
        const districtIds = districtCodes
          ? await Promise.all(districtCodes.map(async (c) => (await loc.findByCode(admin, c))!.id))
          : undefined;
        const user = await k.createUser({ username: name, rights, ...(districtIds ? { districtIds } : {}) });
        return { user, ctx: k.ctxAs(user) };
      },
    });
  });
  after(async () => {
    await t.k?.close();
  });
  return t;
}

/** Asserts that `p` fails with this Mutua error code, then runs `check` on the error. */
export const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
