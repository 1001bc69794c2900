import { badInput, connectionOf, emptyAuditHistory, mockGql, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import payerWeb from './index';

const PAYER = {
  id: 'p1',
  type: 'G',
  name: 'État du Niger',
  address: null,
  locationId: 'r1',
  location: { id: 'r1', code: 'R1', name: 'Tahoua' },
  phone: '+227 20 72 26 39',
  fax: null,
  email: null,
  validFrom: '2026-01-01T00:00:00Z',
};

const payerType = (code: string, name: string, active = true) => ({
  id: `pt-${code}`,
  list: 'payerType',
  code,
  name,
  nameFr: name,
  sortOrder: 1,
  active,
  requiresNumber: false,
  builtIn: true,
});
/** The payer types as an administrator left them: Government renamed, Donor deactivated. */
const CODE_LISTS = [
  {
    id: 'payerType',
    name: 'Payer type',
    policy: 'closed',
    canAdd: false,
    canDeactivate: true,
    codeMaxLength: 1,
    numericCodes: false,
    hasRequiresNumber: false,
    entries: [payerType('G', 'State'), payerType('D', 'Donor', false), payerType('O', 'Other')],
  },
];

/** A fake GraphQL server answering the payers page; every save fails on the e-mail. Returns the saved inputs. */
function start(path: string) {
  const calls = mockGql({
    ...emptyAuditHistory,
    CodeLists: () => ({ codeLists: CODE_LISTS }),
    Payers: () => ({ payers: connectionOf([PAYER]) }),
    Level: (v) => ({
      locations: connectionOf([
        v.type === 'R' ? { id: 'r1', code: 'R1', name: 'Tahoua' } : { id: 'd1', code: 'R1D1', name: 'Tahoua' },
      ]),
    }),
    UpdatePayer: () =>
      badInput([{ field: 'email', message: 'E-mail is not valid.' }], 'E-mail is not a valid e-mail address.'),
  });
  renderApp({ modules: [payerWeb], path, user: testUser({ isAdmin: true }) });
  return () => calls.filter((c) => c.operation === 'UpdatePayer').map((c) => c.variables.input);
}

describe('payers page', { timeout: 20_000 }, () => {
  it('is in the administration menu', async () => {
    start('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Administration' }));
    expect(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Payers' })).toBeTruthy();
  });

  it('lists payers, opens one and shows the server’s field error', async () => {
    const inputs = start('/admin/payers');
    fireEvent.click(await screen.findByText('État du Niger'));
    const dialog = await screen.findByRole('dialog', { name: 'Edit payer' });
    fireEvent.change(within(dialog).getByLabelText('E-mail', { exact: true }), { target: { value: 'x@' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inputs().length).toBe(1));
    expect(inputs()[0]).toMatchObject({ id: 'p1', type: 'G', name: 'État du Niger', locationId: 'r1', email: 'x@' });
    expect(await within(dialog).findAllByText('E-mail is not valid.')).not.toHaveLength(0);
  });

  it('names and offers the payer types of the code list', async () => {
    start('/admin/payers');
    // The row's type is named as the administrator renamed it.
    expect(await screen.findByText('State')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New payer' }));
    const dialog = await screen.findByRole('dialog', { name: 'New payer' });
    fireEvent.mouseDown(
      within(within(dialog).getByLabelText('Type').parentElement as HTMLElement).getByRole('combobox'),
    );
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['State', 'Other']);
  });
});
