import { useQuery } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import { type KeysetPage, useKeysetList } from '../../../web/ui/keyset-list'
import type { MailMessage } from '../mail.contract'

export const mailKeys = {
  list: (q: string | undefined) => ['outbox', 'list', { q }] as const,
  message: (id: string) => ['outbox', 'message', id] as const,
}

/** Every message Ponte sent or will send, newest first; refetched when shown (mail is queued in the background). */
export function useOutbox(q: string | undefined) {
  return useKeysetList(
    mailKeys.list(q),
    (cursor, signal) =>
      api.get<KeysetPage<MailMessage>>('/api/outbox', {
        query: { q, cursor, limit: 25 },
        signal,
      }),
    { staleTime: 0 },
  )
}

export function useMailMessage(id: string) {
  return useQuery({
    queryKey: mailKeys.message(id),
    queryFn: ({ signal }) => api.get<MailMessage>(`/api/outbox/${encodeURIComponent(id)}`, { signal }),
    meta: { handlesErrors: true },
  })
}
