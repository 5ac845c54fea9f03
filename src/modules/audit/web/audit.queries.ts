import { api } from '../../../web/api-client'
import { type KeysetPage, useKeysetList } from '../../../web/ui/keyset-list'
import type { AuditEntry, AuditListQuery } from '../audit.contract'

/** The filters of the activity log, as in the URL. */
export type AuditFilters = Omit<AuditListQuery, 'limit' | 'cursor'>

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
}

/**
 * Newest first, keyset-paginated. Always refetched when shown: any change anywhere in the app
 * adds entries, and the log is where people check that it did.
 */
export function useAuditList(filters: AuditFilters) {
  return useKeysetList(
    auditKeys.list(filters),
    (cursor, signal) =>
      api.get<KeysetPage<AuditEntry>>('/api/audit', {
        query: { ...filters, cursor, limit: 25 },
        signal,
      }),
    { staleTime: 0 },
  )
}
