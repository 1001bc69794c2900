import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allowed, fromFlags, insureeMask, toFlags } from './patient-category.js';
import { checkDiagnosis, checkItem, checkService, normaliseDecimal } from './rules.js';
import type { MedicalItemInput } from './types.js';

const codeArb = fc.stringMatching(/^[A-Z0-9]{1,6}$/);
const priceArb = fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }));
const itemArb: fc.Arbitrary<MedicalItemInput> = fc.record({
  code: codeArb,
  name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,98}[a-z]$/),
  type: fc.constantFrom('D', 'M'),
  package: fc.option(fc.constantFrom('boîte de 100', 'flacon 60 ml'), { nil: null }),
  price: priceArb.map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`),
  quantity: fc.constant(null),
  maximumQuantity: fc.option(fc.integer({ min: 0, max: 1000 }).map(String), { nil: null }),
  careType: fc.constantFrom('I', 'O', 'B'),
  frequency: fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }),
  patientCategory: fc.integer({ min: 1, max: 15 }),
});

describe('patient category mask (DECISIONS.md #3)', () => {
  it('allows an insuree only when every bit of their mask is in the item mask', () => {
    assert.equal(allowed(15, insureeMask('F', true)), true);
    assert.equal(allowed(1 | 4 | 8, insureeMask('F', true)), false);
    assert.equal(allowed(2 | 4, insureeMask('F', false)), false);
    assert.equal(allowed(1 | 8, insureeMask('O', false)), true);
  });

  it('lets everyone through a mask of 15 and folds the four flags losslessly', () => {
    fc.assert(
      fc.property(fc.constantFrom('M', 'F', 'O'), fc.boolean(), fc.integer({ min: 0, max: 15 }), (g, adult, mask) => {
        assert.equal(allowed(15, insureeMask(g, adult)), true);
        assert.equal(fromFlags(toFlags(mask)), mask);
      }),
    );
  });
});

describe('item rules', () => {
  it('accepts any valid generated item', () => {
    fc.assert(
      fc.property(itemArb, (item) => {
        assert.deepEqual(checkItem(item).problems, []);
      }),
    );
  });

  it('names the field of each invalid value', () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.constantFrom<[keyof MedicalItemInput, unknown]>(
          ['code', 'TOOLONG1'],
          ['code', ''],
          ['name', 'x'.repeat(101)],
          ['type', 'X'],
          ['price', '-1'],
          ['price', '1.234'],
          ['price', 'abc'],
          ['careType', 'Z'],
          ['frequency', -1],
          ['patientCategory', 0],
          ['patientCategory', 16],
          ['maximumQuantity', '-3'],
        ),
        (item, [field, bad]) => {
          const { problems } = checkItem({ ...item, [field]: bad } as MedicalItemInput);
          assert.deepEqual(
            problems.map((p) => p.field),
            [field],
          );
        },
      ),
    );
  });

  it('normalises prices as PostgreSQL prints numeric(18,2)', () => {
    assert.equal(normaliseDecimal('1500'), '1500.00');
    assert.equal(normaliseDecimal('007.5'), '7.50');
    assert.equal(checkItem({ code: 'A', name: 'n', type: 'D', price: '0', careType: 'B' }).values.price, '0.00');
  });
});

describe('service and diagnosis rules', () => {
  it('defaults patient category 15, package type S and manual price false', () => {
    const { problems, values } = checkService({
      code: 'C01',
      name: 'Consultation',
      type: 'C',
      level: 'S',
      price: '1000',
      careType: 'O',
    });
    assert.deepEqual(problems, []);
    assert.equal(values.patientCategory, 15);
    assert.equal(values.packageType, 'S');
    assert.equal(values.manualPrice, false);
  });

  it('refuses a bad category, level and package type, naming each', () => {
    const { problems } = checkService({
      code: 'C01',
      name: 'Consultation',
      type: 'C',
      category: 'Q',
      level: 'Z',
      price: '1',
      careType: 'O',
      packageType: 'X',
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['category', 'level', 'packageType'],
    );
  });

  it('requires a diagnosis code of at most 6 characters and a name', () => {
    assert.deepEqual(
      checkDiagnosis({ code: 'A000000', name: '' }).problems.map((p) => p.field),
      ['code', 'name'],
    );
  });
});

describe('damaged text', () => {
  it('refuses a NUL or other control character, naming the field', () => {
    const { problems } = checkItem({ code: 'A1', name: 'Para\u0000', type: 'D', price: '1', careType: 'B' });
    assert.deepEqual(
      problems.map((p) => [p.field, p.key]),
      [['name', 'medical.error.control']],
    );
  });
});
