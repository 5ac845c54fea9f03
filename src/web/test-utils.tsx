/**
 * Rendering pages in component tests: the app's providers, a memory router (pages use links), and
 * a fetch stand-in that answers like the API. The server is the outside world here; our own code
 * (queries, forms, i18n) runs for real.
 */
import type { QueryClient } from '@tanstack/react-query'
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import type { Me } from '../modules/identity/identity.contract'
import { identityKeys } from '../modules/identity/web'
import { AppProviders } from './app-providers'
import { createQueryClient } from './query-client'

export interface RecordedRequest {
  method: string
  path: string
  body: unknown
  headers: Headers
}

type Responder = (request: RecordedRequest) => { status: number; body?: unknown } | undefined

/**
 * Replaces fetch with `respond`; unanswered requests get a 404 in the API's error shape.
 * Returns the list of requests made, in order.
 */
export function stubApi(respond: Responder): RecordedRequest[] {
  const requests: RecordedRequest[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://ponte.test')
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      headers: new Headers(init?.headers),
    }
    requests.push(request)
    const answer = respond(request) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', messageKey: 'errors.notFound', message: 'Non trovato', details: {}, fields: [], requestId: 'test' } },
    }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    })
  })
  return requests
}

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 'a0000000-0000-4000-8000-000000000001',
    name: 'Anna Admin',
    email: 'admin@ponte.demo',
    locale: 'it',
    isActive: true,
    lastLoginAt: null,
    createdAt: '2026-01-10T09:00:00Z',
    memberships: [],
    isNetworkAdmin: true,
    managedUnitIds: [],
    ...overrides,
  }
}

interface RenderOptions {
  /** The signed-in user, for pages inside the authenticated shell. */
  me?: Me
  queryClient?: QueryClient
}

/**
 * Renders `ui` as the page at "/" of a memory router, inside the app's providers. The router
 * renders after its first (async) load: find elements with `findBy…`.
 */
export function renderPage(ui: ReactNode, options: RenderOptions = {}) {
  const queryClient = options.queryClient ?? createQueryClient()
  if (options.me) queryClient.setQueryData(identityKeys.session, options.me)
  const rootRoute = createRootRoute()
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => ui })
  const router = createRouter({
    routeTree: rootRoute.addChildren([pageRoute]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
    // Pages link and navigate to routes this one-page router does not have.
    defaultNotFoundComponent: () => null,
  })
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { ...result, queryClient, router }
}
