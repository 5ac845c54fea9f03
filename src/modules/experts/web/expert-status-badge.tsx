import { useTranslation } from 'react-i18next'
import { type BadgeTone, StatusBadge } from '../../../web/ui/status-badge'
import type { ExpertProfileStatus } from '../experts.contract'

const TONE: Record<ExpertProfileStatus, BadgeTone> = { draft: 'neutral', submitted: 'info', approved: 'positive', rejected: 'negative' }

export function ExpertStatusBadge({ status }: { status: ExpertProfileStatus }) {
  const { t } = useTranslation()
  return <StatusBadge tone={TONE[status]}>{t(`experts.status.${status}`)}</StatusBadge>
}
