import { fetchJson, GqlError } from '../api/http';
import type { Me } from './me';

type Listener = () => void;

/**
 * Holds the session's user outside React so the router's `beforeLoad` guards read the fresh value right after
 * login (React state would lag one render).
 */
export interface AuthStore {
  getUser(): Me | null;
  setUser(user: Me | null): void;
  subscribe(listener: Listener): () => void;
  /** Loads the current session from `/api/auth/me` (null when logged out). */
  restore(): Promise<Me | null>;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

export function createAuthStore(initial: Me | null = null): AuthStore {
  let user = initial;
  const listeners = new Set<Listener>();
  const setUser = (next: Me | null) => {
    user = next;
    for (const l of listeners) l();
  };
  return {
    getUser: () => user,
    setUser,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async restore() {
      try {
        // 401 when logged out; a server may also answer 200 with null or { user: null }
        const res = await fetchJson<Me | { user: Me | null } | null>('/api/auth/me');
        const me = res && 'user' in res ? res.user : res;
        setUser(me && typeof me.id === 'string' ? me : null);
        return user;
      } catch (e) {
        if (e instanceof GqlError && (e.status === 401 || e.status === 403)) {
          setUser(null);
          return null;
        }
        // server unreachable: behave as logged out, the login page will show the error on submit
        setUser(null);
        return null;
      }
    },
    async login(username, password) {
      const res = await fetchJson<{ token: string; user: Me }>('/api/auth/login', {
        method: 'POST',
        body: { username, password },
      });
      setUser(res.user);
      return res.user;
    },
    async logout() {
      try {
        await fetchJson<unknown>('/api/auth/logout', { method: 'POST', body: {} });
      } finally {
        setUser(null);
      }
    },
  };
}
