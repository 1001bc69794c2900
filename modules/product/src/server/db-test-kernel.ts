import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { AuthUser, Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { type MedicalApi, medicalService } from '@mutua/medical';
import { type ProductApi, productService } from '../points.js';
import product from './index.js';

export interface ProductTestKernel {
  k: TestKernel;
  service: ProductApi;
  medical: MedicalApi;
  location: LocationService;
  admin: Ctx;
  token: string;
  /** A user with these rights, optionally limited to districts given by code, and its context. */
  user(name: string, rights: string[], districtCodes?: string[]): Promise<{ user: AuthUser; ctx: Ctx }>;
}

/**
 * One kernel for the calling test file (PGlite, or DATABASE_URL) with the location, medical and product demos and
 * an admin token; read it inside tests only.
 */
export function useProductKernel(): ProductTestKernel {
  const t = {} as ProductTestKernel;
  before(async () => {
    const k = await startTestKernel({
      modules: [location, medical, product] as unknown as ModuleDefinition<unknown, unknown>[],
    });
    const admin = k.adminCtx();
    const loc = k.kernel.service(locationService)!;
    const med = k.kernel.service(medicalService)!;
    const service = k.kernel.service(productService)!;
    await location.seedDemo!(admin, loc);
    await medical.seedDemo!(admin, med);
    await product.seedDemo!(admin, service);
    await k.createUser({ username: 'prod-admin', admin: true });
    Object.assign(t, {
      k,
      service,
      medical: med,
      location: loc,
      admin,
      token: await k.loginToken('prod-admin'),
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
