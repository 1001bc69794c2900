import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { countsLeft, eligibility, enquiryRows, remainingAmounts, statusLetter, ZERO_LEDGER } from './enquiry.js';
import { terms } from './fixtures.test-helpers.js';
import { renewalProductId, renewalWarnings } from './renewal.js';

const TODAY = '2025-06-01';

describe('enquiry — worked examples (RULES.md §8)', () => {
  it('status letter: not yet covered is idle, outside the coverage is expired, else the policy status', () => {
    assert.equal(statusLetter(2, { effectiveDate: null, expiryDate: '2025-12-31' }, TODAY), 'I');
    assert.equal(statusLetter(2, { effectiveDate: '2025-07-01', expiryDate: '2026-06-30' }, TODAY), 'I');
    assert.equal(statusLetter(2, { effectiveDate: '2024-01-01', expiryDate: '2024-12-31' }, TODAY), 'E');
    assert.equal(statusLetter(2, { effectiveDate: '2025-01-01', expiryDate: '2025-12-31' }, TODAY), 'A');
    assert.equal(statusLetter(4, { effectiveDate: '2025-01-01', expiryDate: '2025-12-31' }, TODAY), 'S');
  });
  it('remaining amounts: insuree ceiling less what this member used, policy ceiling raised for extra members', () => {
    const t = terms({
      dedInsuree: '50.00',
      maxInsuree: '1000.00',
      maxIpPolicy: '5000.00',
      maxPolicyExtraMemberIp: '500.00',
      maxCeilingPolicyIp: '6000.00',
      threshold: 4,
    });
    const usage = {
      insuree: { ...ZERO_LEDGER, dedG: 5000n, remG: 30000n },
      policy: { ...ZERO_LEDGER, remIp: 100000n },
    };
    // 7 members: 5000 + 3×500 = 6500, capped at 6000, less 1000 used.
    assert.deepEqual(remainingAmounts(t, usage, 7), {
      deductible: '0.00',
      ceiling: '700.00',
      deductibleIp: null,
      ceilingIp: '5000.00',
      deductibleOp: null,
      ceilingOp: null,
    });
  });
  it('counts left per category: none means unlimited, never below 0', () => {
    const t = terms({ maxNoSurgery: 1, maxNoConsultation: 10, maxNoDelivery: 0 });
    assert.deepEqual(countsLeft(t, { S: 2, C: 3 }), {
      admissions: null,
      visits: null,
      consultations: 7,
      surgeries: 0,
      deliveries: 0,
      antenatal: null,
    });
  });
  it('eligibility: waiting period, quantity left (0 limit = unlimited) and category exhaustion', () => {
    const row = { effectiveDate: '2025-01-01', waitingPeriod: 3, limitNo: 2, used: 1 };
    assert.deepEqual(eligibility([row], TODAY), { minDate: '2025-04-01', left: 1, ok: true, reason: null });
    assert.equal(eligibility([{ ...row, used: 2 }], TODAY).reason, 'policy.eligibility.limitReached');
    assert.equal(eligibility([{ ...row, limitNo: 0, used: 9 }], TODAY).left, null);
    assert.deepEqual(eligibility([{ ...row, waitingPeriod: 6 }], TODAY), {
      minDate: '2025-07-01',
      left: null,
      ok: false,
      reason: 'policy.eligibility.waiting',
    });
    assert.equal(eligibility([], TODAY).reason, 'policy.eligibility.notCovered');
    assert.equal(
      eligibility([row], TODAY, { countLeft: 0, maxAmount: null }).reason,
      'policy.eligibility.categoryExhausted',
    );
    // Two policies: the one past its waiting period decides.
    const later = { effectiveDate: '2025-05-01', waitingPeriod: 3, limitNo: null, used: 0 };
    assert.deepEqual(eligibility([row, later], TODAY), { minDate: '2025-04-01', left: 1, ok: true, reason: null });
  });
  it('enquiry rows: active ones only when there are any', () => {
    const rows = [
      { letter: 'A' as const, expiryDate: '2025-12-31' },
      { letter: 'E' as const, expiryDate: '2024-12-31' },
    ];
    assert.equal(enquiryRows(rows, TODAY).length, 1);
    assert.equal(enquiryRows([rows[1]!], TODAY).length, 1);
  });
  it('renewal follows the conversion chain and warns outside the sale window or without officer', () => {
    const conv: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
    assert.equal(
      renewalProductId('a', (id) => conv[id] ?? null),
      'c',
    );
    assert.equal(
      renewalWarnings({
        renewalDate: '2026-01-01',
        productDateFrom: '2020-01-01',
        productDateTo: '2025-12-31',
        officerId: null,
      }),
      3,
    );
  });
});

describe('enquiry — properties', () => {
  it('remaining amounts are never negative', () => {
    const amt = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(amt, amt, amt, fc.integer({ min: 0, max: 20 }), (max, used, extra, members) => {
        const t = terms({
          maxPolicy: (max / 100).toFixed(2),
          maxPolicyExtraMember: (extra / 100).toFixed(2),
          threshold: 3,
        });
        const r = remainingAmounts(
          t,
          { insuree: ZERO_LEDGER, policy: { ...ZERO_LEDGER, remG: BigInt(used) } },
          members,
        );
        assert.ok(r.ceiling === null || !r.ceiling.startsWith('-'));
      }),
    );
  });
});
