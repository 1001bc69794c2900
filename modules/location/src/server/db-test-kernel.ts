import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { AuthUser, Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import type { Location } from '../domain/types.js';
import { type LocationService, locationService } from '../points.js';
import { seedDemo } from './demo.js';
import location from './index.js';

export interface LocationTestKernel {
  k: TestKernel;
  service: LocationService;
  admin: Ctx;
  /** A demo location by code (R1, R1D1, R1D1M1V1, …); throws when absent so tests fail loudly. */
  loc(code: string): Promise<Location>;
  /** A user with these rights, optionally limited to districts given by code, and its context. */
  user(name: string, rights: string[], districtCodes?: string[]): Promise<{ user: AuthUser; ctx: Ctx }>;
}

/** Boots a kernel with the location module (PGlite, or DATABASE_URL) and the demo country. Test helper only. */
export async function startLocationKernel(config?: Record<string, unknown>): Promise<LocationTestKernel> {
  const k = await startTestKernel({
    modules: [location as ModuleDefinition<unknown, unknown>],
    ...(config ? { config: { location: config } } : {}),
  });
  const service = k.kernel.service(locationService)!;
  const admin = k.adminCtx();
  await seedDemo(admin, service);
  const loc = async (code: string) => {
    const l = await service.findByCode(admin, code);
    if (!l) throw new Error(`demo location ${code} missing`);
    return l;
  };
  return {
    k,
    service,
    admin,
    loc,
    async user(name, rights, districtCodes) {
      const districtIds = districtCodes
        ? await Promise.all(districtCodes.map(async (c) => (await loc(c)).id))
        : undefined;
      const user = await k.createUser({ username: name, rights, ...(districtIds ? { districtIds } : {}) });
      return { user, ctx: k.ctxAs(user) };
    },
  };
}

/**
 * One kernel for the calling test file: started before its tests, closed after them. The returned object is filled in
 * by the `before` hook, so read it inside tests only.
 * @example
 * const t = useLocationKernel();
 * it('…', async () => { await t.service.getLocation(t.admin, id); });
 */
export function useLocationKernel(config?: Record<string, unknown>): LocationTestKernel {
  const t = {} as LocationTestKernel;
  before(async () => {
    Object.assign(t, await startLocationKernel(config));
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
