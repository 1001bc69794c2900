import { connectionOf, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import claimWeb from './index';

const row = (over: Record<string, unknown>) => ({
  id: 'c1',
  code: 'C-7',
  status: 4,
  reviewStatus: 4,
  feedbackStatus: 1,
  dateFrom: '2026-02-10',
  dateClaimed: '2026-02-11',
  visitType: 'O',
  claimed: '1300.00',
  approved: '1300.00',
  valuated: null,
  healthFacility: { code: 'HF1101', name: 'CS Kati' },
  insuree: { chfId: '100000001', lastName: 'Diallo', otherNames: 'Awa' },
  diagnosis: { code: 'A01', name: 'Fièvre typhoïde' },
  ...over,
});

/** The claims list's queries: no facility or diagnosis to choose, one claim found. */
const mockClaimsList = () =>
  mockGql({
    ClaimFacilityOptions: () => ({ claimFacilityOptions: [] }),
    ClaimDiagnosisOptions: () => ({ claimDiagnosisOptions: [] }),
    Claims: () => ({ claims: connectionOf([row({})]) }),
  });

describe('claim reviews page', () => {
  it('lists the checked claims selected for review under its own title, each with a link to review it', {
    timeout: 60_000,
  }, async () => {
    const sent = mockClaimsList();
    renderApp({
      modules: [claimWeb],
      path: '/claims/reviews',
      user: testUser({ language: 'fr', rights: ['claim.claim.search', 'claim.claim.review'] }),
    });
    expect(await screen.findByRole('heading', { name: 'Revue des demandes', level: 1 })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Revoir la demande C-7' });
    expect(link.getAttribute('href')).toBe('/claims/c1/review');
    expect(sentTo(sent, 'Claims').filter).toMatchObject({ status: [4], reviewStatus: 4 });
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Valorisé' })).toBeTruthy();
  });

  it('offers no review link to a user without the right to review', { timeout: 60_000 }, async () => {
    mockClaimsList();
    renderApp({
      modules: [claimWeb],
      path: '/claims/reviews',
      user: testUser({ language: 'fr', rights: ['claim.claim.search', 'claim.claim.update'] }),
    });
    expect(await screen.findByRole('link', { name: 'C-7' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Revoir la demande C-7' })).toBeNull();
  });
});
