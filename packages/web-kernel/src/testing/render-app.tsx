import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createMutuaApp, type MutuaAppParts } from '../app/create-mutua-app';
import { MutuaProviders } from '../app/MutuaApp';
import type { Me } from '../auth/me';
import type { WebModule } from '../contributions/define-web-module';

/** A user for tests; override what the test is about. */
export function testUser(over: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    username: 'jdoe',
    lastName: 'Doe',
    otherNames: 'Jane',
    email: null,
    language: 'en',
    rights: [],
    isAdmin: false,
    districtIds: null,
    healthFacilityId: null,
    mustChangePassword: false,
    ...over,
  };
}

/**
 * Renders the whole app (core + `modules`) at `path` with an in-memory history and an optional session, in the
 * user's language (English without one), as MutuaApp does after restoring the session.
 */
export function renderApp(opts: { modules?: WebModule[]; path?: string; user?: Me | null }): {
  app: MutuaAppParts;
  result: ReturnType<typeof render>;
} {
  const app = createMutuaApp({
    modules: opts.modules ?? [],
    history: createMemoryHistory({ initialEntries: [opts.path ?? '/'] }),
    user: opts.user ?? null,
  });
  void app.i18n.changeLanguage(opts.user?.language ?? 'en');
  const result = render(
    <MutuaProviders app={app}>
      <RouterProvider router={app.router} context={{ auth: app.auth }} />
    </MutuaProviders>,
  );
  return { app, result };
}
