import {
  type AnyRoute,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import { useAuth } from '../auth/AuthProvider';
import type { AuthStore } from '../auth/auth-store';
import { ContributionBoundary } from '../contributions/ContributionBoundary';
import type { WebModule, WebRoute } from '../contributions/define-web-module';
import { LoginPage } from '../core/auth/LoginPage';
import { AppShell } from '../shell/AppShell';
import { ForbiddenPage } from '../shell/ForbiddenPage';
import { HomePage } from '../shell/HomePage';
import { NotFoundPage } from '../shell/NotFoundPage';
import { safeRedirect } from './safe-redirect';

/** What every route's `beforeLoad` can read. */
export interface RouterContext {
  auth: AuthStore;
}

function guardedPage(moduleId: string, route: WebRoute) {
  const Page = route.component;
  function GuardedPage() {
    const { hasRight } = useAuth();
    if (route.right && !hasRight(route.right)) return <ForbiddenPage />;
    return (
      <ContributionBoundary moduleId={moduleId} contributionId={route.path}>
        <Page />
      </ContributionBoundary>
    );
  }
  GuardedPage.displayName = `Page(${moduleId}:${route.path})`;
  return GuardedPage;
}

/**
 * Builds the router: `/login`, then a protected shell holding `/` and every module's routes (each guarded by its
 * right and wrapped in a ContributionBoundary). Unknown paths show the 404 page. Two modules claiming the same
 * path is refused, naming both.
 */
export function createAppRouter(
  modules: readonly WebModule[],
  auth: AuthStore,
  options: { history?: RouterHistory } = {},
) {
  const rootRoute = createRootRouteWithContext<RouterContext>()({
    component: Outlet,
    notFoundComponent: NotFoundPage,
  });

  const loginRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/login',
    validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
      typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
    beforeLoad: ({ context, search }) => {
      if (context.auth.getUser()) throw redirect({ href: safeRedirect(search.redirect) });
    },
    component: LoginPage,
  });

  const shellRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: 'shell',
    beforeLoad: ({ context, location }) => {
      if (!context.auth.getUser()) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
    },
    component: function Shell() {
      return (
        <AppShell>
          <Outlet />
        </AppShell>
      );
    },
  });

  const homeRoute = createRoute({ getParentRoute: () => shellRoute, path: '/', component: HomePage });

  const owners = new Map<string, string>([
    ['/', 'core'],
    ['/login', 'core'],
  ]);
  const moduleRoutes: AnyRoute[] = [];
  for (const mod of modules) {
    for (const r of mod.routes) {
      const owner = owners.get(r.path);
      if (owner) {
        throw new Error(`route '${r.path}' is declared by both '${owner}' and '${mod.id}': change one of the paths`);
      }
      owners.set(r.path, mod.id);
      moduleRoutes.push(
        createRoute({ getParentRoute: () => shellRoute, path: r.path, component: guardedPage(mod.id, r) }),
      );
    }
  }

  const routeTree = rootRoute.addChildren([loginRoute, shellRoute.addChildren([homeRoute, ...moduleRoutes])]);
  return createRouter({
    routeTree,
    context: { auth },
    notFoundMode: 'root',
    defaultPreload: false,
    scrollRestoration: true,
    ...(options.history ? { history: options.history } : {}),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
