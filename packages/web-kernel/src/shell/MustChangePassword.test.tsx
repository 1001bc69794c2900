import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testUser } from '../testing/render-app';

describe('a password set by an administrator', () => {
  it('sends the user to Change password wherever they go first', async () => {
    const { app } = renderApp({ user: testUser({ mustChangePassword: true, isAdmin: true }), path: '/admin/users' });
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/profile/password'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Change password' })).toBeTruthy();
  });

  it('leaves other users where they asked to go', async () => {
    const { app } = renderApp({ user: testUser({ isAdmin: true }), path: '/admin/users' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/admin/users');
  });
});
