import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import productWeb from './index';

const me: Me = {
  id: 'u1',
  username: 'admin',
  lastName: 'Issa',
  otherNames: 'Amadou',
  email: null,
  language: 'en',
  rights: ['product.product.search', 'product.product.edit'],
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
};
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const conn = (nodes: unknown[]) => ({
  edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});
const PRODUCT = {
  id: 'p1',
  code: 'MUS-FAM',
  name: 'Mutuelle santé famille',
  dateFrom: '2025-01-01',
  dateTo: '2030-12-31',
  relativeDistribution: [],
  items: [],
  services: [],
};

describe('product lines editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds a service by code with the configured defaults and shows a line problem from the server', {
    timeout: 60_000,
  }, async () => {
    const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
        sent.push(body);
        if (body.query.includes('query Product(')) return json({ data: { product: PRODUCT } });
        if (body.query.includes('ProductOptions')) {
          return json({ data: { regions: conn([]), districts: conn([]), products: conn([]) } });
        }
        if (body.query.includes('productLimitDefaults')) {
          return json({
            data: {
              productLimitDefaults: {
                priceOrigin: 'P',
                limitationType: 'C',
                waitingPeriodAdult: 3,
                waitingPeriodChild: null,
              },
            },
          });
        }
        if (body.query.includes('medicalServices')) {
          return json({
            data: { medicalServices: conn([{ id: 's18', code: 'S018', name: 'Accouchement eutocique simple' }]) },
          });
        }
        if (body.query.includes('setProductLines')) {
          return json({
            errors: [
              {
                message: 'A percentage between 0 and 100',
                extensions: {
                  code: 'BAD_INPUT',
                  problems: [{ field: 'services.0.limitAdult', message: 'A percentage between 0 and 100' }],
                },
              },
            ],
          });
        }
        return json({ data: {} });
      }),
    );
    const app = createMutuaApp({
      modules: [productWeb],
      history: createMemoryHistory({ initialEntries: ['/admin/products/p1'] }),
      user: me,
    });
    render(
      <MutuaProviders app={app}>
        <RouterProvider router={app.router} context={{ auth: app.auth }} />
      </MutuaProviders>,
    );
    const section = await screen.findByRole('region', { name: 'Covered services' });
    fireEvent.change(within(section).getByLabelText('Item or service code', { exact: true }), {
      target: { value: 'S018' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Add' }));
    await within(section).findByText('Accouchement eutocique simple');
    fireEvent.change(within(section).getByLabelText('S018 Limit adult', { exact: true }), { target: { value: '120' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save lines' }));
    await waitFor(() =>
      expect(within(section).getAllByText('A percentage between 0 and 100').length).toBeGreaterThan(0),
    );
    const call = sent.find((s) => s.query.includes('setProductLines'))!;
    const input = call.variables.input as { productId: string; services: Array<Record<string, unknown>> };
    expect(input.productId).toBe('p1');
    expect(input.services[0]).toMatchObject({
      medicalId: 's18',
      priceOrigin: 'P',
      limitationType: 'C',
      limitAdult: '120',
      limitChild: '100',
      waitingPeriodAdult: 3,
      waitingPeriodChild: null,
    });
  });
});
