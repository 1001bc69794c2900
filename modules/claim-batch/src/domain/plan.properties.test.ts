import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { batchPlan } from './plan.js';
import { canonical, FACILITIES, input, line, noWeights, premium2024, product } from './plan-fixtures.js';
import type { BatchInput, BatchProduct, CareType, DistributionRow, Premium } from './types.js';

const pct = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const distRow = (careType: CareType) =>
  fc
    .constantFrom(1, 4, 12)
    .chain((n) => fc.array(fc.integer({ min: 0, max: Math.floor(10000 / n) }), { minLength: n, maxLength: n }))
    .map((ps): DistributionRow => ({ careType, periods: ps.map(pct) }));
const distribution = fc.oneof(
  fc.constant<DistributionRow[]>([]),
  distRow('B').map((r) => [r]),
  fc
    .tuple(fc.option(distRow('I'), { nil: null }), fc.option(distRow('O'), { nil: null }))
    .map(([i, o]) => [i, o].filter((r): r is DistributionRow => r !== null)),
);
const arbProduct = (id: string) =>
  fc
    .record({
      ceilingInterpretation: fc.constantFrom<'I' | 'H' | null>('I', 'H', null),
      relativeDistribution: distribution,
      capitation: fc.boolean(),
      share: fc.integer({ min: 0, max: 10000 }),
      population: fc.integer({ min: 0, max: 10000 }),
    })
    .map(
      (r): BatchProduct =>
        product(id, {
          ceilingInterpretation: r.ceilingInterpretation,
          relativeDistribution: r.relativeDistribution,
          capitationLevels: r.capitation ? [{ level: 'D', sublevel: null }] : [],
          shareContribution: pct(r.share),
          weights: { ...noWeights, population: pct(r.population), visits: pct(10000 - r.population) },
        }),
    );
const day2024 = fc
  .integer({ min: 0, max: 365 })
  .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
const arbPremium = fc
  .record({
    product: fc.nat(2),
    amount: fc.bigInt({ min: 0n, max: 10_000_000n }),
    pay: day2024,
    status: fc.constantFrom(1, 2, 8),
  })
  .map(
    (r): Premium => ({
      ...premium2024(`p${r.product}`, r.amount),
      payDate: r.pay,
      policyStatus: r.status,
    }),
  );
const arbClaim = fc.record({ processed: day2024, stay: fc.nat(3), facility: fc.nat(FACILITIES.length - 1) });
const arbInput = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    products: fc.tuple(arbProduct('p0'), arbProduct('p1'), arbProduct('p2')),
    premiums: fc.array(arbPremium, { maxLength: 6 }),
    claims: fc.array(arbClaim, { minLength: 1, maxLength: 12 }),
    lines: fc.array(
      fc.record({
        claim: fc.nat(),
        product: fc.option(fc.nat(3), { nil: null }),
        status: fc.constantFrom<1 | 2>(1, 1, 1, 2),
        origin: fc.constantFrom<'P' | 'O' | 'R'>('P', 'O', 'R', 'R'),
        asked: fc.bigInt({ min: 0n, max: 100_000n }),
        qty: fc.integer({ min: 1, max: 8 }),
        valuated: fc.option(fc.bigInt({ min: 0n, max: 100_000n }), { nil: null }),
        settled: fc.constantFrom(false, false, false, true),
      }),
      { maxLength: 40 },
    ),
  })
  .map(
    (r): BatchInput =>
      input(r.month, {
        products: r.products,
        premiums: r.premiums.map((p, i) => ({ ...p, id: `pr${i}` })),
        lines: r.lines.map((l, i) => {
          const c = r.claims[l.claim % r.claims.length]!;
          const claimIndex = l.claim % r.claims.length;
          return line(`l${String(i).padStart(2, '0')}`, `c${claimIndex}`, FACILITIES[c.facility]!.id, {
            productId: l.product === null ? null : `p${l.product}`,
            status: l.status,
            priceOrigin: l.origin,
            processed: c.processed,
            claimDateFrom: c.processed,
            claimDateTo: c.stay
              ? new Date(Date.parse(c.processed) + c.stay * 86_400_000).toISOString().slice(0, 10)
              : null,
            priceAsked: l.asked,
            qtyProvided: l.qty,
            priceAdjusted: l.asked,
            priceValuated: l.valuated,
            settled: l.settled,
            remunerated: l.settled ? l.asked : null,
          });
        }),
      }),
  );

/** A deterministic permutation from a seed. */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('batchPlan: properties', () => {
  it('is deterministic and does not depend on the order of its input', () => {
    fc.assert(
      fc.property(arbInput, fc.integer(), (inp, seed) => {
        const plan = canonical(batchPlan(inp));
        assert.deepStrictEqual(canonical(batchPlan(inp)), plan);
        const shuffled: BatchInput = {
          ...inp,
          products: shuffle(inp.products, seed),
          premiums: shuffle(inp.premiums, seed + 1),
          facilities: shuffle(inp.facilities, seed + 2),
          lines: shuffle(inp.lines, seed + 3),
        };
        assert.deepStrictEqual(canonical(batchPlan(shuffled)), plan);
      }),
    );
  });

  it('the relative lines of each product share exactly the pools of its indexes that have claims', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const plan = batchPlan(inp);
        for (const p of inp.products) {
          const pools = plan.indexes
            .filter((x) => x.productId === p.id && x.claimValue > 0n)
            .reduce((a, x) => a + x.pool, 0n);
          const paid = plan.lines
            .filter((l) => l.productId === p.id && l.basis === 'index')
            .reduce((a, l) => a + l.remunerated, 0n);
          // Indexes without claim value have only zero-valued relative lines: they add 0 on both sides.
          assert.equal(paid, pools);
        }
        // A valuated claim's remuneration is the Σ of its lines; its bill line's deduction is claimed − remunerated.
        for (const b of plan.bills) for (const l of b.lines) assert.equal(l.deduction, l.claimed - l.remunerated);
      }),
    );
  });
});
