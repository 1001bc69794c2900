import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('writes amounts as each language does, with two decimals', () => {
    expect(formatMoney('25500', 'fr')).toMatch(/^25\s500,00$/);
    expect(formatMoney('25500.5', 'en')).toBe('25,500.50');
    expect(formatMoney('-1234.05', 'en')).toBe('−1,234.05');
    expect(formatMoney(null, 'en')).toBe('');
    expect(formatMoney('n/a', 'en')).toBe('n/a');
  });

  it('keeps every digit of amounts beyond a float’s precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const text = `${int}.${String(cents).padStart(2, '0')}`;
        expect(formatMoney(text, 'en').replace(/,/g, '')).toBe(text);
      }),
    );
  });
});
