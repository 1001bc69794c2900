import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkRows } from './import-rows.js';
import { checkHeader, effectivePrice, listFitsFacility, parsePrice, planDetails } from './rules.js';

const cents = fc.bigInt({ min: 0n, max: 10n ** 17n - 1n });
const asText = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const price = cents.map(asText);

describe('price resolution', () => {
  it('the override wins when set, else the register price', () => {
    fc.assert(
      fc.property(fc.option(price, { nil: null }), fc.option(price, { nil: null }), (override, register) => {
        assert.equal(effectivePrice(override, register), override !== null ? override : register);
      }),
    );
  });
  it('an override of zero is a price, not "no override"', () => {
    assert.equal(effectivePrice('0.00', '150.00'), '0.00');
  });
});

describe('parsePrice', () => {
  it('round-trips every numeric(18,2) amount exactly', () => {
    fc.assert(fc.property(cents, (c) => assert.deepEqual(parsePrice(asText(c)), { price: asText(c) })));
  });
  it('refuses any negative amount and accepts -0', () => {
    fc.assert(
      fc.property(
        cents.filter((c) => c > 0n),
        (c) => {
          assert.deepEqual(parsePrice(`-${asText(c)}`), { key: 'medical-pricelist.error.priceNegative' });
        },
      ),
    );
    assert.deepEqual(parsePrice('-0'), { price: '0.00' });
  });
  it('reads French decimals and spaces, refuses junk and extra decimals', () => {
    assert.deepEqual(parsePrice('1 500,5'), { price: '1500.50' });
    assert.deepEqual(parsePrice('12.300'), { price: '12.30' });
    assert.deepEqual(parsePrice('12.345'), { key: 'medical-pricelist.error.priceDecimals' });
    assert.deepEqual(parsePrice('abc'), { key: 'medical-pricelist.error.priceFormat' });
    assert.deepEqual(parsePrice('1e5'), { key: 'medical-pricelist.error.priceFormat' });
    assert.deepEqual(parsePrice('12345678901234567'), { key: 'medical-pricelist.error.priceTooLarge' });
  });
});

describe('checkHeader', () => {
  it('names each bad field', () => {
    const { problems } = checkHeader({ name: ' ', pricelistDate: '2025-02-30', locationId: 'x' });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['name', 'pricelistDate', 'locationId'],
    );
    assert.equal(
      checkHeader({ name: 'x'.repeat(101), pricelistDate: '2025-01-01' }).problems[0]?.key,
      'medical-pricelist.error.tooLong',
    );
    assert.deepEqual(checkHeader({ name: ' Tarif ', pricelistDate: '2025-01-01' }), {
      problems: [],
      values: { name: 'Tarif', pricelistDate: '2025-01-01', locationId: null },
    });
  });
});

const ids = fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 });

describe('planDetails', () => {
  it('applying the plan to the current lines gives the requested lines', () => {
    fc.assert(
      fc.property(ids, ids, fc.array(fc.option(price, { nil: null })), (inList, extra, prices) => {
        const current = new Map(inList.map((id, i) => [id, prices[i] ?? null] as const));
        const adds = extra.filter((id) => !current.has(id));
        const removed = inList.slice(0, 1);
        const repriced = inList.slice(1).map((id, i) => ({ id, price: prices[i + 5] ?? null }));
        const plan = planDetails(
          current,
          { add: adds.map((id) => ({ id, price: '10' })), remove: removed, prices: repriced },
          () => true,
        );
        assert.deepEqual(plan.problems, []);
        const result = new Map(current);
        for (const c of plan.close) result.delete(c);
        for (const o of plan.open) result.set(o.medicalId, o.override);
        const expected = new Map(current);
        for (const r of removed) expected.delete(r);
        for (const r of repriced) expected.set(r.id, r.price);
        for (const a of adds) expected.set(a, '10.00');
        assert.deepEqual(result, expected);
        // Unchanged lines are neither closed nor reopened.
        for (const r of repriced) {
          if (current.get(r.id) === r.price) assert.ok(!plan.close.includes(r.id));
        }
      }),
    );
  });
  it('names the bad entries: unknown id, not in list, negative price, twice', () => {
    const a = '00000000-0000-7000-8000-000000000001';
    const b = '00000000-0000-7000-8000-000000000002';
    const plan = planDetails(
      new Map([[a, null]]),
      { add: [{ id: b, price: '-1' }, { id: 'zz' }], remove: [b, a], prices: [{ id: a, price: '5' }] },
      (id) => id === b,
    );
    assert.deepEqual(
      plan.problems.map((p) => [p.field, p.key]),
      [
        ['add.0.price', 'medical-pricelist.error.priceNegative'],
        ['add.1.id', 'medical-pricelist.error.unknownEntry'],
        ['remove.0', 'medical-pricelist.error.notInList'],
        ['prices.0.id', 'medical-pricelist.error.duplicateLine'],
      ],
    );
  });
});

describe('listFitsFacility', () => {
  it('national lists fit everyone; others only facilities under them', () => {
    assert.ok(listFitsFacility(null, []));
    assert.ok(listFitsFacility('d', ['r', 'd']));
    assert.ok(!listFitsFacility('x', ['r', 'd']));
  });
});

describe('import rows', () => {
  it('reports unknown list, unknown code and negative price with row and field', () => {
    const { lines, errors } = checkRows(
      [
        { row: 2, values: { pricelist: 'L', code: 'A', price: '5' } },
        { row: 3, values: { pricelist: 'Nope', code: 'A', price: null } },
        { row: 4, values: { pricelist: 'L', code: 'ZZ', price: '-3' } },
        { row: 5, values: { pricelist: 'L', code: 'A', price: '6' } },
      ],
      (n) => (n === 'L' ? 'l1' : undefined),
      (c) => (c === 'A' ? 'a1' : undefined),
    );
    assert.deepEqual(lines, [{ row: 2, listId: 'l1', medicalId: 'a1', override: '5.00' }]);
    assert.deepEqual(
      errors.map((e) => [e.row, e.field, e.key]),
      [
        [3, 'pricelist', 'medical-pricelist.error.unknownList'],
        [4, 'code', 'medical-pricelist.error.unknownCode'],
        [4, 'price', 'medical-pricelist.error.priceNegative'],
        [5, 'code', 'medical-pricelist.error.duplicateRow'],
      ],
    );
  });
});
