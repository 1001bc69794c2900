import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClaim } from './check.js';
import { item, policy, service, TARGET, world } from './testing.js';
import type { HistoryClaim, LineVerdict } from './types.js';

const reasons = (lines: LineVerdict[]) => lines.map((l) => l.reason);
const history = (claims: HistoryClaim[]) => ({ claims, ledger: [] });
const past = (
  targetDate: string,
  category: HistoryClaim['category'],
  lines: HistoryClaim['lines'] = [],
  status: HistoryClaim['status'] = 'valuated',
  claimId = `old-${targetDate}`,
): HistoryClaim => ({ claimId, targetDate, status, category, lines });
const drugLine = (qty: number, passed = true) => ({
  kind: 'item' as const,
  medicalId: 'DRUG',
  qtyProvided: qty,
  qtyApproved: null,
  passed,
});

describe('checkClaim: a claim that breaks no rule', () => {
  it('passes every line, is checked and approves Σ qty × price', () => {
    // DRUG 2 × 10.00 = 20.00, CONS 1 × 20.00 = 20.00 → approved 40.00; category C (a consultation service).
    const r = checkClaim(world([item('a', 'DRUG', { qtyProvided: 2 }), service('b', 'CONS', { priceAsked: 2000 })]));
    assert.equal(r.status, 'checked');
    assert.equal(r.category, 'C');
    assert.deepEqual(reasons(r.lines), [0, 0]);
    assert.equal(r.claimedAmount, 4000);
    assert.equal(r.approvedAmount, 4000);
    assert.equal(r.lines[0]!.messageKey, 'claim.reason.0');
  });
});

describe('checkClaim: claim-level reasons 7 and 9', () => {
  it('gives 7 to every line when the insuree or family is not valid (DECISIONS #6)', () => {
    const r = checkClaim(world([item('a', 'DRUG'), service('b', 'CONS')], { insuree: null }));
    assert.deepEqual(reasons(r.lines), [7, 7]);
    assert.equal(r.status, 'rejected');
    assert.equal(r.approvedAmount, 0);
  });

  it('gives 9 to every line when the claim date is before the start date (DECISIONS #5)', () => {
    // dateClaimed 2026-03-10 < dateFrom 2026-03-15.
    const r = checkClaim(world([item('a', 'DRUG')], { claim: { dateClaimed: '2026-03-10' } }));
    assert.deepEqual(reasons(r.lines), [9]);
    assert.deepEqual(r.lines[0]!.reasonParams, { dateFrom: TARGET, dateClaimed: '2026-03-10' });
  });

  it('gives 9 when there is no target date', () => {
    const r = checkClaim(world([item('a', 'DRUG')], { claim: { dateFrom: null, dateTo: null } }));
    assert.deepEqual(reasons(r.lines), [9]);
  });

  it('checks the insuree (7) before the dates (9), as the SP does', () => {
    const r = checkClaim(world([item('a', 'DRUG')], { insuree: null, claim: { dateClaimed: '2026-01-01' } }));
    assert.deepEqual(reasons(r.lines), [7]);
  });
});

describe('checkClaim: register (1) and price list (2)', () => {
  it('gives 1 to a line whose item is not in the register at the target date', () => {
    // DRUG's version ended 2026-03-01, before the target date 2026-03-15.
    const r = checkClaim(
      world([item('a', 'DRUG'), item('b', 'NOPE')], { entries: { DRUG: { validTo: '2026-03-01' } } }),
    );
    assert.deepEqual(reasons(r.lines), [1, 1]);
    assert.deepEqual(r.lines[0]!.reasonParams, { date: TARGET });
  });

  it('gives 2 to a line missing from the facility price list', () => {
    const w = world([item('a', 'DRUG'), service('b', 'CONS')]);
    const r = checkClaim({ ...w, priceList: { item: new Map(), service: w.priceList.service } });
    assert.deepEqual(reasons(r.lines), [2, 0]);
  });
});

describe('checkClaim: care type (10) and patient category (4)', () => {
  it('rejects an in-patient item on a day claim and an out-patient service on a stay (SP formula, DECISIONS #8)', () => {
    // Day claim: line I and not a hospitalisation → 10. Line B always passes.
    const day = checkClaim(world([item('a', 'DRUG')], { entries: { DRUG: { careType: 'I' } } }));
    assert.deepEqual(reasons(day.lines), [10]);
    // Stay 2026-03-10 → 2026-03-15: line O on a hospitalisation → 10.
    const stay = world([service('a', 'CONS')], {
      claim: { dateFrom: '2026-03-10', dateTo: TARGET },
      entries: { CONS: { careType: 'O' } },
    });
    assert.deepEqual(reasons(checkClaim(stay).lines), [10]);
  });

  it('rejects an out-patient line at an in-patient-only facility, passes B lines anywhere', () => {
    const w = world([item('a', 'DRUG'), service('b', 'CONS')], {
      claim: { facility: { id: 'hf', level: 'H', careType: 'I' } },
      entries: { DRUG: { careType: 'O' } },
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [10, 0]);
  });

  it('gives 4 when a bit of the insuree mask is not allowed (DECISIONS #3)', () => {
    // Adult man: mask 1 + 4 = 5. Item allowed for women, adults and minors: 2 + 4 + 8 = 14; 14 & 5 = 4 ≠ 5 → 4.
    const r = checkClaim(world([item('a', 'DRUG')], { entries: { DRUG: { patientCategory: 14 } } }));
    assert.deepEqual(reasons(r.lines), [4]);
    // A girl of 10 (mask 2 + 8 = 10) passes an item allowed for women and minors (2 + 8 = 10).
    const girl = world([item('a', 'DRUG')], {
      entries: { DRUG: { patientCategory: 10 } },
      insuree: { id: 'ins-1', birthDate: '2016-01-01', gender: 'F' },
    });
    assert.deepEqual(reasons(checkClaim(girl).lines), [0]);
  });

  it('is an adult on the 18th birthday, not the day before (DECISIONS #1)', () => {
    // Adults-only item (1 + 2 + 4 = 7). Born 2008-03-15: 18 on 2026-03-15 (the target date).
    const w = (birthDate: string) =>
      world([item('a', 'DRUG')], {
        entries: { DRUG: { patientCategory: 7 } },
        insuree: { id: 'ins-1', birthDate, gender: 'M' },
      });
    assert.deepEqual(reasons(checkClaim(w('2008-03-15')).lines), [0]);
    assert.deepEqual(reasons(checkClaim(w('2008-03-16')).lines), [4]);
  });
});

describe('checkClaim: covering policy (3)', () => {
  it('gives 3 when no active or expired policy covers the insuree at the target date', () => {
    for (const status of [1, 4, 16] as const) {
      const r = checkClaim(world([item('a', 'DRUG')], { policy: { status } }));
      assert.deepEqual(reasons(r.lines), [3], `status ${status}`);
    }
    // DECISIONS #29: an expired policy still covers dates inside its period.
    assert.deepEqual(reasons(checkClaim(world([item('a', 'DRUG')], { policy: { status: 8 } })).lines), [0]);
  });

  it('gives 3 when the insuree is not covered by the family policy or the product lacks the line', () => {
    const notMember = world([item('a', 'DRUG')], { policy: { insureeCoverage: null } });
    assert.deepEqual(reasons(checkClaim(notMember).lines), [3]);
    const later = world([item('a', 'DRUG')], {
      policy: { insureeCoverage: { effectiveDate: '2026-04-01', expiryDate: '2026-12-31' } },
    });
    assert.deepEqual(reasons(checkClaim(later).lines), [3]);
    const noLine = world([item('a', 'DRUG')], { productLines: { DRUG: { validTo: '2026-02-28' } } });
    assert.deepEqual(reasons(checkClaim(noLine).lines), [3]);
  });
});

describe('checkClaim: waiting period (17)', () => {
  it('rejects on a new policy before coverage start + waiting months, naming the first covered day', () => {
    // Stage N, covered from 2026-01-01, 3 months → covered from 2026-04-01 > target 2026-03-15 → 17.
    const w = world([item('a', 'DRUG')], { policy: { stage: 'N' }, productLines: { DRUG: { waitingPeriodAdult: 3 } } });
    const r = checkClaim(w);
    assert.deepEqual(reasons(r.lines), [17]);
    assert.deepEqual(r.lines[0]!.reasonParams, { date: '2026-04-01', months: 3 });
  });

  it('does not apply to a renewal, unless the member joined after the policy started', () => {
    const lines = { DRUG: { waitingPeriodAdult: 2 } };
    assert.deepEqual(reasons(checkClaim(world([item('a', 'DRUG')], { productLines: lines })).lines), [0]);
    // Renewal effective 2026-01-01, member covered from 2026-02-01 → covered from 2026-04-01 → 17.
    const joined = world([item('a', 'DRUG')], {
      productLines: lines,
      policy: { insureeCoverage: { effectiveDate: '2026-02-01', expiryDate: '2026-12-31' } },
    });
    assert.deepEqual(reasons(checkClaim(joined).lines), [17]);
  });

  it('adds months with end-of-month clamping (DECISIONS #2)', () => {
    // Covered from 2025-12-31 + 2 months = 2026-02-28 (clamped); a claim on 2026-02-28 passes, 2026-02-27 fails.
    const w = (date: string) =>
      world([item('a', 'DRUG')], {
        claim: { dateFrom: date, dateClaimed: date },
        policy: {
          stage: 'N',
          effectiveDate: '2025-12-31',
          insureeCoverage: { effectiveDate: '2025-12-31', expiryDate: '2026-12-31' },
        },
        productLines: { DRUG: { waitingPeriodAdult: 2 } },
      });
    assert.deepEqual(reasons(checkClaim(w('2026-02-28')).lines), [0]);
    assert.deepEqual(checkClaim(w('2026-02-27')).lines[0]!.reasonParams, { date: '2026-02-28', months: 2 });
  });

  it('uses the child waiting period for a child', () => {
    const w = world([item('a', 'DRUG')], {
      insuree: { id: 'ins-1', birthDate: '2020-01-01', gender: 'F' },
      policy: { stage: 'N' },
      productLines: { DRUG: { waitingPeriodAdult: 0, waitingPeriodChild: 6 } },
    });
    assert.deepEqual(checkClaim(w).lines[0]!.reasonParams, { date: '2026-07-01', months: 6 });
  });

  it('passes when any covering product passes (DECISIONS #9)', () => {
    const w = world([item('a', 'DRUG')], {
      productLines: { DRUG: { waitingPeriodAdult: 6 } },
      policies: [policy('NEW', 'PROD', { stage: 'N' }), policy('OLD', 'PROD', { stage: 'R' })],
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [0]);
  });
});

describe('checkClaim: maximum provisions (16)', () => {
  const limited = { DRUG: { limitNoAdult: 2 } };
  it('rejects when the quantity already used reaches the limit (DECISIONS #10)', () => {
    // Earlier valuated claim on 2026-02-01 with 2 DRUG passed; used 2 ≥ limit 2 → 16.
    const w = world([item('a', 'DRUG')], {
      productLines: limited,
      history: history([past('2026-02-01', 'V', [drugLine(2)])]),
    });
    const r = checkClaim(w);
    assert.deepEqual(reasons(r.lines), [16]);
    assert.deepEqual(r.lines[0]!.reasonParams, { limit: 2, used: 2 });
  });

  it("does not add the line's own quantity (SP), nor count rejected lines, entered claims or other periods", () => {
    // used 1 < 2 → passes although 1 + 5 > 2.
    const h = history([
      past('2026-02-01', 'V', [drugLine(1), drugLine(4, false)]),
      past('2026-02-02', 'V', [drugLine(3)], 'entered'),
      past('2025-12-01', 'V', [drugLine(3)]),
    ]);
    const r = checkClaim(world([item('a', 'DRUG', { qtyProvided: 5 })], { productLines: limited, history: h }));
    assert.deepEqual(reasons(r.lines), [0]);
  });

  it('ignores the claim itself in its history (re-check)', () => {
    const h = history([past(TARGET, 'V', [drugLine(5)], 'checked', 'claim-1')]);
    assert.deepEqual(reasons(checkClaim(world([item('a', 'DRUG')], { productLines: limited, history: h })).lines), [0]);
  });

  it('cuts the quantity down with partialApprovalOnProvisionLimit', () => {
    // used 1, limit 2, asked 5 → approved 1 × 10.00.
    const w = world([item('a', 'DRUG', { qtyProvided: 5 })], {
      productLines: limited,
      history: history([past('2026-02-01', 'V', [drugLine(1)])]),
      config: { partialApprovalOnProvisionLimit: true },
    });
    const r = checkClaim(w);
    assert.equal(r.lines[0]!.qtyApproved, 1);
    assert.equal(r.approvedAmount, 1000);
  });
});

describe('checkClaim: category maxima (11–15, 19)', () => {
  const cases = [
    { code: 13, service: 'CONS', field: 'maxNoConsultation', cat: 'C' },
    { code: 14, service: 'SURG', field: 'maxNoSurgery', cat: 'S' },
    { code: 15, service: 'DELIV', field: 'maxNoDelivery', cat: 'D' },
    { code: 19, service: 'ANC', field: 'maxNoAntenatal', cat: 'A' },
    { code: 11, service: 'HOSP', field: 'maxNoHospitalization', cat: 'H' },
    { code: 12, service: 'OTHER', field: 'maxNoVisits', cat: 'V' },
  ] as const;
  for (const c of cases) {
    it(`gives ${c.code} to every line when ${c.field} claims of category ${c.cat} are reached`, () => {
      // One earlier claim of the same category in the coverage period; max 1 → count 1 ≥ 1 → every line gets it.
      const w = world([item('a', 'DRUG'), service('b', c.service)], {
        product: { [c.field]: 1 },
        history: history([past('2026-02-01', c.cat)]),
      });
      const r = checkClaim(w);
      assert.deepEqual(reasons(r.lines), [c.code, c.code]);
      assert.deepEqual(r.lines[0]!.reasonParams, { limit: 1, used: 1 });
      assert.equal(r.status, 'rejected');
    });
  }

  it('blocks the first claim when the maximum is 0 (DECISIONS #11) and counts a null category as V', () => {
    const zero = world([service('b', 'SURG')], { product: { maxNoSurgery: 0 } });
    assert.deepEqual(reasons(checkClaim(zero).lines), [14]);
    const v = world([service('b', 'OTHER')], {
      product: { maxNoVisits: 1 },
      history: history([past('2026-02-01', null)]),
    });
    assert.deepEqual(reasons(checkClaim(v).lines), [12]);
  });

  it('counts only claims of the same category inside the coverage period', () => {
    const h = history([past('2026-02-01', 'S'), past('2025-11-01', 'C'), past('2026-02-03', 'C', [], 'rejected')]);
    assert.deepEqual(
      reasons(checkClaim(world([service('b', 'CONS')], { product: { maxNoConsultation: 1 }, history: h })).lines),
      [0],
    );
  });

  it('makes a stay a hospitalisation claim even with a consultation (11)', () => {
    const w = world([service('b', 'CONS')], {
      claim: { dateFrom: '2026-03-10', dateTo: TARGET },
      product: { maxNoHospitalization: 0, maxNoConsultation: 5 },
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [11]);
  });

  it('is checked for services only: a claim of items alone is never blocked', () => {
    assert.deepEqual(reasons(checkClaim(world([item('a', 'DRUG')], { product: { maxNoVisits: 0 } })).lines), [0]);
  });
});

describe('checkClaim: frequency (5)', () => {
  const every30 = { DRUG: { frequency: 30 } };
  it('rejects a provision less than `frequency` days after an earlier one (DECISIONS #12)', () => {
    // 2026-02-20 → 2026-03-15 = 23 days < 30 → 5.
    const r = checkClaim(
      world([item('a', 'DRUG')], { entries: every30, history: history([past('2026-02-20', 'V', [drugLine(1)])]) }),
    );
    assert.deepEqual(reasons(r.lines), [5]);
    assert.deepEqual(r.lines[0]!.reasonParams, { days: 30, date: '2026-02-20' });
  });

  it('passes exactly `frequency` days apart, and looks on either side', () => {
    const at = (d: string) =>
      reasons(
        checkClaim(world([item('a', 'DRUG')], { entries: every30, history: history([past(d, 'V', [drugLine(1)])]) }))
          .lines,
      );
    assert.deepEqual(at('2026-02-13'), [0]); // 30 days before
    assert.deepEqual(at('2026-04-01'), [5]); // 17 days after
    assert.deepEqual(at('2026-04-14'), [0]); // 30 days after
  });

  it('ignores rejected earlier lines', () => {
    const h = history([past('2026-03-01', 'V', [drugLine(1, false)])]);
    assert.deepEqual(reasons(checkClaim(world([item('a', 'DRUG')], { entries: every30, history: h })).lines), [0]);
  });
});

describe('checkClaim: order, first reason wins', () => {
  it('keeps care type (10) before coverage (3) and mask (4)', () => {
    const w = world([item('a', 'DRUG')], {
      entries: { DRUG: { careType: 'I', patientCategory: 14 } },
      policy: { status: 4 },
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [10]);
  });

  it('keeps the register (1) before the price list (2) and everything else', () => {
    const w = world([item('a', 'DRUG')], { entries: { DRUG: { validFrom: '2026-04-01' } } });
    const r = checkClaim({ ...w, priceList: { item: new Map(), service: new Map() } });
    assert.deepEqual(reasons(r.lines), [1]);
  });

  it('remembers the first fault met in the covering-product loop order', () => {
    // OLD (renewal, covered 2026-01-01, 1 month → sorted first at 2026-02-01) fails 16;
    // NEW (stage N, covered 2026-03-01, 1 month → 2026-04-01) fails 17 → the line gets 16.
    const w = world([item('a', 'DRUG')], {
      productLines: { DRUG: { waitingPeriodAdult: 1, limitNoAdult: 1 } },
      policies: [
        policy('NEW', 'PROD', {
          stage: 'N',
          insureeCoverage: { effectiveDate: '2026-03-01', expiryDate: '2026-12-31' },
        }),
        policy('OLD', 'PROD'),
      ],
      history: history([past('2026-03-05', 'V', [drugLine(1)])]),
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [16]);
  });

  it('runs frequency (5) only on lines that passed the product checks', () => {
    const w = world([item('a', 'DRUG')], {
      entries: { DRUG: { frequency: 30 } },
      productLines: { DRUG: { limitNoAdult: 1 } },
      history: history([past('2026-03-01', 'V', [drugLine(1)])]),
    });
    assert.deepEqual(reasons(checkClaim(w).lines), [16]);
  });

  it('lets a category fault override earlier line reasons, but not a reviewer rejection', () => {
    const w = world(
      [item('a', 'NOPE'), item('r', 'DRUG', { status: 'rejected', rejectionReason: -1 }), service('b', 'SURG')],
      { product: { maxNoSurgery: 0 } },
    );
    assert.deepEqual(reasons(checkClaim(w).lines), [14, -1, 14]);
  });

  it('keeps a reviewer rejection (−1) and checks the other lines', () => {
    const w = world([item('a', 'DRUG', { status: 'rejected', rejectionReason: -1 }), service('b', 'CONS')]);
    const r = checkClaim(w);
    assert.deepEqual(reasons(r.lines), [-1, 0]);
    assert.equal(r.lines[0]!.messageKey, 'claim.reason.-1');
    assert.equal(r.approvedAmount, 1000);
  });
});

describe('checkClaim: approved amount (DECISIONS #13)', () => {
  it('sums (qty approved ?? provided) × (price approved ?? asked) over passed lines, half-up per line', () => {
    // a: 2 × 8.00 (approved price) = 16.00; b: 1.5 × 3.33 = 4.995 → 5.00; c rejected (1).
    const r = checkClaim(
      world([
        item('a', 'DRUG', { qtyProvided: 2, priceApproved: 800 }),
        service('b', 'CONS', { qtyProvided: 3, qtyApproved: 1.5, priceAsked: 333 }),
        item('c', 'NOPE'),
      ]),
    );
    assert.deepEqual(
      r.lines.map((l) => l.approvedValue),
      [1600, 500, 0],
    );
    assert.equal(r.approvedAmount, 2100);
    assert.equal(r.claimedAmount, 2000 + 999 + 1000);
  });
});
