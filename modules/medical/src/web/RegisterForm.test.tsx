import { badInput, connectionOf, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import medicalWeb from './index';

const ITEM = {
  id: 'i1',
  code: 'D001',
  name: 'Amoxicilline 500 mg gélule',
  type: 'D',
  package: 'boîte de 100',
  price: '25.00',
  quantity: null,
  maximumQuantity: '100.00',
  careType: 'B',
  frequency: null,
  patientCategory: 15,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
};

function fakeApi() {
  return mockGql({
    CodeLists: () => ({ codeLists: [] }),
    SearchMedicalItems: () => ({ medicalItems: connectionOf([ITEM]) }),
    CreateMedicalItem: () =>
      badInput(
        [{ field: 'patientCategory', message: 'Choose at least one patient category (1–15)' }],
        'Choose at least one patient category (1–15)',
      ),
  });
}

const renderAt = (path: string, rights: string[], language: 'en' | 'fr' = 'en') =>
  renderApp({ modules: [medicalWeb], path, user: testUser({ rights, language }) });

describe('medical items pages', () => {
  it('lists items with their patient categories spelled out', async () => {
    fakeApi();
    renderAt('/admin/medical-items', ['medical.item.search'], 'fr');
    expect(await screen.findByText('D001')).toBeTruthy();
    expect(screen.getByText('Homme, Femme, Adulte, Mineur')).toBeTruthy();
  });

  it('sends the four checkboxes as the bitmask and shows the field error beside them', async () => {
    const sent = fakeApi();
    renderAt('/admin/medical-items/new', ['medical.item.search', 'medical.item.add']);
    await screen.findByRole('checkbox', { name: 'Male' });
    for (const name of ['Male', 'Female', 'Adult', 'Minor']) fireEvent.click(screen.getByRole('checkbox', { name }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Female' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Adult' }));
    fireEvent.change(screen.getByLabelText('Code', { exact: true }), { target: { value: 'X1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.some((s) => s.operation === 'CreateMedicalItem')).toBe(true));
    const input = sentTo(sent, 'CreateMedicalItem').input as Record<string, unknown>;
    expect(input.patientCategory).toBe(6);
    expect(input.code).toBe('X1');
    expect(input.package).toBeNull();
    expect((await screen.findAllByText('Choose at least one patient category (1–15)')).length).toBeGreaterThan(0);
  });
});
