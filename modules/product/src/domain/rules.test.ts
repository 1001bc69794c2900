import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { COVERAGE_COUNT_FIELDS, COVERAGE_MONEY_FIELDS, PRODUCT_FIELDS } from './fields.js';
import { checkDistribution, checkLine, checkProduct, isDayMonth, toDecimal } from './rules.js';
import type { Problem } from './types.js';

const money = fc
  .integer({ min: 0, max: 10_000_000 })
  .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const percent = fc
  .integer({ min: 0, max: 10_000 })
  .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const dayMonth = fc
  .integer({ min: 1, max: 12 })
  .chain((m) =>
    fc.integer({ min: 1, max: [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]! }).map((d) => [d, m]),
  )
  .map(([d, m]) => `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`);
const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Percentages 0–100 for `n` periods (each is a share of its own period: no bound on the sum). */
const distributionPeriods = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: n, maxLength: n })
    .map((cs) => cs.map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`));

/** Any valid product: each field from its kind, the IP/OP variants left empty, the dates in order. */
const validProduct = fc
  .record({
    fields: fc.record(
      Object.fromEntries(
        PRODUCT_FIELDS.map((s) => {
          const arb =
            s.kind === 'money'
              ? /(Ip|Op)/.test(s.name)
                ? fc.constant(null)
                : money
              : s.kind === 'percent'
                ? percent
                : s.kind === 'int'
                  ? s.name === 'threshold'
                    ? fc.constant(null)
                    : fc.integer({ min: 0, max: 1000 })
                  : s.kind === 'enum'
                    ? fc.constantFrom(...s.values!)
                    : s.kind === 'cycle'
                      ? dayMonth
                      : s.kind === 'text'
                        ? fc.string({ minLength: 1, maxLength: s.max! }).filter((t) => t.trim() !== '')
                        : s.kind === 'uuid'
                          ? fc.uuid()
                          : isoDate;
          const a = arb as fc.Arbitrary<unknown>;
          return [s.name, s.required ? a : fc.option(a, { nil: null })];
        }),
      ),
    ),
    dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    distribution: fc.subarray(['B', 'I', 'O'] as const).chain((cares) =>
      fc.tuple(
        ...cares.map((c) =>
          fc
            .constantFrom(1, 4, 12)
            .chain(distributionPeriods)
            .map((periods) => ({ careType: c, periods })),
        ),
      ),
    ),
  })
  .map(({ fields, dates, distribution }) => ({
    ...fields,
    dateFrom: dates[0],
    dateTo: dates[1],
    relativeDistribution: distribution,
  }));

const fieldsOf = (problems: Problem[]) => problems.map((p) => p.field);

describe('checkProduct', () => {
  it('accepts any valid product', () => {
    fc.assert(
      fc.property(validProduct, (input) => {
        const { problems, values } = checkProduct(input);
        assert.deepEqual(problems, []);
        assert.equal(values.insurancePeriod === null, false);
        for (const d of values.relativeDistribution) assert.ok([1, 4, 12].includes(d.periods.length));
      }),
    );
  });

  it('names each invalid field', () => {
    const bad: Record<string, Record<string, unknown>> = {
      money: { lumpSum: '-1' },
      percent: { renewalDiscountPerc: '100.01' },
      int: { insurancePeriod: 'x' },
      enum: { ceilingInterpretation: 'Z' },
      cycle: { startCycle1: '31-02' },
      date: { dateFrom: '2025-13-01' },
      text: { code: 'TOOLONGCODE' },
    };
    fc.assert(
      fc.property(validProduct, fc.constantFrom(...Object.keys(bad)), (input, kind) => {
        const wrong = bad[kind]!;
        const { problems } = checkProduct({ ...input, ...wrong });
        assert.ok(fieldsOf(problems).includes(Object.keys(wrong)[0]!), `${kind}: ${JSON.stringify(problems)}`);
      }),
    );
  });

  it('requires code, name and the sale window, and orders the dates', () => {
    const { problems } = checkProduct({});
    assert.deepEqual(fieldsOf(problems).sort(), ['code', 'dateFrom', 'dateTo', 'name']);
    const order = checkProduct({ code: 'A', name: 'A', dateFrom: '2025-02-01', dateTo: '2025-01-31' });
    assert.deepEqual(fieldsOf(order.problems), ['dateTo']);
    assert.deepEqual(checkProduct({ code: 'A', name: 'A', dateFrom: '2025-02-01', dateTo: '2025-02-01' }).problems, []);
  });

  it('refuses "all" together with the IP/OP variant of a family', () => {
    const { problems } = checkProduct({
      code: 'A',
      name: 'A',
      dateFrom: '2025-01-01',
      dateTo: '2025-12-31',
      maxPolicy: '100000',
      maxIpPolicy: '50000',
    });
    assert.deepEqual(fieldsOf(problems), ['maxIpPolicy']);
  });

  it('applies defaults and derives the relative-price periods', () => {
    const { values } = checkProduct({
      code: 'A',
      name: 'A',
      dateFrom: '2025-01-01',
      dateTo: '2025-12-31',
      relativeDistribution: [{ careType: 'I', periods: ['100'] }],
    });
    assert.equal(values.insurancePeriod, 12);
    assert.equal(values.lumpSum, '0.00');
    assert.equal(values.shareContribution, '100.00');
    assert.equal(values.periodRelPricesIp, 'Y');
    assert.equal(values.periodRelPrices, null);
  });
});

describe('checkDistribution', () => {
  it('accepts any percentages 0–100 per period (a share of each period), whatever their sum', () => {
    fc.assert(
      fc.property(fc.constantFrom(4, 12), fc.integer({ min: 0, max: 10_000 }), (n, c) => {
        const problems: Problem[] = [];
        const p = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
        const [row] = checkDistribution([{ careType: 'B', periods: Array(n).fill(p) }], problems);
        assert.deepEqual(problems, []);
        assert.equal(row?.periods.length, n);
      }),
    );
  });
  it('refuses a period above 100, wrong counts and duplicates, naming the field', () => {
    {
      const problems: Problem[] = [];
      checkDistribution([{ careType: 'B', periods: ['100', '100.01', '0', '50'] }], problems);
      assert.deepEqual(problems, [{ field: 'relativeDistribution.0.periods.1', key: 'product.error.percent' }]);
    }
    const problems: Problem[] = [];
    checkDistribution(
      [
        { careType: 'I', periods: ['10', '10'] },
        { careType: 'O', periods: ['50'] },
        { careType: 'O', periods: ['101'] },
      ],
      problems,
    );
    assert.deepEqual(fieldsOf(problems), [
      'relativeDistribution.0.periods',
      'relativeDistribution.2.careType',
      'relativeDistribution.2.periods.0',
    ]);
  });
});

describe('checkLine', () => {
  it('defaults to price list and full co-insurance', () => {
    const { problems, values } = checkLine({ medicalId: 'x' });
    assert.deepEqual(problems, []);
    assert.equal(values.priceOrigin, 'P');
    assert.equal(values.limitationType, 'C');
    assert.equal(values.limitAdult, '100.00');
  });
  it('takes the configured defaults for empty fields', () => {
    const { values } = checkLine({ medicalId: 'x' }, '', {
      priceOrigin: 'O',
      limitationType: 'F',
      waitingPeriodAdult: 6,
      waitingPeriodChild: 0,
    });
    assert.equal(values.priceOrigin, 'O');
    assert.equal(values.limitationTypeE, 'F');
    assert.equal(values.limitAdult, '0.00');
    assert.equal(values.waitingPeriodAdult, 6);
    assert.equal(values.waitingPeriodChild, 0);
    assert.equal(values.limitNoAdult, null);
  });
  it('keeps co-insurance within 100 % and fixed amounts non-negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('C', 'F'), (v, type) => {
        const { problems } = checkLine({ medicalId: 'x', limitationType: type, limitAdult: String(v) }, 'items.0.');
        assert.equal(problems.length > 0, type === 'C' && v > 100);
        if (problems.length) assert.equal(problems[0]!.field, 'items.0.limitAdult');
      }),
    );
    const { problems } = checkLine({
      medicalId: 'x',
      priceOrigin: 'Z',
      waitingPeriodAdult: -1,
      ceilingExclusionChild: 'X',
    });
    assert.deepEqual(fieldsOf(problems), ['priceOrigin', 'waitingPeriodAdult', 'ceilingExclusionChild']);
  });
});

describe('small rules', () => {
  it('day-month and decimals', () => {
    assert.ok(isDayMonth('01-01') && isDayMonth('29-02') && !isDayMonth('30-02') && !isDayMonth('1-1'));
    assert.equal(toDecimal('5'), '5.00');
    assert.equal(toDecimal('007.5'), '7.50');
    assert.equal(toDecimal('1.234'), null);
  });
});

describe('coverage field lists', () => {
  it('name exactly the money and count fields of the ceilings and categories sections', () => {
    const of = (kind: string) =>
      PRODUCT_FIELDS.filter((f) => f.kind === kind && (f.section === 'ceilings' || f.section === 'categories'))
        .map((f) => f.name)
        .sort();
    assert.deepEqual([...COVERAGE_MONEY_FIELDS].sort(), of('money'));
    assert.deepEqual([...COVERAGE_COUNT_FIELDS].sort(), of('int'));
  });
});
