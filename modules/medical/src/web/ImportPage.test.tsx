import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import medicalWeb from './index';

const me = (rights: string[]): Me => ({
  id: 'u1',
  username: 'admin2',
  lastName: 'Sow',
  otherNames: 'Ali',
  email: null,
  language: 'fr',
  rights,
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function renderAt(path: string, user: Me) {
  const app = createMutuaApp({ modules: [medicalWeb], history: createMemoryHistory({ initialEntries: [path] }), user });
  void app.i18n.changeLanguage('fr');
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('medical import page', () => {
  it('dry-runs a file and lists the row errors with their field', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        return json({
          dryRun: true,
          total: 2,
          created: 1,
          updated: 0,
          applied: false,
          errors: [{ row: 3, field: 'price', message: 'Ne doit pas être négatif' }],
        });
      }),
    );
    renderAt('/tools/imports/medical', me(['medical.item.add', 'medical.item.search']));
    const input = await screen.findByLabelText('Choisir un fichier');
    fireEvent.change(input, { target: { files: [new File(['code,name\n'], 'produits.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai)' }));
    expect(await screen.findByText('Ne doit pas être négatif')).toBeTruthy();
    expect(screen.getByText('Prix')).toBeTruthy();
    expect(calls[0]).toContain('/api/imports/medical.items?dryRun=true&format=csv');
    expect(screen.getByRole('heading', { name: 'Lignes: 2 · À créer: 1 · À mettre à jour: 0' })).toBeTruthy();
    expect(screen.getByText('Rien n’a été importé : corrigez les lignes ci-dessous.')).toBeTruthy();
    // The file must be fixed and checked again before it can be imported.
    expect((screen.getByRole('button', { name: 'Importer' }) as HTMLButtonElement).disabled).toBe(true);
    // Export buttons only for the registers the user may search.
    expect(screen.getByRole('link', { name: /Registre des produits médicaux — Exporter CSV/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Registre des actes médicaux/ })).toBeNull();
  });

  it('offers the exports alone to a user who may search a register but not import it', async () => {
    renderAt('/tools/imports/medical', me(['medical.service.search']));
    expect(await screen.findByRole('link', { name: /Registre des actes médicaux — Exporter XLSX/ })).toBeTruthy();
    expect(screen.queryByLabelText('Choisir un fichier')).toBeNull();
  });
});
