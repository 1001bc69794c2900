import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INSUREE_RIGHTS } from '@mutua/insuree';
import { RIGHTS } from '../manifest.js';
import { rejects, usePolicyKernel } from './db-test-kernel.js';

const t = usePolicyKernel();
let n = 0;
const ok = { confirmDuplicates: true };

/** A family of two adults and a child in a village of district R1D1 (or the one given). */
async function family(villageCode = 'R1D1M1V1') {
  n++;
  const { family: f, head } = await t.insuree.createFamily(
    t.admin,
    { locationId: await t.village(villageCode) },
    { lastName: `Issoufou${n}`, otherNames: 'Moussa', dob: '1980-02-03', gender: 'M' },
    ok,
  );
  await t.insuree.addInsuree(
    t.admin,
    f.id,
    {
      lastName: `Issoufou${n}`,
      otherNames: 'Aïchatou',
      dob: '1985-07-01',
      gender: 'F',
      relationship: '8',
    },
    ok,
  );
  await t.insuree.addInsuree(
    t.admin,
    f.id,
    {
      lastName: `Issoufou${n}`,
      otherNames: 'Fati',
      dob: '2015-05-05',
      gender: 'F',
      relationship: '4',
    },
    ok,
  );
  return { familyId: f.id, head };
}

describe('policy service', () => {
  it('creates an idle policy whose dates and value come from the product and the members', async () => {
    const { familyId } = await family();
    const preview = await t.service.policyValues(t.admin, { familyId, productId: t.fam.id, enrollDate: '2026-11-10' });
    // Cycles 1 January / 1 July with one month of grace → next cycle; 2 adults × 6000 + 1 child × 3000 + assembly
    // 500 + registration 3 × 1000 = 18500, early-enrolment discount 5 % (enrolled a month before the start).
    assert.deepEqual(
      { ...preview },
      {
        stage: 'N',
        productId: t.fam.id,
        enrollDate: '2026-11-10',
        startDate: '2027-01-01',
        expiryDate: '2027-12-31',
        value: '17575.00',
        membersCounted: 3,
        membersAboveMax: 0,
        discount: '925.00',
      },
    );
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.fam.id, enrollDate: '2026-11-10' });
    assert.deepEqual(
      [p.status, p.stage, p.startDate, p.expiryDate, p.value, p.effectiveDate],
      [1, 'N', '2027-01-01', '2027-12-31', '17575.00', null],
    );
    const members = await t.service.policyMembers(t.admin, p.id);
    assert.equal(members.length, 3);
    assert.ok(members.every((m) => m.effectiveDate === null && m.startDate === '2027-01-01'));
    assert.deepEqual(
      (await t.service.familyPolicies(t.admin, familyId)).map((x) => x.id),
      [p.id],
    );
    // The policy page names its members (number and names), read with the policy.
    const page = await t.k.gql<{ policy: { members: Array<{ insuree: { chfId: string; otherNames: string } }> } }>(
      'query ($id: ID!) { policy(id: $id) { members { insuree { chfId lastName otherNames } } } }',
      { id: p.id },
      { token: t.token },
    );
    assert.equal(page.errors, undefined, JSON.stringify(page.errors));
    assert.deepEqual(page.data?.policy.members.map((m) => m.insuree.otherNames).sort(), ['Aïchatou', 'Fati', 'Moussa']);
    assert.ok(page.data?.policy.members.every((m) => /^\d+$/.test(m.insuree.chfId)));
  });

  it('gives a member added later a coverage row and recomputes the value', async () => {
    const { familyId } = await family();
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.fam.id, enrollDate: '2026-11-10' });
    await t.insuree.addInsuree(
      t.admin,
      familyId,
      {
        lastName: 'Issoufou',
        otherNames: 'Sani',
        dob: '2018-01-01',
        gender: 'M',
        relationship: '4',
      },
      ok,
    );
    const after = (await t.service.getPolicy(t.admin, p.id))!;
    // + 3000 premium + 1000 registration = 22500, − 5 %.
    assert.equal(after.value, '21375.00');
    const members = await t.service.policyMembers(t.admin, p.id);
    assert.equal(members.length, 4);
  });

  it('activation sets the effective dates of the policy and its members; a later member waits for payment', async () => {
    const { familyId } = await family();
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.fam.id, enrollDate: '2026-11-10' });
    const active = await t.service.activatePolicy(t.admin, p.id, '2027-01-01');
    assert.deepEqual([active.status, active.effectiveDate], [2, '2027-01-01']);
    const members = await t.service.policyMembers(t.admin, p.id);
    assert.ok(members.every((m) => m.effectiveDate === '2027-01-01'));
    await rejects(t.service.activatePolicy(t.admin, p.id, '2027-01-01'), 'RULE_VIOLATION', (e) =>
      assert.equal(e.key, 'policy.error.notIdle'),
    );
    const baby = await t.insuree.addInsuree(
      t.admin,
      familyId,
      {
        lastName: 'Issoufou',
        otherNames: 'Bébé',
        dob: '2026-10-01',
        gender: 'F',
        relationship: '4',
      },
      ok,
    );
    const row = (await t.service.policyMembers(t.admin, p.id)).find((m) => m.insureeId === baby.id);
    assert.equal(row?.effectiveDate, null);
    assert.equal((await t.service.coveringPolicies(t.admin, baby.id, '2027-02-01')).length, 0);
    const head = members[0]!;
    assert.deepEqual(
      (await t.service.coveringPolicies(t.admin, head.insureeId, '2027-02-01')).map((x) => x.id),
      [p.id],
    );
    // The bulk read answers every ask exactly as the single one, with the policy's members.
    const asks = [baby.id, head.insureeId, 'not-a-uuid'].flatMap((insureeId) =>
      ['2026-12-31', '2027-02-01', '2040-01-01'].map((date) => ({ insureeId, date })),
    );
    const many = await t.service.coveringPoliciesMany(t.admin, asks);
    assert.equal(many.size, asks.length);
    for (const a of asks) {
      const one = await t.service.coveringPolicies(t.admin, a.insureeId, a.date);
      const bulk = many.get(`${a.insureeId}|${a.date}`) ?? [];
      // Every field as the single read gives it (value, dates, the version's start), not only the same policies.
      const fields = (x: object) => {
        const { members: _, ...rest } = x as { members?: unknown };
        return rest;
      };
      assert.deepEqual(bulk.map(fields), one.map(fields), `${a.insureeId} ${a.date}`);
      for (const b of bulk) assert.equal(b.members.length, members.length + 1, 'every member row, the baby included');
    }
    assert.equal(many.get(`${head.insureeId}|2027-02-01`)?.length, 1);
  });

  it('counts the insured people and families of a product per village for capitation', async () => {
    const village = 'R2D2M1V1';
    const a = await family(village);
    const b = await family(village);
    const idle = await family(village); // a policy never activated covers nobody
    for (const f of [a, b]) {
      const p = await t.service.createPolicy(t.admin, {
        familyId: f.familyId,
        productId: t.fam.id,
        enrollDate: '2026-01-10',
      });
      await t.service.activatePolicy(t.admin, p.id, '2026-02-01');
    }
    await t.service.createPolicy(t.admin, { familyId: idle.familyId, productId: t.fam.id, enrollDate: '2026-01-10' });
    const villageId = await t.village(village);
    const on = async (date: string) =>
      (await t.service.insuredByVillage(t.admin, [t.fam.id], date)).find((r) => r.villageId === villageId);
    assert.deepEqual(await on('2026-10-30'), { productId: t.fam.id, villageId, people: 6, families: 2 });
    assert.equal(await on('2026-01-31'), undefined, 'not yet effective');
    assert.deepEqual(await t.service.insuredByVillage(t.admin, [], '2026-10-30'), []);
  });

  it('the expiry job expires policies past their expiry date', async () => {
    const { familyId } = await family();
    const old = await t.service.createPolicy(t.admin, { familyId, productId: t.ffs.id, enrollDate: '2025-02-01' });
    assert.deepEqual([old.startDate, old.expiryDate, old.value], ['2025-02-01', '2026-01-31', '27000.00']);
    await t.service.activatePolicy(t.admin, old.id, '2025-02-01');
    const progress: number[][] = [];
    const expired = await t.service.expirePolicies(t.admin, '2026-02-01', async (d, total) => {
      progress.push([d, total]);
    });
    assert.ok(expired >= 1);
    assert.equal((await t.service.getPolicy(t.admin, old.id))?.status, 8);
    assert.deepEqual(progress.at(-1), [expired, expired]);
    // An expired policy still covers care inside its period (DECISIONS #29).
    const head = (await t.service.policyMembers(t.admin, old.id))[0]!;
    assert.equal((await t.service.coveringPolicies(t.admin, head.insureeId, '2025-06-01')).length, 1);
    // The renewal follows the product's conversion (MUS-FFS → MUS-FAM) and starts after the old expiry.
    const renewed = await t.service.renewPolicy(t.admin, { policyId: old.id, enrollDate: '2026-11-20' });
    assert.deepEqual(
      [renewed.stage, renewed.productId, renewed.previousPolicyId, renewed.startDate],
      ['R', t.fam.id, old.id, '2027-01-01'],
    );
    await rejects(t.service.renewPolicy(t.admin, { policyId: old.id, enrollDate: '2026-11-20' }), 'CONFLICT');
  });

  it('only admins run the expiry; GraphQL returns the job to follow', async () => {
    const { ctx } = await t.user('pol-clerk', [RIGHTS.search, RIGHTS.edit]);
    await rejects(t.service.expirePolicies(ctx), 'FORBIDDEN');
    const r = await t.k.gql<{ runPolicyExpiry: { jobId: string } }>(
      'mutation { runPolicyExpiry(input: {}) { jobId } }',
      {},
      { token: t.token },
    );
    assert.equal(r.errors, undefined);
    assert.ok(r.data?.runPolicyExpiry.jobId);
  });

  it('limits policies to the districts of the user', async () => {
    const { familyId } = await family('R1D1M1V1');
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.ffs.id, enrollDate: '2026-11-01' });
    const other = await t.user('pol-r2', [RIGHTS.search, RIGHTS.add, INSUREE_RIGHTS.familySearch], ['R2D1']);
    assert.equal(await t.service.getPolicy(other.ctx, p.id), null);
    assert.deepEqual(await t.service.familyPolicies(other.ctx, familyId), []);
    await rejects(
      t.service.createPolicy(other.ctx, { familyId, productId: t.ffs.id, enrollDate: '2026-11-01' }),
      'BAD_INPUT',
      (e) => assert.equal(e.problems[0]?.field, 'familyId'),
    );
    const local = await t.user('pol-r1', [RIGHTS.search, INSUREE_RIGHTS.familySearch], ['R1D1']);
    assert.equal((await t.service.getPolicy(local.ctx, p.id))?.id, p.id);
    await rejects(
      t.service.createPolicy(local.ctx, { familyId, productId: t.ffs.id, enrollDate: '2026-11-01' }),
      'FORBIDDEN',
    );
  });

  it('refuses an enrolment date in the future with a translated field error', async () => {
    const { familyId } = await family();
    await rejects(
      t.service.createPolicy(t.admin, { familyId, productId: t.fam.id, enrollDate: '2099-01-01' }),
      'BAD_INPUT',
      (e) =>
        assert.deepEqual([e.problems[0]?.field, e.problems[0]?.key], ['enrollDate', 'policy.error.enrollDateFuture']),
    );
    const r = await t.k.gql(
      'mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { id } } }',
      { i: { familyId, productId: t.fam.id, enrollDate: '2099-01-01' } },
      { token: t.token, locale: 'fr' },
    );
    assert.match(r.errors?.[0]?.message ?? '', /date d'adhésion ne peut pas être postérieure/);
  });

  it('a retried createPolicy with the same clientMutationId creates one policy', async () => {
    const { familyId } = await family();
    const q = 'mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { clientMutationId policy { id value } } }';
    const i = { familyId, productId: t.ffs.id, enrollDate: '2026-11-02', clientMutationId: `cm-${familyId}` };
    const a = await t.k.gql<{ createPolicy: { policy: { id: string; value: string } } }>(q, { i }, { token: t.token });
    const b = await t.k.gql<{ createPolicy: { policy: { id: string } } }>(q, { i }, { token: t.token });
    assert.equal(a.errors, undefined);
    assert.equal(a.data?.createPolicy.policy.id, b.data?.createPolicy.policy.id);
    assert.equal(a.data?.createPolicy.policy.value, '27000.00');
    assert.equal((await t.service.familyPolicies(t.admin, familyId)).length, 1);
  });

  it('the enquiry shows the insuree, the active policy, remaining ceilings and counts; eligibility by code', async () => {
    const { familyId, head } = await family();
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.fam.id, enrollDate: '2026-06-10' });
    await t.service.activatePolicy(t.admin, p.id, p.startDate);
    const c = await t.service.coverage(t.admin, head.chfId, '2026-11-26');
    assert.equal(c?.insuree.lastName, head.lastName);
    assert.equal(c?.policies.length, 1);
    const row = c!.policies[0]!;
    assert.deepEqual([row.productCode, row.statusLetter], ['MUS-FAM', 'A']);
    assert.deepEqual([row.remaining.ceilingIp, row.remaining.ceilingOp], ['500000.00', '150000.00']);
    assert.equal(row.countsLeft.consultations, 12);
    const r = await t.k.gql<{ coverage: { policies: Array<{ statusLetter: string }> } }>(
      'query($c: String!) { coverage(chfId: $c) { insuree { chfId } policies { statusLetter policy { statusName } } } }',
      { c: head.chfId },
      { token: t.token },
    );
    assert.equal(r.errors, undefined);
    await rejects(t.service.eligibility(t.admin, head.chfId, { itemCode: 'NOPE' }), 'BAD_INPUT');
    const rest = await t.k.kernel.app.inject({
      method: 'GET',
      url: `/api/enquiry/${head.chfId}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    assert.equal(rest.statusCode, 200);
    const none = await t.k.kernel.app.inject({
      method: 'GET',
      url: '/api/enquiry/000000000',
      headers: { authorization: `Bearer ${t.token}` },
    });
    assert.equal(none.statusCode, 404);
  });

  it('suspends and deletes only in the allowed statuses', async () => {
    const { familyId } = await family();
    const p = await t.service.createPolicy(t.admin, { familyId, productId: t.ffs.id, enrollDate: '2026-11-01' });
    const s = await t.service.suspendPolicy(t.admin, p.id);
    assert.equal(s.status, 4);
    await rejects(t.service.deletePolicy(t.admin, p.id), 'RULE_VIOLATION');
    const q = await t.service.createPolicy(t.admin, { familyId, productId: t.ffs.id, enrollDate: '2026-11-01' });
    await t.service.deletePolicy(t.admin, q.id);
    assert.equal(await t.service.getPolicy(t.admin, q.id), null);
  });
});
