import CssBaseline from '@mui/material/CssBaseline';
import LinearProgress from '@mui/material/LinearProgress';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider } from '../auth/AuthProvider';
import { ContributionsProvider, ModuleConfigContext } from '../contributions/ContributionsProvider';
import type { MutuaAppParts } from './create-mutua-app';
import { theme } from './theme';

/** Theme, i18n, query client, module config, contributions and session around `children`. */
export function MutuaProviders({ app, children }: { app: MutuaAppParts; children: ReactNode }) {
  const [config] = useState(() => Object.fromEntries(app.composition.modules.map((m) => [m.id, m.config])));
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <I18nextProvider i18n={app.i18n}>
        <QueryClientProvider client={app.queryClient}>
          <ModuleConfigContext.Provider value={config}>
            <ContributionsProvider registry={app.registry}>
              <AuthProvider store={app.auth}>{children}</AuthProvider>
            </ContributionsProvider>
          </ModuleConfigContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    </ThemeProvider>
  );
}

/** The whole web app: restores the session (`/api/auth/me`), applies the user's language, then routes. */
export function MutuaApp({ app }: { app: MutuaAppParts }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    // On /login there is nothing to restore: skipping /api/auth/me there avoids a 401 (a console error in the
    // browser) on every fresh visit to the login page.
    const onLogin = app.router.history.location.pathname === '/login';
    const restore = onLogin ? Promise.resolve(null) : app.auth.restore();
    void restore.then(async (me) => {
      if (me && me.language !== app.i18n.language) await app.i18n.changeLanguage(me.language);
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [app]);
  return (
    <MutuaProviders app={app}>
      {ready ? (
        <RouterProvider router={app.router} context={{ auth: app.auth }} />
      ) : (
        <LinearProgress aria-label={app.i18n.t('core.table.loading')} />
      )}
    </MutuaProviders>
  );
}
