import type { AuthUser, Ctx, ModuleDefinition } from '@mutua/kernel';
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
