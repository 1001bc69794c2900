import { connectionOf, emptyAuditHistory, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import pricelistWeb from './index';

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
describe('price list page', () => {
  it('shows the lines and the facilities, and saves an override price', async () => {
    const sent = mockGql({
      ...emptyAuditHistory,
      Get: () => ({ itemsPricelist: LIST }),
      L: () => ({ locations: connectionOf([]) }),
      SetItemsPricelistDetails: () => ({ setItemsPricelistDetails: { pricelist: { id: 'l1' } } }),
    });
    renderApp({
      modules: [pricelistWeb],
      path: '/admin/items-pricelists/l1',
      user: testUser({ rights: ['medical-pricelist.items.search', 'medical-pricelist.items.edit'] }),
    });
    expect(await screen.findByText('Amoxicillin')).toBeTruthy();
    expect(screen.getByText(/HF2101 CSI de Tessa/)).toBeTruthy();
    const input = document.querySelector('input[name="override-D001"]') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: /Save 1 price/ }));
    await waitFor(() => expect(sent.some((s) => s.operation === 'SetItemsPricelistDetails')).toBe(true));
    expect((sentTo(sent, 'SetItemsPricelistDetails').input as { prices: unknown }).prices).toEqual([
      { id: 'i1', price: '30' },
    ]);
  });
});
