import { type Connection, connectionFields, gql } from '@mutua/web-kernel';
import type {
  ClaimAdministrator,
  ClaimAdministratorInput,
  EnrolmentOfficer,
  EnrolmentOfficerInput,
} from '../domain/types';

export interface Named {
  id: string;
  code: string;
  name: string;
}

/** An enrolment officer as the pages show it. */
export interface OfficerRow extends EnrolmentOfficer {
  location: Named | null;
  substitute: { id: string; code: string; lastName: string; otherNames: string } | null;
  villages: Named[];
}

/** A claim administrator as the pages show it. */
export interface ClaimAdminRow extends ClaimAdministrator {
  healthFacility: Named | null;
}

const OFFICER = `id code lastName otherNames dob phone email locationId location { id code name }
  substituteId substitute { id code lastName otherNames } worksTo veoCode veoLastName veoOtherNames veoDob veoPhone
  phoneCommunication address userId villageIds villages { id code name }`;
const CLAIM_ADMIN =
  'id code lastName otherNames dob phone email healthFacilityId healthFacility { id code name } userId';

/** A fresh clientMutationId (crypto.randomUUID exists only in secure contexts; Mutua often runs over plain HTTP). */
function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function mutate<T>(name: string, input: object, key: string, fields?: string): Promise<T> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, Record<string, T>>>(
    `mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { ${key}${fields ? ` { ${fields} }` : ''} } }`,
    { input: { ...input, clientMutationId: mutationId() } },
  ).then((d) => d[name]![key]!);
}

export interface OfficerFilters {
  search: string;
  locationId: string;
}

export const searchOfficers = (f: OfficerFilters, after: string | null, first = 50) =>
  gql<{ enrolmentOfficers: Connection<OfficerRow> }>(
    `query EnrolmentOfficers($search: String, $locationId: ID, $first: Int, $after: String) {
      enrolmentOfficers(search: $search, locationId: $locationId, first: $first, after: $after) {
        ${connectionFields(OFFICER)}
      }
    }`,
    { search: f.search || null, locationId: f.locationId || null, first, after },
  ).then((d) => d.enrolmentOfficers);

export const createOfficer = (input: EnrolmentOfficerInput) =>
  mutate<OfficerRow>('createEnrolmentOfficer', input, 'enrolmentOfficer', OFFICER);
export const updateOfficer = (id: string, input: EnrolmentOfficerInput) =>
  mutate<OfficerRow>('updateEnrolmentOfficer', { ...input, id }, 'enrolmentOfficer', OFFICER);
export const deleteOfficer = (id: string) => mutate<string>('deleteEnrolmentOfficer', { id }, 'deletedId');

export interface ClaimAdminFilters {
  search: string;
  healthFacilityId: string;
}

export const searchClaimAdmins = (f: ClaimAdminFilters, after: string | null) =>
  gql<{ claimAdministrators: Connection<ClaimAdminRow> }>(
    `query ClaimAdministrators($search: String, $healthFacilityId: ID, $after: String) {
      claimAdministrators(search: $search, healthFacilityId: $healthFacilityId, first: 50, after: $after) {
        ${connectionFields(CLAIM_ADMIN)}
      }
    }`,
    { search: f.search || null, healthFacilityId: f.healthFacilityId || null, after },
  ).then((d) => d.claimAdministrators);

export const createClaimAdmin = (input: ClaimAdministratorInput) =>
  mutate<ClaimAdminRow>('createClaimAdministrator', input, 'claimAdministrator', CLAIM_ADMIN);
export const updateClaimAdmin = (id: string, input: ClaimAdministratorInput) =>
  mutate<ClaimAdminRow>('updateClaimAdministrator', { ...input, id }, 'claimAdministrator', CLAIM_ADMIN);
export const deleteClaimAdmin = (id: string) => mutate<string>('deleteClaimAdministrator', { id }, 'deletedId');

/** Every location of a level the user may see, for pickers. */
export const listLevel = (type: string) =>
  gql<{ locations: Connection<Named> }>(
    'query Level($type: String) { locations(type: $type, first: 500) { edges { node { id code name } } } }',
    { type },
  ).then((d) => d.locations.edges.map((e) => e.node));

type Tree = Named & { children?: Tree[] };

/** The villages under a district: `depth` levels of children below it (2 for district → commune → village). */
export async function villagesOf(districtId: string, depth: number): Promise<Named[]> {
  let sel = 'id code name';
  for (let i = 0; i < depth; i++) sel = `id code name children { ${sel} }`;
  const d = await gql<{ location: Tree | null }>(`query Villages($id: ID!) { location(id: $id) { ${sel} } }`, {
    id: districtId,
  });
  let level: Tree[] = d.location ? [d.location] : [];
  for (let i = 0; i < depth; i++) level = level.flatMap((l) => l.children ?? []);
  return level.map(({ id, code, name }) => ({ id, code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

export const listHealthFacilities = () =>
  gql<{ healthFacilities: Connection<Named> }>(
    'query Hfs { healthFacilities(first: 500) { edges { node { id code name } } } }',
  ).then((d) => d.healthFacilities.edges.map((e) => e.node));

export const listUsers = () =>
  gql<{ users: Connection<{ id: string; username: string; lastName: string; otherNames: string }> }>(
    'query Users { users(first: 500) { edges { node { id username lastName otherNames } } } }',
  ).then((d) => d.users.edges.map((e) => e.node));
