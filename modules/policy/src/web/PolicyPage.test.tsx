import { connectionOf, mockGql, renderApp, testUser } from '@mutua/web-kernel/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import policyWeb from './index';
import { activePolicy } from './test-policy';

const policy = {
  ...activePolicy,
  members: [
    {
      id: 'ip1',
      insureeId: 'i1',
      insuree: { chfId: '100000001', lastName: 'Diallo', otherNames: 'Awa' },
      effectiveDate: '2026-01-01',
      expiryDate: '2026-12-31',
    },
    { id: 'ip2', insureeId: 'i2', insuree: null, effectiveDate: null, expiryDate: '2026-12-31' },
  ],
};

const audit = (id: string, action: string, before: unknown, after: unknown) => ({
  id,
  at: '2026-01-01T10:00:00Z',
  username: 'eo',
  action,
  before,
  after,
});

describe('policy page', () => {
  it('names its members, shows its value as money and its history in words', { timeout: 60_000 }, async () => {
    mockGql({
      Policy: () => ({ policy }),
      AuditHistory: () => ({
        auditHistory: connectionOf([
          audit('a2', 'activate', { status: 1 }, { status: 2, effectiveDate: '2026-01-01', validityFrom: 'x' }),
          audit('a1', 'create', null, { id: 'p1', productId: 'prod-fam', stage: 'N', status: 1, value: '17575.00' }),
        ]),
      }),
    });
    renderApp({
      modules: [policyWeb],
      path: '/policies/p1',
      user: testUser({ language: 'fr', rights: ['policy.policy.search'] }),
    });
    const members = await screen.findByRole('region', { name: 'Membres couverts' });
    expect(within(members).getByRole('link', { name: '100000001 Diallo Awa' }).getAttribute('href')).toBe(
      '/insurees/i1',
    );
    expect(within(members).getByRole('link', { name: 'un membre hors de votre zone' })).toBeTruthy();
    expect(screen.getByText(/^17\s575,00$/)).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Historique' });
    await within(table).findByText('Activée (cotisation payée)');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Statut : En attente → Active');
    expect(rows[1]!.textContent).not.toContain('validityFrom');
    expect(rows[2]!.textContent).toContain('Produit : ∅ → MUS-FAM — Mutuelle santé famille');
    expect(rows[2]!.textContent).toMatch(/Prime due : ∅ → 17\s575,00/);
    expect(rows[2]!.textContent).toContain('Étape : ∅ → Nouvelle adhésion');
    expect(rows[2]!.textContent).not.toContain('p1');
  });
});
