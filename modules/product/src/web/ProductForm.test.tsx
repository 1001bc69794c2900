import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import productWeb from './index';

function user(rights: string[], language: 'en' | 'fr' = 'en'): Me {
  return {
    id: 'u1',
    username: 'admin',
    lastName: 'Issa',
    otherNames: 'Amadou',
    email: null,
    language,
    rights,
    isAdmin: false,
    districtIds: null,
    healthFacilityId: null,
    mustChangePassword: false,
  };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

function fakeApi() {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('ProductOptions')) {
        return json({ data: { regions: empty, districts: empty, products: empty } });
      }
      if (body.query.includes('createProduct')) {
        return json({
          errors: [
            {
              message: 'Un jour et un mois JJ-MM (ex. 01-07)',
              extensions: {
                code: 'BAD_INPUT',
                problems: [{ field: 'startCycle1', message: 'Un jour et un mois JJ-MM (ex. 01-07)' }],
              },
            },
          ],
        });
      }
      return json({ data: {} });
    }),
  );
  return sent;
}

function renderAt(path: string, me: Me) {
  const app = createMutuaApp({
    modules: [productWeb],
    history: createMemoryHistory({ initialEntries: [path] }),
    user: me,
  });
  void app.i18n.changeLanguage(me.language);
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('product form', () => {
  it('marks the required fields, sends every section and shows the server’s field problem (French)', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderAt('/admin/products/new', user(['product.product.search', 'product.product.add'], 'fr'));
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
    const create = sent.find((s) => s.query.includes('createProduct'))!;
    const input = create.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
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
