import type { ObjectRef } from '@pothos/core';
import { type SQL, sql } from 'drizzle-orm';
import { InputError, isDataException } from '../errors.js';
import type { Builder, Types } from '../module.js';

/** A relay connection with `totalCount`, filled by {@link keysetPage}. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

const pageInfoRefs = new WeakMap<object, ObjectRef<Types, Connection<unknown>['pageInfo']>>();

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T>(
  builder: Builder,
  node: ObjectRef<Types, T>,
  name: string,
): ObjectRef<Types, Connection<T>> {
  let pageInfo = pageInfoRefs.get(builder);
  if (!pageInfo) {
    pageInfo = builder.objectRef<Connection<unknown>['pageInfo']>('PageInfo').implement({
      fields: (t) => ({
        hasNextPage: t.exposeBoolean('hasNextPage'),
        endCursor: t.exposeString('endCursor', { nullable: true }),
      }),
    });
    pageInfoRefs.set(builder, pageInfo);
  }
  const edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      // biome-ignore lint/suspicious/noExplicitAny: Pothos cannot relate a generic T to its own resolver output type
      node: t.field({ type: node, resolve: (e) => e.node as any }),
    }),
  });
  const pi = pageInfo;
  return builder.objectRef<Connection<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: pi, resolve: (c) => c.pageInfo }),
      totalCount: t.exposeInt('totalCount'),
    }),
  });
}

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) return v;
  } catch {
    // fall through to the error below
  }
  throw InputError.fields([{ field: 'after', key: 'kernel.error.badCursor' }]);
}

/** Clamps a requested page size to 1…500 (default 50). */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw InputError.fields([{ field: 'first', key: 'kernel.error.pageSize', params: { max: MAX_PAGE } }]);
  }
  return first;
}

/**
 * `(c1, c2, …) > (v1, v2, …)`: the keyset condition after a cursor, for an ascending order on the same columns.
 * The order must end with a unique column (the id) so pages never overlap or skip.
 */
export function keysetAfter(columns: readonly SQL[] | readonly unknown[], values: readonly unknown[]): SQL {
  if (columns.length !== values.length) throw InputError.fields([{ field: 'after', key: 'kernel.error.badCursor' }]);
  const cols = sql.join(
    columns.map((c) => sql`${c}`),
    sql`, `,
  );
  const vals = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  return sql`(${cols}) > (${vals})`;
}

/**
 * Runs a keyset page: `fetch(limit + 1, afterKey)` must return rows in key order after `afterKey`; `count()` gives
 * the total for the same filter.
 */
export async function keysetPage<T>(opts: {
  first?: number | null;
  after?: string | null;
  key: (row: T) => unknown[];
  fetch: (limit: number, after: unknown[] | null) => Promise<T[]>;
  count: () => Promise<number>;
}): Promise<Connection<T>> {
  const limit = pageSize(opts.first);
  const after = decodeCursor(opts.after);
  const fetched = opts.fetch(limit + 1, after).catch((err: unknown) => {
    // A forged cursor whose values do not fit the key columns (e.g. not a UUID): the database refuses the value.
    if (after && isDataException(err)) throw InputError.fields([{ field: 'after', key: 'kernel.error.badCursor' }]);
    throw err;
  });
  const [rows, totalCount] = await Promise.all([fetched, opts.count()]);
  const hasNextPage = rows.length > limit;
  const page = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = page.map((node) => ({ cursor: encodeCursor(opts.key(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
