import { describe, expect, it } from 'vitest'
import type { Role } from '../identity.contract'
import type { Actor } from './actor'
import {
  canAssignRole,
  canManageUnit,
  canReadUnitData,
  canSeeUnit,
  canWriteUnitData,
  isNetworkAdmin,
  visiblePathPrefixes,
} from './identity.policy'

const ROOT = '/root/'
const BG = '/root/bg/'
const BG_POINT = '/root/bg/point/'
const BS = '/root/bs/'

function actor(grants: [path: string, role: Role][], sharedPaths: string[] = []): Actor {
  return {
    userId: 'u1',
    name: 'Test',
    email: 't@example.test',
    locale: 'it',
    grants: grants.map(([path, role], i) => ({ membershipId: `m${i}`, unitId: path, path, role })),
    sharedPaths,
    via: 'session',
    scopes: ['read', 'write'],
  }
}

describe('identity policy', () => {
  it('lets members of a unit see it and its descendants', () => {
    const staff = actor([[BG, 'unit_staff']])
    expect(canSeeUnit(staff, BG)).toBe(true)
    expect(canSeeUnit(staff, BG_POINT)).toBe(true)
    expect(canReadUnitData(staff, BG_POINT)).toBe(true)
  })

  it('never lets a sibling antenna see the other one', () => {
    const staff = actor([[BG, 'unit_staff']])
    expect(canSeeUnit(staff, BS)).toBe(false)
    expect(canReadUnitData(staff, BS)).toBe(false)
    expect(canWriteUnitData(staff, BS)).toBe(false)
  })

  it('does not let a unit see its ancestors', () => {
    expect(canSeeUnit(actor([[BG, 'unit_manager']]), ROOT)).toBe(false)
  })

  it('gives members of an ancestor access to every descendant', () => {
    const hubStaff = actor([[ROOT, 'unit_staff']])
    expect(canReadUnitData(hubStaff, BG)).toBe(true)
    expect(canReadUnitData(hubStaff, BS)).toBe(true)
  })

  it('opens a shared unit read-only to the staff of the unit it was shared with', () => {
    const staff = actor([[BG, 'unit_staff']], [BS])
    expect(canReadUnitData(staff, BS)).toBe(true)
    expect(canWriteUnitData(staff, BS)).toBe(false)
    expect(visiblePathPrefixes(staff)).toContain(BS)
  })

  it('keeps viewers to aggregated figures: they see units but read no unit data', () => {
    const viewer = actor([[ROOT, 'viewer']])
    expect(canSeeUnit(viewer, BG)).toBe(true)
    expect(canReadUnitData(viewer, BG)).toBe(false)
  })

  it('keeps experts and company members out of unit data', () => {
    expect(canReadUnitData(actor([[BG, 'expert']]), BG)).toBe(false)
    expect(canReadUnitData(actor([[BG, 'company_member']]), BG)).toBe(false)
  })

  it('lets only managers and admins manage a unit', () => {
    expect(canManageUnit(actor([[BG, 'unit_manager']]), BG_POINT)).toBe(true)
    expect(canManageUnit(actor([[BG, 'unit_staff']]), BG)).toBe(false)
    expect(canManageUnit(actor([[ROOT, 'network_admin']]), BS)).toBe(true)
  })

  it.each<[Role, Role, boolean]>([
    ['network_admin', 'network_admin', true],
    ['unit_manager', 'unit_staff', true],
    ['unit_manager', 'network_admin', false],
    ['unit_staff', 'company_member', true],
    ['unit_staff', 'unit_staff', false],
    ['expert', 'company_member', false],
    ['viewer', 'viewer', false],
  ])('lets a %s assign the role %s: %s', (held, assigned, expected) => {
    expect(canAssignRole(actor([[BG, held]]), BG, assigned)).toBe(expected)
  })

  it('recognises a network admin only at the root', () => {
    expect(isNetworkAdmin(actor([[ROOT, 'network_admin']]))).toBe(true)
    expect(isNetworkAdmin(actor([[BG, 'network_admin']]))).toBe(false)
  })
})
