import { Card, Grid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconFilter, IconSitemap } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { useUnits } from './identity.queries'
import { UnitDetail } from './unit-detail'
import { ancestorsOf, buildUnitTree, filterUnitTree } from './unit-tree'
import { UnitTreeView } from './unit-tree-view'

interface NetworkPageProps {
  /** The unit shown in the detail panel (kept in the URL, so it can be linked and bookmarked). */
  selectedUnitId?: string
  onSelectUnit: (unitId: string | undefined) => void
}

export function NetworkPage({ selectedUnitId, onSelectUnit }: NetworkPageProps) {
  const { t } = useTranslation()
  const [showArchived, setShowArchived] = useState(false)
  const [filter, setFilter] = useState('')
  const units = useUnits(showArchived)
  const list = useMemo(() => units.data ?? [], [units.data])
  const tree = useMemo(() => buildUnitTree(list), [list])
  const shown = useMemo(() => filterUnitTree(tree, filter), [tree, filter])
  // With a single top unit (an antenna's own staff, or the hub for admins) it is shown until the
  // user picks another: an empty panel would only ask for an obvious click.
  const shownUnitId = selectedUnitId ?? (tree.length === 1 ? tree[0]?.unit.id : undefined)
  const selected = list.find((unit) => unit.id === shownUnitId)

  // Top-level units start open; the user's own choices are remembered while on the page.
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null)
  const openIds = useMemo(() => expanded ?? new Set(tree.map((node) => node.unit.id)), [expanded, tree])

  // A unit selected from elsewhere (a link, the back button) is revealed by opening its ancestors.
  useEffect(() => {
    if (!selectedUnitId || list.length === 0) return
    const ancestors = ancestorsOf(list, selectedUnitId)
    if (ancestors.every((unit) => openIds.has(unit.id))) return
    setExpanded(new Set([...openIds, ...ancestors.map((unit) => unit.id)]))
  }, [selectedUnitId, list, openIds])

  const isFiltering = filter.trim() !== ''
  // While filtering, every match is shown with the path to it.
  const isExpanded = useCallback((unitId: string) => isFiltering || openIds.has(unitId), [isFiltering, openIds])
  const onToggle = useCallback(
    (unitId: string, open: boolean) => {
      const next = new Set(openIds)
      if (open) next.add(unitId)
      else next.delete(unitId)
      setExpanded(next)
    },
    [openIds],
  )

  let treePanel
  if (units.isPending) treePanel = <LoadingState />
  else if (units.error) treePanel = <QueryError error={units.error} onRetry={() => void units.refetch()} />
  else if (list.length === 0)
    treePanel = (
      <EmptyState icon={<IconSitemap aria-hidden="true" />} title={t('network.empty')} description={t('network.emptyHint')} />
    )
  else if (shown.length === 0) treePanel = <EmptyState title={t('common.noResults')} description={t('network.noMatch')} />
  else
    treePanel = (
      <UnitTreeView
        label={t('network.treeLabel')}
        nodes={shown}
        selectedId={shownUnitId}
        onSelect={onSelectUnit}
        isExpanded={isExpanded}
        onToggle={onToggle}
      />
    )

  return (
    <>
      <PageHeader title={t('network.title')} description={t('network.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="md" component="section" aria-label={t('network.treeLabel')}>
            <Stack gap="sm">
              <Stack gap="xs">
                <TextInput
                  type="search"
                  label={t('network.filterLabel')}
                  placeholder={t('network.filterPlaceholder')}
                  leftSection={<IconFilter size={16} aria-hidden="true" />}
                  value={filter}
                  onChange={(event) => setFilter(event.currentTarget.value)}
                />
                <Switch
                  label={t('network.showArchived')}
                  checked={showArchived}
                  onChange={(event) => setShowArchived(event.currentTarget.checked)}
                />
              </Stack>
              {treePanel}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <UnitDetail key={selected.id} unit={selected} units={list} onSelectUnit={onSelectUnit} />
          ) : (
            <Card withBorder radius="md" padding="lg">
              <Text c="dimmed">{t('network.selectHint')}</Text>
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </>
  )
}
