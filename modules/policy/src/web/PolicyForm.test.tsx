import { gqlError, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import policyWeb from './index';
import { activePolicy } from './test-policy';

const previous = activePolicy;

function fakeApi() {
  return mockGql({
    Policy: () => ({ policy: previous }),
    PolicyProducts: () => ({ policyProducts: [{ id: 'prod-fam', code: 'MUS-FAM', name: 'Mutuelle santé famille' }] }),
    PolicyOfficers: () => gqlError('FORBIDDEN', 'Forbidden'),
    PolicyValues: () => ({
      policyValues: {
        productId: 'prod-fam',
        startDate: '2027-01-01',
        expiryDate: '2027-12-31',
        value: '16720.00',
        discount: '880.00',
        membersCounted: 3,
        membersAboveMax: 1,
      },
    }),
    RenewPolicy: () => ({ renewPolicy: { policy: { ...previous, id: 'p2', stage: 'R', status: 1 } } }),
  });
}

describe('policy form', () => {
  it('shows the computed dates and value before saving, then renews (French)', { timeout: 60_000 }, async () => {
    const sent = fakeApi();
    renderApp({
      modules: [policyWeb],
      path: '/policies/p1/renew',
      user: testUser({ language: 'fr', rights: ['policy.policy.search', 'policy.policy.renew'] }),
    });
    expect(await screen.findByRole('heading', { name: 'Renouveler la police' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('value').textContent).toMatch(/^16\s720,00$/), { timeout: 10_000 });
    expect(screen.getByTestId('startDate').textContent).toBe('2027-01-01');
    expect(screen.getByTestId('expiryDate').textContent).toBe('2027-12-31');
    expect(screen.getByText('880,00')).toBeTruthy();
    expect(screen.getByText(/1 membre\(s\) au-delà du maximum/)).toBeTruthy();
    expect(sentTo(sent, 'PolicyValues')).toMatchObject({
      familyId: 'f1',
      productId: 'prod-fam',
      previousPolicyId: 'p1',
      stage: 'R',
    });
    expect(sent.some((s) => s.operation === 'RenewPolicy')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la police' }));
    await waitFor(() => expect(sent.some((s) => s.operation === 'RenewPolicy')).toBe(true));
    expect((sentTo(sent, 'RenewPolicy').i as Record<string, unknown>).policyId).toBe('p1');
  });
});
