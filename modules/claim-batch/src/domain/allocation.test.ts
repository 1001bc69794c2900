import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocatedContribution, premiumAllocation } from './allocation.js';
import { toCents } from './money.js';
import { daysInMonth, isoDate } from './period.js';
import type { Premium } from './types.js';

const premium = (over: Partial<Premium>): Premium => ({
  id: 'pr1',
  productId: 'p1',
  amount: toCents('1000.00'),
  payDate: '2024-01-10',
  isPhotoFee: false,
  policyStatus: 2,
  effectiveDate: '2024-01-15',
  expiryDate: '2025-01-14',
  ...over,
});
const month = (y: number, m: number) => ({ start: isoDate(y, m, 1), end: isoDate(y, m, daysInMonth(y, m)) });

describe('allocatedContribution: worked examples (RULES.md §6.2, days counted inclusively)', () => {
  // Policy effective 2024-01-15, expiry 2025-01-14: D = 366 days (2024 is a leap year). 1000.00 paid 2024-01-10 is
  // spread from max(pay 01-10, effective 01-15) = 01-15.
  const p = premium({});

  it('prorates the first month from the effective date', () => {
    // January: 01-15..01-31 = 17 days → 100000 × 17 / 366 = 4644.8… → 4645 cents.
    assert.equal(premiumAllocation(p, month(2024, 1)), 4645n);
  });

  it('rounds cumulatively, so February is what January leaves', () => {
    // Up to 02-29: 17 + 29 = 46 days → 100000 × 46 / 366 = 12568.3… → 12568; minus January's 4645 = 7923.
    assert.equal(premiumAllocation(p, month(2024, 2)), 7923n);
  });

  it('prorates a window across a month boundary', () => {
    // 01-20..02-10: up to 02-10 = 27 days → 7377.0… → 7377; before 01-20 = 5 days (01-15..01-19) → 1366.1… → 1366;
    // 7377 − 1366 = 6011 (directly 22 days → 6010.9… → 6011).
    assert.equal(premiumAllocation(p, { start: '2024-01-20', end: '2024-02-10' }), 6011n);
  });

  it('ends on the expiry date and the months add up to the premium', () => {
    // January 2025: 01-01..01-14 = 14 days → 100000 − round(100000 × 352 / 366) = 100000 − 96175 = 3825.
    assert.equal(premiumAllocation(p, month(2025, 1)), 3825n);
    let sum = 0n;
    for (let m = 1; m <= 12; m++) sum += premiumAllocation(p, month(2024, m));
    assert.equal(sum + 3825n, 100000n);
  });

  it('spreads a later payment from its pay date', () => {
    // 500.00 paid 02-10: 02-10..2025-01-14 = 340 days; February gets 02-10..02-29 = 20 days → 50000 × 20/340 =
    // 2941.1… → 2941; January nothing.
    const late = premium({ id: 'pr2', amount: 50000n, payDate: '2024-02-10' });
    assert.equal(premiumAllocation(late, month(2024, 1)), 0n);
    assert.equal(premiumAllocation(late, month(2024, 2)), 2941n);
    assert.equal(allocatedContribution([p, late], month(2024, 2)), 7923n + 2941n);
  });

  it('leaves out idle policies, photo fees, policies without effective date and payments after expiry', () => {
    const w = month(2024, 2);
    assert.equal(premiumAllocation(premium({ policyStatus: 1 }), w), 0n);
    assert.equal(premiumAllocation(premium({ isPhotoFee: true }), w), 0n);
    assert.equal(premiumAllocation(premium({ effectiveDate: null }), w), 0n);
    assert.equal(premiumAllocation(premium({ payDate: '2025-01-15' }), month(2025, 1)), 0n);
    // Paid on the expiry day: one day, the whole amount.
    assert.equal(premiumAllocation(premium({ payDate: '2025-01-14' }), month(2025, 1)), 100000n);
  });
});

const day = fc.integer({ min: 0, max: 1200 }).map((n) => new Date(Date.UTC(2023, 5, 1 + n)).toISOString().slice(0, 10));
const anyPremium = fc
  .record({
    amount: fc.bigInt({ min: 0n, max: 100_000_000n }),
    payDate: day,
    effectiveDate: day,
    length: fc.integer({ min: 0, max: 800 }),
  })
  .map(
    ({ amount, payDate, effectiveDate, length }): Premium =>
      premium({
        amount,
        payDate,
        effectiveDate,
        expiryDate: new Date(Date.parse(effectiveDate) + length * 86_400_000).toISOString().slice(0, 10),
      }),
  );

describe('allocatedContribution: properties', () => {
  it('consecutive months add up exactly to their union', () => {
    fc.assert(
      fc.property(fc.array(anyPremium, { maxLength: 5 }), (ps) => {
        let sum = 0n;
        for (let m = 1; m <= 12; m++) sum += allocatedContribution(ps, month(2024, m));
        assert.equal(sum, allocatedContribution(ps, { start: '2024-01-01', end: '2024-12-31' }));
      }),
    );
  });

  it('the months covering the whole policy allocate each premium exactly once', () => {
    fc.assert(
      fc.property(fc.array(anyPremium, { maxLength: 5 }), (ps) => {
        let sum = 0n;
        for (let y = 2023; y <= 2029; y++) for (let m = 1; m <= 12; m++) sum += allocatedContribution(ps, month(y, m));
        const expected = ps
          .filter((p) => p.payDate <= p.expiryDate && p.effectiveDate! <= p.expiryDate)
          .reduce((a, p) => a + p.amount, 0n);
        assert.equal(sum, expected);
      }),
    );
  });

  it('a window gets the exact day share within a cent per premium (two half-up roundings)', () => {
    fc.assert(
      fc.property(anyPremium, day, fc.integer({ min: 0, max: 120 }), (p, start, len) => {
        const end = new Date(Date.parse(start) + len * 86_400_000).toISOString().slice(0, 10);
        const got = premiumAllocation(p, { start, end });
        const from = Math.max(Date.parse(p.payDate), Date.parse(p.effectiveDate!));
        const total = (Date.parse(p.expiryDate) - from) / 86_400_000 + 1;
        if (total <= 0) return assert.equal(got, 0n);
        const overlap =
          (Math.min(Date.parse(end), Date.parse(p.expiryDate)) - Math.max(Date.parse(start), from)) / 86_400_000 + 1;
        const exact = (Number(p.amount) * Math.max(0, overlap)) / total;
        assert.ok(Math.abs(Number(got) - exact) <= 1.0000001, `${got} vs ${exact}`);
      }),
    );
  });
});
