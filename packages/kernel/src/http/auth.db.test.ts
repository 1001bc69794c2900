import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { appUser } from '../core/tables.js';
import { queryRows } from '../db.js';
import { uuidv7 } from '../ids.js';
import { startTestKernel, TEST_PASSWORD, type TestKernel } from '../testing.js';
import { requestsArriving } from './arriving.js';

let t: TestKernel;

before(async () => {
  t = await startTestKernel({ modules: [] });
});
beforeEach(() => t.reset());
after(() => t?.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.kernel.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
const me = (headers: Record<string, string>) => t.kernel.app.inject({ method: 'GET', url: '/api/auth/me', headers });
const BAD_CREDENTIALS = { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' };
const POLICY =
  'The password must have at least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.';

describe('sign-in over HTTP', () => {
  test('login returns a bearer token and sets the same token in an httpOnly, same-site cookie', async () => {
    await t.createUser({ username: 'amina', rights: ['core.user.search'] });
    const res = await login('amina', TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    const body = res.json() as { token: string; user: { username: string; rights: string[]; isAdmin: boolean } };
    assert.match(body.token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT');
    assert.equal(body.user.username, 'amina');
    assert.deepEqual(body.user.rights, ['core.user.search']);
    assert.equal(body.user.isAdmin, false);
    const cookie = res.cookies.find((c) => c.name === 'mutua_token');
    assert.ok(cookie, 'the session cookie is set');
    assert.equal(cookie.value, body.token);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
  });

  test('the username is matched without regard to case', async () => {
    await t.createUser({ username: 'amina' });
    assert.equal((await login('AMINA', TEST_PASSWORD)).statusCode, 200);
  });

  test('/api/auth/me answers the signed-in user with the bearer token and with the cookie, 401 without', async () => {
    await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    const viaBearer = await me({ authorization: `Bearer ${token}` });
    assert.equal(viaBearer.statusCode, 200);
    assert.equal((viaBearer.json() as { username: string }).username, 'amina');
    const viaCookie = await me({ cookie: `mutua_token=${token}` });
    assert.equal(viaCookie.statusCode, 200);
    assert.equal((viaCookie.json() as { username: string }).username, 'amina');
    const anonymous = await me({});
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(anonymous.json(), { code: 'UNAUTHENTICATED', message: 'Please sign in first.' });
    const forged = await me({ authorization: `Bearer ${token.slice(0, -4)}AAAA` });
    assert.equal(forged.statusCode, 401, 'a token with a bad signature is not accepted');
  });

  test('a wrong password answers 401 with the message in French when the request asks for French', async () => {
    await t.createUser({ username: 'amina' });
    const res = await login('amina', 'Wrong-pass-1!', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), { code: 'UNAUTHENTICATED', message: "Nom d'utilisateur ou mot de passe incorrect." });
    assert.equal(
      res.cookies.find((c) => c.name === 'mutua_token'),
      undefined,
      'no cookie on failure',
    );
  });

  test("without Accept-Language, a signed-in user's errors come in the user's own language", async () => {
    await t.createUser({ username: 'amina', language: 'fr' });
    const token = await t.loginToken('amina');
    const res = await t.gql('{ users { totalCount } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(
      res.errors?.[0]?.message,
      "Vous n'avez pas le droit de faire cela (core.user.search). Demandez-le à un administrateur.",
    );
  });

  test('an unknown username answers exactly like a wrong password, so usernames cannot be probed', async () => {
    await t.createUser({ username: 'amina' });
    const unknown = await login('nobody', TEST_PASSWORD);
    const wrong = await login('amina', 'Wrong-pass-1!');
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(unknown.json(), BAD_CREDENTIALS);
    assert.deepEqual(wrong.json(), unknown.json());
  });

  test('a deactivated user cannot sign in and gets the same answer as a wrong password', async () => {
    const u = await t.createUser({ username: 'amina' });
    await t.database.db.update(appUser).set({ isActive: false }).where(eq(appUser.id, u.id));
    const res = await login('amina', TEST_PASSWORD);
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), BAD_CREDENTIALS);
  });

  test('five wrong passwords lock the account: 429 LOCKED, even with the right password afterwards', async () => {
    const u = await t.createUser({ username: 'amina' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login('amina', `Wrong-pass-${i}!`)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    const res = await login('amina', TEST_PASSWORD);
    assert.equal(res.statusCode, 429);
    const body = res.json() as { code: string; message: string };
    assert.equal(body.code, 'LOCKED');
    assert.match(body.message, /^Too many failed sign-ins: this account is locked\. Try again in 1[45] minutes/);
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity = 'User' AND entity_id = ${u.id}`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['locked'],
    );
  });

  test('a password reset by an administrator unlocks the account', async () => {
    const u = await t.createUser({ username: 'amina' });
    await t.createUser({ username: 'admin', admin: true });
    for (let i = 0; i < 5; i++) await login('amina', `Wrong-pass-${i}!`);
    const admin = await t.loginToken('admin');
    const reset = await t.gql(
      'mutation($id: ID!) { resetUserPassword(input: { id: $id, newPassword: "Fresh-pass-2!" }) { user { lockedUntil mustChangePassword } } }',
      { id: u.id },
      { token: admin },
    );
    assert.deepEqual(reset.data, { resetUserPassword: { user: { lockedUntil: null, mustChangePassword: true } } });
    assert.equal((await login('amina', 'Fresh-pass-2!')).statusCode, 200);
  });

  test('logout clears the session cookie', async () => {
    await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    const res = await t.kernel.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `mutua_token=${token}` },
    });
    assert.equal(res.statusCode, 200);
    const cleared = res.cookies.find((c) => c.name === 'mutua_token');
    assert.ok(cleared, 'the response overwrites the cookie');
    assert.equal(cleared.value, '');
    assert.ok(cleared.expires && cleared.expires.getTime() <= Date.now(), 'and expires it');
    assert.equal(cleared.path, '/');
  });

  test("a deleted user's token stops working at once", async () => {
    const u = await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    await t.database.db.update(appUser).set({ deletedAt: new Date() }).where(eq(appUser.id, u.id));
    assert.equal((await me({ authorization: `Bearer ${token}` })).statusCode, 401);
  });

  test('the password is stored as an argon2id hash, never in clear', async () => {
    await t.createUser({ username: 'admin', admin: true });
    const token = await t.loginToken('admin');
    const res = await t.gql(
      'mutation { createUser(input: { username: "amina", lastName: "Diallo", otherNames: "Amina", password: "Clear-text-9!" }) { user { id } } }',
      {},
      { token },
    );
    const id = (res.data as { createUser: { user: { id: string } } }).createUser.user.id;
    const [row] = await t.database.db.select({ hash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, id));
    assert.match(row?.hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    assert.ok(!row?.hash?.includes('Clear-text-9!'));
    assert.equal((await login('amina', 'Clear-text-9!')).statusCode, 200);
  });

  test('a user limited to districts carries their ids; unrestricted users and administrators carry null', async () => {
    const d1 = uuidv7();
    const d2 = uuidv7();
    await t.createUser({ username: 'officer', districtIds: [d2, d1] });
    await t.createUser({ username: 'national' });
    await t.createUser({ username: 'admin', admin: true, districtIds: [d1] });
    const districtsOf = async (username: string) => {
      const res = await login(username, TEST_PASSWORD);
      const fromLogin = (res.json() as { user: { districtIds: string[] | null } }).user.districtIds;
      const fromMe = (
        (await me({ authorization: `Bearer ${(res.json() as { token: string }).token}` })).json() as {
          districtIds: string[] | null;
        }
      ).districtIds;
      assert.deepEqual(fromMe, fromLogin, 'login and /me agree');
      return fromLogin ? [...fromLogin].sort() : null;
    };
    assert.deepEqual(await districtsOf('officer'), [d1, d2].sort());
    assert.equal(await districtsOf('national'), null);
    assert.equal(await districtsOf('admin'), null);
  });
});

describe('password policy', () => {
  test('changeMyPassword refuses a weak password, naming the rule, and keeps the old one', async () => {
    await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    const res = await t.gql(
      'mutation($p: String!) { changeMyPassword(input: { currentPassword: $p, newPassword: "password" }) { me { id } } }',
      { p: TEST_PASSWORD },
      { token },
    );
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.equal(res.errors?.[0]?.message, POLICY);
    assert.deepEqual(res.errors?.[0]?.extensions?.problems, [{ field: 'newPassword', message: POLICY }]);
    assert.equal((await login('amina', TEST_PASSWORD)).statusCode, 200, 'the old password still works');
  });

  test('changeMyPassword refuses a wrong current password and a new password equal to the current one', async () => {
    await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    const change = (current: string, next: string) =>
      t.gql(
        'mutation($c: String!, $n: String!) { changeMyPassword(input: { currentPassword: $c, newPassword: $n }) { me { id } } }',
        { c: current, n: next },
        { token, locale: 'fr' },
      );
    const wrong = await change('Not-mine-1!', 'Brand-new-2!');
    assert.deepEqual(wrong.errors?.[0]?.extensions?.problems, [
      { field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' },
    ]);
    const same = await change(TEST_PASSWORD, TEST_PASSWORD);
    assert.deepEqual(same.errors?.[0]?.extensions?.problems, [
      { field: 'newPassword', message: "Le nouveau mot de passe doit être différent de l'actuel." },
    ]);
  });

  test('changeMyPassword with a good password replaces the old one and clears mustChangePassword', async () => {
    const u = await t.createUser({ username: 'amina' });
    await t.database.db.update(appUser).set({ mustChangePassword: true }).where(eq(appUser.id, u.id));
    const token = await t.loginToken('amina');
    const res = await t.gql(
      'mutation($p: String!) { changeMyPassword(input: { currentPassword: $p, newPassword: "Brand-new-2!" }) { me { mustChangePassword } } }',
      { p: TEST_PASSWORD },
      { token },
    );
    assert.deepEqual(res.data, { changeMyPassword: { me: { mustChangePassword: false } } });
    assert.equal((await login('amina', TEST_PASSWORD)).statusCode, 401);
    assert.equal((await login('amina', 'Brand-new-2!')).statusCode, 200);
  });

  test('resetUserPassword and createUser refuse a weak password, naming the rule and the field', async () => {
    const u = await t.createUser({ username: 'amina' });
    await t.createUser({ username: 'admin', admin: true });
    const token = await t.loginToken('admin');
    const reset = await t.gql(
      'mutation($id: ID!) { resetUserPassword(input: { id: $id, newPassword: "Short1!" }) { user { id } } }',
      { id: u.id },
      { token },
    );
    assert.equal(reset.errors?.[0]?.extensions?.code, 'BAD_INPUT');
    assert.deepEqual(reset.errors?.[0]?.extensions?.problems, [{ field: 'newPassword', message: POLICY }]);
    assert.equal((await login('amina', TEST_PASSWORD)).statusCode, 200, 'the password did not change');

    for (const weak of ['alllowercase1!', 'ALLUPPERCASE1!', 'NoDigits!!', 'NoSymbol123', 'x'.repeat(129)]) {
      const created = await t.gql(
        'mutation($p: String!) { createUser(input: { username: "newbie", lastName: "N", otherNames: "N", password: $p }) { user { id } } }',
        { p: weak },
        { token },
      );
      assert.deepEqual(created.errors?.[0]?.extensions?.problems, [{ field: 'password', message: POLICY }], weak);
    }
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM app_user WHERE username = 'newbie'`,
    );
    assert.equal(n?.n, 0);
  });
});

describe('requests on their way (group commit)', () => {
  test('a request counts as arriving while it authenticates, and no longer once answered — refused or not', async () => {
    await t.createUser({ username: 'amina' });
    const token = await t.loginToken('amina');
    const before = requestsArriving();
    const pending = [
      me({ authorization: `Bearer ${token}` }),
      me({ authorization: 'Bearer not-a-token' }),
      t.kernel.app.inject({ method: 'GET', url: '/api/no-such-route' }),
    ];
    // inject starts a request on a later turn; the signed-in one then waits for its user's row.
    await new Promise((r) => setImmediate(r));
    assert.ok(requestsArriving() > before, 'counted from their first hook');
    const answers = await Promise.all(pending);
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [200, 401, 404],
    );
    assert.equal(requestsArriving(), before, 'every one of them settled');
  });
});
