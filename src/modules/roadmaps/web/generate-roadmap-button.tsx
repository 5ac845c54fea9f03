/**
 * "Genera roadmap" on a validated assessment's page (for the unit's staff and the expert who
 * assessed the company): generates version 1 with the default importance and opens it.
 */
import { Button } from '@mantine/core'
import { IconRoute } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { notifyError } from '../../../web/ui/notify'
import { useMe } from '../../identity/web'
import { useCreateRoadmap } from './roadmaps.queries'

interface PlannableAssessment {
  id: string
  status: string
  mode: string
  assessor: { id: string } | null
  can: { correct: boolean }
}

/** Shown on validated assessments filled in Ponte, to the unit's writers and the assessor. */
export function GenerateRoadmapButton({ assessment }: { assessment: PlannableAssessment }) {
  const me = useMe()
  if (assessment.status !== 'validated' || assessment.mode === 'imported') return null
  if (!assessment.can.correct && assessment.assessor?.id !== me.id) return null
  return <GenerateButton assessmentId={assessment.id} />
}

function GenerateButton({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateRoadmap()
  const run = async () => {
    try {
      const roadmap = await create.mutateAsync({ assessmentId })
      void navigate({ to: '/roadmaps/$id', params: { id: roadmap.id } })
    } catch (err) {
      notifyError(err)
    }
  }
  return (
    <Button variant="default" leftSection={<IconRoute size={16} aria-hidden="true" />} loading={create.isPending} onClick={() => void run()}>
      {t('roadmapRecords.generate.fromAssessment')}
    </Button>
  )
}
