import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Ctx, queryRows } from '@mutua/kernel';
import type { TestKernel } from '@mutua/kernel/testing';
import { officerService } from '@mutua/officer';
import { sql } from 'drizzle-orm';
import { type ClaimInput, claimCheck } from '../points.js';
import { fields, rejects, startClaimFixture } from './claim-fixture.js';
import type { ClaimService } from './service.js';

describe('claims', () => {
  let k: TestKernel;
  let admin: Ctx;
  let claims: ClaimService;
  let base: ClaimInput;
  let hfId: string;
  let otherHfId: string;
  let unlisted: string;

  before(async () => {
    ({ k, admin, claims, base, hfId, otherHfId, unlisted } = await startClaimFixture());
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

  it('GraphQL submitClaim sent at once by several clients: each judged, a retry answers the first claim', async () => {
    await k.createUser({ username: 'gql-system', admin: true });
    const token = await k.loginToken('gql-system');
    const q = `mutation($input: SubmitClaimInput!) {
      submitClaim(input: $input) { clientMutationId claim { id code status valuated } } }`;
    type Answer = {
      submitClaim: { clientMutationId: string | null; claim: { id: string; code: string; status: number } };
    };
    const send = (code: string, clientMutationId: string) =>
      k.gql<Answer>(q, { input: { ...base, code, process: true, clientMutationId } }, { token });
    const [a, b, c] = await Promise.all([send('C-GQL-1', 'gql-1'), send('C-GQL-1', 'gql-1'), send('C-GQL-2', 'gql-2')]);
    for (const r of [a, b, c]) assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(a.data?.submitClaim.claim.id, b.data?.submitClaim.claim.id, 'the retry answers the same claim');
    assert.equal(a.data?.submitClaim.clientMutationId, 'gql-1');
    assert.deepEqual(
      [a, c].map((r) => [r.data?.submitClaim.claim.code, r.data?.submitClaim.claim.status]),
      [
        ['C-GQL-1', 16],
        ['C-GQL-2', 16],
      ],
    );
    assert.equal((await claims.searchClaims(admin, { code: 'C-GQL-1' }, {})).totalCount, 1);
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
    // The history shows the valuation in the claim's own amounts (decimal text), never the engine's cents.
    const [audit] = await queryRows<{ after: { status: number; valuated: string; remunerated: string } }>(
      k.database.db,
      sql`SELECT after FROM audit_log WHERE entity = 'Claim' AND entity_id = ${plain.id} AND action = 'process'`,
    );
    assert.deepEqual(audit?.after, { status: 16, valuated: done.valuated, remunerated: done.remunerated });
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
