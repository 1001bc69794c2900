import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badInput, emptyAuditHistory, mockGql } from '../../testing/mock-gql';
import { renderApp, testUser } from '../../testing/render-app';
import type { RightInfo, Role } from './role-api';

const admin = testUser({ isAdmin: true });
const type = (label: string, value: string, scope: Pick<typeof screen, 'getByLabelText'> = screen) =>
  fireEvent.change(scope.getByLabelText(label), { target: { value } });

const clerk: Role = {
  id: 'r1',
  name: 'Clerk',
  nameFr: 'Commis',
  isSystem: false,
  isBlocked: false,
  rights: ['core.user.search'],
};
const rights: RightInfo[] = [
  { name: 'core.user.search', label: 'core.user.search', labelText: 'Search users', module: 'core', legacyCode: null },
  { name: 'core.role.search', label: 'core.role.search', labelText: 'Search roles', module: 'core', legacyCode: null },
];
const base = {
  Roles: () => ({ roles: [clerk] }),
  Rights: () => ({ rights }),
  ...emptyAuditHistory,
};

describe('roles', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the roles with their number of rights', async () => {
    mockGql(base);
    renderApp({ user: admin, path: '/admin/roles' });
    const table = await screen.findByRole('table', { name: 'Roles' });
    const row = (await within(table).findByRole('link', { name: 'Clerk' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Commis');
    expect(screen.getByRole('link', { name: 'Add role' })).toBeTruthy();
  });

  it('asks for a name, then creates the role with the picked rights and goes back to the list', async () => {
    const calls = mockGql({
      ...base,
      CreateRole: (v) => ({ createRole: { role: { ...clerk, id: 'r2', ...(v.input as object) } } }),
    });
    const { app } = renderApp({ user: admin, path: '/admin/roles/new' });
    await screen.findByRole('heading', { level: 1, name: 'New role' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(calls.some((c) => c.operation === 'CreateRole')).toBe(false);

    type('Name', ' Auditor ');
    fireEvent.click(await screen.findByRole('checkbox', { name: /Search roles/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/admin/roles'));
    expect(calls.find((c) => c.operation === 'CreateRole')?.variables.input).toMatchObject({
      name: 'Auditor',
      nameFr: null,
      rights: ['core.role.search'],
    });
  });

  it('keeps the form with the server message when saving fails', async () => {
    mockGql({ ...base, UpdateRole: () => badInput([{ field: 'name', message: 'Name already used' }]) });
    const { app } = renderApp({ user: admin, path: '/admin/roles/r1' });
    await screen.findByRole('heading', { level: 1, name: 'Role Clerk' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(app.router.state.location.pathname).toBe('/admin/roles/r1');
  });

  it('shows the role read-only, without Save, to a user who may only search', async () => {
    mockGql(base);
    renderApp({ user: testUser({ rights: ['core.role.search'] }), path: '/admin/roles/r1' });
    await screen.findByRole('heading', { level: 1, name: 'Role Clerk' });
    expect(screen.getByLabelText('Name').hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Cancel' })).toBeTruthy();
  });

  it('deletes a role after confirmation', async () => {
    const calls = mockGql({ ...base, DeleteRole: () => ({ deleteRole: { role: { id: 'r1' } } }) });
    const { app } = renderApp({ user: admin, path: '/admin/roles/r1' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete role' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/admin/roles'));
    expect(calls.find((c) => c.operation === 'DeleteRole')?.variables.input).toMatchObject({ id: 'r1' });
  });

  it('shows a not-found page for an unknown role', async () => {
    mockGql(base);
    renderApp({ user: admin, path: '/admin/roles/nope' });
    expect(await screen.findByText('This role does not exist.')).toBeTruthy();
  });
});
