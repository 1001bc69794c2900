import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import medicalWeb from './index';

function user(rights: string[], language: 'en' | 'fr' = 'en'): Me {
  return {
    id: 'u1',
    username: 'pharma',
    lastName: 'Diallo',
    otherNames: 'Awa',
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
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('medicalItems(')) {
        return json({
          data: {
            medicalItems: {
              edges: [{ cursor: 'c', node: ITEM }],
              pageInfo: { hasNextPage: false, endCursor: 'c' },
              totalCount: 1,
            },
          },
        });
      }
      if (body.query.includes('createMedicalItem')) {
        return json({
          errors: [
            {
              message: 'Choose at least one patient category (1–15)',
              extensions: {
                code: 'BAD_INPUT',
                problems: [{ field: 'patientCategory', message: 'Choose at least one patient category (1–15)' }],
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
    modules: [medicalWeb],
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

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('medical items pages', () => {
  it('lists items with their patient categories spelled out', async () => {
    fakeApi();
    renderAt('/admin/medical-items', user(['medical.item.search'], 'fr'));
    expect(await screen.findByText('D001')).toBeTruthy();
    expect(screen.getByText('Homme, Femme, Adulte, Mineur')).toBeTruthy();
  });

  it('sends the four checkboxes as the bitmask and shows the field error beside them', async () => {
    const sent = fakeApi();
    renderAt('/admin/medical-items/new', user(['medical.item.search', 'medical.item.add']));
    await screen.findByRole('checkbox', { name: 'Male' });
    for (const name of ['Male', 'Female', 'Adult', 'Minor']) fireEvent.click(screen.getByRole('checkbox', { name }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Female' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Adult' }));
    fireEvent.change(screen.getByLabelText('Code', { exact: true }), { target: { value: 'X1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.some((s) => s.query.includes('createMedicalItem'))).toBe(true));
    const input = sent.find((s) => s.query.includes('createMedicalItem'))!.variables.input as Record<string, unknown>;
    expect(input.patientCategory).toBe(6);
    expect(input.code).toBe('X1');
    expect(input.package).toBeNull();
    expect((await screen.findAllByText('Choose at least one patient category (1–15)')).length).toBeGreaterThan(0);
  });
});
