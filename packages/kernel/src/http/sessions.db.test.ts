import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAuthUserLoader } from '../core/auth-user.js';
import { job } from '../core/tables.js';
import { uuidv7 } from '../ids.js';
import { startTestKernel, type TestKernel } from '../testing.js';

let t: TestKernel;

before(async () => {
  t = await startTestKernel({ modules: [] });
});
beforeEach(() => t.reset());
after(() => t?.close());

const me = (token: string) =>
  t.kernel.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

describe('sessions end for real', () => {
  test('logout revokes the token: the same bearer token is refused afterwards, other sessions stay', async () => {
    await t.createUser({ username: 'ibrahim' });
    const token = await t.loginToken('ibrahim');
    const other = await t.loginToken('ibrahim');
    assert.equal((await me(token)).statusCode, 200);
    const out = await t.kernel.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(out.statusCode, 200);
    assert.equal((await me(token)).statusCode, 401);
    assert.equal((await me(other)).statusCode, 200, 'signing out on one device keeps the others');
  });

  test('a password reset by an administrator signs the user out everywhere; a new login works', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    const user = await t.createUser({ username: 'fatouma' });
    const token = await t.loginToken('fatouma');
    // Tokens carry whole seconds: wait for the next one so the reset is strictly later than the login.
    await new Promise((r) => setTimeout(r, 1100));
    await t.kernel.users.resetPassword(t.ctxAs(admin), user.id, 'New-pass-2!');
    assert.equal((await me(token)).statusCode, 401);
    const fresh = await t.loginToken('fatouma', 'New-pass-2!');
    assert.equal((await me(fresh)).statusCode, 200);
  });

  test('requests sent at once (their users read together) each get their own user and their own refusal', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    await t.createUser({ username: 'awa' });
    const gone = await t.createUser({ username: 'oumar' });
    await t.createUser({ username: 'salif' });
    const awa = await t.loginToken('awa');
    const oumar = await t.loginToken('oumar');
    const salif = await t.loginToken('salif');
    const out = await t.loginToken('salif');
    await t.kernel.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${out}` } });
    await new Promise((r) => setTimeout(r, 1100));
    await t.kernel.users.update(t.ctxAs(admin), gone.id, { isActive: false });
    const tokens = [awa, oumar, salif, out, awa, salif];
    const answers = await Promise.all(tokens.map((token) => me(token)));
    assert.deepEqual(
      answers.map((a) => [a.statusCode, a.statusCode === 200 ? (a.json() as { username: string }).username : null]),
      [
        [200, 'awa'],
        [401, null],
        [200, 'salif'],
        [401, null],
        [200, 'awa'],
        [200, 'salif'],
      ],
      'deactivated and signed-out tokens refused, the others answered as their own user',
    );
  });

  test('a token accepted once does not make a forged copy of it pass (its signature is checked once, by its text)', async () => {
    await t.createUser({ username: 'kadi' });
    const other = await t.createUser({ username: 'intrus' });
    const token = await t.loginToken('kadi');
    assert.equal((await me(token)).statusCode, 200);
    const [head, body, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url')}.${sig}`;
    assert.equal((await me(forged)).statusCode, 401, 'another user in the body, the same signature');
    const changed = `${sig.slice(0, 5)}${sig[5] === 'x' ? 'y' : 'x'}${sig.slice(6)}`;
    assert.equal((await me(`${head}.${body}.${changed}`)).statusCode, 401, 'a changed signature');
    assert.equal((await me(token)).statusCode, 200, 'the genuine token still works');
  });

  test('users asked at once are read in one go, each answered as their own', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    const awa = await t.createUser({ username: 'awa' });
    const oumar = await t.createUser({ username: 'oumar' });
    const salif = await t.createUser({ username: 'salif' });
    const kept = await t.loginToken('salif');
    const out = await t.loginToken('salif');
    await t.kernel.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${out}` } });
    await t.kernel.users.update(t.ctxAs(admin), oumar.id, { isActive: false });
    const session = (token: string) => {
      const p = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string; iat: number };
      return { jti: p.jti, issuedAt: p.iat };
    };
    const read = createAuthUserLoader(t.kernel.database.db);
    // Asked in one turn: the first is read at once, the others together once it is done.
    const users = await Promise.all([
      read(awa.id),
      read(oumar.id),
      read(salif.id, session(out)),
      read(salif.id, session(kept)),
      read('not-a-uuid'),
      read(uuidv7()),
      read(awa.id),
    ]);
    assert.deepEqual(
      users.map((u) => u?.username ?? null),
      ['awa', null, null, 'salif', null, null, 'awa'],
      'inactive, signed out, malformed and unknown are nobody; the others are themselves',
    );
  });

  test('deactivating a user ends their sessions, and reactivating does not revive old tokens', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    const user = await t.createUser({ username: 'moussa' });
    const token = await t.loginToken('moussa');
    await new Promise((r) => setTimeout(r, 1100));
    await t.kernel.users.update(t.ctxAs(admin), user.id, { isActive: false });
    assert.equal((await me(token)).statusCode, 401);
    await t.kernel.users.update(t.ctxAs(admin), user.id, { isActive: true });
    assert.equal((await me(token)).statusCode, 401);
  });
});

describe('user search', () => {
  test('LIKE wildcards in the search text match themselves, not any character', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    await t.createUser({ username: 'a_b' });
    await t.createUser({ username: 'axb' });
    const found = await t.kernel.users.search(t.ctxAs(admin), { search: 'a_b' });
    assert.deepEqual(
      found.edges.map((e) => e.node.username),
      ['a_b'],
    );
  });
});

describe('request bodies are not coerced', () => {
  test('a number where the login expects a string is refused with 400 naming the field', async () => {
    const res = await t.kernel.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 12345, password: 'x' },
    });
    assert.equal(res.statusCode, 400);
    assert.match((res.json() as { message: string }).message, /username/);
  });
});

describe('jobs whose process keeps dying', () => {
  test('a running job with a stale heartbeat and no attempts left is failed, not reclaimed again', async () => {
    const id = uuidv7();
    await t.database.db.insert(job).values({
      id,
      type: 'core.import',
      payload: {},
      status: 'running',
      attempts: 3,
      maxAttempts: 3,
      heartbeatAt: new Date(Date.now() - 3600_000),
    });
    assert.equal(await t.kernel.jobs.claim(), null);
    const [row] = await t.database.db.select().from(job).where(eq(job.id, id));
    assert.equal(row?.status, 'failed');
    assert.match(row?.error ?? '', /stopped before it finished/);
  });
});

describe('a password set by an administrator must be changed first', () => {
  test('until the user changes it, only their profile works; afterwards their rights apply again', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    const user = await t.createUser({ username: 'zeinab', rights: ['core.user.search'] });
    await t.kernel.users.resetPassword(t.ctxAs(admin), user.id, 'Given-pass-3!');
    const token = await t.loginToken('zeinab', 'Given-pass-3!');

    const blocked = await t.gql('{ users { totalCount } }', {}, { token, locale: 'fr' });
    assert.equal(blocked.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(blocked.errors?.[0]?.message ?? '', /changez-le d'abord/);
    const profile = await t.gql<{ me: { mustChangePassword: boolean } }>(
      '{ me { mustChangePassword } }',
      {},
      { token },
    );
    assert.equal(profile.data?.me.mustChangePassword, true);

    const changed = await t.gql(
      'mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { me { mustChangePassword } } }',
      { i: { currentPassword: 'Given-pass-3!', newPassword: 'Own-pass-4!' } },
      { token },
    );
    assert.equal(changed.errors, undefined);
    const allowed = await t.gql<{ users: { totalCount: number } }>('{ users { totalCount } }', {}, { token });
    assert.equal(allowed.errors, undefined);
    assert.equal(allowed.data?.users.totalCount, 2);
  });
});

describe('blank optional ids', () => {
  test('a blank health facility id (a cleared form field) means none, on create and on update', async () => {
    const admin = await t.createUser({ username: 'chef', admin: true });
    const ctx = t.ctxAs(admin);
    const created = await t.kernel.users.create(ctx, {
      username: 'halima',
      lastName: 'Moussa',
      otherNames: 'Halima',
      password: 'Strong-pass-1!',
      healthFacilityId: '',
    });
    assert.equal(created.healthFacilityId, null);
    const updated = await t.kernel.users.update(ctx, created.id, { healthFacilityId: '' });
    assert.equal(updated.healthFacilityId, null);
  });
});
