import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RIGHTS } from '../manifest.js';
import { daysFromToday, rejects, useContributionKernel } from './db-test-kernel.js';

const FAM = { value: '25500.00' };
let productId = '';
let adminProductId = '';
let otherProductId = '';

const product = (code: string, more: Record<string, unknown> = {}) => ({
  code,
  name: `Plan ${code}`,
  dateFrom: '2020-01-01',
  dateTo: '2035-12-31',
  insurancePeriod: 12,
  administrationPeriod: 0,
  maxMembers: 10,
  lumpSum: FAM.value,
  gracePeriodPayment: 2,
  maxInstallments: 3,
  ...more,
});

const t = useContributionKernel({
  ready: async (k) => {
    productId = (await k.products.createProduct(k.admin, product('CT-FAM'))).id;
    // One month of administration: the policy starts a month after enrolment.
    adminProductId = (await k.products.createProduct(k.admin, product('CT-ADM', { administrationPeriod: 1 }))).id;
    otherProductId = (await k.products.createProduct(k.admin, product('CT-OTH'))).id;
  },
});

const pay = (policyId: string, amount: string, receipt: string, more: Record<string, unknown> = {}) =>
  t.service.createContribution(t.admin, {
    policyId,
    amount,
    receipt,
    payDate: daysFromToday(-5),
    payType: 'C',
    ...more,
  });

describe('contributions and policy activation', () => {
  it('an installment short of the value leaves the policy idle; the one that completes it activates policy and members', async () => {
    const { policy, memberIds } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-20), members: 3 });
    assert.equal(policy.value, '25500.00');
    assert.equal(policy.status, 1);

    const first = await pay(policy.id, '10000', 'ACT-001');
    assert.equal(first.activated, false);
    assert.equal(first.policy.status, 1);
    assert.equal(await t.service.amountDue(t.admin, policy.id), '15500.00');
    const idleMembers = await t.policies.policyMembers(t.admin, policy.id);
    assert.equal(idleMembers.length, 3);
    assert.ok(idleMembers.every((m) => m.effectiveDate === null));

    const payDate = daysFromToday(-2);
    const second = await pay(policy.id, '15500.00', 'ACT-002', { payDate, payType: 'M' });
    assert.equal(second.activated, true);
    assert.equal(second.policy.status, 2);
    // Paid after the start date (the enrolment date: no administration period): effective on the pay date.
    assert.equal(second.policy.effectiveDate, payDate);
    const reread = await t.policies.getPolicy(t.admin, policy.id);
    assert.equal(reread?.status, 2);
    const members = await t.policies.policyMembers(t.admin, policy.id);
    assert.deepEqual(members.map((m) => m.insureeId).sort(), [...memberIds].sort());
    assert.ok(
      members.every((m) => m.effectiveDate === payDate),
      JSON.stringify(members),
    );
    assert.equal(await t.service.amountDue(t.admin, policy.id), '0.00');
    const payment = await t.service.policyPayment(t.admin, policy.id);
    assert.equal(payment?.paid, '25500.00');
    assert.equal(payment?.installments, 2);
    // Covered from the effective date: the members are found covered today.
    const covering = await t.policies.coveringPolicies(t.admin, memberIds[2]!, daysFromToday(0));
    assert.deepEqual(
      covering.map((p) => p.id),
      [policy.id],
    );
  });

  it('paid before the policy starts, the policy takes effect on its start date', async () => {
    const { policy } = await t.enrolledFamily({ productId: adminProductId, enrollDate: daysFromToday(-3) });
    assert.ok(policy.startDate > daysFromToday(0), policy.startDate);
    const r = await pay(policy.id, FAM.value, 'ADM-001', { payDate: daysFromToday(-1) });
    assert.equal(r.activated, true);
    assert.equal(r.policy.effectiveDate, policy.startDate);
  });

  it('a photo fee is recorded but never counts towards the value', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const fee = await pay(policy.id, '30000', 'PHO-001', { isPhotoFee: true });
    assert.equal(fee.activated, false);
    const payment = await t.service.policyPayment(t.admin, policy.id);
    assert.equal(payment?.paid, '0.00');
    assert.equal(payment?.photoFees, '30000.00');
    assert.equal(payment?.due, FAM.value);
    assert.equal((await t.service.policyContributions(t.admin, policy.id)).length, 1);
  });

  it('the preview tells what remains and whether the payment would activate, without saving', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    await pay(policy.id, '5500', 'PRV-001');
    const short = await t.service.previewContribution(t.admin, {
      policyId: policy.id,
      amount: '10000',
      payDate: daysFromToday(-1),
    });
    assert.equal(short.due, '20000.00');
    assert.equal(short.dueAfter, '10000.00');
    assert.equal(short.activates, false);
    assert.equal(short.installment, 2);
    const full = await t.service.previewContribution(t.admin, {
      policyId: policy.id,
      amount: '20000',
      payDate: daysFromToday(-1),
    });
    assert.equal(full.activates, true);
    assert.equal(full.effectiveDate, daysFromToday(-1));
    assert.equal((await t.policies.getPolicy(t.admin, policy.id))?.status, 1);
    assert.equal((await t.service.policyContributions(t.admin, policy.id)).length, 1);
  });

  it('two installments saved at the same moment that together reach the value activate the policy once', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const results = await Promise.all([pay(policy.id, '12750', 'CON-001'), pay(policy.id, '12750', 'CON-002')]);
    assert.deepEqual(results.map((r) => r.activated).sort(), [false, true]);
    assert.equal((await t.policies.getPolicy(t.admin, policy.id))?.status, 2);
  });

  it('changing an amount activates an idle policy it now pays; lowering it or deleting never deactivates', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const c = await pay(policy.id, '25000', 'UPD-001');
    assert.equal(c.activated, false);
    const up = await t.service.updateContribution(t.admin, c.contribution.id, {
      amount: '25500',
      receipt: 'UPD-001',
      payDate: c.contribution.payDate,
      payType: 'C',
    });
    assert.equal(up.activated, true);
    assert.equal(up.contribution.id, c.contribution.id);
    assert.equal((await t.service.contributionVersions(t.admin, c.contribution.id)).length, 2);
    const down = await t.service.updateContribution(t.admin, c.contribution.id, {
      amount: '100',
      receipt: 'UPD-001',
      payDate: c.contribution.payDate,
      payType: 'C',
    });
    assert.equal(down.policy.status, 2);
    await t.service.deleteContribution(t.admin, c.contribution.id);
    assert.equal((await t.policies.getPolicy(t.admin, policy.id))?.status, 2);
    assert.equal(await t.service.amountDue(t.admin, policy.id), FAM.value);
    assert.equal(await t.service.getContribution(t.admin, c.contribution.id), null);
  });
});

describe('refused contributions', () => {
  it('a receipt already used for the product is refused naming the receipt field, and nothing is saved', async () => {
    const a = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const b = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    await pay(a.policy.id, '1000', 'REC-777');
    await rejects(pay(b.policy.id, '25500', ' rec-777 '), 'BAD_INPUT', (e) => {
      assert.equal(e.problems[0]?.field, 'receipt');
      assert.equal(e.problems[0]?.key, 'contribution.error.receiptTaken');
    });
    assert.equal((await t.service.policyContributions(t.admin, b.policy.id)).length, 0);
    assert.equal((await t.policies.getPolicy(t.admin, b.policy.id))?.status, 1);
    // Receipts are numbered per product: the same number on another product's policy is accepted.
    const c = await t.enrolledFamily({ productId: otherProductId, enrollDate: daysFromToday(-10) });
    await pay(c.policy.id, '1000', 'REC-777');

    // Over GraphQL, in French: the message names the receipt and how to fix it.
    const res = await t.k.gql(
      `mutation($input: CreateContributionInput!) { createContribution(input: $input) { contribution { id } } }`,
      { input: { policyId: b.policy.id, amount: '100', receipt: 'REC-777', payDate: daysFromToday(-1), payType: 'C' } },
      { token: t.token, locale: 'fr' },
    );
    const err = res.errors?.[0];
    assert.equal(err?.extensions?.code, 'BAD_INPUT');
    const problems = err?.extensions?.problems as Array<{ field: string; message: string }>;
    assert.equal(problems[0]?.field, 'receipt');
    assert.match(problems[0]?.message ?? '', /reçu REC-777 est déjà utilisé/);
    assert.equal((await t.service.policyContributions(t.admin, b.policy.id)).length, 0);
  });

  it('a pay date in the future, a zero amount and an unknown pay type are refused, each naming its field', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    await rejects(pay(policy.id, '25500', 'FUT-001', { payDate: daysFromToday(10) }), 'BAD_INPUT', (e) => {
      assert.deepEqual(
        e.problems.map((p) => p.field),
        ['payDate'],
      );
      assert.equal(e.problems[0]?.key, 'contribution.error.payDateFuture');
    });
    await rejects(pay(policy.id, '0', 'FUT-002', { payType: 'X' }), 'BAD_INPUT', (e) =>
      assert.deepEqual(
        e.problems.map((p) => p.field),
        ['amount', 'payType'],
      ),
    );
    assert.equal((await t.service.policyContributions(t.admin, policy.id)).length, 0);
    assert.equal((await t.policies.getPolicy(t.admin, policy.id))?.status, 1);
  });

  it('retrying a mutation with the same clientMutationId records one contribution', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const q = `mutation($input: CreateContributionInput!) {
      createContribution(input: $input) { clientMutationId activated contribution { id amount } policy { id status } }
    }`;
    const input = {
      policyId: policy.id,
      amount: '25500',
      receipt: 'CMID-001',
      payDate: daysFromToday(-1),
      payType: 'B',
      clientMutationId: 'retry-1',
    };
    const first = await t.k.gql<{ createContribution: { activated: boolean; contribution: { id: string } } }>(
      q,
      { input },
      { token: t.token },
    );
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.data?.createContribution.activated, true);
    const again = await t.k.gql<{ createContribution: { contribution: { id: string } } }>(
      q,
      { input },
      { token: t.token },
    );
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    assert.equal(again.data?.createContribution.contribution.id, first.data?.createContribution.contribution.id);
    assert.equal((await t.service.policyContributions(t.admin, policy.id)).length, 1);
  });

  it('a policy with contributions is not deleted; a payer named by contributions is not deleted', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const region = await t.location.findByCode(t.admin, 'R1');
    const p = await t.payers.createPayer(t.admin, { type: 'G', name: 'Commune de Tahoua', locationId: region!.id });
    await pay(policy.id, '1000', 'DEL-001', { payerId: p.id });
    await rejects(t.policies.deletePolicy(t.admin, policy.id), 'RULE_VIOLATION', (e) =>
      assert.equal(e.problems[0]?.key, 'contribution.error.policyHasContributions'),
    );
    await rejects(t.payers.deletePayer(t.admin, p.id), 'RULE_VIOLATION', (e) =>
      assert.equal(e.problems[0]?.key, 'contribution.error.payerHasContributions'),
    );
    assert.equal((await t.service.policyContributions(t.admin, policy.id))[0]?.payerId, p.id);
  });
});

describe('rights and scope', () => {
  it('needs the right for each operation', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    const { ctx } = await t.user('ct-reader', [RIGHTS.search, 'policy.policy.search']);
    await rejects(
      t.service.createContribution(ctx, {
        policyId: policy.id,
        amount: '1',
        receipt: 'R-1',
        payDate: daysFromToday(-1),
        payType: 'C',
      }),
      'FORBIDDEN',
    );
    const { ctx: none } = await t.user('ct-nobody', []);
    await rejects(t.service.policyContributions(none, policy.id), 'FORBIDDEN');
  });

  it('a user limited to another district neither sees nor records contributions of the family', async () => {
    const { policy, familyId } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-10) });
    await pay(policy.id, '1000', 'SCO-001');
    const rights = [RIGHTS.search, RIGHTS.add, 'policy.policy.search', 'policy.policy.edit', 'insuree.family.search'];
    const { ctx: dosso } = await t.user('ct-dosso', rights, ['R2D1']);
    assert.deepEqual(await t.service.familyContributions(dosso, familyId), []);
    assert.deepEqual(await t.service.policyContributions(dosso, policy.id), []);
    const found = await t.service.searchContributions(dosso, { receipt: 'SCO-' }, {});
    assert.equal(found.totalCount, 0);
    await assert.rejects(
      t.service.createContribution(dosso, {
        policyId: policy.id,
        amount: '1000',
        receipt: 'SCO-002',
        payDate: daysFromToday(-1),
        payType: 'C',
      }),
    );
    const { ctx: tahoua } = await t.user('ct-tahoua', rights, ['R1D1']);
    assert.equal((await t.service.familyContributions(tahoua, familyId)).length, 1);
    const mine = await t.service.searchContributions(tahoua, { receipt: 'sco-' }, {});
    assert.equal(mine.totalCount, 1);
  });

  it('searches by receipt, pay date range, pay type and payer, newest payment first', async () => {
    const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-30) });
    await pay(policy.id, '100', 'SRC-001', { payDate: daysFromToday(-20) });
    await pay(policy.id, '100', 'SRC-002', { payDate: daysFromToday(-10), payType: 'M' });
    await pay(policy.id, '100', 'SRC-003', { payDate: daysFromToday(-1), payType: 'M' });
    const byReceipt = await t.service.searchContributions(t.admin, { receipt: 'src-' }, {});
    assert.deepEqual(
      byReceipt.edges.map((e) => e.node.receipt),
      ['SRC-003', 'SRC-002', 'SRC-001'],
    );
    const range = await t.service.searchContributions(
      t.admin,
      { receipt: 'SRC', payDateFrom: daysFromToday(-15), payDateTo: daysFromToday(-5), payType: 'm' },
      {},
    );
    assert.deepEqual(
      range.edges.map((e) => e.node.receipt),
      ['SRC-002'],
    );
    const page1 = await t.service.searchContributions(t.admin, { receipt: 'SRC' }, { first: 2 });
    const page2 = await t.service.searchContributions(
      t.admin,
      { receipt: 'SRC' },
      { first: 2, after: page1.pageInfo.endCursor },
    );
    assert.deepEqual(
      [...page1.edges, ...page2.edges].map((e) => e.node.receipt),
      ['SRC-003', 'SRC-002', 'SRC-001'],
    );
  });
});
