import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, testUser } from '../../testing/render-app';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('login page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the Login button disabled until both username and password are filled', async () => {
    renderApp({ path: '/login' });
    const button = await screen.findByRole('button', { name: 'Login' });
    expect(button.hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
    expect(button.hasAttribute('disabled')).toBe(true);

    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.change(password, { target: { value: 'secret' } });
    expect(button.hasAttribute('disabled')).toBe(false);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: '  ' } });
    expect(button.hasAttribute('disabled')).toBe(true);
  });

  it('is a titled page with one main landmark, an h1 and a named form', async () => {
    renderApp({ path: '/login' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Login' })).toBeTruthy();
    expect(document.title).toBe('Login · Mutua');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getByRole('form', { name: 'Login' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
  });

  it('shows the server message on wrong credentials and stays on /login', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(401, { code: 'UNAUTHENTICATED', message: 'Wrong username or password' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { app } = renderApp({ path: '/login' });
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Login' }).closest('form') as HTMLFormElement);

    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password');
    expect(app.router.state.location.pathname).toBe('/login');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');
  });

  it('redirects a visit to a protected page to /login, and back there after login in the user language', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { token: 't', user: testUser({ language: 'fr', isAdmin: true }) })),
    );
    const { app } = renderApp({ path: '/profile' });
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/login'));
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'jdoe' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon profil' })).toBeTruthy();
    expect(app.router.state.location.pathname).toBe('/profile');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('offers the language picker on the login page and switches the strings', async () => {
    renderApp({ path: '/login' });
    fireEvent.click(await screen.findByRole('button', { name: 'Français' }));
    expect(await screen.findByRole('button', { name: 'Connexion' })).toBeTruthy();
    expect(screen.getByLabelText("Nom d'utilisateur")).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});
