import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assignProducts, chooseLimitation } from './product-assignment.js';
import { item, policy, product, productLine, service, world } from './testing.js';
import type { ProductLineTerms } from './types.js';

const withTwoProducts = (
  c: Partial<ProductLineTerms>,
  f: Partial<ProductLineTerms>,
  visitType: 'O' | 'E' | 'R' = 'O',
) =>
  world([item('a', 'DRUG', { priceAsked: 1000 })], {
    claim: { visitType },
    policies: [policy('POL-C', 'PC'), policy('POL-F', 'PF')],
    products: new Map([
      ['PC', product('PC', { items: [productLine('DRUG', c)] })],
      ['PF', product('PF', { items: [productLine('DRUG', { limitationType: 'F', ...f })] })],
    ]),
  });

describe('assignProducts: co-insurance or fixed (RULES §4, DECISIONS #14)', () => {
  it('takes F when the fixed limit is 0 (unlimited) or above the price', () => {
    for (const limitAdult of [0, 1200]) {
      const a = assignProducts(withTwoProducts({ limitAdult: 8000 }, { limitAdult }));
      assert.equal(a.lines[0]!.limitation, 'F');
      assert.equal(a.lines[0]!.policyId, 'POL-F');
      assert.equal(a.lines[0]!.limitationValue, limitAdult);
    }
  });

  it("compares the insuree's own shares: C 80 % vs F 8.00 on 10.00 is 2.00 each → C; F 9.00 → F", () => {
    // own C = 20 % × 10.00 = 2.00; own F = 10.00 − 8.00 = 2.00; F only when own C > own F.
    const eq = assignProducts(withTwoProducts({ limitAdult: 8000 }, { limitAdult: 800 }));
    assert.deepEqual(
      [eq.lines[0]!.limitation, eq.lines[0]!.limitationValue, eq.lines[0]!.productId],
      ['C', 8000, 'PC'],
    );
    const f = assignProducts(withTwoProducts({ limitAdult: 8000 }, { limitAdult: 900 }));
    assert.equal(f.lines[0]!.limitation, 'F');
  });

  it('takes C at 100 % when the fixed limit is below the price', () => {
    const a = assignProducts(withTwoProducts({ limitAdult: 10_000 }, { limitAdult: 999 }));
    assert.equal(a.lines[0]!.limitation, 'C');
  });

  it('reads the limit columns of the visit type (E emergency, R referral)', () => {
    const a = assignProducts(withTwoProducts({ limitAdultE: 5000 }, { limitationTypeE: 'C', limitAdultE: 7000 }, 'E'));
    assert.deepEqual([a.lines[0]!.limitation, a.lines[0]!.limitationValue, a.lines[0]!.productId], ['C', 7000, 'PF']);
    const r = assignProducts(withTwoProducts({ limitAdultR: 5000 }, { limitationTypeR: 'F', limitAdultR: 0 }, 'R'));
    assert.equal(r.lines[0]!.limitation, 'F');
  });

  it('uses the child limits for a child', () => {
    const w = withTwoProducts(
      { limitAdult: 8000, limitChild: 9000 },
      { limitAdult: 0, limitationType: 'C', limitChild: 5000 },
    );
    const a = assignProducts({ ...w, insuree: { id: 'ins-1', birthDate: '2019-01-01', gender: 'F' } });
    assert.deepEqual([a.lines[0]!.limitationValue, a.lines[0]!.productId], [9000, 'PC']);
  });

  it('records the price origin of the chosen product line', () => {
    const w = world([service('s', 'CONS')], { productLines: { CONS: { priceOrigin: 'R' } } });
    assert.equal(assignProducts(w).lines[0]!.priceOrigin, 'R');
  });

  it('skips products whose waiting period is not over (ADR 0006) and gives 3 when none is left', () => {
    const w = world([item('a', 'DRUG')], {
      policy: { stage: 'N' },
      productLines: { DRUG: { waitingPeriodAdult: 12 } },
    });
    const a = assignProducts(w);
    assert.equal(a.lines[0]!.reason, 3);
    assert.equal(a.status, 'rejected');
  });

  it('leaves lines stored as rejected rejected and repeats checks 1, 2 and 4', () => {
    const w = world([
      item('a', 'DRUG', { status: 'rejected', rejectionReason: -1 }),
      item('b', 'NOPE'),
      service('c', 'CONS'),
    ]);
    const a = assignProducts(w);
    assert.deepEqual(
      a.lines.map((l) => [l.status, l.reason]),
      [
        ['rejected', -1],
        ['rejected', 1],
        ['passed', 0],
      ],
    );
    assert.equal(a.status, 'assigned');
  });
});

describe('chooseLimitation: properties', () => {
  const cand = (type: 'C' | 'F', limit: number) => ({ type, limit }) as never;
  it('never leaves the insuree a larger own share than the other candidate when F is below the price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (co, fixed, price) => {
          fc.pre(fixed <= price);
          const chosen = chooseLimitation(cand('C', co), cand('F', fixed), price) as unknown as { type: string };
          const ownC = ((10_000 - co) * price) / 10_000;
          const ownF = price - fixed;
          assert.ok(chosen.type === 'C' ? ownC <= ownF || co >= 10_000 : ownF < ownC);
        },
      ),
    );
  });
});
