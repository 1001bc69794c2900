import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ModuleDefinition } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { locationService } from '@mutua/location';
import fc from 'fast-check';
import officer from './index.js';

/** Whatever the input, the officer mutations answer data or a 4xx-class error naming fields — never INTERNAL. */
let k: TestKernel;
let token: string;
let ids: string[];

before(async () => {
  k = await startTestKernel({
    modules: [location as ModuleDefinition<unknown, unknown>, officer as ModuleDefinition<unknown, unknown>],
  });
  const loc = k.kernel.service(locationService)!;
  await location.seedDemo!(k.adminCtx(), loc);
  await k.createUser({ username: 'fuzz-admin', admin: true });
  token = await k.loginToken('fuzz-admin');
  ids = await Promise.all(
    ['R1', 'R1D1', 'R1D1M1V1', 'R2D2M1V1'].map(async (c) => (await loc.findByCode(k.adminCtx(), c))!.id),
  );
  const hf = await loc.findHealthFacilityByCode(k.adminCtx(), 'HF1101');
  ids.push(hf!.id);
});
after(() => k?.close());

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 90, maxLength: 260 }),
  fc.constantFrom('', ' ', 'EO 1', 'a@b', 'x@y.org', "O'Brien", '%_\\', '2026-02-30', 'not-a-uuid'),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const OK_CODES = new Set(['BAD_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'RULE_VIOLATION']);

const check = (res: Awaited<ReturnType<TestKernel['gql']>>) => {
  if (!res.errors) return true;
  const code = res.errors[0]?.extensions?.code as string;
  assert.ok(OK_CODES.has(code), `${code}: ${res.errors[0]?.message}`);
  return true;
};

it('createEnrolmentOfficer never fails with an internal error', async () => {
  const id = () => fc.oneof(fc.constantFrom(...ids), text);
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        code: text,
        lastName: text,
        otherNames: text,
        phone: maybe(text),
        email: maybe(text),
        locationId: id(),
        substituteId: maybe(id()),
        userId: maybe(id()),
        veoCode: maybe(text),
        veoPhone: maybe(text),
        address: maybe(text),
        villageIds: fc.array(id(), { maxLength: 4 }),
        dob: maybe(fc.constantFrom('1990-01-01', '2000-12-31')),
        worksTo: maybe(fc.constantFrom('1980-01-01', '2030-12-31')),
      }),
      async (i) =>
        check(
          await k.gql(
            'mutation($i: CreateEnrolmentOfficerInput!) { createEnrolmentOfficer(input: $i) { enrolmentOfficer { id } } }',
            { i },
            { token },
          ),
        ),
    ),
    { numRuns: 40 },
  );
});

it('createClaimAdministrator and the searches never fail with an internal error', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        code: text,
        lastName: text,
        otherNames: text,
        email: maybe(text),
        healthFacilityId: fc.oneof(fc.constantFrom(...ids), text),
        userId: maybe(text),
      }),
      text,
      async (i, search) => {
        check(
          await k.gql(
            'mutation($i: CreateClaimAdministratorInput!) { createClaimAdministrator(input: $i) { claimAdministrator { id } } }',
            { i },
            { token },
          ),
        );
        check(
          await k.gql(
            'query($s: String, $id: ID!) { claimAdministrators(search: $s, healthFacilityId: $id) { totalCount } enrolmentOfficers(search: $s, locationId: $id, villageId: $id) { totalCount } enrolmentOfficer(id: $id) { id } }',
            { s: search, id: search },
            { token },
          ),
        );
        return true;
      },
    ),
    { numRuns: 40 },
  );
});
