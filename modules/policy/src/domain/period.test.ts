import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMonths } from './dates.js';
import { terms } from './fixtures.test-helpers.js';
import { policyPeriod } from './period.js';

const cycles = terms({ startCycle1: '01-01', startCycle2: '01-07', gracePeriodEnrolment: 1 });

describe('policy period — worked examples (RULES.md §7.1)', () => {
  it('new policy inside the grace month joins the cycle that just started', () => {
    assert.deepEqual(policyPeriod({ terms: cycles, stage: 'N', enrollDate: '2025-01-20' }), {
      startDate: '2025-01-01',
      expiryDate: '2025-12-31',
    });
  });
  it('grace ends strictly one month after the cycle day: 1 February waits for July', () => {
    assert.deepEqual(policyPeriod({ terms: cycles, stage: 'N', enrollDate: '2025-02-01' }), {
      startDate: '2025-07-01',
      expiryDate: '2026-06-30',
    });
  });
  it('enrolling on the cycle day itself starts that day, even without grace', () => {
    const t = terms({ startCycle1: '01-07' });
    assert.equal(policyPeriod({ terms: t, stage: 'N', enrollDate: '2025-07-01' }).startDate, '2025-07-01');
    assert.equal(policyPeriod({ terms: t, stage: 'N', enrollDate: '2025-07-02' }).startDate, '2026-07-01');
  });
  it('the administration period shifts a new enrolment out of the grace window', () => {
    const t = terms({ startCycle1: '01-01', startCycle2: '01-07', gracePeriodEnrolment: 1, administrationPeriod: 1 });
    assert.equal(policyPeriod({ terms: t, stage: 'N', enrollDate: '2025-01-20' }).startDate, '2025-07-01');
  });
  it('a January enrolment joins a December cycle within its grace', () => {
    const t = terms({ startCycle1: '01-12', gracePeriodEnrolment: 2 });
    assert.deepEqual(policyPeriod({ terms: t, stage: 'N', enrollDate: '2025-01-15' }), {
      startDate: '2024-12-01',
      expiryDate: '2025-11-30',
    });
  });
  it('without cycles the policy starts at enrolment plus administration, month ends clamped', () => {
    assert.deepEqual(policyPeriod({ terms: terms(), stage: 'N', enrollDate: '2025-03-15' }), {
      startDate: '2025-03-15',
      expiryDate: '2026-03-14',
    });
    const admin = terms({ administrationPeriod: 1 });
    assert.deepEqual(policyPeriod({ terms: admin, stage: 'N', enrollDate: '2025-01-31' }), {
      startDate: '2025-02-28',
      expiryDate: '2026-02-27',
    });
    const month = terms({ insurancePeriod: 1 });
    assert.equal(policyPeriod({ terms: month, stage: 'N', enrollDate: '2024-01-31' }).expiryDate, '2024-02-28');
  });
  it('an early renewal starts the day after the previous expiry; no administration period', () => {
    const t = terms({ administrationPeriod: 3 });
    assert.deepEqual(policyPeriod({ terms: t, stage: 'R', enrollDate: '2025-06-01', previousExpiry: '2025-06-30' }), {
      startDate: '2025-07-01',
      expiryDate: '2026-06-30',
    });
    assert.equal(
      policyPeriod({ terms: t, stage: 'R', enrollDate: '2025-08-10', previousExpiry: '2025-06-30' }).startDate,
      '2025-08-10',
    );
  });
  it('a renewal with cycles follows on, and a late one joins the cycle within the renewal grace', () => {
    const t = terms({ startCycle1: '01-01', gracePeriodEnrolment: 0, gracePeriodRenewal: 1 });
    assert.equal(
      policyPeriod({ terms: t, stage: 'R', enrollDate: '2025-12-10', previousExpiry: '2025-12-31' }).startDate,
      '2026-01-01',
    );
    assert.equal(
      policyPeriod({ terms: t, stage: 'R', enrollDate: '2026-01-20', previousExpiry: '2025-12-31' }).startDate,
      '2026-01-01',
    );
    // A new enrolment of the same day has no grace and waits a year.
    assert.equal(policyPeriod({ terms: t, stage: 'N', enrollDate: '2026-01-20' }).startDate, '2027-01-01');
  });
});

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dayMonth = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(
    ([m, d]) =>
      `${String(Math.min(d, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!)).padStart(2, '0')}-${String(m).padStart(2, '0')}`,
  );
const productTerms = fc
  .record({
    insurancePeriod: fc.integer({ min: 1, max: 36 }),
    administrationPeriod: fc.option(fc.integer({ min: 0, max: 6 })),
    gracePeriodEnrolment: fc.option(fc.integer({ min: 0, max: 6 })),
    gracePeriodRenewal: fc.option(fc.integer({ min: 0, max: 6 })),
    startCycle1: fc.option(dayMonth),
    startCycle2: fc.option(dayMonth),
  })
  .map((r) => terms(r));

describe('policy period — properties', () => {
  it('expiry comes after start, and the start is never more than a year and the grace before enrolment', () => {
    fc.assert(
      fc.property(productTerms, isoDate, fc.constantFrom('N' as const, 'R' as const), (t, enrollDate, stage) => {
        const p = policyPeriod({ terms: t, stage, enrollDate });
        assert.ok(p.expiryDate >= p.startDate);
        assert.ok(p.startDate >= addMonths(enrollDate, -7));
        assert.ok(p.startDate <= addMonths(enrollDate, 19));
      }),
    );
  });
  it('a renewal never overlaps the policy it renews', () => {
    fc.assert(
      fc.property(productTerms, isoDate, isoDate, (t, enrollDate, previousExpiry) => {
        const p = policyPeriod({ terms: t, stage: 'R', enrollDate, previousExpiry });
        assert.ok(p.startDate > previousExpiry);
      }),
    );
  });
  it('month arithmetic clamps month ends (DECISIONS #2) and keeps days 1–28', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -48, max: 48 }), (d, n) => {
        const r = addMonths(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm, rday] = r.split('-').map(Number) as [number, number, number];
        assert.equal(ry * 12 + rm, y * 12 + m + n);
        if (day <= 28) assert.equal(rday, day);
        else assert.ok(rday <= day && rday >= 28);
      }),
    );
  });
});
