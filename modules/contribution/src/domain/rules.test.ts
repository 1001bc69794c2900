import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type AssessInput, assessContribution } from './assess.js';
import { checkContribution } from './check-input.js';
import { addMonths } from './dates.js';
import { paymentDeadline } from './deadline.js';
import { fromCents } from './money.js';
import { amountDue, installments, paidTotal } from './paid-total.js';

// The demo family plan: value 25 500 FCFA, start 2025-07-01, three installments allowed.
const base: AssessInput = {
  policy: { status: 1, value: 2_550_000n, startDate: '2025-07-01' },
  paidBefore: 0n,
  installmentsBefore: 0,
  amount: 1_000_000n,
  isPhotoFee: false,
  payDate: '2025-06-10',
  deadline: '2025-07-31',
  maxInstallments: 3,
  activationOption: 'contribution',
};

describe('paid total and amount due', () => {
  it('adds the amounts and leaves out photo fees', () => {
    const paid = paidTotal([
      { amount: '10000.00', isPhotoFee: false },
      { amount: '500.00', isPhotoFee: true },
      { amount: '15500.50', isPhotoFee: false },
    ]);
    assert.equal(fromCents(paid), '25500.50');
    assert.equal(amountDue(2_550_000n, paid), 0n);
    assert.equal(amountDue(2_550_000n, 1_000_000n), 1_550_000n);
    assert.equal(
      installments([
        { amount: '1', isPhotoFee: true },
        { amount: '2', isPhotoFee: false },
      ]),
      1,
    );
  });
  it('is the exact sum of the counted amounts, whatever their order', () => {
    const amount = fc.bigInt({ min: 1n, max: 10n ** 12n });
    fc.assert(
      fc.property(fc.array(fc.record({ cents: amount, isPhotoFee: fc.boolean() }), { maxLength: 30 }), (rows) => {
        const list = rows.map((r) => ({ amount: fromCents(r.cents), isPhotoFee: r.isPhotoFee }));
        const expected = rows.filter((r) => !r.isPhotoFee).reduce((s, r) => s + r.cents, 0n);
        return paidTotal(list) === expected && paidTotal([...list].reverse()) === expected;
      }),
    );
  });
});

describe('assessContribution', () => {
  it('a first installment leaves the policy idle and says what remains', () => {
    const a = assessContribution(base);
    assert.equal(a.activates, false);
    assert.equal(a.effectiveDate, null);
    assert.equal(fromCents(a.dueAfter), '15500.00');
    assert.equal(a.installment, 1);
    assert.deepEqual(a.warnings, []);
  });
  it('the installment that completes the value activates, effective at the start date when paid before it', () => {
    const a = assessContribution({ ...base, paidBefore: 1_000_000n, installmentsBefore: 1, amount: 1_550_000n });
    assert.equal(a.activates, true);
    assert.equal(a.effectiveDate, '2025-07-01');
    assert.equal(a.dueAfter, 0n);
  });
  it('paid after the start date, the policy takes effect on the pay date', () => {
    const a = assessContribution({ ...base, amount: 2_550_000n, payDate: '2025-07-12' });
    assert.equal(a.effectiveDate, '2025-07-12');
  });
  it('an over-payment activates and warns', () => {
    const a = assessContribution({ ...base, amount: 3_000_000n });
    assert.equal(a.activates, true);
    assert.deepEqual(a.warnings, ['overpaid']);
  });
  it('a photo fee never counts, never activates and is no installment', () => {
    const a = assessContribution({ ...base, amount: 9_000_000n, isPhotoFee: true });
    assert.equal(a.activates, false);
    assert.equal(a.paidAfter, 0n);
    assert.equal(a.installment, null);
  });
  it('warns of a late payment and of the last allowed installment while the value is not reached', () => {
    const a = assessContribution({ ...base, paidBefore: 500_000n, installmentsBefore: 2, payDate: '2025-08-02' });
    assert.deepEqual(a.warnings, ['late', 'lastInstallment']);
    assert.equal(a.activates, false);
    const done = assessContribution({ ...base, amount: 2_550_000n, payDate: '2025-08-02' });
    assert.deepEqual(done.warnings, []);
    assert.equal(done.activates, true);
  });
  it('does not activate an active, suspended or ready policy, nor under the payment option', () => {
    for (const status of [2, 4, 8, 16]) {
      assert.equal(
        assessContribution({ ...base, amount: 2_550_000n, policy: { ...base.policy, status } }).activates,
        false,
      );
    }
    assert.equal(assessContribution({ ...base, amount: 2_550_000n, activationOption: 'payment' }).activates, false);
  });

  const input = fc.record({
    status: fc.constantFrom(1, 2, 4, 8, 16),
    value: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    paidBefore: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    amount: fc.bigInt({ min: 1n, max: 10n ** 10n }),
    isPhotoFee: fc.boolean(),
    payDay: fc.integer({ min: 0, max: 700 }),
    startDay: fc.integer({ min: 0, max: 700 }),
  });
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
  const assess = (r: {
    status: number;
    value: bigint;
    paidBefore: bigint;
    amount: bigint;
    isPhotoFee: boolean;
    payDay: number;
    startDay: number;
  }) =>
    assessContribution({
      ...base,
      policy: { status: r.status, value: r.value, startDate: day(r.startDay) },
      paidBefore: r.paidBefore,
      amount: r.amount,
      isPhotoFee: r.isPhotoFee,
      payDate: day(r.payDay),
    });

  it('activates exactly when an idle policy’s counted total reaches the value with this contribution', () => {
    fc.assert(
      fc.property(input, (r) => {
        const a = assess(r);
        const total = r.paidBefore + (r.isPhotoFee ? 0n : r.amount);
        return a.activates === (r.status === 1 && !r.isPhotoFee && total >= r.value) && a.paidAfter === total;
      }),
    );
  });
  it('a partial payment never activates', () => {
    fc.assert(
      fc.property(input, (r) => {
        fc.pre(r.paidBefore + r.amount < r.value);
        return !assess(r).activates;
      }),
    );
  });
  it('the effective date is the later of the pay date and the start date, never before either', () => {
    fc.assert(
      fc.property(input, (r) => {
        const a = assess(r);
        if (!a.activates) return a.effectiveDate === null;
        return (
          a.effectiveDate! >= day(r.payDay) &&
          a.effectiveDate! >= day(r.startDay) &&
          [day(r.payDay), day(r.startDay)].includes(a.effectiveDate!)
        );
      }),
    );
  });
  it('what remains plus what was paid is the value, until the value is reached', () => {
    fc.assert(
      fc.property(input, (r) => {
        const a = assess(r);
        return a.paidAfter >= r.value ? a.dueAfter === 0n : a.dueAfter + a.paidAfter === r.value;
      }),
    );
  });
});

describe('paymentDeadline', () => {
  const policy = {
    stage: 'N' as const,
    enrollDate: '2025-06-10',
    startDate: '2025-07-01',
    hasCycles: true,
    gracePeriodEnrolment: 1,
    gracePeriodRenewal: 2,
    gracePeriodPayment: 2,
  };
  it('with cycles: start date + grace months − 1 day (enrolment grace for new, renewal grace for renewals)', () => {
    assert.equal(paymentDeadline(policy), '2025-07-31');
    assert.equal(paymentDeadline({ ...policy, stage: 'R' }), '2025-08-31');
    assert.equal(paymentDeadline({ ...policy, gracePeriodEnrolment: null }), '2025-06-30');
  });
  it('without cycles: enrolment date + payment grace − 1 day; renewal from the previous expiry + 1 day', () => {
    assert.equal(paymentDeadline({ ...policy, hasCycles: false }), '2025-08-09');
    assert.equal(
      paymentDeadline({ ...policy, hasCycles: false, stage: 'R', previousExpiryDate: '2025-06-30' }),
      '2025-08-31',
    );
    assert.equal(paymentDeadline({ ...policy, hasCycles: false, stage: 'R' }), '2025-08-31');
  });
  it('clamps month ends and sets no deadline without cycles nor payment grace', () => {
    assert.equal(
      paymentDeadline({ ...policy, hasCycles: false, enrollDate: '2025-12-31', gracePeriodPayment: 2 }),
      '2026-02-27',
    );
    assert.equal(paymentDeadline({ ...policy, hasCycles: false, gracePeriodPayment: 0 }), null);
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  });
  it('is never before the start of the period it counts from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 24 }), fc.boolean(), (n, g, cycles) => {
        const d = new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
        const p = {
          ...policy,
          enrollDate: d,
          startDate: d,
          hasCycles: cycles,
          gracePeriodEnrolment: g,
          gracePeriodPayment: g,
        };
        const dl = paymentDeadline(p)!;
        return dl >= d && dl < addMonths(d, g + 1);
      }),
    );
  });
});

describe('checkContribution', () => {
  const ok = { amount: '10000', receipt: 'RC-001', payDate: '2025-06-10', payType: 'c' };
  it('normalises a valid contribution', () => {
    const { values, problems } = checkContribution(ok, '2025-06-10');
    assert.deepEqual(problems, []);
    assert.equal(values?.amount, '10000.00');
    assert.equal(values?.payType, 'C');
    assert.equal(values?.isPhotoFee, false);
  });
  it('names each wrong field', () => {
    const { problems } = checkContribution(
      { amount: '0', receipt: ' ', payDate: '2025-06-11', payType: 'X', payerId: 'nope' },
      '2025-06-10',
    );
    assert.deepEqual(
      problems.map((p) => `${p.field}:${p.key}`),
      [
        'amount:contribution.error.amountPositive',
        'receipt:contribution.error.required',
        'payDate:contribution.error.payDateFuture',
        'payType:contribution.error.payType',
        'payerId:contribution.error.payer',
      ],
    );
    assert.equal(
      checkContribution({ ...ok, amount: '1.005' }, '2025-06-10').problems[0]?.key,
      'contribution.error.amount',
    );
    assert.equal(
      checkContribution({ ...ok, payDate: '2025-02-30' }, '2025-06-10').problems[0]?.key,
      'contribution.error.date',
    );
    assert.equal(checkContribution({ ...ok, receipt: 'R'.repeat(51) }, '2025-06-10').problems[0]?.field, 'receipt');
  });
  it('accepts any positive amount in cents with a pay date up to today', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 17n }), fc.integer({ min: 0, max: 5000 }), (c, n) => {
        const payDate = new Date(Date.UTC(2012, 0, 1 + n)).toISOString().slice(0, 10);
        const { values } = checkContribution({ ...ok, amount: fromCents(c), payDate }, '2025-12-31');
        return values?.amount === fromCents(c);
      }),
    );
  });
});
