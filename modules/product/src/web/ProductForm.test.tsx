import { badInput, connectionOf, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import productWeb from './index';

describe('product form', () => {
  it('marks the required fields, sends every section and shows the server’s field problem (French)', {
    timeout: 60_000,
  }, async () => {
    const sent = mockGql({
      ProductOptions: () => ({ regions: connectionOf([]), districts: connectionOf([]), products: connectionOf([]) }),
      CreateProduct: () =>
        badInput(
          [{ field: 'startCycle1', message: 'Un jour et un mois JJ-MM (ex. 01-07)' }],
          'Un jour et un mois JJ-MM (ex. 01-07)',
        ),
    });
    renderApp({
      modules: [productWeb],
      path: '/admin/products/new',
      user: testUser({ language: 'fr', rights: ['product.product.search', 'product.product.add'] }),
    });
    const code = await screen.findByLabelText('Code', { exact: true });
    expect(code).toHaveProperty('required', true);
    expect(screen.getByLabelText('Nom', { exact: true })).toHaveProperty('required', true);
    expect(screen.getByLabelText('Date de début', { exact: true })).toHaveProperty('required', true);
    expect(screen.getByLabelText('Cotisation adulte', { exact: true })).toHaveProperty('required', false);
    for (const section of [
      'Général',
      'Périodes et cycles',
      'Cotisations et frais',
      'Franchises et plafonds',
      'Limites par catégorie',
      'Répartition relative',
      'Capitation',
    ]) {
      expect(screen.getByRole('heading', { name: section })).toBeTruthy();
    }
    fireEvent.change(code, { target: { value: 'MUS-NEW' } });
    fireEvent.change(screen.getByLabelText('Nom', { exact: true }), { target: { value: 'Nouveau' } });
    fireEvent.change(screen.getByLabelText('Date de début', { exact: true }), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('Date de fin', { exact: true }), { target: { value: '2025-12-31' } });
    fireEvent.change(screen.getByLabelText('Début du cycle 1 (JJ-MM)', { exact: true }), {
      target: { value: '31-02' },
    });
    fireEvent.change(screen.getByLabelText('Délai de grâce au renouvellement (mois)', { exact: true }), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getAllByText('Un jour et un mois JJ-MM (ex. 01-07)').length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    expect(sentTo(sent, 'CreateProduct').input).toMatchObject({
      code: 'MUS-NEW',
      name: 'Nouveau',
      startCycle1: '31-02',
      gracePeriodRenewal: 2,
      insurancePeriod: 12,
      premiumAdult: null,
      relativeDistribution: [],
    });
  });
});
