import { dryRunResult, mockRest, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import medicalWeb from './index';

/** The import page in French, for a user with `rights`. */
const renderAt = (rights: string[]) =>
  renderApp({ modules: [medicalWeb], path: '/tools/imports/medical', user: testUser({ language: 'fr', rights }) });

describe('medical import page', () => {
  it('dry-runs a file and lists the row errors with their field', async () => {
    const calls = mockRest(dryRunResult([{ row: 3, field: 'price', message: 'Ne doit pas être négatif' }]));
    renderAt(['medical.item.add', 'medical.item.search']);
    const input = await screen.findByLabelText('Choisir un fichier');
    fireEvent.change(input, { target: { files: [new File(['code,name\n'], 'produits.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai)' }));
    expect(await screen.findByText('Ne doit pas être négatif')).toBeTruthy();
    expect(screen.getByText('Prix')).toBeTruthy();
    expect(calls[0]).toContain('/api/imports/medical.items?dryRun=true&format=csv');
    expect(screen.getByRole('heading', { name: 'Lignes : 2 · À créer : 1 · À mettre à jour : 0' })).toBeTruthy();
    expect(screen.getByText('Rien n’a été importé : corrigez les lignes ci-dessous.')).toBeTruthy();
    // The file must be fixed and checked again before it can be imported.
    expect((screen.getByRole('button', { name: 'Importer' }) as HTMLButtonElement).disabled).toBe(true);
    // Export buttons only for the registers the user may search.
    expect(screen.getByRole('link', { name: /Registre des produits médicaux — Exporter CSV/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Registre des actes médicaux/ })).toBeNull();
  });

  it('offers the exports alone to a user who may search a register but not import it', async () => {
    renderAt(['medical.service.search']);
    expect(await screen.findByRole('link', { name: /Registre des actes médicaux — Exporter XLSX/ })).toBeTruthy();
    expect(screen.queryByLabelText('Choisir un fichier')).toBeNull();
  });
});
