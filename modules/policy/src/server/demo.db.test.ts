import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import insuree from '@mutua/insuree';
import { usePolicyKernel } from './db-test-kernel.js';
import policy from './index.js';

const t = usePolicyKernel();

describe('policy demo', () => {
  it('seeds policies in every status on the demo families, and renewal reminders with the conversion', async () => {
    await insuree.seedDemo!(t.admin, t.insuree);
    await policy.seedDemo!(t.admin, t.service);
    const statuses = new Set<number>();
    for (const status of [1, 2, 4, 8, 16] as const) {
      const page = await t.service.searchPolicies(t.admin, { status }, { first: 50 });
      if (page.totalCount > 0) statuses.add(status);
    }
    assert.deepEqual(
      [...statuses].sort((a, b) => a - b),
      [1, 2, 4, 8, 16],
    );
    const reminders = await t.service.renewalReminders(t.admin);
    assert.ok(reminders.some((r) => r.policy.productId === t.ffs.id && r.renewalProductId === t.fam.id));
  });
});
