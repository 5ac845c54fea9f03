import { describe, expect, it } from 'vitest'
import type { Unit } from '../identity.contract'
import { ancestorsOf, buildUnitTree, filterUnitTree, moveTargets, subtreeIds, visibleRows } from './unit-tree'

function buildUnit(overrides: Partial<Unit> & Pick<Unit, 'id' | 'name'>): Unit {
  return {
    parentId: null,
    type: 'antenna',
    code: overrides.id.toUpperCase(),
    regionCode: null,
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

const hub = buildUnit({ id: 'hub', name: 'Hub Lombardia', type: 'hub' })
const bergamo = buildUnit({ id: 'bg', name: 'Antenna Bergamo', parentId: 'hub', provinceCode: 'BG' })
const brescia = buildUnit({ id: 'bs', name: 'Antenna Brescia', parentId: 'hub', provinceCode: 'BS' })
const point = buildUnit({ id: 'pt', name: 'Sportello Valle Seriana', parentId: 'bg', type: 'service_point' })
const units = [point, brescia, hub, bergamo]

describe('buildUnitTree', () => {
  it('nests units under their parent, siblings sorted by name', () => {
    const tree = buildUnitTree(units)
    expect(tree.map((node) => node.unit.id)).toEqual(['hub'])
    expect(tree[0]?.children.map((node) => node.unit.id)).toEqual(['bg', 'bs'])
    expect(tree[0]?.children[0]?.children.map((node) => node.unit.id)).toEqual(['pt'])
  })

  it('treats a unit whose parent is not visible as a root', () => {
    const tree = buildUnitTree([bergamo, point])
    expect(tree.map((node) => node.unit.id)).toEqual(['bg'])
    expect(tree[0]?.depth).toBe(1)
  })
})

describe('subtreeIds', () => {
  it('contains the unit and all its descendants', () => {
    expect([...subtreeIds(units, 'bg')].sort()).toEqual(['bg', 'pt'])
  })
})

describe('moveTargets', () => {
  it('excludes the unit itself and its own subtree', () => {
    expect(moveTargets(units, 'bg').map((unit) => unit.id)).toEqual(['bs', 'hub'])
  })

  it('excludes archived units', () => {
    const archived = { ...brescia, archivedAt: '2026-02-01T00:00:00Z' }
    expect(moveTargets([hub, bergamo, archived, point], 'pt').map((unit) => unit.id)).toEqual(['bg', 'hub'])
  })
})

describe('ancestorsOf', () => {
  it('lists the ancestors from the top down', () => {
    expect(ancestorsOf(units, 'pt').map((unit) => unit.id)).toEqual(['hub', 'bg'])
  })
})

describe('filterUnitTree', () => {
  it('keeps matching units and the path to them', () => {
    const filtered = filterUnitTree(buildUnitTree(units), 'seriana')
    expect(filtered[0]?.unit.id).toBe('hub')
    expect(filtered[0]?.children.map((node) => node.unit.id)).toEqual(['bg'])
    expect(filtered[0]?.children[0]?.children.map((node) => node.unit.id)).toEqual(['pt'])
  })

  it('matches the province code', () => {
    const filtered = filterUnitTree(buildUnitTree(units), 'bs')
    expect(filtered[0]?.children.map((node) => node.unit.id)).toEqual(['bs'])
  })
})

describe('visibleRows', () => {
  it('skips the children of collapsed units', () => {
    const open = new Set(['hub'])
    expect(visibleRows(buildUnitTree(units), (id) => open.has(id)).map((row) => row.node.unit.id)).toEqual([
      'hub',
      'bg',
      'bs',
    ])
  })

  it('numbers each row among its siblings', () => {
    const rows = visibleRows(buildUnitTree(units), () => true)
    expect(rows.map((row) => [row.node.unit.id, row.position, row.setSize])).toEqual([
      ['hub', 1, 1],
      ['bg', 1, 2],
      ['pt', 1, 1],
      ['bs', 2, 2],
    ])
  })
})
