import type { CodeListService } from '@mutua/codelist';
import {
  ConflictError,
  type Ctx,
  ForbiddenError,
  type Hooks,
  InputError,
  isUniqueViolation,
  NotFoundError,
  recordAudit,
  requireRight,
  uuidv7,
  withTransaction,
} from '@mutua/kernel';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { checkLocation, isRegionOrDistrict } from '../domain/location-rules.js';
import { clean } from '../domain/text.js';
import type { Location, LocationInput } from '../domain/types.js';
import type { LocationConfig } from '../manifest.js';
import { RIGHTS } from '../manifest.js';
import { locationCreated, locationUpdated } from '../points.js';
import { isLocationCodeFree, loadLocation, loadVisible } from './location-read.js';
import { locationValues } from './rows.js';
import { location } from './schema.js';
import { invalidateScopes, isInScope, isUnrestricted } from './scope.js';

export interface WriteDeps {
  hooks: Hooks;
  config: LocationConfig;
  /** The code lists, when the codelist module is composed (optional dependency): facility codes are checked there. */
  codeLists?: CodeListService | undefined;
}

/**
 * A register's unique code, refused with the message `key` (e.g. `location.error.codeTaken`): `taken` is the conflict
 * the pre-check throws; `guard` runs an insert or update and maps a unique violation on the code (a concurrent insert)
 * to the same conflict.
 */
export function uniqueCode(key: string) {
  const taken = (code: string) => new ConflictError(key, { code }, [{ field: 'code', key, params: { code } }]);
  return {
    taken,
    async guard(code: string, write: () => Promise<unknown>): Promise<void> {
      try {
        await write();
      } catch (err) {
        if (isUniqueViolation(err)) throw taken(code);
        throw err;
      }
    },
  };
}
const locationCode = uniqueCode('location.error.codeTaken');

/** The scope refusal for writes: the location is outside the user's districts. */
export const outOfScope = () => new ForbiddenError(undefined, 'location.error.outOfScope');

/** A record loaded for a write: it must exist for the user (else not found) and its location be in their districts. */
export async function writable<T>(
  ctx: Ctx,
  entity: string,
  id: string,
  found: T | undefined,
  locationOf: (record: T) => string,
): Promise<T> {
  if (!found) throw new NotFoundError(entity, id);
  if (!(await isInScope(ctx, locationOf(found)))) throw outOfScope();
  return found;
}

/** Loads a location for a write: it must exist for the user (else not found) and be inside their districts. */
export const loadWritable = async (ctx: Ctx, id: string): Promise<Location> =>
  writable(ctx, 'Location', id, await loadVisible(ctx, id), (l) => l.id);

/** Runs a tree write, then drops cached scopes (the tree changed). */
export async function treeWrite<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(ctx, fn);
  } finally {
    invalidateScopes();
  }
}

export async function createLocation(deps: WriteDeps, ctx: Ctx, input: LocationInput): Promise<Location> {
  const { levels } = deps.config;
  const parentId = clean(input.parentId);
  // The parent is looked up beyond the user's scope so a parent in another district is refused as such (403).
  const parent = parentId ? await loadLocation(ctx, parentId) : null;
  const { problems, type } = checkLocation(input, levels, parent === undefined ? undefined : (parent?.type ?? null));
  // DOMAIN.md §4.1: regions and districts need 121906, municipalities and villages 121902.
  const wanted = type ?? clean(input.type) ?? '';
  requireRight(ctx, isRegionOrDistrict(wanted, levels) ? RIGHTS.manageRegions : RIGHTS.locationAdd);
  if (problems.length || !type) throw InputError.fields(problems);
  // A district-limited user adds only inside their districts; the top level is national.
  if (!(parent ? await isInScope(ctx, parent.id) : await isUnrestricted(ctx))) throw outOfScope();
  const created: Location = { id: uuidv7(), ...locationValues(input, type, parent?.id ?? null) };
  if (!(await isLocationCodeFree(ctx, created.code))) throw locationCode.taken(created.code);
  return treeWrite(ctx, async (tx) => {
    await deps.hooks.runValidate(locationCreated, { location: created }, tx);
    await deps.hooks.runBefore(locationCreated, { location: created }, tx);
    await locationCode.guard(created.code, () => tx.db.insert(location).values(created));
    await recordAudit(tx, { entity: 'Location', entityId: created.id, action: 'create', after: created });
    await deps.hooks.runAfter(locationCreated, { location: created }, tx);
    return created;
  });
}

/** A complete update of code, name and statistics; the place in the tree changes only through move. */
export async function updateLocation(deps: WriteDeps, ctx: Ctx, id: string, input: LocationInput): Promise<Location> {
  const { levels } = deps.config;
  const before = await loadVisible(ctx, id);
  if (!before) throw new NotFoundError('Location', id);
  requireRight(ctx, isRegionOrDistrict(before.type, levels) ? RIGHTS.manageRegions : RIGHTS.locationEdit);
  if (!(await isInScope(ctx, before.id))) throw outOfScope();
  const parentType = before.parentId
    ? ((await ctx.db.select({ type: location.type }).from(location).where(eq(location.id, before.parentId)))[0]?.type ??
      null)
    : null;
  const { problems } = checkLocation({ ...input, type: before.type }, levels, parentType);
  if (problems.length) throw InputError.fields(problems);
  const after: Location = { id: before.id, ...locationValues(input, before.type, before.parentId) };
  if (!(await isLocationCodeFree(ctx, after.code, before.id))) throw locationCode.taken(after.code);
  return treeWrite(ctx, async (tx) => {
    await deps.hooks.runValidate(locationUpdated, { location: after, before }, tx);
    await deps.hooks.runBefore(locationUpdated, { location: after, before }, tx);
    const { id: _id, ...values } = after;
    await locationCode.guard(after.code, () =>
      tx.db
        .update(location)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(location.id, before.id), isNull(location.deletedAt))),
    );
    await recordAudit(tx, { entity: 'Location', entityId: after.id, action: 'update', before, after });
    await deps.hooks.runAfter(locationUpdated, { location: after, before }, tx);
    return after;
  });
}
