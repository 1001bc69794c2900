import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchPlan } from './plan.js';
import { input, line, linesById, noWeights, premium2024, product } from './plan-fixtures.js';

describe('batchPlan: quarterly index in March', () => {
  // PQ: general distribution, quarterly 20/30/25/25 %. Premium 3 660.00 on a 2024 policy (366 days).
  // Q1 = 01-01..03-31 = 91 days → allocated 3 660.00 × 91/366 = 910.00; share 20 % → pool 182.00.
  // Relative lines processed in Q1: L1 valuated 300.00 (01-20) + L2 25.00 × 4 = 100.00 (03-05) → value 400.00.
  // Index 182 / 400 = 0.455. L1 → 300 × 0.455 = 136.50; L2 → 45.50 (Σ 182.00). L1f (price list) keeps 12.34.
  const PQ = product('PQ', { relativeDistribution: [{ careType: 'B', periods: ['20', '30', '25', '25'] }] });
  const base = {
    products: [PQ],
    premiums: [premium2024('PQ', 366_000n)],
    lines: [
      line('L1', 'c1', 'hc1', {
        productId: 'PQ',
        priceOrigin: 'R',
        processed: '2024-01-20',
        priceAsked: 32_000n,
        priceValuated: 30_000n,
      }),
      line('L1f', 'c1', 'hc1', { productId: 'PQ', processed: '2024-01-20', priceAsked: 1234n, priceValuated: 1234n }),
      line('L2', 'c2', 'hc1', {
        productId: 'PQ',
        priceOrigin: 'R',
        processed: '2024-03-05',
        priceAsked: 2600n,
        qtyProvided: 4,
        priceAdjusted: 2500n,
      }),
      // Rejected at the check (no product): claimed, never remunerated.
      line('L2x', 'c2', 'hc1', { status: 2, processed: '2024-03-05', priceAsked: 500n }),
      // Processed in April: next quarter.
      line('L3', 'c3', 'hc1', { productId: 'PQ', priceOrigin: 'R', processed: '2024-04-01', priceValuated: 5000n }),
    ],
  };

  it('computes the Q1 index and remunerates the quarter’s lines', () => {
    const plan = batchPlan(input(3, base));
    assert.deepEqual(plan.indexes, [
      {
        productId: 'PQ',
        careType: 'B',
        periodType: 'Q',
        relType: 4,
        year: 2024,
        period: 1,
        window: { start: '2024-01-01', end: '2024-03-31' },
        allocated: 91_000n,
        sharePercent: '20',
        pool: 18_200n,
        claimValue: 40_000n,
        index: '0.4550',
      },
    ]);
    assert.deepEqual(plan.lines.map((l) => [l.id, l.remunerated, l.basis]).sort(), [
      ['L1', 13_650n, 'index'],
      ['L1f', 1234n, 'value'],
      ['L2', 4550n, 'index'],
    ]);
    // c1: claimed 320.00 + 12.34, remunerated 136.50 + 12.34. c2: claimed 26.00 × 4 + 5.00 (rejected), paid 45.50.
    assert.deepEqual(plan.claims, [
      { claimId: 'c1', facilityId: 'hc1', claimed: 33_234n, remunerated: 14_884n },
      { claimId: 'c2', facilityId: 'hc1', claimed: 10_900n, remunerated: 4550n },
    ]);
    assert.deepEqual(plan.bills, [
      {
        facilityId: 'hc1',
        lines: [
          { claimId: 'c1', claimed: 33_234n, remunerated: 14_884n, deduction: 18_350n },
          { claimId: 'c2', claimed: 10_900n, remunerated: 4550n, deduction: 6350n },
        ],
        claimed: 44_134n,
        remunerated: 19_434n,
        deduction: 24_700n,
      },
    ]);
    assert.deepEqual(plan.pendingClaims, []);
  });

  it('does nothing for a quarterly product in February', () => {
    const plan = batchPlan(input(2, base));
    assert.deepEqual([plan.indexes, plan.lines.length, plan.claims, plan.bills], [[], 0, [], []]);
  });
});

describe('batchPlan: yearly in-patient index in December', () => {
  // PY: IP distribution yearly 40 %, no OP distribution (OP lines are paid their value every month). Hospital by HF
  // level (interpretation H). Premium 250.00 over 2024 → the year window allocates all of it: 250.00 × 40 % = 100.00.
  // Three hospital relative lines of 10.00 → index 100/30 = 3.3333; 33.333… each: 33.33 × 3 + the cent left to the
  // smallest id 'a' → 33.34, 33.33, 33.33. The OP line d at the health centre keeps 7.00.
  const PY = product('PY', {
    ceilingInterpretation: 'H',
    relativeDistribution: [{ careType: 'I', periods: ['40'] }],
  });
  const rel = (id: string, claimId: string, processed: string) =>
    line(id, claimId, 'hosp', { productId: 'PY', priceOrigin: 'R', processed, priceValuated: 1000n });
  const base = {
    products: [PY],
    premiums: [premium2024('PY', 25_000n)],
    lines: [
      rel('c', 'cc', '2024-12-31'),
      rel('a', 'ca', '2024-03-10'),
      rel('b', 'cb', '2024-07-01'),
      line('d', 'cd', 'hc1', { productId: 'PY', priceOrigin: 'R', processed: '2024-12-15', priceValuated: 700n }),
    ],
  };

  it('computes the year’s index in December and shares the pool to the cent', () => {
    const plan = batchPlan(input(12, base));
    assert.equal(plan.indexes.length, 1);
    assert.deepEqual(
      [plan.indexes[0]!.careType, plan.indexes[0]!.relType, plan.indexes[0]!.allocated, plan.indexes[0]!.pool],
      ['I', 1, 25_000n, 10_000n],
    );
    assert.equal(plan.indexes[0]!.index, '3.3333');
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((id) => [linesById(plan).get(id)!.remunerated, linesById(plan).get(id)!.basis]),
      [
        [3334n, 'index'],
        [3333n, 'index'],
        [3333n, 'index'],
        [700n, 'value'],
      ],
    );
  });

  it('leaves the hospital lines waiting in November', () => {
    const plan = batchPlan(input(11, base));
    assert.deepEqual([plan.indexes, plan.lines.length], [[], 0]);
  });
});

describe('batchPlan: capitation', () => {
  // PC: dispensaries (level D) paid by capitation, monthly (no distribution). Premium 36 600.00 over 2024 → March
  // (31 days) allocated 36 600.00 × 31/366 = 3 100.00; share 50 % → pool 1 550.00: population 60 %
  // = 930.00, visits 40 % = 620.00. disp1: 2 000 people of 10 000 → 186.00, 3 of 4 visits → 465.00 = 651.00;
  // disp2: 8 000 → 744.00, 1 visit → 155.00 = 899.00. Σ 1 550.00.
  const PC = product('PC', {
    capitationLevels: [{ level: 'D', sublevel: null }],
    shareContribution: '50',
    weights: { ...noWeights, population: '60', visits: '40' },
  });
  const cap = (id: string, claimId: string, facilityId: string) =>
    line(id, claimId, facilityId, { productId: 'PC', processed: '2024-03-10', priceAsked: 1000n, priceValuated: 800n });
  const lines = [
    cap('k1a', 'k1', 'disp1'),
    cap('k1b', 'k1', 'disp1'),
    cap('k2', 'k2', 'disp1'),
    cap('k3', 'k3', 'disp1'),
    cap('k4', 'k4', 'disp2'),
    cap('h1', 'h1', 'hc1'),
  ];

  it('pays the dispensaries by capitation and the health centre fee-for-service', () => {
    const plan = batchPlan(input(3, { products: [PC], premiums: [premium2024('PC', 3_660_000n)], lines }));
    const [row] = plan.capitation;
    assert.deepEqual([row!.allocated, row!.pool], [310_000n, 155_000n]);
    assert.deepEqual(
      row!.facilities.map((f) => [f.facilityId, f.amounts.population, f.amounts.visits, f.payment]),
      [
        ['disp1', 18_600n, 46_500n, 65_100n],
        ['disp2', 74_400n, 15_500n, 89_900n],
      ],
    );
    assert.equal(linesById(plan).get('k1a')!.basis, 'capitation');
    assert.equal(linesById(plan).get('k1a')!.remunerated, 0n);
    assert.equal(linesById(plan).get('h1')!.remunerated, 800n);
    // Capitation claims are valuated (at 0) but not billed.
    assert.equal(plan.claims.length, 5);
    assert.deepEqual(
      plan.bills.map((b) => [b.facilityId, b.claimed, b.remunerated, b.deduction]),
      [['hc1', 1000n, 800n, 200n]],
    );
  });

  it('a district run takes the district’s products and facilities only', () => {
    const district = { ...PC, locationId: 'd1' };
    const premiums = [premium2024('PC', 3_660_000n)];
    const national = batchPlan(input(3, { products: [district], premiums, lines }));
    assert.deepEqual([national.capitation, national.lines.length], [[], 0]);
    const plan = batchPlan(
      input(3, { scope: { level: 'district', districtId: 'd1' }, products: [district], premiums, lines }),
    );
    assert.equal(plan.locationId, 'd1');
    assert.deepEqual(
      plan.capitation[0]!.facilities.map((f) => [f.facilityId, f.payment]),
      [['disp1', 155_000n]],
    );
  });
});

describe('batchPlan: claims that wait', () => {
  it('keeps a claim processed while one of its products’ period is still open', () => {
    const PM = product('PM', {});
    const PQ = product('PQ', { relativeDistribution: [{ careType: 'B', periods: ['25', '25', '25', '25'] }] });
    const lines = [
      line('m', 'c', 'hc1', { productId: 'PM', processed: '2024-02-10', priceValuated: 100n }),
      line('q', 'c', 'hc1', { productId: 'PQ', processed: '2024-02-10', priceOrigin: 'R', priceValuated: 100n }),
    ];
    const feb = batchPlan(input(2, { products: [PM, PQ], lines }));
    assert.deepEqual([feb.pendingClaims, feb.claims, linesById(feb).get('m')!.remunerated], [['c'], [], 100n]);
    // March: 'm' was settled by February's run; the quarter closes and the claim is valuated.
    const settled = lines.map((l) => (l.id === 'm' ? { ...l, settled: true, remunerated: 100n } : l));
    const mar = batchPlan(input(3, { products: [PM, PQ], lines: settled }));
    assert.deepEqual(mar.pendingClaims, []);
    // No premium: pool 0, the relative line gets 0.
    assert.deepEqual(mar.claims, [{ claimId: 'c', facilityId: 'hc1', claimed: 0n, remunerated: 100n }]);
  });
  it('carries over a line of a skipped month into the next run (ADR 0008)', () => {
    // Monthly 50 %; 366.00 paid for 2024 → 31.00 allocated to October, pool 15.50.
    const PM = product('PM', { relativeDistribution: [{ careType: 'B', periods: Array(12).fill('50') }] });
    const lines = [
      line('sep', 'c1', 'hc1', { productId: 'PM', priceOrigin: 'R', processed: '2024-09-20', priceValuated: 1000n }),
      line('oct', 'c2', 'hc1', { productId: 'PM', priceOrigin: 'R', processed: '2024-10-03', priceValuated: 3000n }),
      line('nov', 'c3', 'hc1', { productId: 'PM', priceOrigin: 'R', processed: '2024-11-02', priceValuated: 500n }),
    ];
    const oct = batchPlan(input(10, { products: [PM], premiums: [premium2024('PM', 36_600n)], lines }));
    assert.deepEqual(
      oct.indexes.map((i) => [i.allocated, i.pool, i.claimValue, i.index]),
      [[3100n, 1550n, 4000n, '0.3875']],
    );
    const paid = linesById(oct);
    assert.deepEqual([paid.get('sep')?.remunerated, paid.get('oct')?.remunerated], [387n, 1163n]); // 387.50 and 1162.50: the tie goes to the smaller id
    assert.equal(paid.has('nov'), false, 'a line processed after the month waits for its own run');
    assert.deepEqual(oct.pendingClaims, []);
    assert.deepEqual(
      oct.claims.map((c) => c.claimId),
      ['c1', 'c2'],
    );
  });
});
