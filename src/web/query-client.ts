import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-client'
import { notifyError } from './ui/notify'

/** Per-query or per-mutation hints read by the global error handler below. */
interface PonteMeta extends Record<string, unknown> {
  /** The caller shows this failure itself (inline on a form, or as a page state). */
  handlesErrors?: boolean
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: PonteMeta
    mutationMeta: PonteMeta
  }
}

/** A client error (4xx) will not change on retry; network failures and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false
  return failureCount < 2
}

/**
 * The app's QueryClient: failures nobody handles locally become a notification, so no request
 * fails silently.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.handlesErrors) notifyError(error)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (!mutation.meta?.handlesErrors) notifyError(error)
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}
