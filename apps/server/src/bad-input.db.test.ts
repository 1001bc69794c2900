import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { queryRows } from '@mutua/kernel';
import { TEST_PASSWORD, type TestKernel } from '@mutua/kernel/testing';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { startComposedTestKernel } from './test-kernel.js';

/**
 * Bad input against the real composition: every request below must answer 4xx with a clear message (never 5xx,
 * never INTERNAL) and leave nothing half-written.
 */

let tk: TestKernel;
let admin: string;

before(async () => {
  tk = await startComposedTestKernel();
  await tk.createUser({ username: 'admin', admin: true });
  admin = await tk.loginToken('admin');
});
after(() => tk?.close());

const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  tk.kernel.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });
const gql = (query: string, variables?: Record<string, unknown>) => tk.gql(query, variables, { token: admin });
const users = async (where: string) =>
  (
    await queryRows<{ n: number }>(tk.database.db, sql.raw(`SELECT count(*)::int AS n FROM app_user WHERE ${where}`))
  )[0]!.n;
type Res = Awaited<ReturnType<typeof gql>>;
const firstError = (res: Res) => ({
  code: res.errors?.[0]?.extensions?.code,
  message: res.errors?.[0]?.message,
  fields: ((res.errors?.[0]?.extensions?.problems ?? []) as Array<{ field: string }>).map((p) => p.field),
});
const UNKNOWN_ID = '0190d5c2-0000-7000-8000-0000000000aa';

describe('bad input over REST', () => {
  test('a wrong password answers 401 with a clear message', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ username: 'admin', password: 'Wrong-pass-1!' }));
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' });
  });

  test('malformed JSON answers 400 saying the body is not valid JSON, for login and GraphQL alike', async () => {
    for (const url of ['/api/auth/login', '/api/graphql']) {
      const res = await post(url, '{"username": "admin", ');
      assert.equal(res.statusCode, 400, url);
      assert.deepEqual(res.json(), { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' }, url);
    }
  });

  test('an unknown field in the login body is refused with 400 naming it, not silently ignored', async () => {
    const res = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'admin', password: TEST_PASSWORD, rememberMe: true }),
    );
    assert.equal(res.statusCode, 400);
    const body = res.json() as { code: string; message: string; problems: Array<{ field: string }> };
    assert.equal(body.code, 'BAD_INPUT');
    assert.match(body.message, /rememberMe/);
    assert.deepEqual(
      body.problems.map((p) => p.field),
      ['rememberMe'],
    );
  });

  test('a login body of the wrong shape answers 400 naming what is wrong', async () => {
    for (const [payload, field] of [
      ['[1, 2]', 'body'],
      ['{"username": "admin"}', 'body'],
      ['{"username": {"first": "a"}, "password": "x"}', 'username'],
      ['{"username": "", "password": "x"}', 'username'],
    ] as const) {
      const res = await post('/api/auth/login', payload);
      assert.equal(res.statusCode, 400, payload);
      const body = res.json() as { code: string; problems: Array<{ field: string; message: string }> };
      assert.equal(body.code, 'BAD_INPUT');
      assert.ok(
        body.problems.some((p) => p.field === field || p.message.includes(field)),
        `${payload}: ${JSON.stringify(body)}`,
      );
    }
  });

  test('a body over 1 MiB answers 413, for login and GraphQL alike', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    for (const [url, payload] of [
      ['/api/auth/login', JSON.stringify({ username: 'admin', password: big })],
      ['/api/graphql', JSON.stringify({ query: `{ me { id } } #${big}` })],
    ] as const) {
      const res = await post(url, payload, { authorization: `Bearer ${admin}` });
      assert.equal(res.statusCode, 413, url);
      assert.deepEqual(res.json(), { code: 'TOO_LARGE', message: 'The request is too large (limit 1 MiB).' });
    }
  });

  test('a NUL character in a login field answers 400 naming the field, not a database error', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ username: 'ad\u0000min', password: TEST_PASSWORD }));
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json() as { code: string; problems: Array<{ field: string }> };
    assert.equal(body.code, 'BAD_INPUT');
    assert.deepEqual(
      body.problems.map((p) => p.field),
      ['username'],
    );
  });

  test('random login bodies never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc
            .record({ username: fc.string({ unit: 'binary' }), password: fc.string({ unit: 'binary' }) })
            .map((o) => JSON.stringify(o)),
          fc.string({ unit: 'binary' }),
        ),
        async (payload) => {
          const res = await post('/api/auth/login', payload);
          assert.ok(
            res.statusCode >= 400 && res.statusCode < 500,
            `${JSON.stringify(payload)} → ${res.statusCode} ${res.body}`,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('bad input over GraphQL', () => {
  test('invalid variables answer 400 naming the variable and the expected type', async () => {
    const res = await gql('query($first: Int) { users(first: $first) { totalCount } }', { first: 'ten' });
    assert.equal(res.status, 400);
    assert.equal(
      res.errors?.[0]?.message,
      'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
    );
  });

  test('an unknown field or a syntax error is refused with a clear message (400 for GraphQL-over-HTTP clients)', async () => {
    for (const [query, code, message] of [
      [
        '{ users { totalCount nickname } }',
        'GRAPHQL_VALIDATION_FAILED',
        'Cannot query field "nickname" on type "UserConnection".',
      ],
      ['{ users( }', 'GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found "}".'],
    ] as const) {
      const res = await tk.kernel.app.inject({
        method: 'POST',
        url: '/api/graphql',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          authorization: `Bearer ${admin}`,
        },
        payload: JSON.stringify({ query }),
      });
      assert.equal(res.statusCode, 400, query);
      const body = res.json() as { errors: Array<{ message: string; extensions: { code: string } }> };
      assert.equal(body.errors[0]?.extensions.code, code);
      assert.equal(body.errors[0]?.message, message);
      // Legacy `application/json` clients get the same error with status 200 (GraphQL over HTTP).
      const legacy = await gql(query);
      assert.ok(legacy.status < 500);
      assert.equal(legacy.errors?.[0]?.extensions?.code, code);
    }
  });

  test('a mutation sent with GET is refused with 405', async () => {
    const res = await tk.kernel.app.inject({
      method: 'GET',
      url: `/api/graphql?query=${encodeURIComponent('mutation { changeMyLanguage(input: { language: "fr" }) { me { id } } }')}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    assert.equal(res.statusCode, 405);
  });

  test('a garbage or forged page cursor answers BAD_INPUT naming `after`', async () => {
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of ['!!', forged({ a: 1 }), forged([1]), forged([{}, {}]), forged(['admin', 'not-a-uuid'])]) {
      const res = await gql('query($after: String) { users(after: $after) { totalCount } }', { after });
      assert.deepEqual(
        firstError(res),
        {
          code: 'BAD_INPUT',
          message: 'The page cursor is not valid: restart the search from the first page.',
          fields: ['after'],
        },
        after,
      );
    }
  });

  test('createUser with an unknown role answers BAD_INPUT naming roleIds and writes no user', async () => {
    const res = await gql(
      'mutation($roleIds: [ID!]) { createUser(input: { username: "ghost", lastName: "G", otherNames: "G", password: "Ghost-pass-1!", roleIds: $roleIds }) { user { id } } }',
      { roleIds: [UNKNOWN_ID] },
    );
    const err = firstError(res);
    assert.equal(err.code, 'BAD_INPUT');
    assert.deepEqual(err.fields, ['roleIds']);
    assert.match(err.message ?? '', new RegExp(UNKNOWN_ID));
    assert.equal(await users("username = 'ghost'"), 0);
    assert.equal(
      (
        await queryRows<{ n: number }>(
          tk.database.db,
          sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'create' AND entity = 'User'`,
        )
      )[0]?.n,
      0,
      'no audit row either',
    );
  });

  test('ids that are not UUIDs in a user input answer BAD_INPUT naming the field', async () => {
    for (const [field, value] of [
      ['roleIds', ['x']],
      ['districtIds', ['not-a-district']],
      ['healthFacilityId', '42'],
    ] as const) {
      const res = await gql('mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
        input: { username: 'ghost', lastName: 'G', otherNames: 'G', password: 'Ghost-pass-1!', [field]: value },
      });
      const err = firstError(res);
      assert.equal(err.code, 'BAD_INPUT', `${field}: ${JSON.stringify(res.errors)}`);
      assert.deepEqual(err.fields, [field]);
    }
    assert.equal(await users("username = 'ghost'"), 0);
  });

  test('an id that is not a UUID is simply not found, for reads and writes', async () => {
    assert.deepEqual((await gql('{ user(id: "x") { id } }')).data, { user: null });
    for (const [query, entity] of [
      ['{ job(id: "x") { id } }', 'Job'],
      ['mutation { updateUser(input: { id: "x", lastName: "B" }) { user { id } } }', 'User'],
      ['mutation { resetUserPassword(input: { id: "x", newPassword: "Good-pass-1!" }) { user { id } } }', 'User'],
      ['mutation { deleteUser(input: { id: "x" }) { user { id } } }', 'User'],
      ['mutation { updateRole(input: { id: "x", name: "B" }) { role { id } } }', 'Role'],
      ['mutation { deleteRole(input: { id: "x" }) { role { id } } }', 'Role'],
      ['mutation { duplicateRole(input: { id: "x", name: "B" }) { role { id } } }', 'Role'],
    ] as const) {
      const err = firstError(await gql(query));
      assert.deepEqual(
        { code: err.code, message: err.message },
        { code: 'NOT_FOUND', message: `${entity} x was not found: it may have been deleted.` },
        query,
      );
    }
  });

  test('values longer than their column answer BAD_INPUT naming the field', async () => {
    const long = 'a'.repeat(300);
    for (const [query, field] of [
      [`mutation { createRole(input: { name: "Long", nameFr: "${long}" }) { role { id } } }`, 'nameFr'],
      [
        `mutation { createUser(input: { username: "longy", lastName: "L", otherNames: "L", password: "Long-pass-1!", phone: "${long}" }) { user { id } } }`,
        'phone',
      ],
      [
        `mutation { createUser(input: { username: "longy", lastName: "L", otherNames: "L", password: "Long-pass-1!", email: "${long}@example.org" }) { user { id } } }`,
        'email',
      ],
    ] as const) {
      const err = firstError(await gql(query));
      assert.equal(err.code, 'BAD_INPUT', query.slice(0, 60));
      assert.deepEqual(err.fields, [field]);
    }
    assert.equal(await users("username = 'longy'"), 0);
  });

  test('a NUL character in an argument answers BAD_INPUT naming it, in a variable or in the query text', async () => {
    const viaVariable = await gql('mutation($n: String!) { createRole(input: { name: $n }) { role { id } } }', {
      n: 'Nul\u0000Role',
    });
    assert.equal(firstError(viaVariable).code, 'BAD_INPUT');
    assert.deepEqual(firstError(viaVariable).fields, ['input.name']);
    const viaLiteral = await gql('{ users(search: "a\\u0000b") { totalCount } }');
    assert.equal(firstError(viaLiteral).code, 'BAD_INPUT');
    assert.deepEqual(firstError(viaLiteral).fields, ['search']);
  });

  test('random user inputs never produce an internal error, and a refused create writes nothing', async () => {
    const before = await users('true');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom('', ' ', 'ok', 'a\u0000'));
    const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }));
    const input = fc.record(
      {
        username: fc.oneof(fc.constantFrom('fuzzed'), text),
        lastName: text,
        otherNames: text,
        password: fc.oneof(fc.constant('Fuzz-pass-1!'), text),
        email: text,
        phone: text,
        language: fc.oneof(fc.constantFrom('en', 'fr'), text),
        roleIds: fc.array(id, { maxLength: 2 }),
        districtIds: fc.array(id, { maxLength: 2 }),
        healthFacilityId: id,
        isActive: fc.boolean(),
      },
      { requiredKeys: ['username', 'lastName', 'otherNames', 'password'] },
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const res = await gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i });
        assert.ok(res.status < 500, `HTTP ${res.status}`);
        const code = firstError(res).code;
        assert.notEqual(code, 'INTERNAL', `${JSON.stringify(i)} → ${JSON.stringify(res.errors)}`);
        if (!res.errors) created++;
      }),
      { numRuns: 80 },
    );
    assert.equal((await users('true')) - before, created, 'only successful creates wrote users');
  });
});
