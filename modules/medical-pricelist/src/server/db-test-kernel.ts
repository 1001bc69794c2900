import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { type MedicalApi, medicalService } from '@mutua/medical';
import { pricelistService } from '../points.js';
import { seedDemo } from './demo.js';
import pricelist from './index.js';
import type { PricelistService } from './service.js';

export interface PricelistTestKernel {
  k: TestKernel;
  service: PricelistService;
  location: LocationService;
  medical: MedicalApi;
  admin: Ctx;
  token: string;
}

type AnyModule = ModuleDefinition<unknown, unknown>;

/**
 * One kernel for the calling test file (PGlite, or DATABASE_URL) with the location, medical and price-list demos and
 * an admin token; read it inside tests only.
 */
export function usePricelistKernel(): PricelistTestKernel {
  const t = {} as PricelistTestKernel;
  before(async () => {
    const k = await startTestKernel({ modules: [location, medical, pricelist] as AnyModule[] });
    const admin = k.adminCtx();
    const loc = k.kernel.service(locationService)!;
    const med = k.kernel.service(medicalService)!;
    await location.seedDemo!(admin, loc);
    await medical.seedDemo!(admin, med);
    const service = k.kernel.service(pricelistService)! as PricelistService;
    await seedDemo(admin, service);
    await k.createUser({ username: 'pl-admin', admin: true });
    Object.assign(t, { k, service, location: loc, medical: med, admin, token: await k.loginToken('pl-admin') });
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
