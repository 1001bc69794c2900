/** Settings shared by every request the web app makes; set once by the app (`configureApi`). */
interface ApiSettings {
  getLanguage: () => string;
  onUnauthenticated: () => void;
}

const settings: ApiSettings = {
  getLanguage: () => (typeof document !== 'undefined' ? document.documentElement.lang || 'en' : 'en'),
  onUnauthenticated: () => {},
};

/** Sets how requests find the UI language and what happens when the session has expired. */
export function configureApi(next: Partial<ApiSettings>): void {
  Object.assign(settings, next);
}

/** A field-level problem reported by the server (`extensions.problems`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error returned by the API: a stable `code`, the server-translated `message`, and field problems. */
export class GqlError extends Error {
  override name = 'GqlError';
  readonly code: string;
  readonly problems: FieldProblem[];
  readonly status: number | undefined;
  constructor(code: string, message: string, problems: FieldProblem[] = [], status?: number) {
    super(message);
    this.code = code;
    this.problems = problems;
    this.status = status;
  }
}

/** The message of a field problem, if the error has one for that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof GqlError)) return undefined;
  return error.problems.find((p) => p.field === field || p.field.endsWith(`.${field}`))?.message;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function parseProblems(v: unknown): FieldProblem[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((p) => ({ field: String(p.field ?? ''), message: String(p.message ?? '') }));
}

/** Headers every call sends. */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Accept: 'application/json', 'Accept-Language': settings.getLanguage(), ...extra };
}

/** Calls a JSON REST endpoint under the same origin (cookies included); throws GqlError on failure. */
export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: apiHeaders(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (e) {
    throw new GqlError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const body = isRecord(data) ? data : {};
    throw new GqlError(
      typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
      typeof body.message === 'string' ? body.message : res.statusText || `HTTP ${res.status}`,
      parseProblems(body.problems),
      res.status,
    );
  }
  return data as T;
}

/**
 * Runs a GraphQL operation against `/api/graphql`. GraphQL errors are thrown as GqlError carrying the
 * server's `extensions.code`, its translated message and `extensions.problems`.
 *
 * @example
 * const { users } = await gql<{ users: Connection<User> }>('query($s: String) { users(search: $s) { totalCount } }', { s });
 */
export async function gql<T>(query: string, variables?: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/api/graphql', {
      method: 'POST',
      credentials: 'include',
      headers: apiHeaders({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch (e) {
    throw new GqlError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors.filter(isRecord) : [];
  const first = errors[0];
  if (first) {
    const ext = isRecord(first.extensions) ? first.extensions : {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL';
    const err = new GqlError(code, String(first.message ?? code), parseProblems(ext.problems), res.status);
    if (code === 'UNAUTHENTICATED') settings.onUnauthenticated();
    throw err;
  }
  if (!res.ok || !isRecord(body) || !('data' in body)) {
    if (res.status === 401) settings.onUnauthenticated();
    throw new GqlError(
      res.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${res.status}`,
      res.statusText || 'error',
      [],
      res.status,
    );
  }
  return body.data as T;
}
