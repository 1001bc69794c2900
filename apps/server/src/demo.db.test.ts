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

  it('offers the feedback form the officer serving the patient’s village, finds others by search, and links the feedback', async () => {
    const token = await tk.loginToken('admin', 'admin123');
    const found = await tk.gql<{ claims: { edges: Array<{ node: { id: string } }> } }>(
      '{ claims(filter: { code: "DEMO-014" }, first: 1) { edges { node { id } } } }',
      {},
      { token },
    );
    const claimId = found.data!.claims.edges[0]!.node.id;
    const officers = await tk.gql<{ village: Array<{ id: string; code: string }>; other: Array<{ code: string }> }>(
      `query ($id: ID!) {
        village: claimFeedbackOfficers(claimId: $id) { id code }
        other: claimFeedbackOfficers(claimId: $id, search: "EO0003") { code }
      }`,
      { id: claimId },
      { token },
    );
    assert.equal(officers.errors, undefined, JSON.stringify(officers.errors));
    // DEMO-014's patient lives in a village that the demo's officer EO0002 serves, and no other officer does.
    assert.deepEqual(
      officers.data?.village.map((o) => o.code),
      ['EO0002'],
    );
    assert.deepEqual(
      officers.data?.other.map((o) => o.code),
      ['EO0003'],
    );
    const officerId = officers.data!.village[0]!.id;
    const delivered = await tk.gql<{ deliverClaimFeedback: { claim: { feedback: { officerId: string } } } }>(
      `mutation ($input: DeliverClaimFeedbackInput!) {
        deliverClaimFeedback(input: $input) { claim { feedback { officerId } } }
      }`,
      { input: { id: claimId, careRendered: true, assessment: 4, officerId, feedbackDate: '2026-11-20' } },
      { token },
    );
    assert.equal(delivered.errors, undefined, JSON.stringify(delivered.errors));
    assert.equal(delivered.data?.deliverClaimFeedback.claim.feedback.officerId, officerId);
  });
});
