import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import pricelistWeb from './index';

const me = (rights: string[]): Me => ({
  id: 'u1',
  username: 'tarifs',
  lastName: 'Sow',
  otherNames: 'Ali',
  email: null,
  language: 'en',
  rights,
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
});

const LIST = {
  id: 'l1',
  name: 'National items',
  pricelistDate: '2025-01-01',
  locationId: null,
  location: null,
  details: [
    {
      id: 'd1',
      medicalId: 'i1',
      code: 'D001',
      name: 'Amoxicillin',
      registerPrice: '25.00',
      override: null,
      price: '25.00',
    },
  ],
  healthFacilities: [{ id: 'h1', code: 'HF2101', name: 'CSI de Tessa' }],
};
const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('price list page', () => {
  it('shows the lines and the facilities, and saves an override price', async () => {
    const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
        sent.push(body);
        const data = body.query.includes('setItemsPricelistDetails')
          ? { setItemsPricelistDetails: { pricelist: { id: 'l1' } } }
          : body.query.includes('itemsPricelist(')
            ? { itemsPricelist: LIST }
            : body.query.includes('auditHistory')
              ? { auditHistory: empty }
              : { locations: empty, healthFacilities: empty };
        return new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const app = createMutuaApp({
      modules: [pricelistWeb],
      history: createMemoryHistory({ initialEntries: ['/admin/items-pricelists/l1'] }),
      user: me(['medical-pricelist.items.search', 'medical-pricelist.items.edit']),
    });
    void app.i18n.changeLanguage('en');
    render(
      <MutuaProviders app={app}>
        <RouterProvider router={app.router} context={{ auth: app.auth }} />
      </MutuaProviders>,
    );
    expect(await screen.findByText('Amoxicillin')).toBeTruthy();
    expect(screen.getByText(/HF2101 CSI de Tessa/)).toBeTruthy();
    const input = document.querySelector('input[name="override-D001"]') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: /Save 1 price/ }));
    await waitFor(() => expect(sent.some((s) => s.query.includes('setItemsPricelistDetails'))).toBe(true));
    const call = sent.find((s) => s.query.includes('setItemsPricelistDetails'))!;
    expect((call.variables.input as { prices: unknown }).prices).toEqual([{ id: 'i1', price: '30' }]);
  });
});
