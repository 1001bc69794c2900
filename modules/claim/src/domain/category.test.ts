import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { claimCategory, isHospitalisation, targetDate } from './category.js';
import { addMonths, ageAt, isIsoDate } from './dates.js';
import { formatCents, lineValue, parseCents } from './money.js';
import { maskAllows, patientMask } from './patient.js';
import { item, service, TARGET, world } from './testing.js';
import type { ClaimLineInput } from './types.js';

const category = (lines: ClaimLineInput[], dateTo: string | null = null) => {
  const w = world(lines, { claim: { dateFrom: '2026-03-10', dateTo } });
  return claimCategory(w.claim, w.register);
};

describe('claim category (DECISIONS #4)', () => {
  it('takes the first hit of S, D, A, H, C over the services', () => {
    assert.equal(category([service('a', 'CONS'), service('b', 'SURG'), service('c', 'DELIV')]), 'S');
    assert.equal(category([service('a', 'CONS'), service('b', 'ANC'), service('c', 'DELIV')]), 'D');
    assert.equal(category([service('a', 'CONS'), service('b', 'ANC')]), 'A');
    assert.equal(category([service('a', 'CONS'), service('b', 'HOSP')]), 'H');
    assert.equal(category([service('a', 'CONS'), service('b', 'OTHER')]), 'C');
  });

  it('is H for a stay by dates even with a consultation, but S still wins over H', () => {
    assert.equal(category([service('a', 'CONS')], TARGET), 'H');
    assert.equal(category([service('a', 'SURG')], TARGET), 'S');
  });

  it('is V for other services, items only, or services unknown to the register', () => {
    assert.equal(category([service('a', 'OTHER')]), 'V');
    assert.equal(category([item('a', 'DRUG')]), 'V');
    assert.equal(category([service('a', 'NOPE')]), 'V');
  });

  it('uses date to as the target date and calls a claim a stay only when date to differs', () => {
    assert.equal(targetDate({ dateFrom: '2026-03-10', dateTo: null }), '2026-03-10');
    assert.equal(targetDate({ dateFrom: '2026-03-10', dateTo: TARGET }), TARGET);
    assert.equal(isHospitalisation({ dateFrom: TARGET, dateTo: TARGET }), false);
    assert.equal(isHospitalisation({ dateFrom: '2026-03-10', dateTo: TARGET }), true);
  });
});

describe('dates, age and patient mask', () => {
  it('adds months with clamping (DECISIONS #2)', () => {
    assert.equal(addMonths('2021-01-31', 1), '2021-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  });

  it('adding months always gives a valid date, in the right month, never after the same day number', () => {
    const date = fc
      .date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const r = addMonths(d, n);
        assert.ok(isIsoDate(r));
        const months =
          (Number(r.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(d.slice(5, 7));
        assert.equal(months, n);
        assert.ok(Number(r.slice(8)) <= Number(d.slice(8)));
      }),
    );
  });

  it('counts the exact age in whole years (DECISIONS #1)', () => {
    assert.equal(ageAt('2006-12-31', '2024-01-01'), 17); // SP DATEDIFF(YEAR) would say 18
    assert.equal(ageAt('2006-01-01', '2024-01-01'), 18);
    assert.equal(ageAt('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageAt('2008-02-29', '2026-03-01'), 18);
  });

  it('builds the mask from sex and age and requires every bit (DECISIONS #3)', () => {
    assert.equal(patientMask('M', true), 5);
    assert.equal(patientMask('O', false), 9);
    assert.equal(patientMask('F', true), 6);
    assert.ok(maskAllows(15, 6));
    assert.ok(!maskAllows(5, 6));
    assert.ok(!maskAllows(0, 5));
  });
});

describe('money', () => {
  it('parses and formats decimal strings as cents', () => {
    assert.equal(parseCents('12.5'), 1250);
    assert.equal(parseCents('-0.05'), -5);
    assert.equal(parseCents('1.234'), null);
    assert.equal(formatCents(1250), '12.50');
    assert.equal(formatCents(-5), '-0.05');
  });

  it('rounds a line value half-up at the end: 1.5 × 0.03 = 0.045 → 0.05', () => {
    assert.equal(lineValue(1.5, 3), 5);
    assert.equal(lineValue(0.29, 100), 29);
  });

  it('round-trips cents through decimal strings', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => assert.equal(parseCents(formatCents(c)), c)));
  });
});
