import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ModuleDefinition } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { locationService } from '@mutua/location';
import fc from 'fast-check';
import payer from './index.js';

/** Whatever the input, the payer operations answer data or a 4xx-class error naming fields — never INTERNAL. */
let k: TestKernel;
let token: string;
let ids: string[];

before(async () => {
  k = await startTestKernel({
    modules: [location as ModuleDefinition<unknown, unknown>, payer as ModuleDefinition<unknown, unknown>],
  });
  const loc = k.kernel.service(locationService)!;
  await location.seedDemo!(k.adminCtx(), loc);
  await k.createUser({ username: 'fuzz-admin', admin: true });
  token = await k.loginToken('fuzz-admin');
  ids = await Promise.all(['R1', 'R1D1', 'R1D1M1V1'].map(async (c) => (await loc.findByCode(k.adminCtx(), c))!.id));
});
after(() => k?.close());

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 90, maxLength: 200 }),
  fc.constantFrom('', ' ', 'G', 'g', 'GG', 'a@b', 'x@y.org', '%_\\', 'not-a-uuid', '2026-02-30', 'yesterday'),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const OK_CODES = new Set(['BAD_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION']);
const check = (res: Awaited<ReturnType<TestKernel['gql']>>) => {
  if (!res.errors) return true;
  const code = res.errors[0]?.extensions?.code as string;
  assert.ok(OK_CODES.has(code), `${code}: ${res.errors[0]?.message}`);
  return true;
};

it('createPayer, payers and payer(at) never fail with an internal error', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        type: text,
        name: text,
        address: maybe(text),
        locationId: fc.oneof(fc.constantFrom(...ids), text),
        phone: maybe(text),
        fax: maybe(text),
        email: maybe(text),
      }),
      text,
      async (i, s) => {
        check(
          await k.gql('mutation($i: CreatePayerInput!) { createPayer(input: $i) { payer { id } } }', { i }, { token }),
        );
        check(
          await k.gql(
            'query($s: String, $id: ID!, $at: DateTime) { payers(search: $s, type: $s, locationId: $id) { totalCount } payer(id: $id, at: $at) { id } }',
            { s, id: s, at: s },
            { token },
          ),
        );
        return true;
      },
    ),
    { numRuns: 50 },
  );
});
