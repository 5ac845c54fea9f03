import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query'

/**
 * The shape of every list endpoint: `?cursor=` the previous page's `nextCursor`. Lists that count
 * their matches also send `total` (all items matching the filters, not just this page's).
 */
export interface KeysetPage<Item> {
  items: Item[]
  nextCursor: string | null
  total?: number
  /** True when `total` is an estimate (the companies list beyond its exact-count cap). */
  totalIsEstimate?: boolean
  /** True when `total` is a lower bound (a companies search with more matches than it reads). */
  totalIsLowerBound?: boolean
}

/**
 * A keyset-paginated list ("Load more"): pages are fetched in order and shown as one list.
 * Filters belong in `queryKey`, so changing them starts again from the first page.
 */
export function useKeysetList<Item, Page extends KeysetPage<Item> = KeysetPage<Item>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page & KeysetPage<Item>>,
  options: { staleTime?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    staleTime: options.staleTime,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { handlesErrors: true },
  })
  return {
    ...query,
    rows: query.data?.pages.flatMap((page) => page.items) ?? [],
    // Counted with the first page; later pages repeat it.
    total: query.data?.pages[0]?.total,
    totalIsEstimate: query.data?.pages[0]?.totalIsEstimate ?? false,
    totalIsLowerBound: query.data?.pages[0]?.totalIsLowerBound ?? false,
  }
}
