import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import pricelistWeb from './index';

const me = (rights: string[]): Me => ({
  id: 'u1',
  username: 'tarifs',
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
  const app = createMutuaApp({
    modules: [pricelistWeb],
    history: createMemoryHistory({ initialEntries: [path] }),
    user,
  });
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

describe('price-list import page', () => {
  it('dry-runs a file, lists the bad rows with their column, and refuses apply while errors exist', async () => {
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
          errors: [{ row: 3, field: 'code', message: 'Aucun produit ou acte n’a le code X' }],
        });
      }),
    );
    renderAt('/tools/imports/pricelists', me(['medical-pricelist.items.edit']));
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
    renderAt('/tools/imports/pricelists', me(['medical-pricelist.items.search']));
    expect(await screen.findByText(/refusé|Accès/i)).toBeTruthy();
  });
});
