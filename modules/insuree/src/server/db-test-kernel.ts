import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import codelist from '@mutua/codelist';
import type { AuthUser, Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import { type InsureeApi, insureeAdded, insureeRemoved, insureeService } from '../points.js';
import insuree from './index.js';

export interface InsureeTestKernel {
  k: TestKernel;
  service: InsureeApi;
  location: LocationService;
  admin: Ctx;
  token: string;
  /** Hook payloads seen (insureeAdded / insureeRemoved), in order. */
  events: Array<{ hook: 'added' | 'removed'; familyId: string; insureeId: string }>;
  /** A village id by demo code (e.g. R1D1M1V1). */
  village(code: string): Promise<string>;
  /** A user with these rights, optionally limited to districts given by code, and its context. */
  user(name: string, rights: string[], districtCodes?: string[]): Promise<{ user: AuthUser; ctx: Ctx }>;
}

/** A listener module recording the insuree hooks, as the policy module would (in the writing transaction). */
const recorder = (events: InsureeTestKernel['events']): ModuleDefinition<unknown, unknown> => ({
  manifest: { id: 'insuree-test-listener', version: '0.0.0', dependsOn: ['insuree'] },
  setup({ hooks }) {
    hooks.after(
      insureeAdded,
      async (p) => void events.push({ hook: 'added', familyId: p.familyId, insureeId: p.insureeId }),
      { policy: 'in-transaction' },
    );
    hooks.after(
      insureeRemoved,
      async (p) => void events.push({ hook: 'removed', familyId: p.familyId, insureeId: p.insureeId }),
      { policy: 'in-transaction' },
    );
    return {};
  },
});

/** One kernel for the calling test file (PGlite, or DATABASE_URL) with the location demo; read it inside tests only. */
export function useInsureeKernel(opts: { demo?: boolean; config?: Record<string, unknown> } = {}): InsureeTestKernel {
  const t = { events: [] } as unknown as InsureeTestKernel;
  before(async () => {
    const k = await startTestKernel({
      modules: [location, codelist, insuree, recorder(t.events)] as unknown as ModuleDefinition<unknown, unknown>[],
      ...(opts.config ? { config: { insuree: opts.config } } : {}),
    });
    const admin = k.adminCtx();
    const loc = k.kernel.service(locationService)!;
    const service = k.kernel.service(insureeService)!;
    await location.seedDemo!(admin, loc);
    if (opts.demo) await insuree.seedDemo!(admin, service);
    await k.createUser({ username: 'ins-admin', admin: true });
    Object.assign(t, {
      k,
      service,
      location: loc,
      admin,
      token: await k.loginToken('ins-admin'),
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
