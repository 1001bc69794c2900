import { type Connection, type Ctx, isUuid, keysetAfter, keysetPage, requireUser } from '@mutua/kernel';
import { and, asc, count, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { clean } from '../domain/text.js';
import type { Location } from '../domain/types.js';
import type { LocationFilter, PageArgs } from '../points.js';
import { textMatch, toLocation } from './rows.js';
import { location } from './schema.js';
import { canSee, scopeOnly } from './scope.js';
import { ancestorIds } from './tree-sql.js';

/** A current location by id, ignoring scope (for internal checks); undefined when missing or malformed id. */
export async function loadLocation(ctx: Ctx, id: string | null | undefined): Promise<Location | undefined> {
  if (!id || !isUuid(id)) return undefined;
  const [row] = await ctx.db
    .select()
    .from(location)
    .where(and(eq(location.id, id), isNull(location.deletedAt)));
  return row ? toLocation(row) : undefined;
}

/** A current location the user may see; undefined otherwise (out of scope reads as "not found", leaking nothing). */
export async function loadVisible(ctx: Ctx, id: string | null | undefined): Promise<Location | undefined> {
  const l = await loadLocation(ctx, id);
  return l && (await canSee(ctx, l.id)) ? l : undefined;
}

export async function searchLocations(ctx: Ctx, filter: LocationFilter, page: PageArgs): Promise<Connection<Location>> {
  requireUser(ctx);
  const conds: Array<SQL | undefined> = [isNull(location.deletedAt)];
  const type = clean(filter.type);
  if (type) conds.push(eq(location.type, type));
  const parentId = clean(filter.parentId);
  // A malformed id matches nothing rather than failing the uuid cast.
  if (parentId) conds.push(isUuid(parentId) ? eq(location.parentId, parentId) : ne(location.id, location.id));
  const text = clean(filter.search);
  if (text) conds.push(textMatch(location.code, location.name, text));
  conds.push(await scopeOnly(ctx, location.id));
  const where = and(...conds);
  return keysetPage<Location>({
    first: page.first,
    after: page.after,
    key: (l) => [l.code, l.id],
    fetch: async (limit, after) => {
      const rows = await ctx.db
        .select()
        .from(location)
        .where(and(where, after ? keysetAfter([location.code, location.id], after) : undefined))
        .orderBy(asc(location.code), asc(location.id))
        .limit(limit);
      return rows.map(toLocation);
    },
    count: async () => (await ctx.db.select({ n: count() }).from(location).where(where))[0]?.n ?? 0,
  });
}

/** Children in scope, by name (the tree view); `null` = the top level. */
export async function children(ctx: Ctx, parentId: string | null): Promise<Location[]> {
  requireUser(ctx);
  if (parentId !== null && !isUuid(parentId)) return [];
  const rows = await ctx.db
    .select()
    .from(location)
    .where(
      and(
        isNull(location.deletedAt),
        parentId === null ? isNull(location.parentId) : eq(location.parentId, parentId),
        await scopeOnly(ctx, location.id),
      ),
    )
    .orderBy(asc(location.name), asc(location.id));
  return rows.map(toLocation);
}

/** Current locations by id, in scope, in no particular order. */
export async function getLocations(ctx: Ctx, ids: readonly string[]): Promise<Location[]> {
  requireUser(ctx);
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return [];
  const rows = await ctx.db
    .select()
    .from(location)
    .where(and(inArray(location.id, valid), isNull(location.deletedAt), await scopeOnly(ctx, location.id)));
  return rows.map(toLocation);
}

export async function getLocation(ctx: Ctx, id: string): Promise<Location | null> {
  requireUser(ctx);
  return (await loadVisible(ctx, id)) ?? null;
}

export async function findByCode(ctx: Ctx, code: string): Promise<Location | null> {
  requireUser(ctx);
  const c = clean(code);
  if (!c) return null;
  const [row] = await ctx.db
    .select()
    .from(location)
    .where(and(eq(location.code, c), isNull(location.deletedAt), await scopeOnly(ctx, location.id)));
  return row ? toLocation(row) : null;
}

/** Whether no current location has this code (other than `exceptId`, the one being edited). Scope-blind on purpose: codes are unique nationally. */
export async function isLocationCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean> {
  requireUser(ctx);
  const c = clean(code);
  if (!c) return false;
  const [row] = await ctx.db
    .select({ id: location.id })
    .from(location)
    .where(and(eq(location.code, c), isNull(location.deletedAt)));
  return !row || row.id === exceptId;
}

/** The path from the top level down to the location, limited to what the user may see. */
export async function ancestors(ctx: Ctx, id: string): Promise<Location[]> {
  requireUser(ctx);
  if (!isUuid(id)) return [];
  const ids = await ancestorIds(ctx.db, id);
  const byId = new Map((await getLocations(ctx, ids)).map((l) => [l.id, l]));
  return ids.flatMap((i) => byId.get(i) ?? []);
}
