import { badInput, connectionOf, emptyAuditHistory, mockGql, renderApp, testUser } from '@mutua/web-kernel/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import officerWeb from './index';

const EO = {
  id: 'o1',
  code: 'EO0001',
  lastName: 'Issoufou',
  otherNames: 'Abdoulaye',
  dob: '1982-03-14',
  phone: '+227 90 11 22 33',
  email: null,
  locationId: 'd1',
  location: { id: 'd1', code: 'R1D1', name: 'Tahoua' },
  substituteId: null,
  substitute: null,
  worksTo: null,
  veoCode: null,
  veoLastName: null,
  veoOtherNames: null,
  veoDob: null,
  veoPhone: null,
  phoneCommunication: true,
  address: null,
  userId: null,
  villageIds: ['v1'],
  villages: [{ id: 'v1', code: 'R1D1M1V1', name: 'Affala' }],
};
const VILLAGES = {
  id: 'd1',
  code: 'R1D1',
  name: 'Tahoua',
  children: [
    {
      id: 'm1',
      code: 'R1D1M1',
      name: 'Affala',
      children: [
        { id: 'v1', code: 'R1D1M1V1', name: 'Affala' },
        { id: 'v2', code: 'R1D1M1V2', name: 'Garadoumé' },
      ],
    },
  ],
};

/** A fake GraphQL server answering the officers page, `save` answering the officer update; returns the calls. */
function start(path: string, save?: () => unknown) {
  const calls = mockGql({
    ...emptyAuditHistory,
    EnrolmentOfficers: () => ({ enrolmentOfficers: connectionOf([EO]) }),
    Level: () => ({ locations: connectionOf([{ id: 'd1', code: 'R1D1', name: 'Tahoua' }]) }),
    Villages: () => ({ location: VILLAGES }),
    Users: () => ({ users: connectionOf([]) }),
    ...(save && { UpdateEnrolmentOfficer: save }),
  });
  renderApp({ modules: [officerWeb], path, user: testUser({ isAdmin: true }) });
  return calls;
}

describe('enrolment officers page', () => {
  it('adds both registers to the administration menu', async () => {
    start('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Administration' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Enrolment officers' })).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'Claim administrators' })).toBeTruthy();
  });

  it('lists officers and saves an edit, showing the server’s field error on the villages', async () => {
    const calls = start('/admin/enrolment-officers', () =>
      badInput(
        [{ field: 'villageIds.0', message: 'This village is not in the officer’s district.' }],
        'This village is not in the officer’s district.',
      ),
    );
    fireEvent.click(await screen.findByText('EO0001'));
    const dialog = await screen.findByRole('dialog', { name: 'Edit EO0001' });
    expect((within(dialog).getByLabelText('Code', { exact: true }) as HTMLInputElement).value).toBe('EO0001');
    fireEvent.change(within(dialog).getByLabelText('Last name', { exact: true }), { target: { value: 'Issa' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const saves = () => calls.filter((c) => c.operation === 'UpdateEnrolmentOfficer');
    await waitFor(() => expect(saves().length).toBe(1));
    expect(saves()[0]?.variables.input).toMatchObject({
      id: 'o1',
      lastName: 'Issa',
      locationId: 'd1',
      villageIds: ['v1'],
    });
    expect(await within(dialog).findAllByText('This village is not in the officer’s district.')).not.toHaveLength(0);
  });
});
