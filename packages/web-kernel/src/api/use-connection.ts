import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Connection } from './connection';

/** What `<DataTable>` needs to show a keyset-paged list with "Load more". */
export interface ConnectionTableProps<T> {
  rows: T[];
  totalCount: number | undefined;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  onLoadMore: () => void;
}

/** State of a keyset-paged list, ready to spread into `<DataTable {...list.tableProps} />`. */
export interface ConnectionState<T> extends Omit<ConnectionTableProps<T>, 'onLoadMore'> {
  loadMore: () => void;
  refetch: () => void;
  tableProps: ConnectionTableProps<T>;
}

/**
 * Loads a Relay connection page by page ("Load more").
 *
 * @example
 * const list = useConnection(['users', search], (after) => gql<{ users: Connection<User> }>(Q, { search, after }).then((d) => d.users));
 */
export function useConnection<T>(
  queryKey: QueryKey,
  fetchPage: (after: string | null) => Promise<Connection<T>>,
  options: { enabled?: boolean; staleTime?: number } = {},
): ConnectionState<T> {
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
    enabled: options.enabled ?? true,
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
  });
  const rows = q.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  const totalCount = q.data?.pages[q.data.pages.length - 1]?.totalCount;
  const loadMore = () => {
    void q.fetchNextPage();
  };
  const state = {
    rows,
    totalCount,
    hasNextPage: q.hasNextPage,
    loading: q.isLoading,
    loadingMore: q.isFetchingNextPage,
    error: q.error,
  };
  return {
    ...state,
    loadMore,
    refetch: () => {
      void q.refetch();
    },
    tableProps: { ...state, onLoadMore: loadMore },
  };
}
