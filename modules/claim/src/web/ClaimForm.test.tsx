import { createMutuaApp, type Me, MutuaProviders } from '@mutua/web-kernel';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import claimWeb from './index';

function user(rights: string[], language: 'en' | 'fr' = 'en'): Me {
  return {
    id: 'u1',
    username: 'clerk',
    lastName: 'Sow',
    otherNames: 'Fatou',
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
const HF = { id: 'hf-1', code: 'HF1101', name: 'Centre de santé Kati' };

function fakeApi() {
  const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      sent.push(body);
      if (body.query.includes('ClaimUserFacility')) return json({ data: { claimUserFacility: HF } });
      if (body.query.includes('ClaimFacilityOptions')) return json({ data: { claimFacilityOptions: [HF] } });
      if (body.query.includes('ClaimDiagnosisOptions'))
        return json({ data: { claimDiagnosisOptions: [{ id: 'icd-1', code: 'A01', name: 'Typhoid fever' }] } });
      if (body.query.includes('ClaimMedicalOptions'))
        return json({
          data: {
            claimMedicalOptions: [{ id: 'it-1', code: 'PARA500', name: 'Paracetamol 500 mg', price: '150.00' }],
          },
        });
      if (body.query.includes('ClaimInsuree')) return json({ data: { claimInsuree: null } });
      if (body.query.includes('createClaim'))
        return json({
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_INPUT',
                problems: [
                  { field: 'insureeNumber', message: 'No insuree has the insurance number 999: check the number.' },
                  {
                    field: 'items.0.qtyProvided',
                    message: 'The quantity of PARA500 is above the maximum of 10 per claim.',
                  },
                ],
              },
            },
          ],
        });
      return json({ data: {} });
    }),
  );
  return sent;
}

function renderAt(path: string, me: Me) {
  const app = createMutuaApp({
    modules: [claimWeb],
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

describe('claim entry form', () => {
  it('presets the facility, defaults the price from the price list and shows the server’s field errors', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderAt('/claims/new', user(['claim.claim.search', 'claim.claim.add']));
    const code = await screen.findByLabelText('Claim code', { exact: true });
    expect(code).toHaveProperty('required', true);
    // the claim administrator's facility is chosen and fixed
    await waitFor(() => expect(screen.getByText('HF1101 Centre de santé Kati')).toBeTruthy());
    fireEvent.change(code, { target: { value: 'C-100' } });
    fireEvent.change(screen.getByLabelText('Insurance number', { exact: true }), { target: { value: '999' } });
    fireEvent.change(screen.getByLabelText('Visit from', { exact: true }), { target: { value: '2026-03-02' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add an item' }));
    const picker = screen.getByLabelText('Item 1', { exact: true });
    fireEvent.change(picker, { target: { value: 'PARA' } });
    fireEvent.click(await screen.findByRole('option', { name: 'PARA500 Paracetamol 500 mg' }));
    const price = screen.getByLabelText('Price asked, line 1', { exact: true }) as HTMLInputElement;
    expect(price.value).toBe('150.00');
    expect((screen.getByLabelText('Quantity, line 1', { exact: true }) as HTMLInputElement).value).toBe('1');
    fireEvent.change(screen.getByLabelText('Quantity, line 1', { exact: true }), { target: { value: '20' } });
    expect(screen.getByText('Total: 3,000.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const described = (label: string) => {
      const el = screen.getByLabelText(label, { exact: true });
      expect(el.getAttribute('aria-invalid')).toBe('true');
      return document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;
    };
    await waitFor(() =>
      expect(described('Quantity, line 1')).toBe('The quantity of PARA500 is above the maximum of 10 per claim.'),
    );
    expect(described('Insurance number')).toBe('No insuree has the insurance number 999: check the number.');
    expect(screen.getByLabelText('Price asked, line 1', { exact: true }).getAttribute('aria-invalid')).toBe('false');
    const input = sent.find((s) => s.query.includes('createClaim'))!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      hfId: 'hf-1',
      code: 'C-100',
      insureeNumber: '999',
      dateFrom: '2026-03-02',
      visitType: 'O',
      items: [{ medicalId: 'it-1', qtyProvided: '20', priceAsked: '150.00', explanation: null }],
      services: [],
    });
  });
});
