import { gql } from '../../api/http';
import { newMutationId } from '../../api/mutation-id';

export interface Role {
  id: string;
  name: string;
  nameFr: string | null;
  /** Non-zero (or true) for the seeded openIMIS system roles. */
  isSystem: number | boolean;
  isBlocked: boolean;
  rights: string[];
}

export interface RightInfo {
  name: string;
  label: string;
  labelText: string;
  module: string;
  legacyCode: number | null;
}

const ROLE_FIELDS = 'id name nameFr isSystem isBlocked rights';

export function listRoles(): Promise<Role[]> {
  return gql<{ roles: Role[] }>(`query Roles { roles { ${ROLE_FIELDS} } }`).then((d) => d.roles);
}

export function listRights(): Promise<RightInfo[]> {
  return gql<{ rights: RightInfo[] }>('query Rights { rights { name label labelText module legacyCode } }').then(
    (d) => d.rights,
  );
}

export interface RoleInput {
  name: string;
  nameFr: string;
  rights: string[];
  isBlocked: boolean;
}

export function createRole(input: RoleInput): Promise<Role> {
  return gql<{ createRole: { role: Role } }>(
    `mutation CreateRole($input: CreateRoleInput!) { createRole(input: $input) { role { ${ROLE_FIELDS} } } }`,
    {
      input: {
        clientMutationId: newMutationId(),
        name: input.name.trim(),
        nameFr: input.nameFr.trim() || null,
        rights: input.rights,
      },
    },
  ).then((d) => d.createRole.role);
}

export function updateRole(id: string, input: RoleInput): Promise<Role> {
  return gql<{ updateRole: { role: Role } }>(
    `mutation UpdateRole($input: UpdateRoleInput!) { updateRole(input: $input) { role { ${ROLE_FIELDS} } } }`,
    {
      input: {
        clientMutationId: newMutationId(),
        id,
        name: input.name.trim(),
        nameFr: input.nameFr.trim() || null,
        rights: input.rights,
        isBlocked: input.isBlocked,
      },
    },
  ).then((d) => d.updateRole.role);
}

export function duplicateRole(id: string, name: string): Promise<Role> {
  return gql<{ duplicateRole: { role: Role } }>(
    `mutation DuplicateRole($input: DuplicateRoleInput!) { duplicateRole(input: $input) { role { ${ROLE_FIELDS} } } }`,
    { input: { clientMutationId: newMutationId(), id, name: name.trim() } },
  ).then((d) => d.duplicateRole.role);
}

export function deleteRole(id: string): Promise<void> {
  return gql<unknown>(`mutation DeleteRole($input: DeleteRoleInput!) { deleteRole(input: $input) { role { id } } }`, {
    input: { clientMutationId: newMutationId(), id },
  }).then(() => undefined);
}

/** Rights grouped by module, modules and rights in a stable order. */
export function groupRights(rights: readonly RightInfo[]): Array<{ module: string; rights: RightInfo[] }> {
  const by = new Map<string, RightInfo[]>();
  for (const r of rights) {
    const list = by.get(r.module) ?? [];
    list.push(r);
    by.set(r.module, list);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)))
    .map(([module, list]) => ({ module, rights: list.sort((a, b) => a.name.localeCompare(b.name)) }));
}
