import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { terms } from './fixtures.test-helpers.js';
import { fromCents } from './money.js';
import { countMembers, type Member, policyValue, type ValueInput } from './value.js';

const TODAY = '2025-06-01';
const adult: Member = { dob: '1980-03-10', relationship: null };
const child: Member = { dob: '2015-09-01', relationship: '4' };
const otherAdult: Member = { dob: '1950-01-01', relationship: '7' };
const family = (a: number, c: number, extra: Member[] = []): Member[] => [
  ...Array.from({ length: a }, () => adult),
  ...Array.from({ length: c }, () => child),
  ...extra,
];

const lumpProduct = terms({
  lumpSum: '10000.00',
  threshold: 4,
  premiumAdult: '2000.00',
  premiumChild: '1000.00',
  generalAssemblyFee: '100.00',
  registrationLumpSum: '500.00',
  maxMembers: 10,
});
const perMember = terms({
  premiumAdult: '2000.00',
  premiumChild: '1000.00',
  generalAssemblyFee: '100.00',
  registrationLumpSum: '500.00',
  maxMembers: 10,
});

function value(t: ReturnType<typeof terms>, members: Member[], more: Partial<ValueInput> = {}): string {
  const counts = countMembers(members, t.maxMembers, TODAY, 18);
  return fromCents(
    policyValue({
      terms: t,
      cycles: !!t.startCycle1,
      stage: 'N',
      counts,
      enrollDate: TODAY,
      startDate: TODAY,
      ...more,
    }).value,
  );
}

describe('policy value — worked examples (RULES.md §7.2, DECISIONS #24)', () => {
  it('lump sum with threshold: children above the threshold pay the child premium', () => {
    // 3 adults + 3 children, threshold 4 → 2 extra children: 10000 + 2×1000; assembly 6×100; registration 500.
    assert.equal(value(lumpProduct, family(3, 3)), '13100.00');
    // A renewal pays no registration.
    assert.equal(value(lumpProduct, family(3, 3), { stage: 'R' }), '12600.00');
  });
  it('lump sum: adults fill the threshold first', () => {
    // 5 adults + 1 child, threshold 4 → 1 extra adult and 1 extra child: 10000 + 2000 + 1000 + 6×100 + 500.
    assert.equal(value(lumpProduct, family(5, 1)), '14100.00');
  });
  it('without lump sum every member pays their premium, extras not counted twice', () => {
    // 3×2000 + 3×1000 + 6×100 + 500.
    assert.equal(value(perMember, family(3, 3)), '10100.00');
    const withThreshold = terms({ ...perMember, threshold: 2 });
    assert.equal(value(withThreshold, family(3, 3)), '10100.00');
  });
  it('"other" relationship members are priced on top of the lump sum', () => {
    // + 1 other adult at 2000; assembly 7×100.
    assert.equal(value(lumpProduct, family(3, 3, [otherAdult])), '15200.00');
  });
  it('members above the product maximum are not counted', () => {
    const max4 = terms({ ...lumpProduct, maxMembers: 4 });
    // Kept: 3 adults + 1 child (enrolment order), inside the threshold: 10000 + 4×100 + 500.
    assert.equal(value(max4, family(3, 3)), '10900.00');
    assert.equal(countMembers(family(3, 3), 4, TODAY, 18).aboveMax, 2);
  });
  it('adults have had their 18th birthday today (exact age)', () => {
    const c = countMembers(
      [
        { dob: '2007-06-01', relationship: null },
        { dob: '2007-06-02', relationship: null },
      ],
      0,
      TODAY,
      18,
    );
    assert.deepEqual([c.adults, c.children], [1, 1]);
  });
  it('early enrolment discount needs cycles and enrolment before start − period', () => {
    const t = terms({ ...perMember, startCycle1: '01-07', enrolmentDiscountPerc: '10.00', enrolmentDiscountPeriod: 1 });
    const at = (enrollDate: string) => value(t, family(3, 3), { enrollDate, startDate: '2025-07-01' });
    assert.equal(at('2025-05-20'), '9090.00');
    assert.equal(at('2025-06-01'), '9090.00');
    assert.equal(at('2025-06-15'), '10100.00');
  });
  it('early renewal discount counts from the day after the previous expiry', () => {
    const t = terms({ ...perMember, renewalDiscountPerc: '5.00', renewalDiscountPeriod: 1 });
    const renew = (enrollDate: string) =>
      value(t, family(3, 3), { stage: 'R', enrollDate, startDate: '2026-01-01', previousExpiry: '2025-12-31' });
    // 9600 (no registration on renewal) − 5 %.
    assert.equal(renew('2025-11-25'), '9120.00');
    assert.equal(renew('2025-12-15'), '9600.00');
  });
  it('discounts round half-up to the cent', () => {
    const t = terms({ premiumAdult: '333.33', renewalDiscountPerc: '5.00', renewalDiscountPeriod: 1 });
    // 333.33 × 5 % = 16.6665 → 16.67.
    assert.equal(
      value(t, [adult], {
        stage: 'R',
        enrollDate: '2025-01-01',
        startDate: '2025-12-01',
        previousExpiry: '2025-11-30',
      }),
      '316.66',
    );
  });
});

const money = fc.integer({ min: 0, max: 5_000_000 }).map((c) => fromCents(BigInt(c)));
const valueTerms = fc
  .record({
    lumpSum: money,
    threshold: fc.option(fc.integer({ min: 0, max: 8 })),
    premiumAdult: money,
    premiumChild: money,
    registrationLumpSum: fc.option(money),
    registrationFee: fc.option(money),
    generalAssemblyLumpSum: fc.option(money),
    generalAssemblyFee: fc.option(money),
    maxMembers: fc.integer({ min: 0, max: 12 }),
    renewalDiscountPerc: fc.integer({ min: 0, max: 10000 }).map((c) => fromCents(BigInt(c))),
    renewalDiscountPeriod: fc.integer({ min: 0, max: 6 }),
  })
  .map((r) => terms(r));
const member = fc.record({
  dob: fc.constantFrom('1970-01-01', '2000-06-01', '2007-06-01', '2007-06-02', '2020-02-29'),
  relationship: fc.constantFrom(null, '4', '7', '8'),
});

describe('policy value — properties', () => {
  const worth = (t: ReturnType<typeof terms>, m: Member[], more: Partial<ValueInput> = {}) =>
    policyValue({
      terms: t,
      cycles: false,
      stage: 'N',
      counts: countMembers(m, t.maxMembers, TODAY, 18),
      enrollDate: TODAY,
      startDate: TODAY,
      ...more,
    }).value;

  it('is never negative', () => {
    fc.assert(
      fc.property(
        valueTerms,
        fc.array(member, { maxLength: 15 }),
        fc.constantFrom('N' as const, 'R' as const),
        (t, m, stage) => {
          assert.ok(worth(t, m, { stage, enrollDate: '2024-01-01', previousExpiry: '2025-01-01' }) >= 0n);
        },
      ),
    );
  });
  it('never decreases when a member joins (up to the maximum)', () => {
    fc.assert(
      fc.property(valueTerms, fc.array(member, { maxLength: 12 }), member, (t, m, newcomer) => {
        assert.ok(worth(t, [...m, newcomer]) >= worth(t, m));
      }),
    );
  });
  it('stays the same once the maximum is reached', () => {
    fc.assert(
      fc.property(valueTerms, fc.array(member, { maxLength: 12 }), member, (t, m, newcomer) => {
        fc.pre(t.maxMembers > 0 && m.length >= t.maxMembers);
        assert.equal(worth(t, [...m, newcomer]), worth(t, m));
      }),
    );
  });
  it('an early renewal with a discount costs no more than one without', () => {
    fc.assert(
      fc.property(valueTerms, fc.array(member, { maxLength: 12 }), (t, m) => {
        const renewal = { stage: 'R' as const, enrollDate: '2025-01-01', previousExpiry: '2025-12-31' };
        const without = terms({ ...t, renewalDiscountPerc: '0.00', renewalDiscountPeriod: 0 });
        assert.ok(worth(t, m, renewal) <= worth(without, m, renewal));
      }),
    );
  });
});
