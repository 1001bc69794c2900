/**
 * Properties of the engine. Money identities it guarantees (README "Money identities"):
 *  check, per line:  askedValue = qtyProvided × priceAsked; approvedValue = 0 when rejected;
 *                    claimedAmount = Σ askedValue; approvedAmount = Σ approvedValue;
 *                    approvedValue ≤ askedValue unless the reviewer raised the quantity or the price.
 *  valuation, per line: grossValue = qty × unitPrice = fixedLimitCut + deductible + coInsuranceShare +
 *                    exceedCeilingCategory + exceedCeiling + valuated, every part ≥ 0;
 *                    valuated ≤ askedValue unless an approved price/quantity or a price-list price above the asked
 *                    price (origin P, DECISIONS #15) allows it.
 *  per claim:        valuatedAmount = Σ valuated; ledger dedG = Σ deductible of the policy's lines;
 *                    remG ≤ ceiling left; over several claims Σ remG ≤ ceiling and Σ dedG ≤ deductible.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { appendToHistory, applyCheck } from './apply.js';
import { checkClaim } from './check.js';
import { splitLine } from './line-value.js';
import { lineValue } from './money.js';
import { processClaim } from './process.js';
import { item, service, TARGET, world } from './testing.js';
import type { ClaimEngineInput, ClaimHistory, ClaimLineInput, ProductLineTerms, ProductTerms } from './types.js';

const qty = fc.integer({ min: 1, max: 500 }).map((h) => h / 100);
const money = (max: number) => fc.integer({ min: 0, max });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const arbLine = (i: number): fc.Arbitrary<ClaimLineInput> =>
  fc
    .record({
      code: fc.constantFrom('DRUG', 'CONS', 'SURG', 'OTHER', 'NOPE'),
      qtyProvided: qty,
      priceAsked: money(100_000),
      qtyApproved: opt(qty),
      priceApproved: opt(money(100_000)),
      reviewRejected: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map((r) => {
      const more = {
        qtyProvided: r.qtyProvided,
        priceAsked: r.priceAsked,
        qtyApproved: r.qtyApproved,
        priceApproved: r.priceApproved,
        ...(r.reviewRejected ? { status: 'rejected' as const, rejectionReason: -1 as const } : {}),
      };
      return r.code === 'DRUG' || r.code === 'NOPE' ? item(`l${i}`, r.code, more) : service(`l${i}`, r.code, more);
    });

const arbLines = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbLine(i))));

const arbTerms: fc.Arbitrary<Partial<ProductLineTerms>> = fc
  .record({
    priceOrigin: fc.constantFrom('P' as const, 'O' as const, 'R' as const),
    limitationType: fc.constantFrom('C' as const, 'F' as const),
    pct: fc.integer({ min: 0, max: 10_000 }),
    fixed: money(50_000),
    ceilingExclusionAdult: fc.constantFrom(null, 'B' as const, 'H' as const, 'N' as const),
  })
  .map((t) => ({
    priceOrigin: t.priceOrigin,
    limitationType: t.limitationType,
    limitAdult: t.limitationType === 'C' ? t.pct : t.fixed,
    ceilingExclusionAdult: t.ceilingExclusionAdult,
  }));

const arbProduct: fc.Arbitrary<Partial<ProductTerms>> = fc.record({
  dedTreatment: opt(money(20_000)),
  dedInsuree: opt(money(50_000)),
  dedOpPolicy: opt(money(50_000)),
  maxInsuree: opt(money(200_000)),
  maxIpPolicy: opt(money(200_000)),
  maxOpTreatment: opt(money(100_000)),
  maxAmountConsultation: opt(money(50_000)),
  maxAmountSurgery: opt(money(50_000)),
});

const arbWorld: fc.Arbitrary<ClaimEngineInput> = fc
  .record({
    lines: arbLines,
    product: arbProduct,
    terms: fc.record({ DRUG: arbTerms, CONS: arbTerms, SURG: arbTerms, OTHER: arbTerms }),
    stay: fc.boolean(),
    override: opt(money(100_000)),
  })
  .map(({ lines, product, terms, stay, override }) => {
    const w = world(lines, {
      product,
      productLines: terms,
      claim: stay ? { dateFrom: '2026-03-10', dateTo: TARGET } : {},
    });
    if (override === null) return w;
    return { ...w, priceList: { ...w.priceList, item: new Map([['DRUG', { id: 'DRUG', priceOverride: override }]]) } };
  });

const check = (w: ClaimEngineInput) => checkClaim(w);
const process = (w: ClaimEngineInput) => processClaim(applyCheck(w, checkClaim(w)));

describe('claim engine properties', () => {
  it('re-checking an unchanged claim, or the stored result, gives the same result', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const r = check(w);
        assert.deepEqual(check(w), r);
        assert.deepEqual(check(applyCheck(w, r)), r);
      }),
    );
  });

  it('check money reconciles per line and per claim', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const r = check(w);
        let claimed = 0;
        let approved = 0;
        r.lines.forEach((v, i) => {
          const l = w.claim.lines[i]!;
          assert.equal(v.askedValue, lineValue(l.qtyProvided, l.priceAsked));
          if (v.status === 'rejected') assert.equal(v.approvedValue, 0);
          const raised = (l.qtyApproved ?? 0) > l.qtyProvided || (l.priceApproved ?? 0) > l.priceAsked;
          if (!raised) assert.ok(v.approvedValue <= v.askedValue);
          claimed += v.askedValue;
          approved += v.approvedValue;
        });
        assert.equal(r.claimedAmount, claimed);
        assert.equal(r.approvedAmount, approved);
        assert.equal(r.status, r.lines.some((l) => l.status === 'passed') ? 'checked' : 'rejected');
      }),
    );
  });

  it('valuation parts add up to qty × unit price, are never negative, and reconcile with the ledger', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const { valuation: v } = process(w);
        const dedByPolicy = new Map<string, number>();
        for (const l of v.lines) {
          const partsSum =
            l.fixedLimitCut +
            l.deductible +
            l.coInsuranceShare +
            l.exceedCeilingCategory +
            l.exceedCeiling +
            l.valuated;
          assert.equal(l.grossValue, lineValue(l.qty, l.unitPrice));
          assert.equal(partsSum, l.grossValue);
          for (const p of [
            l.fixedLimitCut,
            l.deductible,
            l.coInsuranceShare,
            l.exceedCeilingCategory,
            l.exceedCeiling,
          ]) {
            assert.ok(p >= 0);
          }
          assert.ok(l.valuated >= 0 && l.valuated <= l.grossValue);
          assert.ok(Number.isInteger(l.valuated));
          dedByPolicy.set(l.policyId, (dedByPolicy.get(l.policyId) ?? 0) + l.deductible);
        }
        assert.equal(
          v.valuatedAmount,
          v.lines.reduce((s, l) => s + l.valuated, 0),
        );
        for (const row of v.ledger) assert.equal(row.dedG, dedByPolicy.get(row.policyId));
        for (const p of v.policies) {
          if (p.ceiling.amount > 0) assert.ok(p.ledger.remG <= Math.max(0, p.ceiling.amount - p.ceiling.previous));
        }
      }),
    );
  });

  it('never values a line above its asked amount unless a reviewer or the price list allows it', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const { valuation: v } = process(w);
        for (const l of v.lines) {
          const input = w.claim.lines.find((x) => x.lineId === l.lineId)!;
          const asked = lineValue(input.qtyProvided, input.priceAsked);
          const reviewerRaised = input.priceApproved != null || (input.qtyApproved ?? 0) > input.qtyProvided;
          const listAbove = l.priceOrigin !== 'O' && l.unitPrice > input.priceAsked;
          if (!reviewerRaised && !listAbove) assert.ok(l.valuated <= asked, `${l.valuated} > ${asked}`);
        }
      }),
    );
  });

  it('never exceeds a ceiling or a deductible across several claims of the same policy', () => {
    const arbCeiling = fc.record({
      level: fc.constantFrom('maxInsuree', 'maxPolicy', 'maxOpInsuree'),
      amount: fc.integer({ min: 1, max: 100_000 }),
      ded: fc.integer({ min: 0, max: 20_000 }),
    });
    fc.assert(
      fc.property(
        arbCeiling,
        fc.array(fc.tuple(arbLines, fc.boolean()), { minLength: 2, maxLength: 4 }),
        (c, claims) => {
          let history: ClaimHistory = { claims: [], ledger: [] };
          claims.forEach(([lines, excluded], k) => {
            const w = world(lines, {
              claim: { id: `c${k}`, dateFrom: `2026-0${3 + k}-15`, dateClaimed: `2026-0${3 + k}-15` },
              product: { [c.level]: c.amount, dedInsuree: c.ded },
              productLines: { DRUG: { ceilingExclusionAdult: excluded ? 'B' : null } },
              history,
            });
            const r = checkClaim(w);
            const stored = applyCheck(w, r);
            const { valuation } = processClaim(stored);
            history = appendToHistory(history, stored, r, valuation);
          });
          const remG = history.ledger.reduce((s, r) => s + r.remG, 0);
          const dedG = history.ledger.reduce((s, r) => s + r.dedG, 0);
          assert.ok(remG <= c.amount, `remunerated ${remG} > ceiling ${c.amount}`);
          assert.ok(dedG <= c.ded, `deducted ${dedG} > deductible ${c.ded}`);
        },
      ),
    );
  });

  it('splits one line within its whole-cent budgets, the parts adding up to the rounded gross', () => {
    const budget = fc.record({
      deductibleLeft: fc.integer({ min: -1000, max: 50_000 }),
      categoryLeft: opt(fc.integer({ min: -1000, max: 50_000 })),
      ceilingLeft: opt(fc.integer({ min: -1000, max: 50_000 })),
      excluded: fc.boolean(),
    });
    const lim = fc.oneof(
      fc.tuple(fc.constant('C' as const), fc.integer({ min: 0, max: 10_000 })),
      fc.tuple(fc.constant('F' as const), money(50_000)),
    );
    fc.assert(
      fc.property(qty, money(100_000), lim, budget, (q, price, [type, value], b) => {
        const s = splitLine(q, price, type, value, b);
        const sum =
          s.fixedLimitCut + s.deductible + s.coInsuranceShare + s.exceedCeilingCategory + s.exceedCeiling + s.paid;
        assert.equal(sum, lineValue(q, price));
        assert.equal(s.gross, sum);
        assert.ok(s.deductible <= Math.max(0, b.deductibleLeft));
        if (b.categoryLeft !== null) assert.ok(s.exceedCeiling + s.paid <= Math.max(0, b.categoryLeft));
        if (b.ceilingLeft !== null && !b.excluded) assert.ok(s.paid <= Math.max(0, b.ceilingLeft));
        if (s.fullyDeducted) assert.equal(s.paid, 0);
      }),
    );
  });
});
