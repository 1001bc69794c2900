import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mulberry32, planFamily } from './households.js';
import { checkInsuree } from './rules.js';

describe('planned households', () => {
  it('the same seed plans the same household', () => {
    assert.deepEqual(planFamily(mulberry32(7), '2025-01-01'), planFamily(mulberry32(7), '2025-01-01'));
  });
  it('every household has exactly one head and every member passes the field rules', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const f = planFamily(mulberry32(seed), '2025-01-01');
        return (
          f.members.filter((m) => m.isHead).length === 1 &&
          f.members.every((m) => checkInsuree(m, '2025-01-01').problems.length === 0)
        );
      }),
    );
  });
  it('averages between 3.5 and 5.5 people over many households', () => {
    const rng = mulberry32(1);
    let n = 0;
    for (let i = 0; i < 2000; i++) n += planFamily(rng, '2025-01-01').members.length;
    assert.ok(n / 2000 > 3.5 && n / 2000 < 5.5, String(n / 2000));
  });
});
