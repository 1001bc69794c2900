import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromCents, normalizeAmount, toCents } from './money.js';

describe('money', () => {
  it('reads decimals exactly as cents', () => {
    assert.equal(toCents('1500.50'), 150050n);
    assert.equal(toCents('5'), 500n);
    assert.equal(toCents('0.1'), 10n);
    assert.equal(toCents(' 12345678901234.56 '), 1234567890123456n);
    assert.equal(toCents(12.5), 1250n);
  });
  it('refuses what is not a non-negative amount with two decimals at most', () => {
    for (const bad of ['', '-1', '1.005', '1,5', 'abc', '1e3', null, undefined, Number.NaN]) {
      assert.equal(toCents(bad), null, String(bad));
    }
  });
  it('writes cents with two decimals', () => {
    assert.equal(fromCents(150050n), '1500.50');
    assert.equal(fromCents(7n), '0.07');
    assert.equal(fromCents(-250n), '-2.50');
    assert.equal(normalizeAmount('3000'), '3000.00');
  });
  it('round-trips every amount of numeric(18,2)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (c) => toCents(fromCents(c)) === c));
  });
});
