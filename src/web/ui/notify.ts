import { notifications } from '@mantine/notifications'
import { isApiError } from '../api-client'
import { i18n } from '../i18n/i18n'

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal.9', message })
}

/**
 * Shows a failed request to the user. The server has already localised `message` from the
 * request's accept-language; an INTERNAL error adds its request id so support can find the log
 * line. A 401 shows nothing: the API client is already taking the user to the sign-in page.
 */
export function notifyError(error: unknown): void {
  if (isApiError(error, 'UNAUTHENTICATED')) return
  if (!isApiError(error)) {
    notifications.show({ color: 'red.9', title: i18n.t('failure.title'), message: i18n.t('failure.unexpected') })
    return
  }
  const message =
    error.code === 'NETWORK'
      ? i18n.t('failure.network')
      : error.code === 'INTERNAL' && error.requestId
        ? `${error.message} — ${i18n.t('failure.requestId', { requestId: error.requestId })}`
        : error.message
  notifications.show({ color: 'red.9', title: i18n.t('failure.title'), message })
}
