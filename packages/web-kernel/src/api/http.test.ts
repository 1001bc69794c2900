import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi, fieldError, GqlError, gql } from './http';

function respond(status: number, body: unknown) {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('gql', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the query with cookies and the UI language, and returns data', async () => {
    const fetchMock = respond(200, { data: { me: { id: '1' } } });
    vi.stubGlobal('fetch', fetchMock);
    configureApi({ getLanguage: () => 'fr' });
    await expect(gql('{ me { id } }')).resolves.toEqual({ me: { id: '1' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/graphql');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('fr');
  });

  it('throws GqlError with the code, translated message and field problems', async () => {
    vi.stubGlobal(
      'fetch',
      respond(200, {
        errors: [
          {
            message: 'Données invalides',
            extensions: { code: 'BAD_INPUT', problems: [{ field: 'username', message: 'Déjà utilisé' }] },
          },
        ],
        data: null,
      }),
    );
    const err = await gql('mutation { x }').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GqlError);
    expect((err as GqlError).code).toBe('BAD_INPUT');
    expect((err as GqlError).message).toBe('Données invalides');
    expect(fieldError(err, 'username')).toBe('Déjà utilisé');
  });

  it('reports an expired session', async () => {
    vi.stubGlobal('fetch', respond(200, { errors: [{ message: 'Log in', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const onUnauthenticated = vi.fn();
    configureApi({ onUnauthenticated });
    await expect(gql('{ me { id } }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });
});
