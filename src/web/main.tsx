import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './global.css'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { identityKeys } from '../modules/identity/web'
import { setUnauthenticatedHandler } from './api-client'
import { AppProviders } from './app-providers'
import { createQueryClient } from './query-client'
import { createAppRouter, redirectToSignIn } from './router'

const queryClient = createQueryClient()
const router = createAppRouter(queryClient)

// A 401 from any request means the session ended (expired, signed out elsewhere): forget it and
// ask the user to sign in again, coming back to the page they were on.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ queryKey: identityKeys.session })
  redirectToSignIn(router)
})

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
)
