/**
 * The network as a tree, built in the browser from the flat list GET /api/units returns.
 * Pure functions, so the tree rules (what counts as a root, what a unit may move under) are
 * table-tested without rendering.
 */
import type { Unit } from '../identity.contract'

export interface UnitNode {
  unit: Unit
  depth: number
  children: UnitNode[]
}

function byName(a: Unit, b: Unit): number {
  return a.name.localeCompare(b.name, 'it', { sensitivity: 'base' })
}

/**
 * Roots are units without a parent, and units whose parent the user cannot see (an antenna
 * manager sees their antenna as the top of their tree). Siblings are sorted by name.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id))
  const childrenOf = new Map<string | null, Unit[]>()
  for (const unit of units) {
    const parentKey = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null
    const siblings = childrenOf.get(parentKey) ?? []
    siblings.push(unit)
    childrenOf.set(parentKey, siblings)
  }
  const build = (parentKey: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parentKey) ?? [])
      .sort(byName)
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }))
  return build(null, 1)
}

/** The unit and everything below it: where it may not be moved (a cycle). */
export function subtreeIds(units: readonly Unit[], unitId: string): Set<string> {
  const result = new Set<string>([unitId])
  let grew = true
  while (grew) {
    grew = false
    for (const unit of units) {
      if (unit.parentId !== null && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id)
        grew = true
      }
    }
  }
  return result
}

/** Units the given unit may move under: any active unit outside its own subtree. */
export function moveTargets(units: readonly Unit[], unitId: string): Unit[] {
  const blocked = subtreeIds(units, unitId)
  return units.filter((unit) => !blocked.has(unit.id) && unit.archivedAt === null).sort(byName)
}

/** The chain of ancestors from the top down (the unit itself excluded). */
export function ancestorsOf(units: readonly Unit[], unitId: string): Unit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const chain: Unit[] = []
  let current = byId.get(unitId)?.parentId ?? null
  while (current !== null) {
    const parent = byId.get(current)
    if (!parent || chain.includes(parent)) break
    chain.unshift(parent)
    current = parent.parentId
  }
  return chain
}

function matches(unit: Unit, query: string): boolean {
  const haystack = [unit.name, unit.code, unit.provinceCode ?? ''].join(' ').toLocaleLowerCase('it')
  return haystack.includes(query)
}

/** Keeps the units that match (name, code, province) and the ancestors that lead to them. */
export function filterUnitTree(nodes: readonly UnitNode[], query: string): UnitNode[] {
  const needle = query.trim().toLocaleLowerCase('it')
  if (!needle) return [...nodes]
  const keep = (node: UnitNode): UnitNode | null => {
    const children = node.children.map(keep).filter((child): child is UnitNode => child !== null)
    return matches(node.unit, needle) || children.length > 0 ? { ...node, children } : null
  }
  return nodes.map(keep).filter((node): node is UnitNode => node !== null)
}

/** A unit as shown in the tree: its place among its siblings is announced with it. */
export interface VisibleRow {
  node: UnitNode
  position: number
  setSize: number
}

/**
 * The rows on screen, depth first, skipping the children of collapsed units. The tree is drawn
 * from this flat list (levels via aria-level), and arrow-key navigation follows its order.
 */
export function visibleRows(nodes: readonly UnitNode[], isExpanded: (id: string) => boolean): VisibleRow[] {
  const rows: VisibleRow[] = []
  const walk = (siblings: readonly UnitNode[]) => {
    siblings.forEach((node, index) => {
      rows.push({ node, position: index + 1, setSize: siblings.length })
      if (node.children.length > 0 && isExpanded(node.unit.id)) walk(node.children)
    })
  }
  walk(nodes)
  return rows
}
