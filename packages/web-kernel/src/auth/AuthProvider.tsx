import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLanguage, takePickedLanguage } from '../i18n/language-choice';
import type { AuthStore } from './auth-store';
import { type Me, type RightRequirement, userHasRight } from './me';

/** What `useAuth()` gives: the user, a rights check, login and logout. */
export interface AuthApi {
  user: Me | null;
  /** True when the user holds the right (or one of the listed rights); administrators pass every check. */
  hasRight(right: RightRequirement): boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Replaces the stored user (after a profile mutation returned `me`). */
  setUser(user: Me | null): void;
  store: AuthStore;
}

const AuthContext = createContext<AuthApi | null>(null);

/** Provides `useAuth()` from an AuthStore; on login applies the language picked on the login page, else the stored one. */
export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  const user = useSyncExternalStore(store.subscribe, store.getUser, store.getUser);
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const login = useCallback(
    async (username: string, password: string) => {
      let me = await store.login(username, password);
      queryClient.clear();
      const picked = takePickedLanguage();
      if (picked && picked !== me.language) {
        // The user chose a language on the login page: keep it and remember it for next time.
        try {
          me = await storeLanguage(picked);
          store.setUser(me);
        } catch {
          // remembering is best effort; the UI stays in the picked language
        }
      } else if (me.language && me.language !== i18n.language) {
        await i18n.changeLanguage(me.language);
      }
      return me;
    },
    [store, i18n, queryClient],
  );
  const logout = useCallback(async () => {
    await store.logout();
    queryClient.clear();
  }, [store, queryClient]);
  const api = useMemo<AuthApi>(
    () => ({
      user,
      hasRight: (right: RightRequirement) => userHasRight(user, right),
      login,
      logout,
      setUser: store.setUser,
      store,
    }),
    [user, login, logout, store],
  );
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

/** The session: `{ user, hasRight, login, logout }`. */
export function useAuth(): AuthApi {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
