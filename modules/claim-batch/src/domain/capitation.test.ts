import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CapitationFacts, capitationPayment, isCapitationFacility } from './capitation.js';
import type { CapitationComponent } from './types.js';

const weights = (w: Partial<Record<CapitationComponent, string>>): Record<CapitationComponent, string> => ({
  population: '0',
  families: '0',
  insuredPeople: '0',
  insuredFamilies: '0',
  visits: '0',
  adjustedAmount: '0',
  ...w,
});
const facts = (facilityId: string, over: Partial<CapitationFacts>): CapitationFacts => ({
  facilityId,
  population: 0,
  families: 0,
  insuredPeople: 0,
  insuredFamilies: 0,
  visits: 0,
  adjustedAmount: 0n,
  ...over,
});

describe('capitationPayment: worked examples (RULES.md §9)', () => {
  it('splits the pool by weight, then each component by facility value', () => {
    // Allocated 10 000.00, share 50 % → pool 5 000.00. Weights population 60 %, visits 40 % → 3 000.00 and 2 000.00.
    // A: population 2 000 of 10 000 → 600.00; 30 of 100 visits → 600.00; total 1 200.00.
    // B: population 8 000 → 2 400.00; 70 visits → 1 400.00; total 3 800.00. 1 200 + 3 800 = 5 000.
    const r = capitationPayment(
      1_000_000n,
      { shareContribution: '50', weights: weights({ population: '60', visits: '40' }) },
      [facts('B', { population: 8000, visits: 70 }), facts('A', { population: 2000, visits: 30 })],
    );
    assert.equal(r.pool, 500_000n);
    assert.deepEqual(
      r.facilities.map((f) => [f.facilityId, f.amounts.population, f.amounts.visits, f.payment]),
      [
        ['A', 60_000n, 60_000n, 120_000n],
        ['B', 240_000n, 140_000n, 380_000n],
      ],
    );
    const byName = Object.fromEntries(r.components.map((c) => [c.component, c]));
    // Unit prices: 3 000.00 / 10 000 people = 0.30 per person; 2 000.00 / 100 visits = 20.00 per visit.
    assert.equal(byName.population!.unitPrice, '0.3000');
    assert.equal(byName.visits!.unitPrice, '20.0000');
    assert.equal(byName.families!.amount, 0n);
  });

  it('uses all six components (DECISIONS #23), the adjusted amount in money', () => {
    // Pool 600.00, six weights of 1/6 each… as percentages 16.67 ×5 + 16.65 = 100 → components 100.02 ×5 + 99.90.
    const w = weights({
      population: '16.67',
      families: '16.67',
      insuredPeople: '16.67',
      insuredFamilies: '16.67',
      visits: '16.67',
      adjustedAmount: '16.65',
    });
    const r = capitationPayment(60_000n, { shareContribution: '100', weights: w }, [
      facts('A', {
        population: 1,
        families: 1,
        insuredPeople: 1,
        insuredFamilies: 1,
        visits: 1,
        adjustedAmount: 100n,
      }),
      facts('B', { population: 1, families: 3, insuredPeople: 0, insuredFamilies: 1, visits: 3, adjustedAmount: 300n }),
    ]);
    assert.deepEqual(
      r.components.map((c) => c.amount),
      [10_002n, 10_002n, 10_002n, 10_002n, 10_002n, 9_990n],
    );
    const [a, b] = r.facilities;
    // population 1:1 → 50.01 each.
    assert.deepEqual([a!.amounts.population, b!.amounts.population], [5001n, 5001n]);
    // families 1:3 of 100.02 → 25.005 and 75.015: floors 25.00 + 75.01, one cent left, equal remainders → A (smaller id).
    assert.deepEqual([a!.amounts.families, b!.amounts.families], [2501n, 7501n]);
    assert.deepEqual([a!.amounts.insuredPeople, b!.amounts.insuredPeople], [10_002n, 0n]);
    // adjusted 1.00 : 3.00 of 99.90 → 24.975 and 74.925: floors 24.97 + 74.92, the tied cent to A → 24.98, 74.92.
    assert.deepEqual([a!.amounts.adjustedAmount, b!.amounts.adjustedAmount], [2498n, 7492n]);
    assert.equal(a!.payment + b!.payment, 60_000n);
  });

  it('a component no facility has pays nobody', () => {
    const r = capitationPayment(10_000n, { shareContribution: '100', weights: weights({ visits: '100' }) }, [
      facts('A', { population: 5 }),
    ]);
    assert.equal(r.facilities[0]!.payment, 0n);
    assert.equal(r.components.find((c) => c.component === 'visits')!.unitPrice, '0.0000');
  });

  it('matches facilities by level and optional sub-level', () => {
    const levels = [
      { level: 'D', sublevel: null },
      { level: 'C', sublevel: 'U' },
    ];
    assert.ok(isCapitationFacility(levels, { level: 'D', sublevel: 'R' }));
    assert.ok(isCapitationFacility(levels, { level: 'C', sublevel: 'U' }));
    assert.ok(!isCapitationFacility(levels, { level: 'C', sublevel: null }));
    assert.ok(!isCapitationFacility(levels, { level: 'H', sublevel: null }));
  });
});

describe('capitationPayment: properties', () => {
  it('the facility payments sum to the capitation pool when the weights make 100 % and every total is > 0', () => {
    const count = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000_000n }),
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
        fc.array(
          fc.record({
            population: count,
            families: count,
            insuredPeople: count,
            insuredFamilies: count,
            visits: fc.integer({ min: 1, max: 1000 }),
            adjustedAmount: fc.bigInt({ min: 1n, max: 100_000_000n }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (allocated, shareBp, rawWeights, rows) => {
          fc.pre(rawWeights.some((w) => w > 0));
          // Weights in hundredths of a percent summing to 10000.
          const sum = rawWeights.reduce((a, b) => a + b, 0);
          const bp = rawWeights.map((w) => Math.floor((w * 10000) / sum));
          bp[0]! += 10000 - bp.reduce((a, b) => a + b, 0);
          const pct = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
          const keys: CapitationComponent[] = [
            'population',
            'families',
            'insuredPeople',
            'insuredFamilies',
            'visits',
            'adjustedAmount',
          ];
          const w = Object.fromEntries(keys.map((k, i) => [k, pct(bp[i]!)])) as Record<CapitationComponent, string>;
          const r = capitationPayment(
            allocated,
            { shareContribution: pct(shareBp), weights: w },
            rows.map((row, i) => facts(`hf${i}`, row)),
          );
          assert.equal(
            r.facilities.reduce((a, f) => a + f.payment, 0n),
            r.pool,
          );
        },
      ),
    );
  });
});
