import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from './db.js';
import { type Kernel, startKernel } from './kernel.js';
import type { ModuleDefinition, ServiceRef } from './module.js';
import { startTestKernel, type TestKernel } from './testing.js';

// Server side only: menus and pages of an absent module are the web shell's business (tested in web-kernel).
// The fixture modules live in test/ (outside this package's tsconfig rootDir), so they are loaded by URL.
const fx = (await import(new URL('../test/fixtures/index.ts', import.meta.url).href)) as {
  alpha: ModuleDefinition<unknown, unknown>;
  beta: ModuleDefinition<unknown, unknown>;
  gamma: ModuleDefinition<unknown, unknown>;
};
const betaRef: ServiceRef<{ gammaPresent: boolean }> = { kind: 'service', owner: 'beta' };

let t: TestKernel;
/** The same database booted again with gamma added to the composition, as an administrator would do. */
let withGamma: Kernel;
let token: string;

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}
async function gql(k: Kernel, query: string): Promise<GqlBody> {
  const res = await k.app.inject({
    method: 'POST',
    url: '/api/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: JSON.stringify({ query }),
  });
  return res.json() as GqlBody;
}
const schemaNames = async (k: Kernel) => {
  const res = await gql(
    k,
    '{ __schema { types { name } } q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }',
  );
  const data = res.data as {
    __schema: { types: Array<{ name: string }> };
    q: { fields: Array<{ name: string }> };
    m: { fields: Array<{ name: string }> };
  };
  return {
    types: new Set(data.__schema.types.map((x) => x.name)),
    fields: new Set([...data.q.fields, ...data.m.fields].map((f) => f.name)),
  };
};
const tableExists = async (name: string) =>
  (await queryRows<{ t: string | null }>(t.database.db, sql`SELECT to_regclass(${name})::text AS t`))[0]?.t !== null;

before(async () => {
  t = await startTestKernel({ modules: [fx.alpha, fx.beta] });
  await t.createUser({ username: 'admin', admin: true });
  token = await t.loginToken('admin');
});
after(async () => {
  await withGamma?.close();
  await t?.close();
});

describe('optional module composition', () => {
  test('without gamma, its GraphQL types and fields are absent from the schema', async () => {
    const { types, fields } = await schemaNames(t.kernel);
    assert.ok(!types.has('GammaScore'), 'no GammaScore type');
    assert.ok(!fields.has('gammaScores'), 'no gammaScores query');
    for (const present of [
      'alphaThings',
      'alphaGreeting',
      'createAlphaThing',
      'betaNotes',
      'betaGammaScore',
      'users',
    ]) {
      assert.ok(fields.has(present), `${present} is composed`);
    }
    assert.ok(!t.kernel.rights.some((r) => r.module === 'gamma'), 'no gamma rights');
  });

  test('without gamma, its REST route answers 404 and its migration did not run', async () => {
    const res = await t.kernel.app.inject({
      method: 'GET',
      url: '/api/gamma/scores',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { code: 'NOT_FOUND', message: 'No route GET /api/gamma/scores' });
    assert.equal(await tableExists('gamma_score'), false);
    assert.equal(await tableExists('beta_note'), true);
  });

  test('without gamma, alpha and beta work and beta sees its optional dependency as absent', async () => {
    assert.equal(t.kernel.service(betaRef)?.gammaPresent, false);
    const created = await gql(t.kernel, 'mutation { createAlphaThing(name: "kettle") { name } }');
    assert.deepEqual(created, { data: { createAlphaThing: { name: 'kettle' } } });
    assert.deepEqual(await gql(t.kernel, '{ betaGammaScore(name: "kettle") betaNotes { text } }'), {
      data: { betaGammaScore: null, betaNotes: [{ text: 'created kettle' }] },
    });
    const notes = await t.kernel.app.inject({
      method: 'GET',
      url: '/api/beta/notes',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(notes.statusCode, 200);
    assert.equal((notes.json() as unknown[]).length, 1);
  });

  test('adding gamma to the composition migrates its table and brings its types, fields, route and rights', async () => {
    withGamma = await startKernel({
      composition: { modules: [{ id: 'alpha' }, { id: 'beta' }, { id: 'gamma' }] },
      modules: [fx.alpha, fx.beta, fx.gamma],
      database: t.database,
      logger: pino({ level: 'silent' }),
    });
    await withGamma.app.ready();
    assert.deepEqual(
      withGamma.modules.map((m) => m.id),
      ['alpha', 'gamma', 'beta'],
      'gamma is set up before beta, which optionally depends on it',
    );
    assert.equal(await tableExists('gamma_score'), true);
    const { types, fields } = await schemaNames(withGamma);
    assert.ok(types.has('GammaScore'));
    assert.ok(fields.has('gammaScores'));
    assert.deepEqual(await gql(withGamma, '{ gammaScores { name } betaGammaScore(name: "kettle") }'), {
      data: { gammaScores: [], betaGammaScore: 6 },
    });
    assert.equal(withGamma.service(betaRef)?.gammaPresent, true);
    const res = await withGamma.app.inject({
      method: 'GET',
      url: '/api/gamma/scores',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), []);
    assert.ok(withGamma.rights.some((r) => r.name === 'gamma.score.search'));
  });
});

describe('module REST routes', () => {
  const inject = (method: 'GET' | 'POST', url: string, opts: { token?: string; payload?: unknown } = {}) =>
    t.kernel.app.inject({
      method,
      url,
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
      ...(opts.payload !== undefined ? { payload: opts.payload as Record<string, unknown> } : {}),
    });

  test('a guarded route refuses an anonymous caller with 401 before reading or validating its body or parameters', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/alpha/things', undefined],
      ['POST', '/api/alpha/things', { unexpected: true }],
      ['GET', '/api/alpha/things/not-a-uuid', undefined],
      ['POST', '/api/alpha/things', { name: 'x'.repeat(2 * 1024 * 1024) }],
    ] as const) {
      const res = await inject(method, url, { payload });
      assert.equal(
        res.statusCode,
        401,
        `${method} ${url} ${String(JSON.stringify(payload)).slice(0, 40)} → ${res.body}`,
      );
      assert.deepEqual(res.json(), { code: 'UNAUTHENTICATED', message: 'Please sign in first.' });
    }
  });

  test('a user without the right gets 403 naming the right, before validation too', async () => {
    await t.createUser({ username: 'reader', rights: ['alpha.thing.search'] });
    const reader = await t.loginToken('reader');
    const res = await inject('POST', '/api/alpha/things', { token: reader, payload: { unexpected: true } });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(res.json(), {
      code: 'FORBIDDEN',
      message: 'You do not have the right to do this (alpha.thing.add). Ask an administrator for it.',
    });
    assert.equal((await inject('GET', '/api/alpha/things', { token: reader })).statusCode, 200);
  });

  test('with the right, the body is validated: unknown fields are refused with 400 naming them', async () => {
    const res = await inject('POST', '/api/alpha/things', { token, payload: { name: 'kettle', colour: 'red' } });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { code: string; problems: Array<{ field: string }> };
    assert.equal(body.code, 'BAD_INPUT');
    assert.deepEqual(
      body.problems.map((p) => p.field),
      ['colour'],
    );
    const created = await inject('POST', '/api/alpha/things', { token, payload: { name: 'teapot' } });
    assert.equal(created.statusCode, 200);
    assert.equal((created.json() as { name: string }).name, 'teapot');
  });

  test('a public route answers without a session', async () => {
    const res = await inject('GET', '/api/alpha/ping');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { pong: true });
  });
});
