import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isValidNumber,
  luhnDigit,
  moduloDigit,
  type NumberFormat,
  numberProblems,
  randomNumber,
  sequenceNumber,
  verhoeffDigit,
} from './insurance-number.js';

const modes: NumberFormat[] = [
  { length: 9, mode: 'none', modulo: 7 },
  { length: 9, mode: 'modulo', modulo: 7 },
  { length: 10, mode: 'modulo', modulo: 10 },
  { length: 9, mode: 'luhn', modulo: 7 },
  { length: 12, mode: 'verhoeff', modulo: 7 },
];
const keys = (v: string, f: NumberFormat) => numberProblems(v, f).map((p) => p.key);

describe('insurance number check digits (worked examples)', () => {
  it('Luhn: 7992739871 → 3 (the textbook example), 4539 1488 0343 646 → 7', () => {
    assert.equal(luhnDigit('7992739871'), 3);
    assert.equal(luhnDigit('453914880343646'), 7);
    assert.ok(isValidNumber('79927398713', { length: 11, mode: 'luhn', modulo: 7 }));
  });
  it('Verhoeff: 236 → 3, 12345 → 1 (published examples)', () => {
    assert.equal(verhoeffDigit('236'), 3);
    assert.equal(verhoeffDigit('12345'), 1);
    assert.ok(isValidNumber('2363', { length: 4, mode: 'verhoeff', modulo: 7 }));
  });
  it('modulo 7: 12345678 mod 7 = 2, so 123456782 is valid and 123456783 is not', () => {
    assert.equal(moduloDigit('12345678', 7), 2);
    const f: NumberFormat = { length: 9, mode: 'modulo', modulo: 7 };
    assert.deepEqual(keys('123456782', f), []);
    assert.deepEqual(keys('123456783', f), ['insuree.error.numberChecksum']);
  });
  it('refuses empty, wrong length and non-digits in that order', () => {
    const f: NumberFormat = { length: 9, mode: 'luhn', modulo: 7 };
    assert.deepEqual(keys('  ', f), ['insuree.error.numberEmpty']);
    assert.deepEqual(keys('12345', f), ['insuree.error.numberLength']);
    assert.deepEqual(numberProblems('12345', f)[0]?.params, { length: 9 });
    assert.deepEqual(keys('12345678A', f), ['insuree.error.numberDigits']);
    assert.deepEqual(keys('ABC123XYZ', { ...f, mode: 'none' }), []);
  });
  it('sequence numbers keep their length and differ', () => {
    const f: NumberFormat = { length: 9, mode: 'verhoeff', modulo: 7 };
    assert.equal(sequenceNumber(f, 0), `10000000${verhoeffDigit('10000000')}`);
    assert.equal(sequenceNumber(f, 1234).slice(0, 8), '10001234');
    assert.throws(() => sequenceNumber(f, 10_000_000));
  });
});

describe('insurance number properties', () => {
  const rnd = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 20, maxLength: 20 });
  it('every generated number validates, in every mode', () => {
    fc.assert(
      fc.property(fc.constantFrom(...modes), rnd, (f, xs) => {
        let i = 0;
        const n = randomNumber(f, () => xs[i++ % xs.length]!);
        return n.length === f.length && isValidNumber(n, f);
      }),
    );
  });
  it('every sequence number validates and the sequence has no repeats', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 9_999_900 }),
        fc.integer({ min: 1, max: 50 }),
        (f, i, d) => {
          const a = sequenceNumber(f, i);
          const b = sequenceNumber(f, i + d);
          return isValidNumber(a, f) && a !== b;
        },
      ),
    );
  });
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 14 }).map((ds) => ds.join(''));
  it('Luhn and Verhoeff detect every single-digit change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<NumberFormat['mode']>('luhn', 'verhoeff'),
        digits,
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (mode, body, pos, delta) => {
          const f: NumberFormat = { length: body.length + 1, mode, modulo: 7 };
          const n = body + (mode === 'luhn' ? luhnDigit(body) : verhoeffDigit(body));
          const i = pos % n.length;
          const changed = n.slice(0, i) + ((Number(n[i]) + delta) % 10) + n.slice(i + 1);
          return isValidNumber(n, f) && !isValidNumber(changed, f);
        },
      ),
    );
  });
  it('Verhoeff detects every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(digits, fc.nat(), (body, pos) => {
        const f: NumberFormat = { length: body.length + 1, mode: 'verhoeff', modulo: 7 };
        const n = body + verhoeffDigit(body);
        const i = pos % (n.length - 1);
        fc.pre(n[i] !== n[i + 1]);
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        return !isValidNumber(swapped, f);
      }),
    );
  });
});
