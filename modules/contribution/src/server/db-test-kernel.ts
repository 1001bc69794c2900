import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import codelist from '@mutua/codelist';
import insuree, { type InsureeApi, insureeService } from '@mutua/insuree';
import type { AuthUser, Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical from '@mutua/medical';
import payer, { type PayerService, payerService } from '@mutua/payer';
import policy, { type Policy, type PolicyApi, policyService } from '@mutua/policy';
import product, { type ProductApi, productService } from '@mutua/product';
import { type ContributionApi, contributionService } from '../points.js';
import contribution from './index.js';

export interface ContributionTestKernel {
  k: TestKernel;
  service: ContributionApi;
  policies: PolicyApi;
  insurees: InsureeApi;
  products: ProductApi;
  payers: PayerService;
  location: LocationService;
  admin: Ctx;
  token: string;
  /** A village id by demo code (e.g. R1D1M1V1). */
  village(code: string): Promise<string>;
  /** A user with these rights, optionally limited to districts given by code, and its context. */
  user(name: string, rights: string[], districtCodes?: string[]): Promise<{ user: AuthUser; ctx: Ctx }>;
  /** A new family of `members` (head first) in `villageCode` with an idle policy of `productId` enrolled on `enrollDate`. */
  enrolledFamily(opts: {
    productId: string;
    enrollDate: string;
    villageCode?: string;
    members?: number;
  }): Promise<{ familyId: string; memberIds: string[]; policy: Policy }>;
}

/** ISO date `days` from today (negative: in the past), in the server's calendar. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

let seq = 0;

/**
 * One kernel for the calling test file (PGlite, or DATABASE_URL) with every module the contribution module needs and
 * the location demo; read it inside tests only.
 */
export function useContributionKernel(
  opts: { config?: Record<string, unknown>; ready?: (t: ContributionTestKernel) => Promise<void> } = {},
): ContributionTestKernel {
  const t = {} as ContributionTestKernel;
  before(async () => {
    const k = await startTestKernel({
      modules: [
        location,
        codelist,
        insuree,
        medical,
        product,
        payer,
        policy,
        contribution,
      ] as unknown as ModuleDefinition<unknown, unknown>[],
      ...(opts.config ? { config: { contribution: opts.config } } : {}),
    });
    const admin = k.adminCtx();
    const loc = k.kernel.service(locationService)!;
    await location.seedDemo!(admin, loc);
    await k.createUser({ username: 'ct-admin', admin: true });
    const insurees = k.kernel.service(insureeService)!;
    const policies = k.kernel.service(policyService)!;
    const village = async (code: string) => (await loc.findByCode(admin, code))!.id;
    Object.assign(t, {
      k,
      service: k.kernel.service(contributionService)!,
      policies,
      insurees,
      products: k.kernel.service(productService)!,
      payers: k.kernel.service(payerService)!,
      location: loc,
      admin,
      token: await k.loginToken('ct-admin'),
      village,
      async user(name: string, rights: string[], districtCodes?: string[]) {
        const districtIds = districtCodes ? await Promise.all(districtCodes.map(village)) : undefined;
        const user = await k.createUser({ username: name, rights, ...(districtIds ? { districtIds } : {}) });
        return { user, ctx: k.ctxAs(user) };
      },
      async enrolledFamily(o: { productId: string; enrollDate: string; villageCode?: string; members?: number }) {
        const n = ++seq;
        const { family, head } = await insurees.createFamily(
          admin,
          { locationId: await village(o.villageCode ?? 'R1D1M1V1') },
          { lastName: `Famille${n}`, otherNames: 'Adamou', dob: '1980-03-01', gender: 'M' },
          { confirmDuplicates: true },
        );
        const memberIds = [head.id];
        for (let i = 1; i < (o.members ?? 2); i++) {
          const m = await insurees.addInsuree(
            admin,
            family.id,
            { lastName: `Famille${n}`, otherNames: `Enfant${i}`, dob: `2015-05-0${i}`, gender: 'F', relationship: '4' },
            { confirmDuplicates: true },
          );
          memberIds.push(m.id);
        }
        const p = await policies.createPolicy(admin, {
          familyId: family.id,
          productId: o.productId,
          enrollDate: o.enrollDate,
        });
        return { familyId: family.id, memberIds, policy: p };
      },
    });
    // Runs inside this hook: node:test does not order a test file's own root `before` after this one.
    await opts.ready?.(t);
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
