import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import type { Ctx } from './context.js';
import type { Db } from './db.js';
import { RuleViolation } from './errors.js';
import { defineHook, HookBus } from './hooks.js';

interface Claim {
  id: string;
  amount: number;
}
const claimCheck = defineHook<{ claim: Claim }>('claim.check');
const claimSaved = defineHook<{ claim: Claim }>('claim.saved');

/** claim-ai and fraud depend on claim; reports depends on nothing. */
const dependsOn: Record<string, string[]> = { 'claim-ai': ['claim'], fraud: ['claim'], reports: [] };
const newBus = () => new HookBus((listener, owner) => listener === owner || !!dependsOn[listener]?.includes(owner));

const ctx = (): Ctx => ({
  db: {} as Db,
  user: null,
  locale: 'en',
  logger: pino({ level: 'silent' }),
  afterCommit: null,
});
const claim: Claim = { id: 'c1', amount: 120 };

describe('hook bus', () => {
  test('tells an emitter whether anybody listens to a hook', () => {
    const bus = newBus();
    const claim = bus.forModule('claim');
    assert.equal(claim.listens(claimSaved), false);
    bus.forModule('claim-ai').after(claimSaved, async () => {});
    assert.equal(claim.listens(claimSaved), true);
    assert.equal(claim.listens(claimCheck), false);
  });

  test('collects the reasons of every vetoing validate listener into one RuleViolation', async () => {
    const bus = newBus();
    bus
      .forModule('claim')
      .validate(claimCheck, async ({ claim }) =>
        claim.amount > 100 ? [{ field: 'amount', key: 'claim.error.tooHigh', params: { max: 100 } }] : [],
      );
    bus.forModule('claim-ai').validate(claimCheck, async () => undefined);
    bus.forModule('fraud').validate(claimCheck, async () => [
      { field: 'insuree', key: 'fraud.error.suspect' },
      { field: 'items', key: 'fraud.error.duplicate' },
    ]);
    const err = await bus.runValidate(claimCheck, { claim }, ctx()).then(
      () => assert.fail('a vetoed operation must throw'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof RuleViolation);
    assert.equal(err.code, 'RULE_VIOLATION');
    assert.equal(err.key, 'claim.error.tooHigh');
    assert.deepEqual(err.params, { max: 100, field: 'amount' });
    assert.deepEqual(
      err.problems.map((p) => `${p.field}:${p.key}`),
      ['amount:claim.error.tooHigh', 'insuree:fraud.error.suspect', 'items:fraud.error.duplicate'],
    );
  });

  test('lets the operation pass when no validate listener vetoes', async () => {
    const bus = newBus();
    bus.forModule('claim-ai').validate(claimCheck, async () => []);
    bus.forModule('fraud').validate(claimCheck, async () => undefined);
    await bus.runValidate(claimCheck, { claim }, ctx());
    await bus.runValidate(defineHook<{ x: number }>('claim.unheard'), { x: 1 }, ctx());
  });

  test('runs before and after listeners in registration order, each with the payload', async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.forModule('claim-ai').after(claimSaved, async ({ claim }) => void seen.push(`ai.after ${claim.id}`));
    bus.forModule('fraud').before(claimSaved, async ({ claim }) => void seen.push(`fraud.before ${claim.id}`));
    bus.forModule('claim-ai').before(claimSaved, async () => void seen.push('ai.before'));
    bus.forModule('fraud').after(claimSaved, async () => void seen.push('fraud.after'));
    await bus.runBefore(claimSaved, { claim }, ctx());
    seen.push('write');
    await bus.runAfter(claimSaved, { claim }, ctx());
    assert.deepEqual(seen, ['fraud.before c1', 'ai.before', 'write', 'ai.after c1', 'fraud.after']);
  });

  test('stops at the first failing before listener so the caller does not write', async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.forModule('claim-ai').before(claimSaved, async () => {
      throw new Error('scoring service down');
    });
    bus.forModule('fraud').before(claimSaved, async () => void seen.push('fraud.before'));
    await assert.rejects(bus.runBefore(claimSaved, { claim }, ctx()), /scoring service down/);
    assert.deepEqual(seen, []);
  });

  test('queues after-commit listeners on the transaction and runs them only when the caller flushes it', async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus
      .forModule('fraud')
      .after(claimSaved, async (_p, c) => void seen.push(`after-commit tx=${c.afterCommit !== null}`), {
        policy: 'after-commit',
      });
    bus.forModule('claim-ai').after(claimSaved, async () => void seen.push('in-transaction'));
    const queue: Array<(committed: Ctx) => Promise<void>> = [];
    await bus.runAfter(claimSaved, { claim }, { ...ctx(), afterCommit: queue });
    assert.deepEqual(seen, ['in-transaction']);
    assert.equal(queue.length, 1);
    await queue[0]!(ctx());
    assert.deepEqual(seen, ['in-transaction', 'after-commit tx=false']);
  });

  test('records a failing after-commit listener in failures instead of throwing', async () => {
    const bus = newBus();
    bus.forModule('fraud').after(
      claimSaved,
      async () => {
        throw new Error('mail server down');
      },
      { policy: 'after-commit' },
    );
    await bus.runAfter(claimSaved, { claim }, ctx());
    assert.equal(bus.failures.length, 1);
    assert.equal(bus.failures[0]!.hook, 'claim.saved');
    assert.equal(bus.failures[0]!.module, 'fraud');
    assert.match(bus.failures[0]!.error, /mail server down/);
  });

  test('refuses a listener whose module does not depend on the hook owner, naming both and the fix', () => {
    const bus = newBus();
    for (const register of [
      () => bus.forModule('reports').validate(claimCheck, async () => []),
      () => bus.forModule('reports').before(claimSaved, async () => {}),
      () => bus.forModule('reports').after(claimSaved, async () => {}, { policy: 'after-commit' }),
    ]) {
      assert.throws(register, {
        message:
          /^module 'reports' listens to hook 'claim\.(check|saved)' but does not depend on 'claim' — add 'claim' to its dependsOn$/,
      });
    }
  });

  test('lets a module listen to its own hooks', async () => {
    const bus = newBus();
    let heard = 0;
    bus.forModule('claim').after(claimSaved, async () => void heard++);
    await bus.runAfter(claimSaved, { claim }, ctx());
    assert.equal(heard, 1);
  });

  test('refuses a hook id without its owner module prefix', () => {
    assert.throws(() => defineHook('saved'), { message: "hook id 'saved' must be '<moduleId>.<name>'" });
    assert.throws(() => defineHook('.saved'), { message: "hook id '.saved' must be '<moduleId>.<name>'" });
    assert.equal(defineHook('claim-ai.scored').owner, 'claim-ai');
  });

  test('type-checks listener payloads against the hook (checked by tsc, not at run time)', () => {
    const hooks = newBus().forModule('claim-ai');
    hooks.after(claimSaved, async ({ claim }) => {
      claim.amount.toFixed(2);
    });
    // @ts-expect-error — the payload of claim.saved has no `insuree`
    hooks.after(claimSaved, async ({ insuree }) => void insuree);
    // @ts-expect-error — a listener declared for another payload type does not fit claim.saved
    hooks.before(claimSaved, async (p: { claim: Claim; reason: string }) => void p.reason);
    // @ts-expect-error — a validate listener must return field problems, not a boolean
    hooks.validate(claimCheck, async () => true);
    // Never called: only tsc reads it.
    const emitWrongPayload = () =>
      // @ts-expect-error — emitters must pass the hook's payload
      hooks.runAfter(claimSaved, { claimId: 'c1' }, ctx());
    void emitWrongPayload;
  });
});
