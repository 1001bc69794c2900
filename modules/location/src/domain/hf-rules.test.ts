import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catchmentPopulation, checkCatchments, checkContractDates, checkHealthFacility } from './hf-rules.js';
import { CARE_TYPES, type HealthFacilityInput, HF_LEVELS, HF_STATUSES, HF_SUB_LEVELS, LEGAL_FORMS } from './types.js';

const OPTS = { contractDatesMandatory: false };
const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Health facilities every rule accepts. */
const validHf: fc.Arbitrary<HealthFacilityInput> = fc.record({
  code: fc.stringMatching(/^[A-Z0-9-]{1,8}$/),
  name: fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== ''),
  accCode: fc.option(fc.stringMatching(/^[A-Z0-9]{1,25}$/)),
  legalForm: fc.constantFrom(...LEGAL_FORMS),
  level: fc.constantFrom(...HF_LEVELS),
  subLevel: fc.option(fc.constantFrom(...HF_SUB_LEVELS)),
  careType: fc.constantFrom(...CARE_TYPES),
  locationId: fc.uuid(),
  address: fc.option(fc.string({ maxLength: 100 })),
  phone: fc.option(fc.stringMatching(/^\+?[0-9 ]{3,20}$/)),
  fax: fc.constant(null),
  email: fc.option(fc.constantFrom('cs.galmi@sante.ne', 'a@b.org')),
  status: fc.option(fc.constantFrom(...HF_STATUSES)),
  offline: fc.boolean(),
  contractStartDate: fc.constant(null),
  contractEndDate: fc.constant(null),
  catchments: fc.uniqueArray(fc.record({ villageId: fc.uuid(), percentage: fc.integer({ min: 0, max: 100 }) }), {
    selector: (c) => c.villageId,
    maxLength: 5,
  }),
});

describe('health facility rules', () => {
  it('never reports a problem for a valid health facility', () => {
    fc.assert(fc.property(validHf, (hf) => assert.deepEqual(checkHealthFacility(hf, OPTS), [])));
  });

  it('names each bad code field', () => {
    const base = fc.sample(validHf, { numRuns: 1, seed: 1 })[0]!;
    const bad = { ...base, legalForm: 'X', level: 'Z', subLevel: 'Q', careType: 'N', status: 'XX' };
    assert.deepEqual(
      checkHealthFacility(bad, OPTS).map((p) => p.field),
      ['legalForm', 'level', 'subLevel', 'careType', 'status'],
    );
  });

  it('refuses a malformed e-mail and a code over 8 characters', () => {
    const base = fc.sample(validHf, { numRuns: 1, seed: 2 })[0]!;
    const problems = checkHealthFacility({ ...base, code: 'ABCDEFGHI', email: 'not-an-email' }, OPTS);
    assert.deepEqual(
      problems.map((p) => [p.field, p.key]),
      [
        ['code', 'location.error.tooLong'],
        ['email', 'location.error.email'],
      ],
    );
  });
});

describe('contract dates', () => {
  it('accepts both dates with the end after the start, or neither', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        if (a === b) return;
        const [s, e] = a < b ? [a, b] : [b, a];
        assert.deepEqual(checkContractDates(s, e, true), []);
        assert.deepEqual(
          checkContractDates(e, s, false).map((p) => p.key),
          ['location.error.contractOrder'],
        );
      }),
    );
    assert.deepEqual(checkContractDates(null, null, false), []);
  });

  it('asks for the missing half when only one date is given', () => {
    assert.equal(checkContractDates('2024-01-01', null, false)[0]?.field, 'contractEndDate');
    assert.equal(checkContractDates(null, '2024-01-01', false)[0]?.field, 'contractStartDate');
  });

  it('requires the dates when the scheme makes them mandatory', () => {
    assert.equal(checkContractDates(null, null, true)[0]?.key, 'location.error.required');
  });

  it('refuses impossible dates', () => {
    assert.equal(checkContractDates('2023-02-30', '2024-01-01', false)[0]?.key, 'location.error.date');
  });
});

describe('catchments', () => {
  it('refuses a village listed twice and percentages outside 0–100', () => {
    const p = checkCatchments([
      { villageId: 'a', percentage: 50 },
      { villageId: 'a', percentage: 101 },
      { villageId: 'b', percentage: -1 },
    ]);
    assert.deepEqual(
      p.map((x) => x.field),
      ['catchments.1.villageId', 'catchments.1.percentage', 'catchments.2.percentage'],
    );
  });

  it('serves between none and all of the catchment villages’ population', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ villageId: fc.uuid(), percentage: fc.integer({ min: 0, max: 100 }) }), {
          selector: (c) => c.villageId,
        }),
        fc.integer({ min: 0, max: 100_000 }),
        (catchments, pop) => {
          const served = catchmentPopulation(catchments, () => pop);
          assert.ok(served >= 0);
          assert.ok(served <= pop * catchments.length);
          // 100 % of each village is exactly the villages' total.
          const full = catchments.map((c) => ({ ...c, percentage: 100 }));
          assert.equal(
            catchmentPopulation(full, () => pop),
            pop * catchments.length,
          );
        },
      ),
    );
  });
});
