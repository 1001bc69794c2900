import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testUser } from '../testing/render-app';
import { createMutuaApp } from './create-mutua-app';
import { MutuaApp } from './MutuaApp';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function start(path: string) {
  const app = createMutuaApp({ modules: [], history: createMemoryHistory({ initialEntries: [path] }) });
  void app.i18n.changeLanguage('en');
  render(<MutuaApp app={app} />);
  return app;
}

describe('MutuaApp session restore', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not ask the server for a session on /login', async () => {
    const fetchMock = vi.fn(async () => json(401, { code: 'UNAUTHENTICATED', message: 'no' }));
    vi.stubGlobal('fetch', fetchMock);
    start('/login');
    expect(await screen.findByRole('button', { name: 'Login' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a logged-out visitor of a protected page to /login', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { code: 'UNAUTHENTICATED', message: 'no' })),
    );
    const app = start('/admin/users');
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/login'));
    expect(app.router.state.location.search).toEqual({ redirect: '/admin/users' });
  });

  it('restores the session and applies the user language', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, testUser({ language: 'fr' }))),
    );
    start('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenue, Jane Doe' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});
