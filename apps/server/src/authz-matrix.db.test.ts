import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fieldGuard, uuidv7 } from '@mutua/kernel';
import type { TestKernel } from '@mutua/kernel/testing';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { startComposedTestKernel } from './test-kernel.js';

/**
 * The authorization matrix of the real composition (composition.json): every GraphQL root field and every REST
 * route is called by an anonymous caller, a signed-in user without rights and an administrator, with dummy but
 * well-formed arguments. New operations are covered without touching this file.
 */

let tk: TestKernel;
let noRights: string;
let admin: string;

before(async () => {
  tk = await startComposedTestKernel();
  await tk.createUser({ username: 'no-rights' });
  await tk.createUser({ username: 'admin', admin: true });
  noRights = await tk.loginToken('no-rights');
  admin = await tk.loginToken('admin');
});
after(() => tk?.close());

const DUMMY_ID = '0190d5c2-0000-7000-8000-0000000000aa';

/** A well-formed value for an input type: required fields only, recursively. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, dummy(f.type)]),
    );
  }
  switch (type.name) {
    case 'ID':
      return DUMMY_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2026-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

interface Operation {
  name: string;
  guard: ReturnType<typeof fieldGuard>;
  query: string;
  variables: Record<string, unknown>;
}

/** One operation per root field: its required arguments as variables, `{ __typename }` for object results. */
function operations(): Operation[] {
  const roots: Array<[string, GraphQLObjectType | null | undefined]> = [
    ['query', tk.kernel.schema.getQueryType()],
    ['mutation', tk.kernel.schema.getMutationType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field: GraphQLField<unknown, unknown>) => {
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const decl = required.length ? `(${required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
      const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      return {
        name: `${kind} ${field.name}`,
        guard: fieldGuard(field.extensions as Record<string, unknown>),
        query: `${kind} Matrix${decl} { ${field.name}${args}${selection} }`,
        variables: Object.fromEntries(required.map((a) => [a.name, dummy(a.type)])),
      };
    }),
  );
}

async function call(op: Operation, token?: string): Promise<string> {
  const res = await tk.gql(op.query, op.variables, token ? { token } : {});
  assert.ok(res.status < 500, `${op.name} answered HTTP ${res.status}`);
  const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
  assert.ok(
    !codes.includes('GRAPHQL_VALIDATION_FAILED') && !codes.includes('BAD_USER_INPUT'),
    `the generated operation is not valid: ${op.query} ${JSON.stringify(op.variables)} → ${JSON.stringify(res.errors)}`,
  );
  return codes[0] ?? 'OK';
}

describe('authorization matrix (GraphQL)', () => {
  test('every root field refuses anonymous callers unless it is public', async (t) => {
    const ops = operations();
    assert.ok(ops.length > 0, 'the schema has operations');
    const wrong: string[] = [];
    for (const op of ops) {
      const got = await call(op);
      const ok =
        op.guard && 'public' in op.guard ? got !== 'UNAUTHENTICATED' && got !== 'INTERNAL' : got === 'UNAUTHENTICATED';
      if (!ok) wrong.push(`${op.name} (${JSON.stringify(op.guard)}) → ${got}`);
    }
    t.diagnostic(`${ops.length} GraphQL operations checked as an anonymous caller`);
    assert.deepEqual(wrong, []);
  });

  test('every field guarded by a right refuses a user without rights; authenticated fields let them in', async (t) => {
    const ops = operations();
    const wrong: string[] = [];
    let guarded = 0;
    for (const op of ops) {
      const got = await call(op, noRights);
      if (op.guard && ('right' in op.guard || 'anyRight' in op.guard)) {
        guarded++;
        if (got !== 'FORBIDDEN') wrong.push(`${op.name} (${JSON.stringify(op.guard)}) → ${got}`);
      } else if (['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL'].includes(got)) {
        wrong.push(`${op.name} (${JSON.stringify(op.guard)}) → ${got}`);
      }
    }
    t.diagnostic(`${ops.length} GraphQL operations checked as a user without rights (${guarded} guarded by a right)`);
    assert.ok(guarded > 0);
    assert.deepEqual(wrong, []);
  });

  test('an administrator passes every guard, and dummy arguments never crash an operation', async (t) => {
    const ops = operations();
    const wrong: string[] = [];
    for (const op of ops) {
      const got = await call(op, admin);
      if (['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL'].includes(got)) wrong.push(`${op.name} → ${got}`);
    }
    t.diagnostic(`${ops.length} GraphQL operations checked as an administrator`);
    assert.deepEqual(wrong, []);
  });
});

/** Every route the HTTP app serves, read from fastify's route tree (kernel and module routes alike). */
function httpRoutes(): Array<{ method: string; url: string }> {
  const out: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of tk.kernel.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = `${stack.at(-1) ?? ''}${m[2]}`;
    stack.push(url);
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, url });
    }
  }
  return out;
}

/** Kernel endpoints that must answer without a session (GraphQL applies its guards per field, above). */
const PUBLIC = new Set([
  'GET /health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/graphql',
  'POST /api/graphql',
]);

describe('authorization matrix (REST)', () => {
  test('every non-public route answers 401 to an anonymous caller, before reading its input', async (t) => {
    const routes = httpRoutes();
    const modulePublic = new Set(
      tk.kernel.routes.filter((r) => 'public' in r.guard).map((r) => `${r.method} /api${r.url}`),
    );
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.has(key) || modulePublic.has(key) || !r.url.startsWith('/api/')) continue;
      // A body over the 1 MiB limit: the guard must answer before the body is read (401, not 413).
      const withBody = r.method === 'POST' || r.method === 'PUT';
      const res = await tk.kernel.app.inject({
        method: r.method as 'GET',
        url: r.url.replace(/:\w+/g, uuidv7()),
        ...(withBody
          ? { headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(2 * 1024 * 1024)}"` }
          : {}),
      });
      checked.push(key);
      const body = res.json() as { code?: string };
      if (res.statusCode !== 401 || body.code !== 'UNAUTHENTICATED')
        wrong.push(`${key} → ${res.statusCode} ${res.body}`);
    }
    for (const r of tk.kernel.routes.filter((x) => !('public' in x.guard))) {
      assert.ok(checked.includes(`${r.method} /api${r.url}`), `module route ${r.method} ${r.url} was found`);
    }
    t.diagnostic(
      `${checked.length} REST routes checked as an anonymous caller (${tk.kernel.routes.length} from modules)`,
    );
    assert.ok(checked.length > 0);
    assert.deepEqual(wrong, []);
  });

  test('every module route guarded by a right answers 403 to a user without rights', async (t) => {
    const guarded = tk.kernel.routes.filter((r) => 'right' in r.guard);
    const wrong: string[] = [];
    for (const r of guarded) {
      const res = await tk.kernel.app.inject({
        method: r.method,
        url: `/api${r.url.replace(/:\w+/g, uuidv7())}`,
        headers: { authorization: `Bearer ${noRights}` },
      });
      if (res.statusCode !== 403) wrong.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body}`);
    }
    t.diagnostic(`${guarded.length} module REST routes guarded by a right checked as a user without rights`);
    assert.deepEqual(wrong, []);
  });
});
