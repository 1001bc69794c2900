import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestKernel } from '@mutua/kernel/testing';
import { seedDemo } from './demo.js';
import { startComposedTestKernel } from './test-kernel.js';

const CLAIMS = '{ claimUserFacility { code } claims(first: 100) { edges { node { code healthFacility { code } } } } }';
type Answer = {
  claimUserFacility: { code: string } | null;
  claims: { edges: Array<{ node: { code: string; healthFacility: { code: string } } }> };
};

describe('demo country', () => {
  let tk: TestKernel;
  before(async () => {
    tk = await startComposedTestKernel();
    await seedDemo(tk.kernel);
  });
  after(async () => {
    await tk?.close();
  });

  it("signs the claim administrator in at their facility: its claims only, the claim form's facility set", async () => {
    const asClaimAdmin = await tk.gql<Answer>(CLAIMS, {}, { token: await tk.loginToken('claimadmin', 'demo123') });
    assert.equal(asClaimAdmin.errors, undefined, JSON.stringify(asClaimAdmin.errors));
    assert.equal(asClaimAdmin.data?.claimUserFacility?.code, 'HF1101');
    const facilities = new Set(asClaimAdmin.data?.claims.edges.map((e) => e.node.healthFacility.code));
    assert.deepEqual([...facilities], ['HF1101']);
    // The administrator sees every facility's demo claims, and has no facility of their own.
    const asAdmin = await tk.gql<Answer>(CLAIMS, {}, { token: await tk.loginToken('admin', 'admin123') });
    assert.equal(asAdmin.data?.claimUserFacility, null);
    const all = new Set(asAdmin.data?.claims.edges.map((e) => e.node.healthFacility.code));
    assert.ok(all.has('HF1101') && all.has('HF1201'), [...all].join(', '));
  });
});
