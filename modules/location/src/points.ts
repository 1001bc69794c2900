import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { HealthFacility, HealthFacilityInput, Location, LocationInput } from './domain/types.js';

export type { Catchment, HealthFacility, HealthFacilityInput, Location, LocationInput } from './domain/types.js';

/**
 * What a user may see: everything, or these location ids (their districts, every descendant, and the ancestors up
 * to the region). Rows whose location is NULL are visible to everyone (DOMAIN.md §1.9).
 */
export type LocationScope = { all: true } | { all: false; locationIds: string[] };

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface LocationFilter {
  type?: string | null;
  parentId?: string | null;
  /** Code prefix or part of the name, case-insensitive. */
  search?: string | null;
}

export interface HealthFacilityFilter {
  /** Code prefix or part of the name, case-insensitive. */
  search?: string | null;
  /** Code prefix. */
  code?: string | null;
  level?: string | null;
  legalForm?: string | null;
  /** A district or a region: facilities anywhere under it. */
  locationId?: string | null;
  status?: string | null;
}

/**
 * The location module's service: the tree, health facilities and the location scope every module filters with.
 * Reads need a signed-in user and return only what the user's scope allows; writes check their right.
 */
export interface LocationService {
  /** Configured level letters, top down (`['R','D','W','V']` by default). */
  readonly levels: readonly string[];

  /** The user's districts expanded to their subtrees and ancestors; `{ all: true }` for admins and unrestricted users. */
  scope(ctx: Ctx): Promise<LocationScope>;
  /**
   * A condition to AND into a query on location-bound rows: `column IS NULL OR column IN (scope)`; `undefined` when
   * the user is unrestricted.
   * @example
   * const where = and(eq(family.active, true), await locations.scopeCondition(ctx, family.villageId));
   */
  scopeCondition(ctx: Ctx, column: AnyPgColumn | SQL): Promise<SQL | undefined>;
  /** Rows keyed by a health facility (claims, claim administrators): visible when the facility's location is. */
  facilityScopeCondition(ctx: Ctx, hfColumn: AnyPgColumn | SQL): Promise<SQL | undefined>;
  /** Whether the user may write data at this location: it is one of their districts or below one. */
  isInScope(ctx: Ctx, locationId: string): Promise<boolean>;
  /** The given locations and all their current descendants (for "anywhere in this district" filters). */
  subtreeIds(ctx: Ctx, locationIds: readonly string[]): Promise<string[]>;
  /** The path from the top level down to the location (inclusive); empty when unknown. */
  ancestors(ctx: Ctx, locationId: string): Promise<Location[]>;

  searchLocations(ctx: Ctx, filter: LocationFilter, page: PageArgs): Promise<Connection<Location>>;
  /** Children in the user's scope, by name; `null` = the top level. */
  children(ctx: Ctx, parentId: string | null): Promise<Location[]>;
  getLocation(ctx: Ctx, id: string): Promise<Location | null>;
  getLocations(ctx: Ctx, ids: readonly string[]): Promise<Location[]>;
  findByCode(ctx: Ctx, code: string): Promise<Location | null>;
  isLocationCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean>;
  createLocation(ctx: Ctx, input: LocationInput): Promise<Location>;
  /** A complete update (DOMAIN.md §4.1: population fields absent from the input are cleared). */
  updateLocation(ctx: Ctx, id: string, input: LocationInput): Promise<Location>;
  /** Moves the direct children to `newParentId` when given; otherwise deletes the whole subtree. */
  deleteLocation(ctx: Ctx, id: string, opts?: { newParentId?: string | null }): Promise<{ deletedIds: string[] }>;
  /** Re-parents the location; it and its descendants are re-typed when the depth changes. */
  moveLocation(ctx: Ctx, id: string, newParentId: string | null): Promise<Location>;

  searchHealthFacilities(ctx: Ctx, filter: HealthFacilityFilter, page: PageArgs): Promise<Connection<HealthFacility>>;
  getHealthFacility(ctx: Ctx, id: string): Promise<HealthFacility | null>;
  getHealthFacilities(ctx: Ctx, ids: readonly string[]): Promise<HealthFacility[]>;
  findHealthFacilityByCode(ctx: Ctx, code: string): Promise<HealthFacility | null>;
  isHealthFacilityCodeFree(ctx: Ctx, code: string, exceptId?: string | null): Promise<boolean>;
  createHealthFacility(ctx: Ctx, input: HealthFacilityInput): Promise<HealthFacility>;
  /** A complete update; the catchment list replaces the previous one. */
  updateHealthFacility(ctx: Ctx, id: string, input: HealthFacilityInput): Promise<HealthFacility>;
  deleteHealthFacility(ctx: Ctx, id: string): Promise<void>;
}

/**
 * The location service, for modules that list 'location' in dependsOn.
 * @example
 * const locations = setup.service(locationService);
 */
export const locationService = defineServiceRef<LocationService>('location');

// Hooks: `validate` listeners run before any write and may veto (e.g. the insuree module refuses deleting a village
// that still has families); `before` listeners run in the transaction before the write; `after` listeners after it.

/**
 * A location is created.
 * @example
 * hooks.after(locationCreated, async ({ location }, ctx) => { ... });
 */
export const locationCreated = defineHook<{ location: Location }>('location.locationCreated');
/**
 * A location is updated (complete update).
 * @example
 * hooks.after(locationUpdated, async ({ location, before }, ctx) => { ... });
 */
export const locationUpdated = defineHook<{ location: Location; before: Location }>('location.locationUpdated');
/**
 * A location is deleted: with its subtree (`deletedIds` lists all), or after its children moved to `newParentId`.
 * @example
 * hooks.validate(locationDeleted, async ({ deletedIds }, ctx) => (await hasFamilies(ctx, deletedIds) ? [problem] : []));
 */
export const locationDeleted = defineHook<{ location: Location; deletedIds: string[]; newParentId: string | null }>(
  'location.locationDeleted',
);
/**
 * A location moves under another parent; `retyped` lists the nodes of its subtree whose level changes.
 * @example
 * hooks.validate(locationMoved, async ({ retyped }, ctx) => { ... });
 */
export const locationMoved = defineHook<{
  location: Location;
  previousParentId: string | null;
  retyped: Array<{ id: string; from: string; to: string }>;
}>('location.locationMoved');
/**
 * A health facility is created.
 * @example
 * hooks.after(hfCreated, async ({ healthFacility }, ctx) => { ... });
 */
export const hfCreated = defineHook<{ healthFacility: HealthFacility }>('location.hfCreated');
/**
 * A health facility is updated (complete update, catchments included).
 * @example
 * hooks.after(hfUpdated, async ({ healthFacility, before }, ctx) => { ... });
 */
export const hfUpdated = defineHook<{ healthFacility: HealthFacility; before: HealthFacility }>('location.hfUpdated');
/**
 * A health facility is deleted (soft delete).
 * @example
 * hooks.validate(hfDeleted, async ({ healthFacility }, ctx) => (await hasOpenClaims(ctx, healthFacility.id) ? [p] : []));
 */
export const hfDeleted = defineHook<{ healthFacility: HealthFacility }>('location.hfDeleted');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
interface Refs {
  location: ObjectRef<Types, Location>;
  healthFacility: ObjectRef<Types, HealthFacility>;
}
// Pothos refs hold per-schema state, so each builder (each kernel, e.g. one per test) gets its own pair.
const refs = new WeakMap<Builder, Refs>();
function refsFor(builder: Builder): Refs {
  let r = refs.get(builder);
  if (!r) {
    r = {
      location: builder.objectRef<Location>('Location'),
      healthFacility: builder.objectRef<HealthFacility>('HealthFacility'),
    };
    refs.set(builder, r);
  }
  return r;
}

/**
 * The GraphQL `Location` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(locationObject(builder), 'familyCount', (t) => t.int({ resolve: ... }));
 */
export const locationObject = (builder: Builder): ObjectRef<Types, Location> => refsFor(builder).location;
/**
 * The GraphQL `HealthFacility` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(healthFacilityObject(builder), 'servicesPriceList', (t) => t.field({ ... }));
 */
export const healthFacilityObject = (builder: Builder): ObjectRef<Types, HealthFacility> =>
  refsFor(builder).healthFacility;
