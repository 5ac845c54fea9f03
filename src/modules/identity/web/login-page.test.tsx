import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { changeLanguage } from '../../../web/i18n/i18n'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import { LoginPage } from './login-page'

describe('LoginPage', () => {
  it('shows what is missing, in Italian, without calling the server', async () => {
    const requests = stubApi(() => undefined)
    renderPage(<LoginPage />)
    await userEvent.click(await screen.findByRole('button', { name: 'Accedi' }))

    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Campo obbligatorio')
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription('Campo obbligatorio')
    expect(requests).toHaveLength(0)
  })

  it('rejects a malformed email address in Italian', async () => {
    stubApi(() => undefined)
    renderPage(<LoginPage />)
    await userEvent.type(await screen.findByLabelText(/^Email/), 'non-una-email')
    await userEvent.type(screen.getByLabelText(/^Password/), 'qualcosa')
    await userEvent.click(screen.getByRole('button', { name: 'Accedi' }))

    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Inserisci un indirizzo email valido')
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true')
  })

  it('words validation in English once the user switched language', async () => {
    stubApi(() => undefined)
    await changeLanguage('en')
    renderPage(<LoginPage />)
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }))

    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Ponte' })).toBeInTheDocument()
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Required')
    expect(document.documentElement.lang).toBe('en')
  })

  it("shows the server's message when the credentials are wrong", async () => {
    stubApi(() => ({
      status: 401,
      body: {
        error: {
          code: 'UNAUTHENTICATED',
          messageKey: 'errors.invalidCredentials',
          message: 'Email o password non corretti.',
          details: {},
          fields: [],
          requestId: 'r1',
        },
      },
    }))
    renderPage(<LoginPage />)
    await userEvent.type(await screen.findByLabelText(/^Email/), 'admin@ponte.demo')
    await userEvent.type(screen.getByLabelText(/^Password/), 'sbagliata')
    await userEvent.click(screen.getByRole('button', { name: 'Accedi' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Email o password non corretti.')
  })

  it('signs in with the normalised email, as a CSRF-guarded request in the UI language', async () => {
    const requests = stubApi((request) =>
      request.path === '/api/auth/sign-in' ? { status: 200, body: buildMe() } : undefined,
    )
    const { router } = renderPage(<LoginPage redirectTo="/network?unitId=x" />)
    await userEvent.type(await screen.findByLabelText(/^Email/), 'Admin@Ponte.demo')
    await userEvent.type(screen.getByLabelText(/^Password/), 'ponte-demo')
    await userEvent.click(screen.getByRole('button', { name: 'Accedi' }))

    await waitFor(() => expect(router.state.location.href).toBe('/network?unitId=x'))
    const signIn = requests.find((request) => request.path === '/api/auth/sign-in')
    expect(signIn?.body).toEqual({ email: 'admin@ponte.demo', password: 'ponte-demo' })
    expect(signIn?.headers.get('x-ponte-csrf')).toBe('1')
    expect(signIn?.headers.get('accept-language')).toBe('it')
  })

  it('never redirects outside the app after signing in', async () => {
    stubApi((request) => (request.path === '/api/auth/sign-in' ? { status: 200, body: buildMe() } : undefined))
    const { router } = renderPage(<LoginPage redirectTo="//evil.example/phish" />)
    await userEvent.type(await screen.findByLabelText(/^Email/), 'admin@ponte.demo')
    await userEvent.type(screen.getByLabelText(/^Password/), 'ponte-demo')
    await userEvent.click(screen.getByRole('button', { name: 'Accedi' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })
})
