import { Badge, Box, Group, Text } from '@mantine/core'
import { IconChevronDown, IconChevronRight, IconPoint } from '@tabler/icons-react'
import { type KeyboardEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type UnitNode, type VisibleRow, visibleRows } from './unit-tree'

interface UnitTreeViewProps {
  label: string
  nodes: UnitNode[]
  selectedId: string | undefined
  onSelect: (unitId: string) => void
  isExpanded: (unitId: string) => boolean
  onToggle: (unitId: string, expanded: boolean) => void
}

const treeItemId = (unitId: string) => `unit-treeitem-${unitId}`

/**
 * The network as an ARIA tree (WAI-ARIA APG "Tree View"): one tab stop; arrows move between
 * visible units, Right/Left open and close or step in and out, Home/End jump, Enter or Space
 * selects.
 *
 * The items are a flat list with aria-level/-posinset/-setsize rather than nested groups: a
 * nested item's box would contain all its descendants, so a click (or a test's click) in its
 * middle would land on a child. Each item is named by the unit name alone and described by its
 * code, type and province.
 */
export function UnitTreeView({ label, nodes, selectedId, onSelect, isExpanded, onToggle }: UnitTreeViewProps) {
  const rows = useMemo(() => visibleRows(nodes, isExpanded), [nodes, isExpanded])
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined)
  const isShown = (unitId: string | undefined) => rows.some((row) => row.node.unit.id === unitId)
  // The roving tab stop: the focused item, else the selected one if shown, else the first.
  const tabStopId = isShown(focusedId) ? focusedId : isShown(selectedId) ? selectedId : rows[0]?.node.unit.id

  const focusItem = (unitId: string | undefined) => {
    if (!unitId) return
    setFocusedId(unitId)
    document.getElementById(treeItemId(unitId))?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const node = rows[index]?.node
    if (!node) return
    const hasChildren = node.children.length > 0
    const expanded = isExpanded(node.unit.id)
    let handled = true
    switch (event.key) {
      case 'ArrowDown':
        focusItem(rows[index + 1]?.node.unit.id)
        break
      case 'ArrowUp':
        focusItem(rows[index - 1]?.node.unit.id)
        break
      case 'Home':
        focusItem(rows[0]?.node.unit.id)
        break
      case 'End':
        focusItem(rows[rows.length - 1]?.node.unit.id)
        break
      case 'ArrowRight':
        if (hasChildren && !expanded) onToggle(node.unit.id, true)
        else if (hasChildren) focusItem(node.children[0]?.unit.id)
        break
      case 'ArrowLeft':
        if (hasChildren && expanded) onToggle(node.unit.id, false)
        else focusItem(parentOf(rows, index))
        break
      case 'Enter':
      case ' ':
        onSelect(node.unit.id)
        break
      default:
        handled = false
    }
    if (handled) event.preventDefault()
  }

  return (
    <Box component="ul" role="tree" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row, index) => (
        <TreeItem
          key={row.node.unit.id}
          row={row}
          isSelected={row.node.unit.id === selectedId}
          isTabStop={row.node.unit.id === tabStopId}
          isExpanded={isExpanded(row.node.unit.id)}
          onToggle={onToggle}
          onSelect={(unitId) => {
            setFocusedId(unitId)
            onSelect(unitId)
          }}
          onKeyDown={(event) => onKeyDown(event, index)}
        />
      ))}
    </Box>
  )
}

/** The parent of the row at `index` is the nearest earlier row one level up. */
function parentOf(rows: VisibleRow[], index: number): string | undefined {
  const depth = rows[index]?.node.depth ?? 1
  for (let i = index - 1; i >= 0; i -= 1) {
    if ((rows[i]?.node.depth ?? 0) < depth) return rows[i]?.node.unit.id
  }
  return undefined
}

interface TreeItemProps {
  row: VisibleRow
  isSelected: boolean
  isTabStop: boolean
  isExpanded: boolean
  onToggle: (unitId: string, expanded: boolean) => void
  onSelect: (unitId: string) => void
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
}

function TreeItem({ row, isSelected, isTabStop, isExpanded, onToggle, onSelect, onKeyDown }: TreeItemProps) {
  const { t } = useTranslation()
  const { unit, children, depth } = row.node
  const hasChildren = children.length > 0
  const expanded = hasChildren && isExpanded
  const isArchived = unit.archivedAt !== null
  const nameId = `${treeItemId(unit.id)}-name`
  const metaId = `${treeItemId(unit.id)}-meta`
  const marker = { display: 'inline-flex', flexShrink: 0, marginTop: 3 } as const

  return (
    <Box
      component="li"
      id={treeItemId(unit.id)}
      role="treeitem"
      aria-level={depth}
      aria-posinset={row.position}
      aria-setsize={row.setSize}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={isSelected}
      aria-labelledby={nameId}
      aria-describedby={metaId}
      tabIndex={isTabStop ? 0 : -1}
      onKeyDown={onKeyDown}
      onClick={() => onSelect(unit.id)}
      className="unit-tree-row"
      py={6}
      pr="xs"
      pl={(depth - 1) * 20 + 4}
      style={{
        cursor: 'pointer',
        borderRadius: 'var(--mantine-radius-sm)',
        background: isSelected ? 'var(--mantine-color-blue-0)' : undefined,
        boxShadow: isSelected ? 'inset 3px 0 0 var(--mantine-color-blue-8)' : undefined,
      }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        {hasChildren ? (
          // Mouse convenience only: keyboard users open and close with the arrow keys, and the
          // state is announced through aria-expanded, so this is hidden from assistive technology.
          <Box
            component="span"
            aria-hidden="true"
            style={marker}
            onClick={(event) => {
              event.stopPropagation()
              onToggle(unit.id, !expanded)
            }}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </Box>
        ) : (
          <Box component="span" aria-hidden="true" style={marker}>
            <IconPoint size={16} color="var(--mantine-color-gray-5)" />
          </Box>
        )}
        <Box style={{ minWidth: 0 }}>
          <Text id={nameId} fw={isSelected ? 700 : 500} td={isArchived ? 'line-through' : undefined} lh={1.4}>
            {unit.name}
          </Text>
          <Group id={metaId} gap={6} wrap="wrap" mt={2}>
            <Text span size="xs" c="dimmed" ff="monospace">
              {unit.code}
            </Text>
            <Badge size="xs" variant="outline" color="gray.7" tt="none">
              {t(`unitTypes.${unit.type}`)}
            </Badge>
            {unit.provinceCode ? (
              <Text span size="xs" c="dimmed">
                {unit.provinceCode}
              </Text>
            ) : null}
            {isArchived ? (
              <Badge size="xs" variant="filled" color="gray.7" tt="none">
                {t('network.archived')}
              </Badge>
            ) : null}
          </Group>
        </Box>
      </Group>
    </Box>
  )
}
