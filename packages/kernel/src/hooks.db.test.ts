import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Ctx } from './context.js';
import { queryRows } from './db.js';
import { startKernel } from './kernel.js';
import type { ModuleDefinition, ServiceRef } from './module.js';
import { startTestKernel, type TestKernel } from './testing.js';

// The fixture modules live in test/ (outside this package's tsconfig rootDir), so they are loaded by URL.
interface AlphaApi {
  events: string[];
  create(ctx: Ctx, name: string): Promise<{ id: string; name: string }>;
}
const fx = (await import(new URL('../test/fixtures/index.ts', import.meta.url).href)) as {
  alpha: ModuleDefinition<unknown, unknown>;
  beta: ModuleDefinition<unknown, unknown>;
  gamma: ModuleDefinition<unknown, unknown>;
  alphaService: ServiceRef<AlphaApi>;
};

let t: TestKernel;
let alpha: AlphaApi;
let token: string;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

before(async () => {
  t = await startTestKernel({ modules: [fx.alpha, fx.beta] });
  alpha = t.kernel.service(fx.alphaService)!;
});
beforeEach(async () => {
  await t.reset();
  alpha.events.length = 0;
  t.kernel.hooks.failures.length = 0;
  await t.createUser({ username: 'admin', admin: true });
  token = await t.loginToken('admin');
});
after(() => t?.close());

describe('hook bus with a database', () => {
  test('a vetoed create answers RULE_VIOLATION with every reason, translated, and writes nothing', async () => {
    const res = await t.gql(
      'mutation { createAlphaThing(name: "bad and forbidden") { id } }',
      {},
      { token, locale: 'fr' },
    );
    const err = res.errors?.[0];
    assert.equal(err?.extensions?.code, 'RULE_VIOLATION');
    assert.equal(err?.message, 'name ne doit pas contenir « bad ».');
    assert.deepEqual(err?.extensions?.problems, [
      { field: 'name', message: 'name ne doit pas contenir « bad ».' },
      { field: 'name', message: 'name contient le mot interdit forbidden.' },
    ]);
    assert.deepEqual(alpha.events, ['alpha.validate', 'beta.validate']);
    assert.equal(await count('alpha_thing'), 0);
    assert.equal(await count('beta_note'), 0);
  });

  test('runs validate, before, the write, in-transaction after, then after-commit once the write is committed', async () => {
    const thing = await alpha.create(t.adminCtx(), 'kettle');
    assert.equal(thing.name, 'kettle');
    assert.deepEqual(alpha.events, [
      'alpha.validate',
      'beta.validate',
      'beta.before',
      'alpha.insert',
      'beta.after',
      'alpha.transaction-end',
      'beta.afterCommit(things=1,inTransaction=false)',
    ]);
    assert.equal(await count('alpha_thing'), 1);
    assert.equal(await count('beta_note'), 1, 'the in-transaction listener wrote its note');
  });

  test("a failing in-transaction after listener rolls back the caller's write and its own", async () => {
    await assert.rejects(alpha.create(t.adminCtx(), 'fail-tx kettle'), /beta in-transaction listener failed/);
    assert.equal(await count('alpha_thing'), 0, 'the thing was rolled back');
    assert.equal(await count('beta_note'), 0, "the listener's note was rolled back");
    assert.ok(!alpha.events.some((e) => e.startsWith('beta.afterCommit')), 'after-commit work is dropped on rollback');
  });

  test('a failing in-transaction listener answers a clean GraphQL error, not a half-written success', async () => {
    const res = await t.gql('mutation { createAlphaThing(name: "fail-tx kettle") { id } }', {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'INTERNAL');
    assert.equal(res.data, null);
    assert.equal(await count('alpha_thing'), 0);
  });

  test('a failing after-commit listener keeps the commit, is logged and is recorded in failures', async () => {
    const logged: Array<[unknown, string | undefined]> = [];
    const logger = t.kernel.logger;
    const original = logger.error;
    logger.error = ((obj: unknown, msg?: string) => void logged.push([obj, msg])) as typeof logger.error;
    try {
      const thing = await alpha.create(t.adminCtx(), 'fail-commit kettle');
      assert.equal(thing.name, 'fail-commit kettle');
    } finally {
      logger.error = original;
    }
    assert.equal(await count('alpha_thing'), 1, 'the caller’s write stays committed');
    assert.equal(await count('beta_note'), 1);
    assert.equal(t.kernel.hooks.failures.length, 1);
    assert.deepEqual(
      { ...t.kernel.hooks.failures[0], at: undefined },
      { hook: 'alpha.thingCreated', module: 'beta', error: 'Error: beta after-commit listener failed', at: undefined },
    );
    assert.ok(
      logged.some(([, msg]) => msg === 'after-commit hook listener failed'),
      'the failure is logged with its hook and module',
    );
    const health = (await t.kernel.app.inject({ method: 'GET', url: '/health' })).json() as { hookFailures: number };
    assert.equal(health.hookFailures, 1);
  });

  test("refuses to start when gamma listens to alpha's hook without depending on alpha", async () => {
    await assert.rejects(
      startKernel({
        composition: { modules: [{ id: 'alpha' }, { id: 'gamma', config: { listenToAlpha: true } }] },
        modules: [fx.alpha, fx.gamma],
        database: t.database,
        logger: pino({ level: 'silent' }),
      }),
      {
        message:
          "module 'gamma' listens to hook 'alpha.thingCreated' but does not depend on 'alpha' — add 'alpha' to its dependsOn",
      },
    );
  });
});
