import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { apportion } from './apportion.js';
import { formatCents, formatRatio, percentBasisPoints, roundDiv, toCents } from './money.js';
import { relativeIndex } from './relative-index.js';
import { lineValue, remuneratedAmounts } from './remuneration.js';
import type { LinePrices, PriceOrigin } from './types.js';

const line = (id: string, over: Partial<LinePrices>): LinePrices & { id: string } => ({
  id,
  priceOrigin: 'R',
  priceAsked: 0n,
  qtyProvided: 1,
  priceApproved: null,
  qtyApproved: null,
  priceAdjusted: null,
  priceValuated: null,
  ...over,
});

describe('money', () => {
  it('parses, formats and rounds half-up', () => {
    assert.equal(toCents('12.3'), 1230n);
    assert.equal(toCents('-0.05'), -5n);
    assert.throws(() => toCents('1.234'), RangeError);
    assert.equal(formatCents(1230n), '12.30');
    assert.equal(formatCents(-5n), '-0.05');
    assert.equal(percentBasisPoints('12.5'), 1250n);
    assert.throws(() => percentBasisPoints('100.01'), RangeError);
    assert.equal(roundDiv(5n, 2n), 3n);
    assert.equal(roundDiv(-5n, 2n), -3n);
    assert.equal(roundDiv(4n, 3n), 1n);
    assert.equal(formatRatio(5096n, 8000n, 0, 4), '0.6370');
  });
});

describe('relativeIndex and remuneratedAmounts: worked examples', () => {
  it('values a line from valuated, else approved/adjusted/asked price × quantity (DECISIONS #22)', () => {
    assert.equal(lineValue(line('a', { priceValuated: 4000n, priceAdjusted: 9999n })), 4000n);
    // 12.50 × 3 = 37.50
    assert.equal(lineValue(line('a', { priceAdjusted: 1250n, qtyProvided: 3 })), 3750n);
    // approved price and approved quantity win: 11.00 × 2 = 22.00
    assert.equal(
      lineValue(line('a', { priceApproved: 1100n, priceAdjusted: 1250n, qtyApproved: 2, qtyProvided: 3 })),
      2200n,
    );
    // 0.333 is not a price; a quantity of 1.5 × 0.33 = 0.495 → 0.50 (half-up)
    assert.equal(lineValue(line('a', { priceAsked: 33n, qtyProvided: 1.5 })), 50n);
  });

  it('RULES.md §6.2 figures: pool 50.96 over a relative value of 80.00 → index 0.6370; 40.00 → 25.48', () => {
    // allocated 101.92 × 50 % = 50.96; 50.96 / 80.00 = 0.637.
    const ri = relativeIndex(10192n, 5000n, 8000n);
    assert.equal(ri.pool, 5096n);
    assert.equal(ri.index, '0.6370');
    const lines = [
      line('x', { priceValuated: 4000n }),
      line('y', { priceValuated: 4000n }),
      line('fee', { priceOrigin: 'P', priceAdjusted: 1250n, qtyProvided: 3 }),
    ];
    // 40.00 × 5096/8000 = 25.48 each (exactly); the fee-for-service line keeps its value 37.50.
    assert.deepEqual(remuneratedAmounts(lines, ri), [2548n, 2548n, 3750n]);
  });

  it('gives the cent lost to rounding to the largest remainder, then to the smallest id', () => {
    // pool 100.00 over three lines of 10.00: 33.333… each → 33.33 ×3 = 99.99; one cent left, equal remainders →
    // the smallest id ('a') gets it, whatever the order of the lines.
    const ri = relativeIndex(25000n, 4000n, 3000n);
    assert.equal(ri.index, '3.3333');
    const lines = ['c', 'a', 'b'].map((id) => line(id, { priceValuated: 1000n }));
    assert.deepEqual(remuneratedAmounts(lines, ri), [3333n, 3334n, 3333n]);
    // Unequal remainders: pool 1.00 over values 1, 2 (cents): exact 33.3, 66.6 → 33 + 66 = 99, the larger remainder
    // (0.6 of 66.6) gets the cent → 33, 67.
    assert.deepEqual(apportion(100n, [1n, 2n], ['z', 'a']), [33n, 67n]);
  });

  it('apportions exactly beyond the range of exact doubles', () => {
    // W = 2^60: remainders are compared as bigints. 10 over 3 equal weights → 4, 3, 3 (tie to the smallest id).
    const w = 2n ** 60n / 3n;
    assert.deepEqual(apportion(10n, [w, w, w], ['b', 'a', 'c']), [3n, 4n, 3n]);
  });

  it('index 1 when there is no relative value; lines keep their value', () => {
    const ri = relativeIndex(10000n, 10000n, 0n);
    assert.equal(ri.index, '1.0000');
    assert.deepEqual(remuneratedAmounts([line('a', { priceValuated: 0n })], ri), [0n]);
    assert.deepEqual(remuneratedAmounts([line('a', { priceValuated: 500n })], null), [500n]);
  });

  it('refuses lines that are not those of the index', () => {
    const ri = relativeIndex(10000n, 10000n, 100n);
    assert.throws(() => remuneratedAmounts([line('a', { priceValuated: 99n })], ri), RangeError);
  });
});

const origin = fc.constantFrom<PriceOrigin>('P', 'O', 'R');
const anyLine = fc.record({
  priceOrigin: origin,
  priceValuated: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n }), { nil: null }),
  priceAdjusted: fc.option(fc.bigInt({ min: 0n, max: 1_000_000n }), { nil: null }),
  priceAsked: fc.bigInt({ min: 0n, max: 1_000_000n }),
  qtyProvided: fc.integer({ min: 0, max: 1000 }).map((q) => q / 4),
});

describe('remuneratedAmounts: properties', () => {
  it('Σ remunerated of the relative lines = allocated × share exactly when they have a value', () => {
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 60 }),
        fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        fc.bigInt({ min: 0n, max: 10000n }),
        (raw, allocated, share) => {
          const lines = raw.map((r, i) => line(`l${i}`, { ...r, priceApproved: null, qtyApproved: null }));
          const rel = lines.filter((l) => l.priceOrigin === 'R');
          const value = rel.reduce((a, l) => a + lineValue(l), 0n);
          const ri = relativeIndex(allocated, share, value);
          const out = remuneratedAmounts(lines, ri);
          const relSum = out.filter((_, i) => lines[i]!.priceOrigin === 'R').reduce((a, b) => a + b, 0n);
          if (value > 0n) assert.equal(relSum, roundDiv(allocated * share, 10000n));
          // Each relative line is within a cent of value × index; the others keep their value.
          for (const [i, l] of lines.entries()) {
            if (l.priceOrigin !== 'R') assert.equal(out[i], lineValue(l));
            else if (value === 0n) assert.equal(out[i], 0n);
            else {
              const exact = lineValue(l) * ri.pool;
              const got = out[i]! * value;
              assert.ok(got - exact < value && exact - got < value);
            }
          }
        },
      ),
    );
  });

  it('apportion sums to the total and does not depend on order', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 1_000_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const ids = weights.map((_, i) => `id${String(i).padStart(3, '0')}`);
          const out = apportion(total, weights, ids);
          assert.equal(
            out.reduce((a, b) => a + b, 0n),
            total,
          );
          const rev = apportion(total, [...weights].reverse(), [...ids].reverse());
          assert.deepEqual([...rev].reverse(), out);
        },
      ),
    );
  });
});
