import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import codelist from '@mutua/codelist';
import insuree, { type InsureeApi, insureeService } from '@mutua/insuree';
import { type Ctx, type ModuleDefinition, type MutuaError, queryRows } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import location, { type LocationService, locationService } from '@mutua/location';
import medical, { type MedicalApi, medicalService } from '@mutua/medical';
import pricelist, { pricelistService } from '@mutua/medical-pricelist';
import officer, { officerService } from '@mutua/officer';
import policy, { type PolicyApi, policyService } from '@mutua/policy';
import product, { type ProductApi, productService } from '@mutua/product';
import { sql } from 'drizzle-orm';
import { type ClaimInput, claimCheck, claimService } from '../points.js';
import claim from './index.js';
import type { ClaimService } from './service.js';

const MODULES = [location, codelist, officer, medical, pricelist, product, insuree, policy, claim];

const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
const fields = (e: MutuaError) => e.problems.map((p) => p.field);

describe('claims', () => {
  let k: TestKernel;
  let admin: Ctx;
  let claims: ClaimService;
  let med: MedicalApi;
  let loc: LocationService;
  let base: ClaimInput;
  let chfId: string;
  let hfId: string;
  let otherHfId: string;
  let unlisted: string;

  before(async () => {
    k = await startTestKernel({ modules: MODULES as unknown as ModuleDefinition<unknown, unknown>[] });
    admin = k.adminCtx();
    const svc = <T>(ref: Parameters<typeof k.kernel.service>[0]) => k.kernel.service(ref) as T;
    loc = svc<LocationService>(locationService);
    med = svc<MedicalApi>(medicalService);
    claims = svc<ClaimService>(claimService);
    for (const [m, ref] of [
      [location, locationService],
      [officer, officerService],
      [medical, medicalService],
      [pricelist, pricelistService],
      [product, productService],
    ] as const) {
      await (m as unknown as ModuleDefinition<unknown>).seedDemo?.(admin, k.kernel.service(ref as never));
    }
    const hf = (await loc.findHealthFacilityByCode(admin, 'HF1101'))!;
    hfId = hf.id;
    otherHfId = (await loc.findHealthFacilityByCode(admin, 'HF2101'))!.id;
    const village = (await loc.searchLocations(admin, { type: 'V' }, { first: 1 })).edges[0]!.node;
    const ins = svc<InsureeApi>(insureeService);
    const { family, head } = await ins.createFamily(
      admin,
      { locationId: village.id },
      { lastName: 'Diallo', otherNames: 'Awa', dob: '1990-05-01', gender: 'F' },
      { confirmDuplicates: true },
    );
    chfId = head.chfId;
    const prod = (await svc<ProductApi>(productService).findByCode(admin, 'MUS-FAM'))!;
    const pol = svc<PolicyApi>(policyService);
    const p = await pol.createPolicy(admin, { familyId: family.id, productId: prod.id, enrollDate: '2025-01-15' });
    await pol.activatePolicy(admin, p.id, '2025-02-01');
    const items = (await med.searchItems(admin, {}, { first: 2 })).edges.map((e) => e.node);
    const service = (await med.searchServices(admin, { careType: 'O' }, { first: 1 })).edges[0]!.node;
    unlisted = (
      await med.createItem(admin, { code: 'ZZ001', name: 'Not listed', type: 'D', price: '100', careType: 'B' })
    ).id;
    const icd = (await med.searchDiagnoses(admin, {}, { first: 1 })).edges[0]!.node;
    base = {
      code: 'C-001',
      hfId,
      insureeNumber: chfId,
      dateFrom: '2025-06-10',
      dateClaimed: '2025-06-11',
      icdId: icd.id,
      items: items.map((i) => ({ medicalId: i.id, qtyProvided: '2' })),
      services: [{ medicalId: service.id, qtyProvided: '1' }],
    };
  });
  after(async () => {
    await k?.close();
  });

  it('refuses bad input with errors naming each field', async () => {
    await rejects(
      claims.createClaim(admin, {
        ...base,
        insureeNumber: '000000000',
        dateTo: '2025-06-01',
        items: [
          { medicalId: '0190f000-0000-7000-8000-000000000000', qtyProvided: '1' },
          { medicalId: unlisted, qtyProvided: '0' },
        ],
      }),
      'BAD_INPUT',
      (e) => {
        assert.deepEqual(
          fields(e).sort(),
          ['dateTo', 'insureeNumber', 'items.0.medicalId', 'items.1.qtyProvided', 'items.1.priceAsked'].sort(),
        );
        assert.equal(e.problems.find((p) => p.field === 'insureeNumber')?.key, 'claim.error.unknownInsuree');
      },
    );
  });

  it('creates once per clientMutationId, with prices from the price list', async () => {
    const token = await (async () => {
      await k.createUser({ username: 'clerk-admin', admin: true });
      return k.loginToken('clerk-admin');
    })();
    const q = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { claim { id code claimed items { priceAsked } } } }`;
    const input = { ...base, code: 'C-IDEM', clientMutationId: 'cm-1' };
    const a = await k.gql<{ createClaim: { claim: { id: string; claimed: string } } }>(q, { input }, { token });
    const b = await k.gql<{ createClaim: { claim: { id: string } } }>(q, { input }, { token });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.equal(a.data?.createClaim.claim.id, b.data?.createClaim.claim.id);
    const found = await claims.searchClaims(admin, { code: 'C-IDEM' }, {});
    assert.equal(found.totalCount, 1);
    assert.ok(Number(a.data?.createClaim.claim.claimed) > 0);
  });

  it('REST POST /api/claims enters, checks and values in one request; a retry creates no second claim', async () => {
    await k.createUser({ username: 'facility-system', admin: true });
    const token = await k.loginToken('facility-system');
    const send = (body: unknown) =>
      k.kernel.app.inject({
        method: 'POST',
        url: '/api/claims',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'fr' },
        payload: JSON.stringify(body),
      });
    const body = {
      claim: {
        ...base,
        code: 'C-REST',
        items: [...(base.items ?? []), { medicalId: unlisted, qtyProvided: '1', priceAsked: '100' }],
      },
      process: true,
      clientMutationId: 'rest-1',
    };
    const a = await send(body);
    assert.equal(a.statusCode, 200, a.body);
    const first = a.json() as {
      claim: {
        id: string;
        status: number;
        valuated: string;
        items: Array<{ medicalId: string; rejectionReason: number }>;
      };
    };
    assert.equal(first.claim.status, 16, 'valuated in the same request');
    assert.ok(Number(first.claim.valuated) > 0);
    assert.equal(first.claim.items.find((l) => l.medicalId === unlisted)?.rejectionReason, 2);
    // The answer is built without reading the claim back: it must be the claim as stored, field for field.
    const stored = await claims.getClaim(admin, first.claim.id);
    assert.deepEqual(first.claim, JSON.parse(JSON.stringify(stored)), 'POST /api/claims answers the claim as stored');
    const b = await send(body);
    assert.equal((b.json() as { claim: { id: string } }).claim.id, first.claim.id);
    assert.equal((await claims.searchClaims(admin, { code: 'C-REST' }, {})).totalCount, 1);
    // Bad input: a translated error naming the field.
    const bad = await send({ claim: { ...base, code: 'C-REST-2', insureeNumber: '000000000' } });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.body, /insureeNumber/);
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

  it('submit with process values passing claims in the same pass; a claim flagged at the check waits for review', async () => {
    // An extension (claim-ai…) flags claims for review through the claim.check hook.
    k.kernel.hooks
      .forModule('claim')
      .validate(claimCheck, async ({ claim: c }) =>
        c.explanation === 'suspect' ? [{ field: 'review', key: 'claim.test.flag' }] : [],
      );
    const plain = await claims.createClaim(admin, { ...base, code: 'C-ONEPASS' });
    const flagged = await claims.createClaim(admin, { ...base, code: 'C-FLAGGED', explanation: 'suspect' });
    const summary = await claims.submitClaims(admin, [plain.id, flagged.id], undefined, { process: true });
    assert.deepEqual([summary.checked, summary.valuated + summary.processed], [2, 1]);
    const done = (await claims.getClaim(admin, plain.id))!;
    assert.equal(done.status, 16);
    const lines = [...done.items, ...done.services];
    const sum = lines.reduce((s, l) => s + Math.round(Number(l.priceValuated ?? 0) * 100), 0);
    assert.equal(Math.round(Number(done.valuated) * 100), sum, 'the claim total is the sum of its lines');
    assert.ok(lines.every((l) => l.productId && l.policyId));
    const waiting = (await claims.getClaim(admin, flagged.id))!;
    assert.equal(waiting.status, 4);
    assert.deepEqual(
      waiting.reviewFlags.map((f) => f.key),
      ['claim.test.flag'],
    );
    assert.equal(waiting.valuated, null);
  });

  it('submits: a line not in the price list is rejected with reason 2; process values the rest and reconciles', async () => {
    const c = await claims.createClaim(admin, {
      ...base,
      code: 'C-002',
      items: [...(base.items ?? []), { medicalId: unlisted, qtyProvided: '1', priceAsked: '100' }],
    });
    const dry = await claims.validateClaim(admin, { claimId: c.id });
    assert.equal(dry.lines.find((l) => l.medicalId === unlisted)?.rejectionReason, 2);
    assert.equal((await claims.getClaim(admin, c.id))?.status, 2, 'the dry run saves nothing');
    const s = await claims.submitClaims(admin, [c.id]);
    assert.equal(s.checked, 1);
    const checked = (await claims.getClaim(admin, c.id))!;
    assert.equal(checked.status, 4);
    const bad = checked.items.find((l) => l.medicalId === unlisted)!;
    assert.equal(bad.status, 2);
    assert.equal(bad.rejectionReason, 2);
    const p = await claims.processClaims(admin, [c.id]);
    assert.equal(p.valuated + p.processed, 1);
    const done = (await claims.getClaim(admin, c.id))!;
    assert.ok(done.status === 16 || done.status === 8);
    const lines = [...done.items, ...done.services].filter((l) => l.status === 1);
    const cents = (s: string | null) => Math.round(Number(s ?? 0) * 100);
    assert.equal(
      lines.reduce((t, l) => t + cents(l.priceValuated), 0),
      cents(done.valuated),
    );
    if (done.status === 16)
      assert.equal(
        lines.reduce((t, l) => t + cents(l.remuneratedAmount), 0),
        cents(done.remunerated),
      );
    await rejects(claims.updateClaim(admin, c.id, { ...base, code: 'C-002' }), 'RULE_VIOLATION');
  });

  it('a claim administrator sees only their facility', async () => {
    const mine = await claims.createClaim(admin, { ...base, code: 'C-HF1' });
    const other = await claims.createClaim(admin, { ...base, code: 'C-HF2', hfId: otherHfId });
    const u = await k.createUser({ username: 'ca1', rights: ['claim.claim.search', 'claim.claim.add'] });
    const officers = k.kernel.service(officerService)!;
    await officers.createClaimAdmin(admin, {
      code: 'CA-T1',
      lastName: 'A',
      otherNames: 'B',
      healthFacilityId: hfId,
      userId: u.id,
    });
    const ctx = k.ctxAs(u);
    const ids = (await claims.searchClaims(ctx, {}, { first: 500 })).edges.map((e) => e.node.id);
    assert.ok(ids.includes(mine.id));
    assert.ok(!ids.includes(other.id));
    assert.equal(await claims.getClaim(ctx, other.id), null);
    await rejects(claims.createClaim(ctx, { ...base, code: 'C-HF3', hfId: otherHfId }), 'BAD_INPUT', (e) =>
      assert.deepEqual(fields(e), ['hfId']),
    );
  });

  it('refuses an attachment too large', async () => {
    const c = await claims.createClaim(admin, { ...base, code: 'C-ATT' });
    await rejects(
      claims.addAttachment(admin, c.id, {
        filename: 'x.pdf',
        mime: 'application/pdf',
        data: new Uint8Array(6_000_000),
      }),
      'TOO_LARGE',
    );
    const a = await claims.addAttachment(admin, c.id, {
      filename: 'x.pdf',
      mime: 'application/pdf',
      data: new Uint8Array(10),
    });
    assert.equal((await claims.attachments(admin, c.id)).map((x) => x.id).join(), a.id);
  });
});
