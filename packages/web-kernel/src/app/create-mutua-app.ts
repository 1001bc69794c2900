import { QueryClient } from '@tanstack/react-query';
import type { RouterHistory } from '@tanstack/react-router';
import type { i18n as I18n } from 'i18next';
import { configureApi, GqlError } from '../api/http';
import { type AuthStore, createAuthStore } from '../auth/auth-store';
import type { Me } from '../auth/me';
import { type ContributionRegistry, createContributionRegistry } from '../contributions/contribution-registry';
import type { WebModule } from '../contributions/define-web-module';
import { coreWebModule } from '../core/core-web-module';
import { createI18n } from '../i18n/create-i18n';
import { type AppRouter, createAppRouter } from '../router/create-app-router';

/** composition.json as the web build sees it. */
export interface WebComposition {
  modules: Array<{ id: string; config: Record<string, unknown> }>;
}

/** Everything the running web app is made of; build it once with `createMutuaApp`. */
export interface MutuaAppParts {
  modules: readonly WebModule[];
  composition: WebComposition;
  registry: ContributionRegistry;
  i18n: I18n;
  auth: AuthStore;
  queryClient: QueryClient;
  router: AppRouter;
}

const NO_RETRY = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_INPUT', 'CONFLICT', 'RULE_VIOLATION']);

export interface CreateMutuaAppInput {
  /** Web modules to compose (the core module is added when missing). */
  modules: readonly WebModule[];
  composition?: WebComposition;
  /** Router history (tests pass `createMemoryHistory`); the browser's by default. */
  history?: RouterHistory;
  /** Session to start with (tests); otherwise MutuaApp restores it from `/api/auth/me`. */
  user?: Me | null;
}

/**
 * Assembles the app from the core module plus the composed modules: contribution registry, i18n (core and module
 * messages), session store, query client and router; wires the API client to the UI language and to session expiry.
 *
 * @example
 * const app = createMutuaApp({ modules, composition }); createRoot(el).render(<MutuaApp app={app} />);
 */
export function createMutuaApp(input: CreateMutuaAppInput): MutuaAppParts {
  const modules = input.modules.some((m) => m.id === 'core') ? input.modules : [coreWebModule, ...input.modules];
  const registry = createContributionRegistry(modules);
  const i18n = createI18n(modules);
  const auth = createAuthStore(input.user ?? null);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof GqlError && NO_RETRY.has(error.code)) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  const router = createAppRouter(modules, auth, input.history ? { history: input.history } : {});
  configureApi({
    getLanguage: () => i18n.language,
    onUnauthenticated: () => {
      // the session expired while using the app: back to login, then back here
      if (!auth.getUser()) return;
      auth.setUser(null);
      queryClient.clear();
      void router.navigate({ to: '/login', search: { redirect: router.state.location.href } });
    },
  });
  return {
    modules,
    composition: input.composition ?? { modules: [] },
    registry,
    i18n,
    auth,
    queryClient,
    router,
  };
}
