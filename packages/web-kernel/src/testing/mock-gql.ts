import { onTestFinished, vi } from 'vitest';
import { jsonResponse } from './mock-rest';

/** What a mocked operation answers: its `data`, or `{ errors }` to fail. */
export type GqlAnswer = unknown;

/** One GraphQL request the app sent, as `mockGql` records it. */
export interface GqlCall {
  operation: string;
  variables: Record<string, unknown>;
}

/**
 * Stubs `fetch` for `/api/graphql`: each operation is answered by the handler named like it (`mutation CreateRole(…)`
 * → `CreateRole`; an anonymous `{ productLimitDefaults … }` by its first field), which gets the variables and returns
 * the `data`. Returns the calls, in order. The stub is removed when the test ends, and an operation without a handler
 * fails the test then (the app may have swallowed the rejected fetch).
 *
 * @example
 * const calls = mockGql({ Roles: () => ({ roles: [] }), CreateRole: () => badInput([{ field: 'name', message: 'Required' }]) });
 */
export function mockGql(handlers: Record<string, (variables: Record<string, unknown>) => GqlAnswer>): GqlCall[] {
  const calls: GqlCall[] = [];
  const unhandled = new Set<string>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables = {} } = JSON.parse(String(init.body)) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      const operation = /^\s*(?:(?:query|mutation)\s+(\w+)|\{\s*(\w+))/.exec(query)?.slice(1).find(Boolean) ?? '';
      calls.push({ operation, variables });
      const handler = handlers[operation];
      if (!handler) {
        unhandled.add(operation);
        throw new Error(`no mock for GraphQL operation '${operation}'`);
      }
      return jsonResponse(graphqlBody(handler(variables)));
    }),
  );
  onTestFinished(() => {
    vi.unstubAllGlobals();
    if (unhandled.size) throw new Error(`no mock for GraphQL operation(s): ${[...unhandled].join(', ')}`);
  });
  return calls;
}

/** The variables of the first call to `operation`; fails when it was not called, so a lookup cannot pass silently. */
export function sentTo(calls: readonly GqlCall[], operation: string): Record<string, unknown> {
  const call = calls.find((c) => c.operation === operation);
  if (!call) throw new Error(`'${operation}' was not called (called: ${calls.map((c) => c.operation).join(', ')})`);
  return call.variables;
}

/** A BAD_INPUT answer with field problems, as the server sends it. */
export function badInput(problems: Array<{ field: string; message: string }>, message = 'Invalid input'): GqlAnswer {
  return gqlError('BAD_INPUT', message, problems);
}

/** A failed answer with the error `code` (CONFLICT, FORBIDDEN, …) and optional field problems, as the server sends it. */
export function gqlError(
  code: string,
  message: string,
  problems?: Array<{ field: string; message: string }>,
): GqlAnswer {
  return { errors: [{ message, extensions: problems ? { code, problems } : { code } }], data: null };
}

/** A one-page connection of `nodes`, the shape every list query answers. */
export function connectionOf<T>(nodes: readonly T[]) {
  return {
    edges: nodes.map((node, i) => ({ cursor: String(i), node })),
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: nodes.length,
  };
}

/** Answers the kernel's HistoryPanel (on every edit page) with no entries; spread it into `mockGql`'s handlers. */
export const emptyAuditHistory = { AuditHistory: () => ({ auditHistory: connectionOf([]) }) };

function graphqlBody(answer: GqlAnswer): unknown {
  return answer && typeof answer === 'object' && 'errors' in answer ? answer : { data: answer };
}
