import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db.js';
import { uuidv7 } from '../ids.js';
import { startTestKernel, TEST_PASSWORD, type TestKernel } from '../testing.js';
import { SYSTEM_ROLES } from './system-roles.js';

let t: TestKernel;
let admin: string;

before(async () => {
  t = await startTestKernel({ modules: [] });
});
beforeEach(async () => {
  await t.reset();
  await t.createUser({ username: 'admin', admin: true });
  admin = await t.loginToken('admin');
});
after(() => t?.close());

type Gql = Awaited<ReturnType<TestKernel['gql']>>;
const gql = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
  t.gql(query, variables, { token });
const ok = <T>(res: Gql): T => {
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data as T;
};
const code = (res: Gql) => res.errors?.[0]?.extensions?.code;
const count = async (where: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${where}`)))[0]!.n;

const USER = 'id username lastName isActive mustChangePassword districtIds roles { name }';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { clientMutationId user { ${USER} } } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER} } } }`;
interface UserOut {
  id: string;
  username: string;
  lastName: string;
  isActive: boolean;
  mustChangePassword: boolean;
  districtIds: string[];
  roles: Array<{ name: string }>;
}

async function roleId(name: string): Promise<string> {
  const roles = ok<{ roles: Array<{ id: string; name: string }> }>(await gql('{ roles { id name } }')).roles;
  const r = roles.find((x) => x.name === name);
  assert.ok(r, `role ${name}`);
  return r.id;
}
const newUser = (extra: Record<string, unknown> = {}) => ({
  username: 'amina',
  lastName: 'Diallo',
  otherNames: 'Amina',
  password: 'Amina-pass-1!',
  ...extra,
});
const history = async (entityId: string) =>
  ok<{
    auditHistory: {
      totalCount: number;
      edges: Array<{ node: { action: string; username: string; before: unknown; after: unknown } }>;
    };
  }>(
    await gql(
      'query($id: ID!) { auditHistory(entity: "User", entityId: $id) { totalCount edges { node { action username before after } } } }',
      { id: entityId },
    ),
  ).auditHistory;

describe('users over GraphQL', () => {
  test('an administrator creates a user with roles and districts, who can then sign in with those rights', async () => {
    const clerk = await roleId('Clerk');
    const district = uuidv7();
    const { createUser } = ok<{ createUser: { user: UserOut } }>(
      await gql(CREATE, { input: newUser({ roleIds: [clerk], districtIds: [district] }) }),
    );
    assert.equal(createUser.user.username, 'amina');
    assert.deepEqual(createUser.user.roles, [{ name: 'Clerk' }]);
    assert.deepEqual(createUser.user.districtIds, [district]);
    assert.equal(createUser.user.mustChangePassword, false);
    const token = await t.loginToken('amina', 'Amina-pass-1!');
    const me = ok<{ me: { isAdmin: boolean; districtIds: string[] } }>(
      await gql('{ me { isAdmin districtIds } }', {}, token),
    );
    assert.deepEqual(me.me, { isAdmin: false, districtIds: [district] });
  });

  test('an update changes names, roles and districts, and only what was sent', async () => {
    const clerk = await roleId('Clerk');
    const manager = await roleId('Manager');
    const { id } = ok<{ createUser: { user: UserOut } }>(await gql(CREATE, { input: newUser({ roleIds: [clerk] }) }))
      .createUser.user;
    const district = uuidv7();
    const updated = ok<{ updateUser: { user: UserOut } }>(
      await gql(UPDATE, { input: { id, lastName: 'Diallo-Ba', roleIds: [manager], districtIds: [district] } }),
    ).updateUser.user;
    assert.deepEqual(
      { ...updated, id: undefined },
      {
        id: undefined,
        username: 'amina',
        lastName: 'Diallo-Ba',
        isActive: true,
        mustChangePassword: false,
        districtIds: [district],
        roles: [{ name: 'Manager' }],
      },
    );
    const untouched = ok<{ updateUser: { user: UserOut } }>(await gql(UPDATE, { input: { id, isActive: false } }))
      .updateUser.user;
    assert.deepEqual(untouched.roles, [{ name: 'Manager' }], 'roles are kept when not sent');
    assert.equal(untouched.isActive, false);
  });

  test('a password reset sets mustChangePassword and the new password works', async () => {
    const { id } = ok<{ createUser: { user: UserOut } }>(await gql(CREATE, { input: newUser() })).createUser.user;
    const reset = ok<{ resetUserPassword: { user: UserOut } }>(
      await gql(
        `mutation($id: ID!) { resetUserPassword(input: { id: $id, newPassword: "Reset-pass-3!" }) { user { ${USER} } } }`,
        { id },
      ),
    );
    assert.equal(reset.resetUserPassword.user.mustChangePassword, true);
    await assert.rejects(t.loginToken('amina', 'Amina-pass-1!'), /401/);
    await t.loginToken('amina', 'Reset-pass-3!');
  });

  test('a deleted user disappears from searches, cannot sign in, and frees the username', async () => {
    const { id } = ok<{ createUser: { user: UserOut } }>(await gql(CREATE, { input: newUser() })).createUser.user;
    ok(await gql('mutation($id: ID!) { deleteUser(input: { id: $id }) { user { id } } }', { id }));
    assert.deepEqual(ok(await gql('query($id: ID!) { user(id: $id) { id } }', { id })), { user: null });
    const list = ok<{ users: { totalCount: number; edges: Array<{ node: { username: string } }> } }>(
      await gql('{ users { totalCount edges { node { username } } } }'),
    );
    assert.deepEqual(
      list.users.edges.map((e) => e.node.username),
      ['admin'],
    );
    await assert.rejects(t.loginToken('amina', 'Amina-pass-1!'), /401/);
    const again = ok<{ createUser: { user: UserOut } }>(await gql(CREATE, { input: newUser() })).createUser.user;
    assert.notEqual(again.id, id);
  });

  test('an administrator cannot delete or deactivate their own account', async () => {
    const me = ok<{ me: { id: string } }>(await gql('{ me { id } }')).me;
    const del = await gql('mutation($id: ID!) { deleteUser(input: { id: $id }) { user { id } } }', { id: me.id });
    assert.equal(code(del), 'BAD_INPUT');
    assert.equal(del.errors?.[0]?.message, 'You cannot delete your own account.');
    const off = await gql(UPDATE, { input: { id: me.id, isActive: false } });
    assert.equal(code(off), 'BAD_INPUT');
    assert.equal(off.errors?.[0]?.message, 'You cannot deactivate your own account.');
  });

  test('a username already taken, in any case, answers CONFLICT naming the username field', async () => {
    ok(await gql(CREATE, { input: newUser() }));
    const dup = await gql(CREATE, { input: newUser({ username: 'AMINA' }) });
    assert.equal(code(dup), 'CONFLICT');
    assert.equal(dup.errors?.[0]?.message, 'The username AMINA is already used: choose another.');
    assert.deepEqual(dup.errors?.[0]?.extensions?.problems, [
      { field: 'username', message: 'The username AMINA is already used: choose another.' },
    ]);
    assert.equal(await count("app_user WHERE lower(username) = 'amina'"), 1);
  });

  test('every user mutation is in the audit history, with who did it and the states before and after', async () => {
    const { id } = ok<{ createUser: { user: UserOut } }>(await gql(CREATE, { input: newUser() })).createUser.user;
    ok(await gql(UPDATE, { input: { id, lastName: 'Ba' } }));
    ok(
      await gql(
        'mutation($id: ID!) { resetUserPassword(input: { id: $id, newPassword: "Reset-pass-3!" }) { user { id } } }',
        {
          id,
        },
      ),
    );
    ok(await gql('mutation($id: ID!) { deleteUser(input: { id: $id }) { user { id } } }', { id }));
    const h = await history(id);
    assert.equal(h.totalCount, 4);
    const nodes = h.edges.map((e) => e.node);
    assert.deepEqual(
      nodes.map((n) => `${n.action} by ${n.username}`),
      ['create by admin', 'update by admin', 'resetPassword by admin', 'delete by admin'],
    );
    assert.equal((nodes[0]!.after as { lastName: string }).lastName, 'Diallo');
    assert.equal((nodes[1]!.before as { lastName: string }).lastName, 'Diallo');
    assert.equal((nodes[1]!.after as { lastName: string }).lastName, 'Ba');
    assert.equal((nodes[3]!.before as { username: string }).username, 'amina');
    assert.ok(!JSON.stringify(nodes).includes('argon2'), 'no password hash in the audit');
  });

  test('reading a history needs the right of its entity, and an unknown entity is refused', async () => {
    await t.createUser({ username: 'nobody' });
    const token = await t.loginToken('nobody');
    const forbidden = await gql('{ auditHistory(entity: "User", entityId: "x") { totalCount } }', {}, token);
    assert.equal(code(forbidden), 'FORBIDDEN');
    const unknown = await gql('{ auditHistory(entity: "Spaceship", entityId: "x") { totalCount } }');
    assert.equal(code(unknown), 'BAD_INPUT');
    assert.equal(unknown.errors?.[0]?.message, 'Unknown entity Spaceship.');
  });

  test('the audit log is append-only: the database refuses to change or delete its rows', async () => {
    ok(await gql(CREATE, { input: newUser() }));
    const before = await count('audit_log');
    assert.ok(before > 0);
    await assert.rejects(t.database.db.execute(sql`UPDATE audit_log SET action = 'forged'`), (err: Error) => {
      assert.match(String((err as { cause?: Error }).cause?.message ?? err.message), /audit_log is append-only/);
      return true;
    });
    await assert.rejects(t.database.db.execute(sql`DELETE FROM audit_log`), (err: Error) => {
      assert.match(String((err as { cause?: Error }).cause?.message ?? err.message), /audit_log is append-only/);
      return true;
    });
    assert.equal(await count('audit_log'), before);
    assert.equal(await count("audit_log WHERE action = 'forged'"), 0);
  });
});

describe('roles', () => {
  test('the 12 openIMIS system roles are seeded, in French too', async () => {
    const roles = ok<{ roles: Array<{ name: string; nameFr: string; isSystem: number }> }>(
      await gql('{ roles { name nameFr isSystem } }'),
    ).roles.filter((r) => r.isSystem > 0);
    assert.equal(roles.length, 12);
    assert.deepEqual(
      roles.map((r) => [r.isSystem, r.name, r.nameFr]).sort((a, b) => Number(a[0]) - Number(b[0])),
      SYSTEM_ROLES.map((r) => [r.isSystem, r.name, r.nameFr]),
    );
    const imis = roles.find((r) => r.name === 'IMIS Administrator');
    assert.equal(imis?.isSystem, 64);
  });

  test('the system roles receive the core rights matching their openIMIS codes', async () => {
    const roles = ok<{ roles: Array<{ name: string; rights: string[] }> }>(
      await gql('{ roles { name rights } }'),
    ).roles;
    const rightsOf = (name: string) => roles.find((r) => r.name === name)?.rights;
    assert.deepEqual(rightsOf('IMIS Administrator'), [
      'core.role.add',
      'core.role.delete',
      'core.role.edit',
      'core.role.search',
      'core.user.add',
      'core.user.delete',
      'core.user.edit',
      'core.user.search',
    ]);
    assert.deepEqual(rightsOf('Clerk'), []);
  });

  test('a holder of the IMIS Administrator role passes every right check', async () => {
    const me = ok<{ me: { isAdmin: boolean; roles: Array<{ name: string }> } }>(
      await gql('{ me { isAdmin roles { name } } }'),
    );
    assert.deepEqual(me.me, { isAdmin: true, roles: [{ name: 'IMIS Administrator' }] });
    const everything = await gql('{ users { totalCount } roles { id } rights { name } }');
    assert.equal(everything.errors, undefined);
  });

  test('a role created with rights grants exactly those rights to its users', async () => {
    const created = ok<{ createRole: { role: { id: string; name: string; rights: string[]; isSystem: number } } }>(
      await gql(
        'mutation { createRole(input: { name: "Auditor", rights: ["core.user.search", "core.role.search"] }) { role { id name rights isSystem } } }',
      ),
    ).createRole.role;
    assert.deepEqual(
      { ...created, id: undefined },
      { id: undefined, name: 'Auditor', rights: ['core.role.search', 'core.user.search'], isSystem: 0 },
    );
    ok(await gql(CREATE, { input: newUser({ roleIds: [created.id] }) }));
    const token = await t.loginToken('amina', 'Amina-pass-1!');
    assert.equal(code(await gql('{ users { totalCount } }', {}, token)), undefined);
    const add = await gql(CREATE, { input: newUser({ username: 'other' }) }, token);
    assert.equal(code(add), 'FORBIDDEN');
    assert.equal(
      add.errors?.[0]?.message,
      'You do not have the right to do this (core.user.add). Ask an administrator for it.',
    );
  });

  test('a role with an unknown right or a taken name is refused, naming the field', async () => {
    const unknown = await gql('mutation { createRole(input: { name: "Odd", rights: ["claim.fly"] }) { role { id } } }');
    assert.equal(code(unknown), 'BAD_INPUT');
    assert.deepEqual(unknown.errors?.[0]?.extensions?.problems, [
      { field: 'rights', message: 'Unknown right claim.fly: it is declared by no installed module.' },
    ]);
    const taken = await gql('mutation { createRole(input: { name: "clerk" }) { role { id } } }');
    assert.equal(code(taken), 'CONFLICT');
    assert.deepEqual(
      ((taken.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>).map((p) => p.field),
      ['name'],
    );
  });

  test('a system role cannot be deleted, and a role still given to users cannot either', async () => {
    const sys = await gql('mutation($id: ID!) { deleteRole(input: { id: $id }) { role { id } } }', {
      id: await roleId('Clerk'),
    });
    assert.equal(code(sys), 'BAD_INPUT');
    assert.equal(sys.errors?.[0]?.message, 'System roles cannot be deleted; block the role instead.');
    const r = ok<{ createRole: { role: { id: string } } }>(
      await gql('mutation { createRole(input: { name: "Temp" }) { role { id } } }'),
    ).createRole.role;
    ok(await gql(CREATE, { input: newUser({ roleIds: [r.id] }) }));
    const inUse = await gql('mutation($id: ID!) { deleteRole(input: { id: $id }) { role { id } } }', { id: r.id });
    assert.equal(code(inUse), 'CONFLICT');
    assert.equal(inUse.errors?.[0]?.message, 'The role Temp is still given to users: remove it from them first.');
  });
});

describe('idempotent mutations', () => {
  test('retrying createUser with the same clientMutationId returns the same user and creates one row', async () => {
    const input = newUser({ clientMutationId: 'create-amina-1' });
    const first = ok<{ createUser: { clientMutationId: string; user: UserOut } }>(await gql(CREATE, { input }));
    const retry = ok<{ createUser: { clientMutationId: string; user: UserOut } }>(await gql(CREATE, { input }));
    assert.equal(first.createUser.clientMutationId, 'create-amina-1');
    assert.deepEqual(retry, first);
    assert.equal(await count("app_user WHERE username = 'amina'"), 1);
    assert.equal((await history(first.createUser.user.id)).totalCount, 1, 'audited once');
  });

  test('concurrent retries with the same clientMutationId still create one user', async () => {
    const input = newUser({ clientMutationId: 'create-amina-2' });
    const results = await Promise.all([gql(CREATE, { input }), gql(CREATE, { input }), gql(CREATE, { input })]);
    const ids = new Set(results.map((r) => ok<{ createUser: { user: UserOut } }>(r).createUser.user.id));
    assert.equal(ids.size, 1);
    assert.equal(await count("app_user WHERE username = 'amina'"), 1);
  });

  test('reusing a clientMutationId for another operation answers CONFLICT and changes nothing', async () => {
    const { id } = ok<{ createUser: { user: UserOut } }>(
      await gql(CREATE, { input: newUser({ clientMutationId: 'op-1' }) }),
    ).createUser.user;
    const reused = await gql(UPDATE, { input: { id, lastName: 'Changed', clientMutationId: 'op-1' } });
    assert.equal(code(reused), 'CONFLICT');
    assert.equal(
      reused.errors?.[0]?.message,
      'This clientMutationId was already used for another operation (createUser): use a new id.',
    );
    assert.equal(await count("app_user WHERE last_name = 'Changed'"), 0);
  });

  test('a failed mutation does not consume its clientMutationId', async () => {
    const failed = await gql(CREATE, { input: newUser({ password: 'weak', clientMutationId: 'op-2' }) });
    assert.equal(code(failed), 'BAD_INPUT');
    const fixed = await gql(CREATE, { input: newUser({ clientMutationId: 'op-2' }) });
    assert.equal(ok<{ createUser: { user: UserOut } }>(fixed).createUser.user.username, 'amina');
  });

  test('the same clientMutationId from two different users is two operations', async () => {
    await t.createUser({ username: 'admin2', admin: true, password: TEST_PASSWORD });
    const other = await t.loginToken('admin2');
    ok(await gql(CREATE, { input: newUser({ clientMutationId: 'shared' }) }));
    ok(await gql(CREATE, { input: newUser({ username: 'bintou', clientMutationId: 'shared' }) }, other));
    assert.equal(await count("app_user WHERE username IN ('amina', 'bintou')"), 2);
  });
});
