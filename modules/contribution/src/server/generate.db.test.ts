import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import insuree from '@mutua/insuree';
import { queryRows } from '@mutua/kernel';
import location from '@mutua/location';
import medical, { medicalService } from '@mutua/medical';
import policy from '@mutua/policy';
import product from '@mutua/product';
import { sql } from 'drizzle-orm';
import { useContributionKernel } from './db-test-kernel.js';
import { planContribution } from './generate.js';
import contribution from './index.js';

const t = useContributionKernel();

describe('generated contributions', () => {
  it('pays every generated policy in full, one cash receipt each, unique per product, with progress', async () => {
    const opts = { seed: 2, insurees: 3000, progress: () => {} };
    await location.generate!(t.admin, t.location, opts);
    await medical.generate!(t.admin, t.k.kernel.service(medicalService)!, opts);
    await product.generate!(t.admin, t.products, opts);
    await insuree.generate!(t.admin, t.insurees, opts);
    await policy.generate!(t.admin, t.policies, opts);
    const seen: Array<[number, number]> = [];
    await contribution.generate!(t.admin, t.service, { ...opts, progress: (d, n) => void seen.push([d, n]) });
    assert.equal(seen.at(-1)![0], seen.at(-1)![1]);

    const paid = await queryRows<{ policy: string; amount: string; n: number; receipt: string; pay: string }>(
      t.admin.db,
      sql`SELECT policy_id::text AS policy, sum(amount)::text AS amount, count(*)::int AS n, min(receipt) AS receipt,
                 min(pay_date::text || pay_type) AS pay
          FROM premium WHERE valid_to IS NULL GROUP BY policy_id`,
    );
    const policies = await t.policies.getPolicies(
      t.admin,
      paid.map((p) => p.policy),
    );
    const families = (await t.insurees.searchFamilies(t.admin, {}, { first: 1 })).totalCount;
    assert.equal(paid.length, families, 'every family’s policy is paid');
    assert.equal(policies.length, paid.length);
    const value = new Map(policies.map((p) => [p.id, p.value]));
    for (const p of paid) {
      assert.equal(p.n, 1);
      assert.equal(p.amount, value.get(p.policy));
      assert.equal(p.pay, '2025-12-20C');
      assert.match(p.receipt, /^GP-[A-Z0-9]+-\d{7}$/);
    }
    // The totals the policy screens show: contributions sum to the policies' values.
    const sample = policies[0]!;
    const total = await t.service.searchContributions(t.admin, { policyId: sample.id }, { first: 10 });
    assert.equal(total.edges.length, 1);
    assert.equal(total.edges[0]!.node.amount, sample.value);
    assert.equal(sample.status, 2);
    for (const p of policies.filter((_, i) => i % 50 === 0)) {
      const payment = (await t.service.policyPayment(t.admin, p.id))!;
      assert.deepEqual([payment.paid, payment.due, payment.installments], [p.value, '0.00', 1]);
    }
  });

  it('plans the same receipt for the same policy position', () => {
    const a = planContribution({ value: '19500.00' }, 'GP-NAT', 12);
    assert.deepEqual(a, planContribution({ value: '19500.00' }, 'GP-NAT', 12));
    assert.equal(a.receipt, 'GP-NAT-0000012');
    assert.equal(a.amount, '19500.00');
  });
});
