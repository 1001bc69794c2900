import {
  badInput,
  connectionOf,
  emptyAuditHistory,
  mockGql,
  renderApp,
  sentTo,
  testUser,
} from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import productWeb from './index';

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
  it('adds a service by code with the configured defaults and shows a line problem from the server', {
    timeout: 60_000,
  }, async () => {
    const sent = mockGql({
      ...emptyAuditHistory,
      Product: () => ({ product: PRODUCT }),
      ProductOptions: () => ({ regions: connectionOf([]), districts: connectionOf([]), products: connectionOf([]) }),
      productLimitDefaults: () => ({
        productLimitDefaults: {
          priceOrigin: 'P',
          limitationType: 'C',
          waitingPeriodAdult: 3,
          waitingPeriodChild: null,
        },
      }),
      FindMedical: () => ({
        medicalServices: connectionOf([{ id: 's18', code: 'S018', name: 'Accouchement eutocique simple' }]),
      }),
      SetProductLines: () =>
        badInput(
          [{ field: 'services.0.limitAdult', message: 'A percentage between 0 and 100' }],
          'A percentage between 0 and 100',
        ),
    });
    renderApp({
      modules: [productWeb],
      path: '/admin/products/p1',
      user: testUser({ rights: ['product.product.search', 'product.product.edit'] }),
    });
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
    const input = sentTo(sent, 'SetProductLines').input as {
      productId: string;
      services: Array<Record<string, unknown>>;
    };
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
