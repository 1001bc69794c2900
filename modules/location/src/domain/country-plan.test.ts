import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countrySize, planCountry } from './country-plan.js';
import { checkHealthFacility } from './hf-rules.js';
import { checkLocation } from './location-rules.js';

const LEVELS = ['R', 'D', 'W', 'V'];

describe('generated country', () => {
  it('is the same for the same seed, and differs for another seed', () => {
    const a = planCountry(42, 20_000);
    assert.deepEqual(planCountry(42, 20_000), a);
    assert.notDeepEqual(
      planCountry(43, 20_000).locations.map((l) => l.name),
      a.locations.map((l) => l.name),
    );
  });

  it('grows with the number of insurees', () => {
    const s = countrySize(1_000_000);
    assert.deepEqual(s, { regions: 5, districts: 20, municipalities: 100, villages: 500, healthFacilities: 400 });
    assert.equal(countrySize(0).districts, 4);
  });

  it('puts every location under an earlier one of the level above, with valid fields and unique codes', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60_000 }), (seed, insurees) => {
        const plan = planCountry(seed, insurees);
        const codes = new Set<string>();
        plan.locations.forEach((l, i) => {
          assert.ok(!codes.has(l.code));
          codes.add(l.code);
          const parent = l.parent === null ? null : plan.locations[l.parent]!;
          if (parent) {
            assert.ok(l.parent! < i);
            assert.equal(parent.depth + 1, l.depth);
          } else {
            assert.equal(l.depth, 0);
          }
          const parentType = parent ? LEVELS[parent.depth]! : null;
          assert.deepEqual(checkLocation(l, LEVELS, parentType).problems, []);
        });
        for (const hf of plan.healthFacilities) {
          assert.equal(plan.locations[hf.district]?.depth, 1);
          for (const c of hf.catchments) {
            const village = plan.locations[c.village]!;
            assert.equal(village.depth, 3);
            assert.equal(plan.locations[village.parent!]!.parent, hf.district);
          }
          const input = {
            ...hf,
            locationId: 'x',
            catchments: hf.catchments.map((c) => ({ villageId: String(c.village), percentage: c.percentage })),
          };
          assert.deepEqual(checkHealthFacility(input, { contractDatesMandatory: false }), []);
        }
      }),
      { numRuns: 30 },
    );
  });
});
