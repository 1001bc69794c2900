import { type Connection, connectionFields, gql } from '@mutua/web-kernel';

import type { Location } from '../domain/types';

/** A location as the pages show it: the domain's Location, as the API sends it. */
export type LocationNode = Location;

export type LocationInput = Omit<LocationNode, 'id' | 'type' | 'parentId'> & { parentId?: string | null };

/** What a health facility is edited with, on the page and in the API; blank values are null. */
interface HealthFacilityFields {
  code: string;
  name: string;
  accCode: string | null;
  legalForm: string;
  level: string;
  subLevel: string | null;
  careType: string;
  locationId: string;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  status: string;
  offline: boolean;
  contractStartDate: string | null;
  contractEndDate: string | null;
}

/** A health facility as the pages show it: with its district (and the region above) and its villages named. */
export interface HealthFacilityRow extends HealthFacilityFields {
  id: string;
  location: { id: string; code: string; name: string; parent: { code: string; name: string } | null } | null;
  catchments: Array<{
    villageId: string;
    percentage: number;
    village: { id: string; code: string; name: string } | null;
  }>;
}

export interface HealthFacilityInput extends HealthFacilityFields {
  catchments: Array<{ villageId: string; percentage: number }>;
}

const LOCATION = 'id code name type parentId malePopulation femalePopulation otherPopulation families';
const HF = `id code name accCode legalForm level subLevel careType locationId
  location { id code name parent { code name } }
  address phone fax email status offline contractStartDate contractEndDate
  catchments { villageId percentage village { id code name } }`;

/**
 * A fresh clientMutationId, so a retried request (flaky network) never applies twice. `crypto.randomUUID` exists only
 * in secure contexts and Mutua is often served over plain HTTP on a LAN, hence the fallback.
 */
function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs mutation `name` (input type `<Name>Input`) with a fresh clientMutationId and returns the `key` field of its
 * payload, selected with `fields`.
 * @example
 * mutate<LocationNode>('moveLocation', { id, newParentId }, 'location', LOCATION)
 */
function mutate<T>(name: string, input: object, key: string, fields?: string): Promise<T> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, Record<string, T>>>(
    `mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { ${key}${fields ? ` { ${fields} }` : ''} } }`,
    { input: { ...input, clientMutationId: mutationId() } },
  ).then((d) => d[name]![key]!);
}

/** Children of a location (the top level when `parentId` is null), in the user's scope, by name. */
export const locationChildren = (parentId: string | null) =>
  gql<{ locationChildren: LocationNode[] }>(
    `query LocationChildren($parentId: ID) { locationChildren(parentId: $parentId) { ${LOCATION} } }`,
    { parentId },
  ).then((d) => d.locationChildren);

export const searchLocations = (vars: { type?: string; search?: string; first?: number; after?: string | null }) =>
  gql<{ locations: Connection<LocationNode> }>(
    `query Locations($type: String, $search: String, $first: Int, $after: String) {
      locations(type: $type, search: $search, first: $first, after: $after) { ${connectionFields(LOCATION)} }
    }`,
    vars,
  ).then((d) => d.locations);

export const createLocation = (input: LocationInput) =>
  mutate<LocationNode>('createLocation', input, 'location', LOCATION);

export const updateLocation = (id: string, input: LocationInput) => {
  const { parentId: _parentId, ...fields } = input;
  return mutate<LocationNode>('updateLocation', { ...fields, id }, 'location', LOCATION);
};

export const deleteLocation = (id: string, newParentId: string | null) =>
  mutate<string[]>('deleteLocation', { id, newParentId }, 'deletedIds');

export const moveLocation = (id: string, newParentId: string | null) =>
  mutate<LocationNode>('moveLocation', { id, newParentId }, 'location', LOCATION);

export interface HfFilters {
  search: string;
  code: string;
  level: string;
  legalForm: string;
  locationId: string;
  status: string;
}

export const searchHealthFacilities = (f: HfFilters, after: string | null) =>
  gql<{ healthFacilities: Connection<HealthFacilityRow> }>(
    `query HealthFacilities($search: String, $code: String, $level: String, $legalForm: String, $locationId: ID,
        $status: String, $after: String) {
      healthFacilities(search: $search, code: $code, level: $level, legalForm: $legalForm, locationId: $locationId,
        status: $status, first: 50, after: $after) { ${connectionFields(HF)} }
    }`,
    { ...Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v || null])), after },
  ).then((d) => d.healthFacilities);

export const getHealthFacility = (id: string) =>
  gql<{ healthFacility: HealthFacilityRow | null }>(
    `query HealthFacility($id: ID!) { healthFacility(id: $id) { ${HF} } }`,
    { id },
  ).then((d) => d.healthFacility);

export const createHealthFacility = (input: HealthFacilityInput) =>
  mutate<HealthFacilityRow>('createHealthFacility', input, 'healthFacility', HF);

export const updateHealthFacility = (id: string, input: HealthFacilityInput) =>
  mutate<HealthFacilityRow>('updateHealthFacility', { ...input, id }, 'healthFacility', HF);

export const deleteHealthFacility = (id: string) => mutate<string>('deleteHealthFacility', { id }, 'deletedId');

/** Every location of a level the user may see (districts for pickers: a country has at most a few hundred). */
export const listLevel = (type: string) =>
  searchLocations({ type, first: 500 }).then((c) => c.edges.map((e) => e.node));
