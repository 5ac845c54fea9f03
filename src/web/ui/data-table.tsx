import { ActionIcon, Button, Center, Table, VisuallyHidden } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { Fragment, type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadingState } from './loading-state'
import { QueryError } from './query-error'

export interface DataTableColumn<Row> {
  id: string
  header: ReactNode
  cell: (row: Row) => ReactNode
}

/** The part of a TanStack infinite query the table needs for "Load more". */
interface Paging {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

interface DataTableProps<Row> {
  /** Names the table for screen readers (a visually hidden <caption>). */
  caption: string
  columns: DataTableColumn<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  isLoading: boolean
  error?: unknown
  onRetry?: () => void
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
  paging?: Paging
  /** Rows can open to show more (e.g. the audit diff); the label names the row for the toggle. */
  expandable?: { render: (row: Row) => ReactNode; toggleLabel: (row: Row) => string }
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number
}

/** A list as a table: loading, error and empty states, expandable rows and keyset "Load more". */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, columns, rows, rowKey, isLoading, error, onRetry, empty, paging, expandable, minWidth = 640 } = props
  const { t } = useTranslation()
  const baseId = useId()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())

  if (isLoading) return <LoadingState />
  if (error) return <QueryError error={error} onRetry={onRetry} />
  if (rows.length === 0) return <>{empty}</>

  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  const columnCount = columns.length + (expandable ? 1 : 0)

  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              {expandable ? (
                <Table.Th w={48}>
                  <VisuallyHidden>{t('common.details')}</VisuallyHidden>
                </Table.Th>
              ) : null}
              {columns.map((column) => (
                <Table.Th key={column.id} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row)
              const isOpen = expanded.has(key)
              const detailId = `${baseId}-${key}`
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    {expandable ? (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray.8"
                          aria-label={expandable.toggleLabel(row)}
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? detailId : undefined}
                          onClick={() => toggle(key)}
                        >
                          {isOpen ? (
                            <IconChevronDown size={18} aria-hidden="true" />
                          ) : (
                            <IconChevronRight size={18} aria-hidden="true" />
                          )}
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                    {columns.map((column) => (
                      <Table.Td key={column.id}>{column.cell(row)}</Table.Td>
                    ))}
                  </Table.Tr>
                  {expandable && isOpen ? (
                    <Table.Tr id={detailId}>
                      <Table.Td colSpan={columnCount}>{expandable.render(row)}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging?.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="default"
            loading={paging.isFetchingNextPage}
            onClick={() => void paging.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  )
}
