import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { checkRecords, exportCells, ITEM_COLUMNS, readCsv, readXml, SERVICE_COLUMNS } from './import-rows.js';
import type { ItemValues, ServiceValues } from './types.js';

const money = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`);
const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim() === s && s.trim() !== '' && !s.includes('\0'));
const code = fc.stringMatching(/^[A-Z0-9]{1,6}$/);

const itemArb: fc.Arbitrary<ItemValues> = fc.record({
  code,
  name: text(100),
  type: fc.constantFrom('D', 'M'),
  package: fc.option(text(40), { nil: null }),
  price: money,
  quantity: fc.option(money, { nil: null }),
  maximumQuantity: fc.option(money, { nil: null }),
  careType: fc.constantFrom('I', 'O', 'B'),
  frequency: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
  patientCategory: fc.integer({ min: 1, max: 15 }),
});
const serviceArb: fc.Arbitrary<ServiceValues> = fc.record({
  code,
  name: text(100),
  type: fc.constantFrom('P', 'C'),
  category: fc.option(fc.constantFrom('S', 'D', 'A', 'H', 'C', 'O', 'V'), { nil: null }),
  level: fc.constantFrom('S', 'V', 'D', 'H'),
  price: money,
  maximumQuantity: fc.option(money, { nil: null }),
  careType: fc.constantFrom('I', 'O', 'B'),
  frequency: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
  patientCategory: fc.integer({ min: 1, max: 15 }),
  packageType: fc.constantFrom('S', 'P', 'F'),
  manualPrice: fc.boolean(),
});

describe('register files', () => {
  it('reads back exactly what it exports (items, CSV)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(itemArb, { selector: (i) => i.code, maxLength: 20 }), (items) => {
        const csv = stringify([[...ITEM_COLUMNS], ...items.map((i) => exportCells('items', i))]);
        const { records, errors } = readCsv(csv, ITEM_COLUMNS);
        assert.deepEqual(errors, []);
        const back = checkRecords<ItemValues>('items', records, new Map());
        assert.deepEqual(back.errors, []);
        assert.deepEqual(
          back.values,
          items.map((i) => ({ ...i })),
        );
      }),
    );
  });

  it('reads back exactly what it exports (services, CSV)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(serviceArb, { selector: (s) => s.code, maxLength: 20 }), (services) => {
        const csv = stringify([[...SERVICE_COLUMNS], ...services.map((s) => exportCells('services', s))]);
        const back = checkRecords<ServiceValues>('services', readCsv(csv, SERVICE_COLUMNS).records, new Map());
        assert.deepEqual(back.errors, []);
        assert.deepEqual(
          back.values,
          services.map((s) => ({ ...s })),
        );
      }),
    );
  });

  it('keeps the register value of a column an XML file does not carry', () => {
    const xml =
      '<Items><Item><ItemCode>A1</ItemCode><ItemName>N</ItemName><ItemType>D</ItemType><ItemPrice>5</ItemPrice><ItemCareType>B</ItemCareType></Item></Items>';
    const existing: ItemValues = {
      code: 'A1',
      name: 'Old',
      type: 'D',
      package: 'boîte',
      price: '1.00',
      quantity: null,
      maximumQuantity: '10.00',
      careType: 'B',
      frequency: 7,
      patientCategory: 6,
    };
    const back = checkRecords<ItemValues>('items', readXml(xml, 'items').records, new Map([['A1', existing]]));
    assert.deepEqual(back.values, [{ ...existing, name: 'N', price: '5.00' }]);
  });

  it('reports a missing column and a malformed XML file on row 1', () => {
    assert.deepEqual(
      readCsv('code,price\nA,1\n', ITEM_COLUMNS).errors.map((e) => [e.row, e.field]),
      [[1, 'name']],
    );
    assert.equal(readXml('<Items><Item>', 'items').errors[0]?.key, 'medical.error.xmlMalformed');
  });
});
