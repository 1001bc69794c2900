import { vi } from 'vitest';

/** What a mocked operation answers: its `data`, or `{ errors }` to fail. */
export type GqlAnswer = unknown;

/**
 * Stubs `fetch` for `/api/graphql`: each operation is answered by the handler named like it (`mutation CreateRole(…)`
 * → `CreateRole`), which gets the variables and returns the `data`. An operation without a handler fails the test.
 * Returns the calls as `{ operation, variables }`.
 */
export function mockGql(handlers: Record<string, (variables: Record<string, unknown>) => GqlAnswer>) {
  const calls: Array<{ operation: string; variables: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as {
        query: string;
        variables: Record<string, unknown>;
      };
      const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
      calls.push({ operation, variables });
      const handler = handlers[operation];
      if (!handler) throw new Error(`no mock for GraphQL operation '${operation}'`);
      const answer = handler(variables);
      const body = answer && typeof answer === 'object' && 'errors' in answer ? answer : { data: answer };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

/** A BAD_INPUT answer with field problems, as the server sends it. */
export function badInput(problems: Array<{ field: string; message: string }>): GqlAnswer {
  return { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_INPUT', problems } }], data: null };
}
