import {
  connectionOf,
  emptyAuditHistory,
  gqlError,
  mockGql,
  renderApp,
  sentTo,
  testUser,
} from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import medicalWeb from './index';

const CHOLERA = {
  id: 'd1',
  code: 'A00',
  name: 'Cholera',
  nameFr: 'Choléra',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
};
/** Renders the diagnoses page for a user with `rights`; returns the GraphQL calls. */
function start(rights: string[]) {
  const sent = mockGql({
    ...emptyAuditHistory,
    Diagnoses: () => ({ diagnoses: connectionOf([CHOLERA]) }),
    CreateDiagnosis: () =>
      gqlError('CONFLICT', 'The code A00 is already used.', [
        { field: 'code', message: 'The code A00 is already used.' },
      ]),
  });
  renderApp({ modules: [medicalWeb], path: '/admin/diagnoses', user: testUser({ rights }) });
  return sent;
}

describe('diagnoses page', { timeout: 20_000 }, () => {
  it('creates a diagnosis and shows the server’s message beside the code', async () => {
    const sent = start(['medical.diagnosis.search', 'medical.diagnosis.upload']);
    fireEvent.click(await screen.findByRole('button', { name: 'New diagnosis' }));
    const dialog = await screen.findByRole('dialog', { name: 'New diagnosis' });
    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'A00' } });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Again' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findAllByText('The code A00 is already used.')).not.toHaveLength(0);
    expect(sentTo(sent, 'CreateDiagnosis').input).toMatchObject({ code: 'A00', name: 'Again', nameFr: null });
  });

  it('opens a diagnosis read-only, with its history, for a user who may only search', async () => {
    const sent = start(['medical.diagnosis.search']);
    expect(screen.queryByRole('button', { name: 'New diagnosis' })).toBeNull();
    fireEvent.click(await screen.findByText('Cholera'));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnosis A00' });
    expect((within(dialog).getByLabelText('French name') as HTMLInputElement).value).toBe('Choléra');
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
    await waitFor(() => expect(sent.some((s) => s.operation === 'AuditHistory')).toBe(true));
  });
});
