import { type AuthUser, type Ctx, requireUser } from '@mutua/kernel';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LocationScope } from '../points.js';
import { scopeRows, uuidArray } from './tree-sql.js';

interface Expanded {
  visible: string[];
  writable: Set<string>;
  visibleSet: Set<string>;
}
type Computed = { all: true } | ({ all: false } & Expanded);

/**
 * Scopes are memoised per user object (the kernel loads one per request, so one expansion serves every query of a
 * request). Any tree write in this process bumps the generation, so the next scope computed reflects it; other
 * processes of a cluster build a new user object, hence a new scope, on their next request.
 */
const cache = new WeakMap<AuthUser, { generation: number; value: Promise<Computed> }>();
let generation = 0;

/** Called after every write to the location tree. */
export function invalidateScopes(): void {
  generation++;
}

async function compute(ctx: Ctx): Promise<Computed> {
  const user = requireUser(ctx);
  // DOMAIN.md §1.9: administrators and users without districts are unrestricted.
  if (user.isAdmin || user.districtIds === null) return { all: true };
  const cached = cache.get(user);
  if (cached && cached.generation === generation) return cached.value;
  const value = scopeRows(ctx.db, user.districtIds).then((rows) => {
    const visible = rows.map((r) => r.id);
    return {
      all: false as const,
      visible,
      visibleSet: new Set(visible),
      writable: new Set(rows.filter((r) => r.writable).map((r) => r.id)),
    };
  });
  cache.set(user, { generation, value });
  // A failed expansion must not stay cached.
  value.catch(() => cache.delete(user));
  return value;
}

export async function scope(ctx: Ctx): Promise<LocationScope> {
  const s = await compute(ctx);
  return s.all ? { all: true } : { all: false, locationIds: s.visible };
}

/** `column IS NULL OR column = ANY(scope)`; rows without a location are everyone's (DOMAIN.md §1.9). */
export async function scopeCondition(ctx: Ctx, column: AnyPgColumn | SQL): Promise<SQL | undefined> {
  const s = await compute(ctx);
  if (s.all) return undefined;
  if (!s.visible.length) return sql`(${column} IS NULL)`;
  return sql`(${column} IS NULL OR ${column} = ANY(${uuidArray(s.visible)}))`;
}

/**
 * Rows of another module keyed by a health facility: visible when the facility's location is. The SQL that reads
 * the facility table stays here, in the module that owns it.
 */
export async function facilityScopeCondition(ctx: Ctx, hfColumn: AnyPgColumn | SQL): Promise<SQL | undefined> {
  const s = await compute(ctx);
  if (s.all) return undefined;
  if (!s.visible.length) return sql`false`;
  return sql`${hfColumn} IN (SELECT hf.id FROM health_facility hf WHERE hf.location_id = ANY(${uuidArray(s.visible)}))`;
}

/** Rows the user may see: like {@link scopeCondition} but for a NOT NULL location column (no NULL branch). */
export async function scopeOnly(ctx: Ctx, column: AnyPgColumn | SQL): Promise<SQL | undefined> {
  const s = await compute(ctx);
  if (s.all) return undefined;
  if (!s.visible.length) return sql`false`;
  return sql`${column} = ANY(${uuidArray(s.visible)})`;
}

export async function canSee(ctx: Ctx, locationId: string): Promise<boolean> {
  const s = await compute(ctx);
  return s.all || s.visibleSet.has(locationId);
}

/** Writes are allowed inside the user's districts' subtrees only (an ancestor region is visible, not writable). */
export async function isInScope(ctx: Ctx, locationId: string): Promise<boolean> {
  const s = await compute(ctx);
  return s.all || s.writable.has(locationId);
}

/** Administrators and users without districts: they may write at the national (top) level. */
export async function isUnrestricted(ctx: Ctx): Promise<boolean> {
  return (await compute(ctx)).all;
}
