import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badInput, emptyAuditHistory, mockGql } from '../../testing/mock-gql';
import { renderApp, testUser } from '../../testing/render-app';
import type { UserRow } from './user-api';

const admin = testUser({ isAdmin: true });
const type = (label: string, value: string, scope: Pick<typeof screen, 'getByLabelText'> = screen) =>
  fireEvent.change(scope.getByLabelText(label), { target: { value } });

const ada: UserRow = {
  id: 'u7',
  username: 'ada',
  lastName: 'Lovelace',
  otherNames: 'Ada',
  email: null,
  phone: null,
  language: 'en',
  isActive: true,
  lockedUntil: null,
  lastLoginAt: null,
  roles: [{ id: 'r1', name: 'Clerk' }],
  districtIds: null,
  healthFacilityId: null,
};
const page = (nodes: UserRow[]) => ({
  edges: nodes.map((node) => ({ cursor: node.id, node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});
const lookups = {
  Roles: () => ({ roles: [{ id: 'r1', name: 'Clerk', nameFr: null, isSystem: false, isBlocked: false, rights: [] }] }),
  Districts: () => ({ locations: page([]) }),
  ...emptyAuditHistory,
};

describe('users', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists users and searches by name', async () => {
    const calls = mockGql({ Users: () => ({ users: page([ada]) }) });
    renderApp({ user: admin, path: '/admin/users' });
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByRole('link', { name: 'ada' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add user' })).toBeTruthy();
    type('Username or name', ' love ');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(calls.at(-1)?.variables.search).toBe('love'));
  });

  it('checks required fields and the password confirmation before creating a user', async () => {
    const calls = mockGql({
      ...lookups,
      CreateUser: () => ({ createUser: { user: ada } }),
      Users: () => ({ users: page([ada]) }),
    });
    const { app } = renderApp({ user: admin, path: '/admin/users/new' });
    await screen.findByRole('heading', { level: 1, name: 'New user' });
    type('Username', 'ada');
    type('Password', 'pw-one');
    type('Confirm new password', 'pw-two');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(screen.getByText('The two passwords do not match.')).toBeTruthy();
    expect(calls.some((c) => c.operation === 'CreateUser')).toBe(false);

    type('Last name', 'Lovelace');
    type('Other names', 'Ada');
    type('Confirm new password', 'pw-one');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/admin/users'));
    expect(calls.find((c) => c.operation === 'CreateUser')?.variables.input).toMatchObject({
      username: 'ada',
      lastName: 'Lovelace',
      password: 'pw-one',
      email: null,
    });
  });

  it('shows server field problems beside the fields and stays on the form', async () => {
    mockGql({ ...lookups, CreateUser: () => badInput([{ field: 'username', message: 'Already taken' }]) });
    const { app } = renderApp({ user: admin, path: '/admin/users/new' });
    await screen.findByRole('heading', { level: 1, name: 'New user' });
    for (const [label, v] of [
      ['Username', 'ada'],
      ['Last name', 'L'],
      ['Other names', 'A'],
      ['Password', 'p'],
      ['Confirm new password', 'p'],
    ]) {
      type(label as string, v as string);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    expect(app.router.state.location.pathname).toBe('/admin/users/new');
  });

  it('resets the password of a user after a matching confirmation', async () => {
    const calls = mockGql({
      ...lookups,
      User: () => ({ user: ada }),
      ResetUserPassword: () => ({ resetUserPassword: { user: { id: 'u7' } } }),
    });
    renderApp({ user: admin, path: '/admin/users/u7' });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset password' });
    const confirm = within(dialog).getByRole('button', { name: 'Reset password' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    type('New password', 'pw-one', within(dialog));
    type('Confirm new password', 'pw-two', within(dialog));
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('The two passwords do not match.')).toBeTruthy();
    expect(calls.some((c) => c.operation === 'ResetUserPassword')).toBe(false);

    type('Confirm new password', 'pw-one', within(dialog));
    fireEvent.click(confirm);
    expect(await screen.findByText('The password has been reset.')).toBeTruthy();
    expect(calls.find((c) => c.operation === 'ResetUserPassword')?.variables.input).toMatchObject({
      id: 'u7',
      newPassword: 'pw-one',
    });
  });

  it('deletes a user after confirmation and goes back to the list', async () => {
    const calls = mockGql({
      ...lookups,
      User: () => ({ user: ada }),
      DeleteUser: () => ({ deleteUser: { user: { id: 'u7' } } }),
      Users: () => ({ users: page([]) }),
    });
    const { app } = renderApp({ user: admin, path: '/admin/users/u7' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete user' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/admin/users'));
    expect(calls.find((c) => c.operation === 'DeleteUser')?.variables.input).toMatchObject({ id: 'u7' });
  });

  it('shows a not-found page for an unknown user', async () => {
    mockGql({ ...lookups, User: () => ({ user: null }) });
    renderApp({ user: admin, path: '/admin/users/nope' });
    expect(await screen.findByText('This user does not exist.')).toBeTruthy();
  });
});
