import { dryRunResult, mockRest, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import pricelistWeb from './index';

/** The import page in French, for a user with `rights`. */
const renderAt = (rights: string[]) =>
  renderApp({ modules: [pricelistWeb], path: '/tools/imports/pricelists', user: testUser({ language: 'fr', rights }) });

describe('price-list import page', () => {
  it('dry-runs a file, lists the bad rows with their column, and refuses apply while errors exist', async () => {
    const calls = mockRest(dryRunResult([{ row: 3, field: 'code', message: 'Aucun produit ou acte n’a le code X' }]));
    renderAt(['medical-pricelist.items.edit']);
    const input = await screen.findByLabelText('Choisir un fichier');
    fireEvent.change(input, {
      target: { files: [new File(['pricelist,code,price\n'], 'tarifs.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai)' }));
    expect(await screen.findByText('Aucun produit ou acte n’a le code X')).toBeTruthy();
    expect(screen.getByText('Code')).toBeTruthy();
    expect(calls[0]).toContain('/api/imports/medical-pricelist.items?dryRun=true&format=csv');
    expect((screen.getByRole('button', { name: 'Importer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('is refused without an edit right', async () => {
    renderAt(['medical-pricelist.items.search']);
    expect(await screen.findByText(/refusé|Accès/i)).toBeTruthy();
  });
});
