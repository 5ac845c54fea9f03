import type { BadgeTone } from '../../../web/ui/status-badge'
import type { Invitation } from '../identity.contract'

export const INVITATION_TONES: Record<Invitation['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'positive',
  revoked: 'negative',
  expired: 'neutral',
}
