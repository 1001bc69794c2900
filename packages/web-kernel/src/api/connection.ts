/** A Relay connection as returned by every list query. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** GraphQL selection for the connection envelope; put the node fields in `node`. */
export function connectionFields(node: string): string {
  return `edges { cursor node { ${node} } } pageInfo { hasNextPage endCursor } totalCount`;
}
