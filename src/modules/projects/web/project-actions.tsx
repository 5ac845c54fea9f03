/**
 * The actions in a project's header: the timesheet downloads, "Modifica" (the edit form), start,
 * complete (the edit form with the status set to completed: outcome and rating) and cancel.
 */
import { Button, Group, Modal } from '@mantine/core'
import { IconFileSpreadsheet, IconFileTypePdf, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { confirmAction } from '../../../web/ui/confirm'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import type { Project } from '../projects.contract'
import { ProjectEditForm } from './project-edit-form'
import { useTransitionProject } from './projects.queries'

export function ProjectActions({ project }: { project: Project }) {
  const { t, i18n } = useTranslation()
  const transition = useTransitionProject(project.id)
  // null: closed; '' : edit; 'completed': the completion (same form, status preset).
  const [editing, setEditing] = useState<null | '' | 'completed'>(null)
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  const run = (status: 'active' | 'cancelled', done: string) => transition.mutate({ status }, { onSuccess: () => notifySuccess(done), onError: notifyError })
  return (
    <Group gap="xs">
      <Button component="a" variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />} href={`/api/projects/${project.id}/timesheet?format=xlsx&locale=${locale}`}>
        {t('projects.actions.timesheetXlsx')}
      </Button>
      <Button component="a" variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden="true" />} href={`/api/projects/${project.id}/timesheet?format=pdf&locale=${locale}`}>
        {t('projects.actions.timesheetPdf')}
      </Button>
      {project.can.update && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setEditing('')}>
          {t('projects.edit.button')}
        </Button>
      )}
      {project.can.transition && project.status === 'planned' && (
        <Button onClick={() => run('active', t('projects.actions.started'))} loading={transition.isPending}>
          {t('projects.actions.start')}
        </Button>
      )}
      {project.can.transition && project.status === 'active' && <Button onClick={() => setEditing('completed')}>{t('projects.actions.complete')}</Button>}
      {project.can.transition && (
        <Button
          variant="default"
          color="red"
          onClick={() =>
            void confirmAction({ title: t('projects.actions.cancel'), message: t('projects.actions.cancelConfirm'), confirmLabel: t('projects.actions.cancel'), danger: true }).then(
              (ok) => ok && run('cancelled', t('projects.actions.cancelled')),
            )
          }
        >
          {t('projects.actions.cancel')}
        </Button>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'completed' ? t('projects.actions.completeTitle') : t('projects.edit.title')} size="lg">
        {editing !== null && <ProjectEditForm project={project} initialStatus={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />}
      </Modal>
    </Group>
  )
}
