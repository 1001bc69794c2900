import { type Connection, connectionFields } from '../../api/connection';
import { gql } from '../../api/http';
import { newMutationId } from '../../api/mutation-id';

export interface UserRow {
  id: string;
  username: string;
  lastName: string;
  otherNames: string;
  email: string | null;
  phone: string | null;
  language: 'en' | 'fr';
  isActive: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: Array<{ id: string; name: string }>;
  districtIds: string[] | null;
  healthFacilityId: string | null;
}

export interface UserInput {
  username: string;
  lastName: string;
  otherNames: string;
  email: string;
  phone: string;
  language: 'en' | 'fr';
  password: string;
  roleIds: string[];
  districtIds: string[];
  isActive: boolean;
}

const USER_FIELDS =
  'id username lastName otherNames email phone language isActive lockedUntil lastLoginAt roles { id name } districtIds healthFacilityId';

export function searchUsers(search: string, after: string | null): Promise<Connection<UserRow>> {
  return gql<{ users: Connection<UserRow> }>(
    `query Users($first: Int, $after: String, $search: String) { users(first: $first, after: $after, search: $search) { ${connectionFields(USER_FIELDS)} } }`,
    { first: 50, after, search: search || null },
  ).then((d) => d.users);
}

export function getUser(id: string): Promise<UserRow | null> {
  return gql<{ user: UserRow | null }>(`query User($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`, { id }).then(
    (d) => d.user,
  );
}

function blankToNull(v: string): string | null {
  return v.trim() === '' ? null : v.trim();
}

/** The fields create and update send alike, trimmed, blanks as null. */
function editableFields(input: UserInput) {
  return {
    lastName: input.lastName.trim(),
    otherNames: input.otherNames.trim(),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    language: input.language,
    roleIds: input.roleIds,
    districtIds: input.districtIds,
    isActive: input.isActive,
  };
}

export function createUser(input: UserInput): Promise<UserRow> {
  return gql<{ createUser: { user: UserRow } }>(
    `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } } }`,
    {
      input: {
        clientMutationId: newMutationId(),
        username: input.username.trim(),
        password: input.password,
        healthFacilityId: null,
        ...editableFields(input),
      },
    },
  ).then((d) => d.createUser.user);
}

export function updateUser(id: string, input: UserInput, healthFacilityId: string | null): Promise<UserRow> {
  return gql<{ updateUser: { user: UserRow } }>(
    `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER_FIELDS} } } }`,
    { input: { clientMutationId: newMutationId(), id, healthFacilityId, ...editableFields(input) } },
  ).then((d) => d.updateUser.user);
}

export function resetUserPassword(id: string, newPassword: string): Promise<UserRow> {
  return gql<{ resetUserPassword: { user: UserRow } }>(
    `mutation ResetUserPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`,
    { input: { clientMutationId: newMutationId(), id, newPassword } },
  ).then((d) => d.resetUserPassword.user);
}

export function deleteUser(id: string): Promise<void> {
  return gql<unknown>(`mutation DeleteUser($input: DeleteUserInput!) { deleteUser(input: $input) { user { id } } }`, {
    input: { clientMutationId: newMutationId(), id },
  }).then(() => undefined);
}

export interface DistrictOption {
  id: string;
  code: string;
  name: string;
}

/** Districts for the user form's picker (empty list if the location module is not composed). */
export function listDistricts(): Promise<DistrictOption[]> {
  return gql<{ locations: Connection<DistrictOption> }>(
    `query Districts { locations(type: "D", first: 500) { ${connectionFields('id code name')} } }`,
  ).then((d) => d.locations.edges.map((e) => e.node));
}
