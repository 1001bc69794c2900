import { badInput, mockGql, renderApp, sentTo, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import claimWeb from './index';

const HF = { id: 'hf-1', code: 'HF1101', name: 'Centre de santé Kati' };

function fakeApi() {
  return mockGql({
    ClaimUserFacility: () => ({ claimUserFacility: HF }),
    ClaimFacilityOptions: () => ({ claimFacilityOptions: [HF] }),
    ClaimDiagnosisOptions: () => ({ claimDiagnosisOptions: [{ id: 'icd-1', code: 'A01', name: 'Typhoid fever' }] }),
    ClaimMedicalOptions: () => ({
      claimMedicalOptions: [{ id: 'it-1', code: 'PARA500', name: 'Paracetamol 500 mg', price: '150.00' }],
    }),
    ClaimInsuree: () => ({ claimInsuree: null }),
    CreateClaim: () =>
      badInput([
        { field: 'insureeNumber', message: 'No insuree has the insurance number 999: check the number.' },
        { field: 'items.0.qtyProvided', message: 'The quantity of PARA500 is above the maximum of 10 per claim.' },
      ]),
  });
}

describe('claim entry form', () => {
  it('presets the facility, defaults the price from the price list and shows the server’s field errors', {
    timeout: 60_000,
  }, async () => {
    const sent = fakeApi();
    renderApp({
      modules: [claimWeb],
      path: '/claims/new',
      user: testUser({ rights: ['claim.claim.search', 'claim.claim.add'] }),
    });
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
    expect(sentTo(sent, 'CreateClaim').input).toMatchObject({
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
