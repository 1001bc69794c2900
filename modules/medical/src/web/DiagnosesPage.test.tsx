import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import medicalWeb from './index';

const me = (rights: string[]): Me => ({
  id: 'u1',
  username: 'registrar',
  lastName: 'Diallo',
  otherNames: 'Awa',
  email: null,
  language: 'en',
  rights,
  isAdmin: false,
  districtIds: null,
  healthFacilityId: null,
  mustChangePassword: false,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const CHOLERA = {
  id: 'd1',
  code: 'A00',
  name: 'Cholera',
  nameFr: 'Choléra',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
};
const connection = (nodes: unknown[]) => ({
  edges: nodes.map((node, i) => ({ cursor: String(i), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});

function start(rights: string[]) {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('diagnoses(')) return json({ data: { diagnoses: connection([CHOLERA]) } });
      if (body.query.includes('createDiagnosis')) {
        return json({
          errors: [
            {
              message: 'The code A00 is already used.',
              extensions: { code: 'CONFLICT', problems: [{ field: 'code', message: 'The code A00 is already used.' }] },
            },
          ],
        });
      }
      return json({ data: { auditHistory: connection([]) } });
    }),
  );
  const app = createMutuaApp({
    modules: [medicalWeb],
    history: createMemoryHistory({ initialEntries: ['/admin/diagnoses'] }),
    user: me(rights),
  });
  void app.i18n.changeLanguage('en');
  render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('diagnoses page', { timeout: 20_000 }, () => {
  it('creates a diagnosis and shows the server’s message beside the code', async () => {
    const sent = start(['medical.diagnosis.search', 'medical.diagnosis.upload']);
    fireEvent.click(await screen.findByRole('button', { name: 'New diagnosis' }));
    const dialog = await screen.findByRole('dialog', { name: 'New diagnosis' });
    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'A00' } });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Again' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findAllByText('The code A00 is already used.')).not.toHaveLength(0);
    const create = sent.find((s) => s.query.includes('createDiagnosis'));
    expect(create?.variables.input).toMatchObject({ code: 'A00', name: 'Again', nameFr: null });
  });

  it('opens a diagnosis read-only, with its history, for a user who may only search', async () => {
    const sent = start(['medical.diagnosis.search']);
    expect(screen.queryByRole('button', { name: 'New diagnosis' })).toBeNull();
    fireEvent.click(await screen.findByText('Cholera'));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnosis A00' });
    expect((within(dialog).getByLabelText('French name') as HTMLInputElement).value).toBe('Choléra');
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
    await waitFor(() => expect(sent.some((s) => s.query.includes('auditHistory'))).toBe(true));
  });
});
