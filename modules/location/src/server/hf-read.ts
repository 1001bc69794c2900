import { type Connection, type Ctx, isUuid, keysetAfter, keysetPage, requireUser } from '@mutua/kernel';
import { and, asc, count, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { clean } from '../domain/text.js';
import type { Catchment, HealthFacility } from '../domain/types.js';
import type { HealthFacilityFilter, PageArgs } from '../points.js';
import { likeEscape, textMatch, toHealthFacility } from './rows.js';
import { healthFacility, hfCatchment, location } from './schema.js';
import { canSee, scopeOnly } from './scope.js';
import { subtree, uuidArray } from './tree-sql.js';

type HfRow = typeof healthFacility.$inferSelect;

/**
 * Catchments of these facilities, in one query. Villages deleted since are left out: a facility cannot serve a
 * village that no longer exists.
 */
export async function catchmentsOf(ctx: Ctx, hfIds: readonly string[]): Promise<Map<string, Catchment[]>> {
  const out = new Map<string, Catchment[]>();
  if (!hfIds.length) return out;
  const rows = await ctx.db
    .select({ hfId: hfCatchment.hfId, villageId: hfCatchment.villageId, percentage: hfCatchment.percentage })
    .from(hfCatchment)
    .innerJoin(location, eq(location.id, hfCatchment.villageId))
    .where(and(inArray(hfCatchment.hfId, [...hfIds]), isNull(location.deletedAt)))
    .orderBy(asc(location.code));
  for (const r of rows) {
    const list = out.get(r.hfId) ?? [];
    list.push({ villageId: r.villageId, percentage: r.percentage });
    out.set(r.hfId, list);
  }
  return out;
}

async function withCatchments(ctx: Ctx, rows: readonly HfRow[]): Promise<HealthFacility[]> {
  const catchments = await catchmentsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toHealthFacility(r, catchments.get(r.id) ?? []));
}

/** A current facility by id whose district the user may see; undefined otherwise. */
export async function loadVisibleHf(ctx: Ctx, id: string): Promise<HealthFacility | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ctx.db
    .select()
    .from(healthFacility)
    .where(and(eq(healthFacility.id, id), isNull(healthFacility.deletedAt)));
  if (!row || !(await canSee(ctx, row.locationId))) return undefined;
  return (await withCatchments(ctx, [row]))[0];
}

export async function searchHealthFacilities(
  ctx: Ctx,
  filter: HealthFacilityFilter,
  page: PageArgs,
): Promise<Connection<HealthFacility>> {
  requireUser(ctx);
  const conds: Array<SQL | undefined> = [isNull(healthFacility.deletedAt)];
  const text = clean(filter.search);
  if (text) conds.push(textMatch(healthFacility.code, healthFacility.name, text));
  const code = clean(filter.code);
  if (code) conds.push(ilike(healthFacility.code, `${likeEscape(code)}%`));
  for (const [col, v] of [
    [healthFacility.level, filter.level],
    [healthFacility.legalForm, filter.legalForm],
    [healthFacility.status, filter.status],
  ] as const) {
    const value = clean(v);
    if (value) conds.push(eq(col, value));
  }
  const at = clean(filter.locationId);
  if (at) {
    // A region filter means "any district under it".
    const ids = await subtree(ctx.db, [at]);
    conds.push(ids.length ? sql`${healthFacility.locationId} = ANY(${uuidArray(ids)})` : sql`false`);
  }
  conds.push(await scopeOnly(ctx, healthFacility.locationId));
  const where = and(...conds);
  return keysetPage<HealthFacility>({
    first: page.first,
    after: page.after,
    key: (h) => [h.code, h.id],
    fetch: async (limit, after) => {
      const rows = await ctx.db
        .select()
        .from(healthFacility)
        .where(and(where, after ? keysetAfter([healthFacility.code, healthFacility.id], after) : undefined))
        .orderBy(asc(healthFacility.code), asc(healthFacility.id))
        .limit(limit);
      return withCatchments(ctx, rows);
    },
    count: async () => (await ctx.db.select({ n: count() }).from(healthFacility).where(where))[0]?.n ?? 0,
  });
}

export async function getHealthFacility(ctx: Ctx, id: string): Promise<HealthFacility | null> {
  requireUser(ctx);
  return (await loadVisibleHf(ctx, id)) ?? null;
}

export async function getHealthFacilities(ctx: Ctx, ids: readonly string[]): Promise<HealthFacility[]> {
  requireUser(ctx);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return [];
  const rows = await ctx.db
    .select()
    .from(healthFacility)
    .where(
      and(
        inArray(healthFacility.id, valid),
        isNull(healthFacility.deletedAt),
        await scopeOnly(ctx, healthFacility.locationId),
      ),
    );
  return withCatchments(ctx, rows);
}

export async function findHealthFacilityByCode(ctx: Ctx, code: string): Promise<HealthFacility | null> {
  requireUser(ctx);
  const c = clean(code);
  if (!c) return null;
  const rows = await ctx.db
    .select()
    .from(healthFacility)
    .where(
      and(
        eq(healthFacility.code, c),
        isNull(healthFacility.deletedAt),
        await scopeOnly(ctx, healthFacility.locationId),
      ),
    );
  return (await withCatchments(ctx, rows))[0] ?? null;
}

/** Scope-blind on purpose: facility codes are unique nationally. */
export async function isHealthFacilityCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean> {
  requireUser(ctx);
  const c = clean(code);
  if (!c) return false;
  const [row] = await ctx.db
    .select({ id: healthFacility.id })
    .from(healthFacility)
    .where(and(eq(healthFacility.code, c), isNull(healthFacility.deletedAt)));
  return !row || row.id === exceptId;
}
