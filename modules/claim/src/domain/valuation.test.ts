import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCheck } from './apply.js';
import { checkClaim } from './check.js';
import { processClaim } from './process.js';
import { item, policy, product, productLine, service, TARGET, world } from './testing.js';
import type { ClaimEngineInput, LedgerRow, LineValuation } from './types.js';

/** Check, store the result, then process: what the server does from submit to process. */
const run = (w: ClaimEngineInput) => processClaim(applyCheck(w, checkClaim(w))).valuation;

const ledgerRow = (more: Partial<LedgerRow>): LedgerRow => ({
  claimId: 'old',
  policyId: 'POL',
  insureeId: 'ins-1',
  dedG: 0,
  remG: 0,
  dedIp: 0,
  remIp: 0,
  dedOp: 0,
  remOp: 0,
  remConsult: 0,
  remSurgery: 0,
  remDelivery: 0,
  remHospitalization: 0,
  remAntenatal: 0,
  ...more,
});

const parts = (l: LineValuation) => ({
  gross: l.grossValue,
  fixed: l.fixedLimitCut,
  ded: l.deductible,
  co: l.coInsuranceShare,
  cat: l.exceedCeilingCategory,
  over: l.exceedCeiling,
  paid: l.valuated,
});

describe('valuateClaim: worked examples (RULES §5, DECISIONS #15–#20)', () => {
  it('reproduces the synthetic SP example: deductible 300, co-insurance 80 %, insuree ceiling 1000 with 800 used', () => {
    // 2 × 250.00 = 500.00; deductible 300.00 → 200.00 left; 80 % → 160.00 (co-insurance share 40.00);
    // ceiling 1000.00 − 800.00 used = 200.00 ≥ 160.00 → paid 160.00. Ledger: DedG 300.00, RemG 160.00.
    const w = world([item('a', 'DRUG', { qtyProvided: 2, priceAsked: 25_000 })], {
      entries: { DRUG: { price: 25_000 } },
      productLines: { DRUG: { limitAdult: 8000 } },
      product: { dedInsuree: 30_000, maxInsuree: 100_000 },
      history: { claims: [], ledger: [ledgerRow({ remG: 80_000, remOp: 80_000 })] },
    });
    const v = run(w);
    assert.equal(v.status, 'valuated');
    assert.deepEqual(parts(v.lines[0]!), {
      gross: 50_000,
      fixed: 0,
      ded: 30_000,
      co: 4000,
      cat: 0,
      over: 0,
      paid: 16_000,
    });
    assert.deepEqual(
      [v.ledger[0]!.dedG, v.ledger[0]!.remG, v.ledger[0]!.dedOp, v.ledger[0]!.remOp, v.ledger[0]!.dedIp],
      [30_000, 16_000, 30_000, 16_000, 0],
    );
    assert.deepEqual(v.policies[0]!.deductible, { scope: 'G', level: 'insuree', amount: 30_000, previous: 0 });
    assert.deepEqual(v.policies[0]!.ceiling, { scope: 'G', level: 'insuree', amount: 100_000, previous: 80_000 });
    assert.equal(v.remuneratedAmount, 16_000);
  });

  it('pays 0 for a fully deducted line and lets it consume no ceiling (DECISIONS #17)', () => {
    // Treatment deductible 50.00, ceiling 5.00. Item DRUG 20.00 first: fully deducted, paid 0.
    // CONS 40.00: 30.00 deductible left → 10.00 → ceiling 5.00 → paid 5.00, exceed 5.00.
    const w = world([service('s', 'CONS', { priceAsked: 4000 }), item('a', 'DRUG', { priceAsked: 2000 })], {
      entries: { DRUG: { price: 2000 }, CONS: { price: 4000 } },
      product: { dedTreatment: 5000, maxTreatment: 500 },
    });
    const v = run(w);
    const [drug, cons] = v.lines;
    assert.equal(drug!.lineId, 'a');
    assert.deepEqual(parts(drug!), { gross: 2000, fixed: 0, ded: 2000, co: 0, cat: 0, over: 0, paid: 0 });
    assert.deepEqual(parts(cons!), { gross: 4000, fixed: 0, ded: 3000, co: 0, cat: 0, over: 500, paid: 500 });
    assert.deepEqual([v.ledger[0]!.dedG, v.ledger[0]!.remG], [5000, 500]);
  });

  it('caps a fixed limitation at qty × limit, and treats a fixed limit of 0 as unlimited', () => {
    // 3 × 10.00 = 30.00, fixed 6.00 per unit → 18.00 paid, 12.00 for the insuree.
    const fixed = (limitAdult: number) =>
      run(
        world([item('a', 'DRUG', { qtyProvided: 3 })], { productLines: { DRUG: { limitationType: 'F', limitAdult } } }),
      ).lines[0]!;
    assert.deepEqual(parts(fixed(600)), { gross: 3000, fixed: 1200, ded: 0, co: 0, cat: 0, over: 0, paid: 1800 });
    assert.equal(fixed(0).valuated, 3000);
  });

  it('rounds co-insurance half-up at the end of the line and keeps the parts adding up (DECISIONS #18)', () => {
    // 33.33 % of 10.00 = 3.333 → 3.33; share 6.67. 50 % of 0.05 = 0.025 → paid 0.03, share 0.02.
    const co = (limitAdult: number, price: number) =>
      run(
        world([item('a', 'DRUG', { priceAsked: price })], {
          entries: { DRUG: { price } },
          productLines: { DRUG: { limitAdult } },
        }),
      ).lines[0]!;
    assert.deepEqual([co(3333, 1000).valuated, co(3333, 1000).coInsuranceShare], [333, 667]);
    assert.deepEqual([co(5000, 5).valuated, co(5000, 5).coInsuranceShare], [3, 2]);
    // 1.5 × 3.33 = 4.995 at 100 % → 5.00.
    const frac = run(
      world([item('a', 'DRUG', { qtyProvided: 1.5, priceAsked: 333 })], { entries: { DRUG: { price: 333 } } }),
    );
    assert.equal(frac.lines[0]!.valuated, 500);
  });

  it('raises the policy ceiling per extra member, capped, counting members at the target date (DECISIONS #16)', () => {
    // Policy ceiling 100.00, threshold 2, +20.00 per extra member, cap 130.00. 4 members → 140.00 → 130.00.
    // 50.00 used by another member → 80.00 left; SURG 100.00 → paid 80.00, exceed 20.00.
    const member = { effectiveDate: '2026-01-01', expiryDate: '2026-12-31' };
    const w = (members: number, joinedLater = false) =>
      world([service('s', 'SURG', { priceAsked: 10_000 })], {
        entries: { SURG: { price: 10_000 } },
        product: { maxPolicy: 10_000, threshold: 2, maxPolicyExtraMember: 2000, maxCeilingPolicy: 13_000 },
        policy: {
          memberCoverages: [
            ...Array.from({ length: members }, () => member),
            ...(joinedLater ? [{ effectiveDate: '2026-04-01', expiryDate: '2026-12-31' }] : []),
          ],
        },
        history: { claims: [], ledger: [ledgerRow({ insureeId: 'ins-2', remG: 5000 })] },
      });
    const four = run(w(4));
    assert.equal(four.policies[0]!.ceiling.amount, 13_000);
    assert.deepEqual([four.lines[0]!.valuated, four.lines[0]!.exceedCeiling], [8000, 2000]);
    // 3 members at the target date (the 4th joins 2026-04-01) → 100.00 + 20.00 = 120.00 → 70.00 left.
    const three = run(w(3, true));
    assert.equal(three.policies[0]!.members, 3);
    assert.deepEqual([three.lines[0]!.valuated, three.lines[0]!.exceedCeiling], [7000, 3000]);
  });

  it('excludes lines from the ceiling with the adult field for adults and the child field for children (#19)', () => {
    // Insuree ceiling 10.00; DRUG 30.00 excluded ('B') for adults only.
    const w = (birthDate: string) =>
      world([item('a', 'DRUG', { qtyProvided: 3 })], {
        insuree: { id: 'ins-1', birthDate, gender: 'M' },
        product: { maxInsuree: 1000 },
        productLines: { DRUG: { ceilingExclusionAdult: 'B', ceilingExclusionChild: null } },
      });
    const adult = run(w('1990-01-01'));
    assert.deepEqual([adult.lines[0]!.valuated, adult.lines[0]!.exceedCeiling, adult.ledger[0]!.remG], [3000, 0, 0]);
    const child = run(w('2015-01-01'));
    assert.deepEqual(
      [child.lines[0]!.valuated, child.lines[0]!.exceedCeiling, child.ledger[0]!.remG],
      [1000, 2000, 1000],
    );
  });

  it("applies 'H' exclusions in hospital context only and 'N' outside it", () => {
    const w = (exclusion: 'H' | 'N', stay: boolean) =>
      run(
        world([item('a', 'DRUG', { qtyProvided: 3 })], {
          claim: stay ? { dateFrom: '2026-03-10', dateTo: TARGET } : {},
          product: { maxInsuree: 1000 },
          productLines: { DRUG: { ceilingExclusionAdult: exclusion } },
        }),
      ).lines[0]!.valuated;
    assert.deepEqual([w('H', true), w('H', false), w('N', true), w('N', false)], [3000, 1000, 1000, 3000]);
  });

  it('caps the claim per category amount, on items too, and records it in the ledger', () => {
    // Consultation cap 15.00: DRUG 10.00 (item, valued first) fits; CONS 10.00 → 5.00 paid, 5.00 above the cap.
    const w = world([service('s', 'CONS', { priceAsked: 1000 }), item('a', 'DRUG')], {
      entries: { CONS: { price: 1000 } },
      product: { maxAmountConsultation: 1500 },
    });
    const v = run(w);
    assert.equal(v.category, 'C');
    assert.deepEqual(
      v.lines.map((l) => [l.lineId, l.valuated, l.exceedCeilingCategory]),
      [
        ['a', 1000, 0],
        ['s', 500, 500],
      ],
    );
    assert.equal(v.ledger[0]!.remConsult, 1500);
    assert.equal(v.valuatedAmount, 1500);
  });

  it('takes the deductible by priority Policy > Insuree > Treatment with the policy sum of every member', () => {
    // Policy deductible 30.00 wins; 25.00 taken by another member → 5.00 left on a 20.00 line.
    const w = world([service('s', 'CONS', { priceAsked: 2000 })], {
      entries: { CONS: { price: 2000 } },
      product: { dedTreatment: 1000, dedInsuree: 2000, dedPolicy: 3000 },
      history: { claims: [], ledger: [ledgerRow({ insureeId: 'ins-2', dedG: 2500 })] },
    });
    const v = run(w);
    assert.equal(v.policies[0]!.deductible.level, 'policy');
    assert.deepEqual([v.lines[0]!.deductible, v.lines[0]!.valuated], [500, 1500]);
  });

  it('uses the IP or OP deductible by context, reading the OP fields in the OP branch (SP bug fixed)', () => {
    const w = (stay: boolean, level: 'C' | 'H' = 'C', interp: 'I' | 'H' | null = null) =>
      run(
        world([service('s', 'CONS', { priceAsked: 2000 })], {
          claim: {
            ...(stay ? { dateFrom: '2026-03-10', dateTo: TARGET } : {}),
            facility: { id: 'hf', level, careType: 'B' },
          },
          entries: { CONS: { price: 2000 } },
          product: { dedIpTreatment: 1000, dedOpInsuree: 400, ceilingInterpretation: interp },
        }),
      );
    const op = w(false);
    assert.deepEqual(
      [op.policies[0]!.deductible.scope, op.lines[0]!.deductible, op.ledger[0]!.dedOp],
      ['OP', 400, 400],
    );
    const ip = w(true);
    assert.deepEqual(
      [ip.policies[0]!.deductible.scope, ip.lines[0]!.deductible, ip.ledger[0]!.dedIp],
      ['IP', 1000, 1000],
    );
    // Interpretation H: a day claim at a hospital is in-patient context.
    assert.equal(w(false, 'H', 'H').policies[0]!.deductible.scope, 'IP');
  });

  it('prices by origin: O asked, P price-list override or register, the approved price always wins (#15)', () => {
    const price = (priceOrigin: 'O' | 'P', priceApproved: number | null) => {
      const base = world([item('a', 'DRUG', { priceAsked: 1200, priceApproved })], {
        productLines: { DRUG: { priceOrigin } },
      });
      const w = {
        ...base,
        priceList: { ...base.priceList, item: new Map([['DRUG', { id: 'DRUG', priceOverride: 900 }]]) },
      };
      return run(w).lines[0]!.unitPrice;
    };
    assert.deepEqual([price('O', null), price('P', null), price('O', 700), price('P', 700)], [1200, 900, 700, 700]);
  });

  it('leaves a relative-price claim processed with the remuneration to the batch run', () => {
    const v = run(world([item('a', 'DRUG'), service('s', 'CONS')], { productLines: { CONS: { priceOrigin: 'R' } } }));
    assert.equal(v.status, 'processed');
    assert.equal(v.remuneratedAmount, null);
    assert.deepEqual(
      v.lines.map((l) => [l.lineId, l.valuated, l.remunerated]),
      [
        ['a', 1000, 1000],
        ['s', 2000, null],
      ],
    );
  });

  it('writes one ledger row per claim and policy (#20)', () => {
    const w = world([item('a', 'DRUG'), service('s', 'CONS')], {
      policies: [policy('P1', 'A'), policy('P2', 'B')],
      products: new Map([
        ['A', product('A', { items: [productLine('DRUG')] }, { dedTreatment: 100 })],
        ['B', product('B', { services: [productLine('CONS')] }, { dedTreatment: 300 })],
      ]),
    });
    const v = run(w);
    assert.deepEqual(
      v.ledger.map((r) => [r.policyId, r.dedG, r.remG]),
      [
        ['P1', 100, 900],
        ['P2', 300, 1700],
      ],
    );
  });

  it('rejects the claim at processing when no line is left', () => {
    const v = run(world([item('a', 'DRUG')], { policy: { status: 4 } }));
    assert.equal(v.status, 'rejected');
    assert.deepEqual(v.ledger, []);
  });
});
