import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { buildMe, renderPage, stubApi } from '../../../web/test-utils'
import type { Unit } from '../identity.contract'
import { NetworkPage } from './network-page'

function buildUnit(overrides: Partial<Unit> & Pick<Unit, 'id' | 'name' | 'code'>): Unit {
  return {
    parentId: null,
    type: 'antenna',
    regionCode: '03',
    provinceCode: null,
    email: null,
    phone: null,
    address: null,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    can: { update: true, createChild: true, archive: true, move: true },
    ...overrides,
  }
}

const hub = buildUnit({ id: 'b0000000-0000-4000-8000-00000000000a', name: 'DIH Lombardia', code: 'DIH-LOM', type: 'hub' })
const bergamo = buildUnit({ id: 'b0000000-0000-4000-8000-00000000000b', name: 'Antenna Bergamo', code: 'ANT-BG', parentId: hub.id })
const brescia = buildUnit({ id: 'b0000000-0000-4000-8000-00000000000c', name: 'Antenna Brescia', code: 'ANT-BS', parentId: hub.id })
const seriana = buildUnit({
  id: 'b0000000-0000-4000-8000-00000000000d',
  name: 'Sportello Valle Seriana',
  code: 'SP-VS',
  type: 'service_point',
  parentId: bergamo.id,
})

function stubNetwork() {
  return stubApi((request) => {
    if (request.path.startsWith('/api/units?') || request.path === '/api/units') {
      return { status: 200, body: { items: [hub, bergamo, brescia, seriana] } }
    }
    if (request.path.endsWith('/shares')) return { status: 200, body: { items: [] } }
    if (request.path.startsWith('/api/users')) return { status: 200, body: { items: [], nextCursor: null } }
    return undefined
  })
}

describe('NetworkPage', () => {
  it('is a keyboard-operable tree: arrows move, Right opens, Enter selects', async () => {
    stubNetwork()
    const onSelectUnit = vi.fn()
    renderPage(<NetworkPage onSelectUnit={onSelectUnit} />, { me: buildMe() })
    const tree = await screen.findByRole('tree', { name: 'Unità della rete' })
    // The single top unit starts open and is the tree's one tab stop.
    const top = within(tree).getByRole('treeitem', { name: 'DIH Lombardia' })
    expect(top).toHaveAttribute('aria-expanded', 'true')
    expect(top).toHaveAttribute('tabindex', '0')

    top.focus()
    await userEvent.keyboard('{ArrowDown}')
    const bergamoItem = within(tree).getByRole('treeitem', { name: 'Antenna Bergamo' })
    expect(bergamoItem).toHaveFocus()
    expect(bergamoItem).toHaveAttribute('aria-expanded', 'false')
    expect(within(tree).queryByRole('treeitem', { name: 'Sportello Valle Seriana' })).not.toBeInTheDocument()

    await userEvent.keyboard('{ArrowRight}')
    expect(within(tree).getByRole('treeitem', { name: 'Sportello Valle Seriana' })).toHaveAttribute('aria-level', '3')
    await userEvent.keyboard('{ArrowRight}{Enter}')
    expect(onSelectUnit).toHaveBeenLastCalledWith(seriana.id)
  })

  it('does not offer a unit its own subtree as a new parent', async () => {
    stubNetwork()
    renderPage(<NetworkPage selectedUnitId={bergamo.id} onSelectUnit={vi.fn()} />, { me: buildMe() })
    await userEvent.click(await screen.findByRole('button', { name: 'Sposta' }))

    const dialog = await screen.findByRole('dialog', { name: 'Sposta Antenna Bergamo' })
    const options = within(within(dialog).getByRole('combobox', { name: 'Nuova unità superiore' }))
      .getAllByRole('option')
      .map((option) => option.textContent)
    expect(options).toContain('Antenna Brescia (ANT-BS)')
    expect(options).not.toContain('Antenna Bergamo (ANT-BG)')
    expect(options).not.toContain('Sportello Valle Seriana (SP-VS)')
  })

  it('filters the tree by name, code or province, keeping the path to each match', async () => {
    stubNetwork()
    renderPage(<NetworkPage onSelectUnit={vi.fn()} />, { me: buildMe() })
    await userEvent.type(await screen.findByRole('searchbox', { name: "Cerca nell'elenco" }), 'sp-vs')

    const tree = screen.getByRole('tree', { name: 'Unità della rete' })
    await waitFor(() => expect(within(tree).getAllByRole('treeitem')).toHaveLength(3))
    expect(within(tree).getByRole('treeitem', { name: 'Sportello Valle Seriana' })).toBeInTheDocument()
    expect(within(tree).queryByRole('treeitem', { name: 'Antenna Brescia' })).not.toBeInTheDocument()
  })
})
