import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCents } from '../domain/money.js';
import { daysFromToday, useContributionKernel } from './db-test-kernel.js';
import contribution from './index.js';

let productId = '';
const t = useContributionKernel({
  ready: async (k) => {
    productId = (
      await k.products.createProduct(k.admin, {
        code: 'DM-FAM',
        name: 'Demo plan',
        dateFrom: '2020-01-01',
        dateTo: '2035-12-31',
        insurancePeriod: 12,
        maxMembers: 10,
        lumpSum: '20000',
      })
    ).id;
  },
});

describe('contribution demo', () => {
  it('pays active policies in full, idle ones partly or not at all, with unique receipts', async () => {
    const policies = [];
    for (let i = 0; i < 6; i++) {
      const { policy } = await t.enrolledFamily({ productId, enrollDate: daysFromToday(-30 - i) });
      // Every other policy was activated by the scheme before contributions were recorded (as a demo policy seed does).
      policies.push(i % 2 ? await t.policies.activatePolicy(t.admin, policy.id, policy.startDate) : policy);
    }
    await contribution.seedDemo!(t.admin, t.service);
    const receipts = new Set<string>();
    let count = 0;
    for (const p of policies) {
      const after = (await t.policies.getPolicy(t.admin, p.id))!;
      // The seed never changes a status: idle policies stay idle.
      assert.equal(after.status, p.status);
      const payment = (await t.service.policyPayment(t.admin, p.id))!;
      const paid = toCents(payment.paid)!;
      const value = toCents(payment.value)!;
      if (p.status === 2) assert.equal(paid, value, `active policy ${p.id} fully paid`);
      else assert.ok(paid < value, `idle policy ${p.id} not fully paid`);
      for (const c of await t.service.policyContributions(t.admin, p.id)) {
        receipts.add(c.receipt);
        count++;
        assert.ok(c.payDate <= daysFromToday(0));
      }
    }
    assert.equal(receipts.size, count);
    assert.ok(count >= 5);
  });
});
