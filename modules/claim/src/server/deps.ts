import type { InsureeApi } from '@mutua/insuree';
import { type Ctx, type Hooks, type ReferenceCache, systemUser } from '@mutua/kernel';
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
  /** Registers, price lists, products and facilities as the rules read them, kept across transactions. */
  refs: ReferenceCache;
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

const adminFacility = new WeakMap<object, Map<string, Promise<string | null>>>();
/**
 * The health facility a claim administrator works for (their officer record, else the user's own facility). Read
 * once per user and transaction — the claims of a facility system sent together share one read — else once per
 * request.
 */
export function userFacility(deps: Deps, ctx: Ctx): Promise<string | null> {
  const user = ctx.user;
  if (!user || user.isAdmin || user.id === system.id) return Promise.resolve(null);
  const scope: object = ctx.afterCommit ?? user;
  let byUser = adminFacility.get(scope);
  if (!byUser) {
    byUser = new Map();
    adminFacility.set(scope, byUser);
  }
  let p = byUser.get(user.id);
  if (!p) {
    p = deps.officer
      .findClaimAdminByUser(ctx, user.id)
      .then((ca) => ca?.healthFacilityId ?? user.healthFacilityId ?? null)
      .catch(() => user.healthFacilityId ?? null);
    byUser.set(user.id, p);
  }
  return p;
}

/**
 * Reference rows (register entries, price lists, products) are versioned from the moment they were recorded. A claim
 * dated before that moment (back-dated entry, migrated or demo data) still needs them: the version valid at the date
 * wins, else the current one.
 */
export async function versionsAt<T extends { id: string }>(
  read: (ids: readonly string[], asOf: string | null) => Promise<T[]>,
  ids: readonly string[],
  asOf: string | null,
): Promise<T[]> {
  if (!ids.length) return [];
  const at = asOf ? await read(ids, asOf) : [];
  const found = new Set(at.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  return missing.length ? [...at, ...(await read(missing, null))] : at;
}

/** The version of one row valid at `asOf`, else the current one. */
export async function versionAt<T>(read: (asOf: string | null) => Promise<T | null>, asOf: string | null) {
  const at = asOf ? await read(asOf) : null;
  return at ? { row: at, asOf } : { row: await read(null), asOf: null };
}

/** The dependencies each claim service was built with (for seedDemo, generate and benchmarks). */
export const depsOf = new WeakMap<object, Deps>();
