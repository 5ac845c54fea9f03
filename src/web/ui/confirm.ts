import { modals } from '@mantine/modals'
import { i18n } from '../i18n/i18n'

interface ConfirmOptions {
  title: string
  message: string
  confirmLabel: string
  /** Destructive or hard-to-undo actions get a red confirm button. */
  danger?: boolean
}

/**
 * Asks before an action that is destructive or visible to others (archive, revoke, deactivate).
 * Resolves true when confirmed, false when cancelled or dismissed. The dialog's title is an h2
 * and focus is trapped inside it (Mantine Modal).
 */
export function confirmAction({ title, message, confirmLabel, danger = false }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: message,
      labels: { confirm: confirmLabel, cancel: i18n.t('common.cancel') },
      confirmProps: danger ? { color: 'red.9' } : {},
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      // Closing with Escape or the overlay is a cancel; after a confirm this resolve is a no-op.
      onClose: () => resolve(false),
    })
  })
}
