import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Ctx, type MutuaError, queryRows } from '@mutua/kernel';
import type { TestKernel } from '@mutua/kernel/testing';
import type { MedicalApi } from '@mutua/medical';
import { officerService } from '@mutua/officer';
import { sql } from 'drizzle-orm';
import type { ClaimInput } from '../points.js';
import { fields, startClaimFixture } from './claim-fixture.js';
import type { ClaimService } from './service.js';

/** Claims sent together or one after the other: batches, policy locks, ceilings across claims, the reference cache. */
describe('claims sent by facility systems', () => {
  let k: TestKernel;
  let admin: Ctx;
  let claims: ClaimService;
  let med: MedicalApi;
  let base: ClaimInput;
  let chfId: string;
  let hfId: string;
  let otherHfId: string;

  before(async () => {
    ({ k, admin, claims, med, base, chfId, hfId, otherHfId } = await startClaimFixture());
  });
  after(async () => {
    await k?.close();
  });

  it('claims sent at once go together (one transaction), each with its own answer, error and retry', async () => {
    const at = { dateFrom: '2025-09-01', dateClaimed: '2025-09-02' };
    // Sent in the same turn of the event loop, as concurrent requests of facility systems arrive.
    const send = (claim: ClaimInput, clientMutationId: string | null = null) =>
      claims.submitQueued(admin, claim, { process: true, clientMutationId });
    const answers = await Promise.allSettled([
      send({ ...base, ...at, code: 'C-GRP-1' }, 'grp-1'),
      send({ ...base, ...at, code: 'C-GRP-2', insureeNumber: '000000000' }, 'grp-bad'),
      send({ ...base, ...at, code: 'C-GRP-3' }, 'grp-3'),
      send({ ...base, ...at, code: 'C-GRP-3' }, 'grp-3'), // a retry sent before the first answer came
    ]);
    const ok = (i: number) => {
      const a = answers[i]!;
      assert.equal(a.status, 'fulfilled', a.status === 'rejected' ? String(a.reason) : '');
      return (a as PromiseFulfilledResult<Awaited<ReturnType<typeof send>>>).value;
    };
    const refused = answers[1]!;
    assert.equal(refused.status, 'rejected');
    assert.deepEqual(fields((refused as PromiseRejectedResult).reason as MutuaError), ['insureeNumber']);
    assert.equal(ok(2).claim.id, ok(3).claim.id, 'the retry answers the same claim');
    assert.equal(ok(0).claim.status, 16, 'valuated');
    assert.equal((await claims.searchClaims(admin, { code: 'C-GRP-3' }, {})).totalCount, 1);
    assert.equal((await claims.searchClaims(admin, { code: 'C-GRP-2' }, {})).totalCount, 0);
    // Written together: the audit entries of both claims carry the one transaction's time.
    const stamps = await queryRows<{ at: string }>(
      k.database.db,
      sql`SELECT DISTINCT at::text AS at FROM audit_log WHERE entity = 'Claim' AND action = 'create'
          AND entity_id IN (${ok(0).claim.id}, ${ok(2).claim.id})`,
    );
    assert.equal(stamps.length, 1, 'one transaction for the batch');
    // The answer is the claim as stored.
    assert.deepEqual(
      JSON.parse(JSON.stringify(ok(0).claim)),
      JSON.parse(JSON.stringify(await claims.getClaim(admin, ok(0).claim.id))),
    );
    // A failed request does not use up its clientMutationId: sent again, corrected, it is entered.
    const fixed = await send({ ...base, ...at, code: 'C-GRP-2' }, 'grp-bad');
    assert.equal(fixed.claim.code, 'C-GRP-2');
    // Two claims with one code in a batch: the batch is run again claim by claim, one is entered, one refused.
    const twins = await Promise.allSettled([
      send({ ...base, ...at, code: 'C-GRP-4' }),
      send({ ...base, ...at, code: 'C-GRP-4' }),
      send({ ...base, ...at, code: 'C-GRP-5' }),
    ]);
    assert.deepEqual(twins.map((t) => (t.status === 'fulfilled' ? 'ok' : (t.reason as MutuaError).code)).sort(), [
      'CONFLICT',
      'ok',
      'ok',
    ]);
    assert.equal((await claims.searchClaims(admin, { code: 'C-GRP-4' }, {})).totalCount, 1);
    assert.equal((await claims.searchClaims(admin, { code: 'C-GRP-5' }, {})).totalCount, 1);
  });

  it("a claim administrator's system sending claims together: each entered for their facility, another refused", async () => {
    const u = await k.createUser({
      username: 'ca-system',
      rights: ['claim.claim.search', 'claim.claim.add', 'claim.claim.submit', 'claim.claim.process'],
    });
    await k.kernel.service(officerService)!.createClaimAdmin(admin, {
      code: 'CA-SYS',
      lastName: 'Système',
      otherNames: 'Centre',
      healthFacilityId: hfId,
      userId: u.id,
    });
    const at = { dateFrom: '2025-10-01', dateClaimed: '2025-10-01' };
    // Each request signs in on its own, as a facility system's concurrent requests do.
    const send = async (claim: ClaimInput) =>
      claims.submitQueued(k.ctxAs({ ...u }), claim, { process: true, clientMutationId: null });
    const { hfId: _omitted, ...withoutFacility } = base;
    const answers = await Promise.allSettled([
      send({ ...withoutFacility, ...at, code: 'C-CA-1' }),
      send({ ...base, ...at, code: 'C-CA-2', hfId: otherHfId }),
      send({ ...withoutFacility, ...at, code: 'C-CA-3' }),
    ]);
    const entered = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.claim] : []));
    assert.deepEqual(
      entered.map((c) => [c.code, c.hfId]),
      [
        ['C-CA-1', hfId],
        ['C-CA-3', hfId],
      ],
      'entered for the facility of their officer record',
    );
    const refused = answers[1]!;
    assert.equal(refused.status, 'rejected');
    assert.deepEqual(fields((refused as PromiseRejectedResult).reason as MutuaError), ['hfId']);
  });

  it('two claims sent at once for the same patient are judged one after the other (frequency holds)', async () => {
    const antenatal = (await med.searchServices(admin, {}, { first: 200 })).edges
      .map((e) => e.node)
      .find((s) => s.frequency === 28 && s.careType !== 'I');
    assert.ok(antenatal, 'the demo register has an antenatal visit (once in 28 days)');
    const send = (code: string) =>
      claims.submitClaim(
        admin,
        {
          ...base,
          code,
          dateFrom: '2025-07-20',
          dateClaimed: '2025-07-20',
          items: [],
          services: [{ medicalId: antenatal.id, qtyProvided: '1' }],
        },
        { process: true },
      );
    const both = await Promise.all([send('C-RACE-1'), send('C-RACE-2')]);
    const verdicts = both.map((c) => [c.services[0]!.status, c.services[0]!.rejectionReason]);
    assert.equal(verdicts.filter(([s]) => s === 1).length, 1, `one visit passes: ${JSON.stringify(verdicts)}`);
    const [, reason] = verdicts.find(([s]) => s === 2)!;
    assert.ok(reason === 5 || reason === 19, `the other is refused by frequency (5) or count (19), got ${reason}`);
  });

  it('a bulk check sees the earlier claims of the items and services it is asked for, beside other lines', async () => {
    const antenatal = (await med.searchServices(admin, {}, { first: 200 })).edges
      .map((e) => e.node)
      .find((s) => s.frequency === 28 && s.careType !== 'I');
    assert.ok(antenatal);
    const at = { dateFrom: '2025-05-10', dateClaimed: '2025-05-10' };
    const visit = { medicalId: antenatal.id, qtyProvided: '1' };
    // An earlier visit, valued: in the database, not in the bulk run's memory.
    const earlier = await claims.submitClaim(
      admin,
      { ...base, ...at, code: 'C-HIST-1', services: [visit] },
      { process: true },
    );
    assert.equal(earlier.services.at(-1)!.status, 1, 'the first visit passes');
    // Twelve days later: the same visit beside the claim's usual item, entered, then checked in bulk.
    const later = await claims.createClaim(admin, {
      ...base,
      code: 'C-HIST-2',
      dateFrom: '2025-05-22',
      dateClaimed: '2025-05-22',
      services: [visit],
    });
    const summary = await claims.submitClaims(admin, [later.id]);
    assert.equal(summary.checked, 1, 'the claim is checked: its item passes');
    const stored = (await claims.getClaim(admin, later.id))!;
    assert.equal(stored.items[0]!.status, 1, 'the item passes');
    const v = stored.services.at(-1)!;
    assert.deepEqual([v.status, v.rejectionReason], [2, 5], 'the visit 12 days after the last is too frequent (5)');
  });

  it('the out-patient ceiling of the policy holds across claims (150 000 for MUS-FAM)', async () => {
    // The dearest out-patient line Awa may get as often as asked, in the facility's price list and the product.
    const candidates = [
      ...(await med.searchItems(admin, {}, { first: 200 })).edges.map((e) => ({ kind: 'item' as const, ...e.node })),
      ...(await med.searchServices(admin, {}, { first: 200 })).edges.map((e) => ({
        kind: 'service' as const,
        ...e.node,
      })),
    ]
      .filter((m) => m.careType !== 'I' && !m.frequency && (m.patientCategory & 6) === 6)
      .sort((a, b) => Number(b.price) - Number(a.price));
    const lineOf = (m: (typeof candidates)[number], qty: number) => {
      const line = [{ medicalId: m.id, qtyProvided: String(qty), explanation: 'séances répétées' }];
      return m.kind === 'item' ? { items: line, services: [] } : { items: [], services: line };
    };
    let pick: { m: (typeof candidates)[number]; qty: number } | null = null;
    for (const m of candidates) {
      const qty = Math.max(1, Math.min(Number(m.maximumQuantity ?? 1e9), Math.ceil(90_000 / Number(m.price))));
      const v = await claims.validateClaim(admin, {
        input: { ...base, code: 'C-CEIL-0', dateFrom: '2025-08-15', dateClaimed: '2025-08-15', ...lineOf(m, qty) },
      });
      if (v.status === 4 && qty * Number(m.price) >= 80_000) {
        pick = { m, qty };
        break;
      }
    }
    assert.ok(pick, 'the demo has an out-patient line worth 80 000 in one claim');
    const big = (code: string) =>
      claims.submitClaim(
        admin,
        { ...base, code, dateFrom: '2025-08-15', dateClaimed: '2025-08-15', ...lineOf(pick!.m, pick!.qty) },
        { process: true },
      );
    const first = await big('C-CEIL-1');
    const second = await big('C-CEIL-2');
    assert.ok(Number(first.valuated) > 0, 'the first claim is paid');
    const exceeded = [...second.items, ...second.services].reduce((s, l) => s + Number(l.exceedCeilingAmount ?? 0), 0);
    assert.ok(exceeded > 0, 'the second claim goes over the ceiling');
    assert.ok(Number(second.valuated) < Number(first.valuated), 'and is paid less');
    const paid = (await claims.searchClaims(admin, { insureeNumber: chfId, status: [8, 16] }, { first: 100 })).edges
      .map((e) => e.node)
      .filter((c) => c.visitType === 'O')
      .reduce((s, c) => s + Math.round(Number(c.valuated ?? 0) * 100), 0);
    assert.ok(paid <= 150_000_00, `everything paid for Awa's out-patient care stays within the ceiling: ${paid / 100}`);
  });

  it('a register change is seen by the very next check (reference data is cached across requests)', async () => {
    const item = (await med.getItems(admin, [base.items![0]!.medicalId]))[0]!;
    const verdict = async () => (await claims.validateClaim(admin, { input: { ...base, code: 'C-CACHE' } })).lines[0]!;
    assert.equal((await verdict()).status, 1, 'the item passes for Awa (adult woman)');
    assert.equal((await verdict()).status, 1, 'and again, from the cache');
    const input = {
      code: item.code,
      name: item.name,
      type: item.type,
      price: item.price,
      careType: item.careType,
      patientCategory: item.patientCategory,
    };
    await med.updateItem(admin, item.id, { ...input, patientCategory: 1 | 4 }); // adult men only
    try {
      const v = await verdict();
      assert.deepEqual([v.status, v.rejectionReason], [2, 4], 'patient category (4) right after the change');
    } finally {
      await med.updateItem(admin, item.id, input);
    }
    assert.equal((await verdict()).status, 1, 'and passes again once restored');
  });
});
