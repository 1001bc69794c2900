import type { InsureeApi } from '@mutua/insuree';
import { type AuthUser, type Ctx, type Hooks, systemUser } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { MedicalApi } from '@mutua/medical';
import type { PricelistApi } from '@mutua/medical-pricelist';
import type { OfficerService } from '@mutua/officer';
import type { PolicyApi } from '@mutua/policy';
import type { ProductApi } from '@mutua/product';
import type { ClaimConfig } from '../manifest.js';

/** What the claim service needs from the kernel and the modules it depends on. */
export interface Deps {
  hooks: Hooks;
  config: ClaimConfig;
  location: LocationService;
  medical: MedicalApi;
  pricelist: PricelistApi;
  product: ProductApi;
  insuree: InsureeApi;
  policy: PolicyApi;
  officer: OfficerService;
}

const system = systemUser();
/**
 * The same transaction as a system caller: the claim module checks its own rights and scope, then reads the
 * reference data its rules need (registers, price lists, products, policies) whatever the user's other rights.
 */
export const sys = (ctx: Ctx): Ctx => ({ ...ctx, user: system });

const adminFacility = new WeakMap<AuthUser, Promise<string | null>>();
/** The health facility a claim administrator works for (their officer record, else the user's own facility). */
export function userFacility(deps: Deps, ctx: Ctx): Promise<string | null> {
  const user = ctx.user;
  if (!user || user.isAdmin || user.id === system.id) return Promise.resolve(null);
  let p = adminFacility.get(user);
  if (!p) {
    p = deps.officer
      .findClaimAdminByUser(ctx, user.id)
      .then((ca) => ca?.healthFacilityId ?? user.healthFacilityId ?? null)
      .catch(() => user.healthFacilityId ?? null);
    adminFacility.set(user, p);
  }
  return p;
}
