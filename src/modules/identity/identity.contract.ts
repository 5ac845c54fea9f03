/**
 * API contract of the identity module: the network of units, users, memberships, invitations,
 * sessions and personal API tokens. Shared by the server (validation + OpenAPI) and the web app
 * (forms + typed responses). Imports zod only.
 */
import { z } from '@hono/zod-openapi'

export const UNIT_TYPES = [
  'hub',
  'antenna',
  'pico_centre',
  'service_point',
  'competence_center',
  'cluster',
  'partner',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

/**
 * Roles a membership grants on a unit (and, by inheritance, on its descendants).
 * `viewer` is a funder or analyst: aggregated figures only, never personal data.
 */
export const ROLES = [
  'network_admin',
  'unit_manager',
  'unit_staff',
  'expert',
  'company_member',
  'viewer',
] as const
export type Role = (typeof ROLES)[number]

export const LOCALES = ['it', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Italian regions by ISTAT code (01–20). */
export const REGION_CODES = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
] as const

/** Scopes a personal API token may carry. */
export const TOKEN_SCOPES = ['read', 'write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

export const UnitCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'errors.unitCodeFormat' })

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

export const Unit = z
  .object({
    id: Id,
    parentId: Id.nullable(),
    type: z.enum(UNIT_TYPES),
    name: z.string(),
    code: z.string(),
    regionCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    archivedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    /** Actions the current user may perform on this unit. */
    can: z.object({ update: z.boolean(), createChild: z.boolean(), archive: z.boolean(), move: z.boolean() }),
  })
  .openapi('Unit')
export type Unit = z.infer<typeof Unit>

export const UnitCreateInput = z
  .object({
    parentId: Id,
    type: z.enum(UNIT_TYPES),
    name: z.string().trim().min(1).max(200),
    code: UnitCode,
    regionCode: z.enum(REGION_CODES).nullable().optional(),
    provinceCode: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, { error: 'errors.provinceCodeFormat' })
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
    email: z.email().nullable().optional().or(z.literal('').transform(() => null)),
    phone: OptionalText(40),
    address: OptionalText(300),
  })
  .openapi('UnitCreateInput')
export type UnitCreateInput = z.infer<typeof UnitCreateInput>

export const UnitUpdateInput = UnitCreateInput.omit({ parentId: true })
  .partial()
  .extend({ parentId: Id.optional() })
  .openapi('UnitUpdateInput')
export type UnitUpdateInput = z.infer<typeof UnitUpdateInput>

export const UnitShare = z
  .object({ unitId: Id, sharedWithUnitId: Id, createdAt: IsoDateTime })
  .openapi('UnitShare')
export type UnitShare = z.infer<typeof UnitShare>

export const UnitShareInput = z.object({ sharedWithUnitId: Id }).openapi('UnitShareInput')

export const Membership = z
  .object({
    id: Id,
    unitId: Id,
    unitName: z.string(),
    unitCode: z.string(),
    role: z.enum(ROLES),
    createdAt: IsoDateTime,
  })
  .openapi('Membership')
export type Membership = z.infer<typeof Membership>

export const MembershipInput = z
  .object({ unitId: Id, role: z.enum(ROLES) })
  .openapi('MembershipInput')
export type MembershipInput = z.infer<typeof MembershipInput>

export const User = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(LOCALES),
    isActive: z.boolean(),
    lastLoginAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    memberships: z.array(Membership),
  })
  .openapi('User')
export type User = z.infer<typeof User>

export const UserUpdateInput = z
  .object({ name: z.string().trim().min(1).max(120) })
  .openapi('UserUpdateInput')

/** The signed-in user, with what the shell needs to build its navigation. */
export const Me = User.extend({
  isNetworkAdmin: z.boolean(),
  /** Units the user may administer (manager or admin of them or an ancestor). */
  managedUnitIds: z.array(Id),
}).openapi('Me')
export type Me = z.infer<typeof Me>

export const MeUpdateInput = z
  .object({ name: z.string().trim().min(1).max(120).optional(), locale: z.enum(LOCALES).optional() })
  .openapi('MeUpdateInput')
export type MeUpdateInput = z.infer<typeof MeUpdateInput>

export const Password = z.string().min(10).max(128)

export const PasswordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: Password })
  .openapi('PasswordChangeInput')
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>

export const SignInInput = z
  .object({ email: z.string().trim().toLowerCase().pipe(z.email()), password: z.string().min(1).max(128) })
  .openapi('SignInInput')
export type SignInInput = z.infer<typeof SignInInput>

export const PasswordResetRequestInput = z
  .object({ email: z.string().trim().toLowerCase().pipe(z.email()) })
  .openapi('PasswordResetRequestInput')
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>

export const PasswordResetConfirmInput = z
  .object({ token: z.string().min(10).max(200), newPassword: Password })
  .openapi('PasswordResetConfirmInput')
export type PasswordResetConfirmInput = z.infer<typeof PasswordResetConfirmInput>

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const

export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    unitId: Id,
    unitName: z.string(),
    role: z.enum(ROLES),
    status: z.enum(INVITATION_STATUSES),
    invitedByName: z.string().nullable(),
    expiresAt: IsoDateTime,
    createdAt: IsoDateTime,
  })
  .openapi('Invitation')
export type Invitation = z.infer<typeof Invitation>

export const InvitationCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    unitId: Id,
    role: z.enum(ROLES),
    locale: z.enum(LOCALES).optional(),
  })
  .openapi('InvitationCreateInput')
export type InvitationCreateInput = z.infer<typeof InvitationCreateInput>

/** What an invitee sees before accepting (no account needed). */
export const InvitationPreview = z
  .object({
    email: z.string(),
    unitName: z.string(),
    role: z.enum(ROLES),
    networkName: z.string(),
    hasAccount: z.boolean(),
    expiresAt: IsoDateTime,
  })
  .openapi('InvitationPreview')
export type InvitationPreview = z.infer<typeof InvitationPreview>

export const InvitationAcceptInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    password: Password.optional(),
  })
  .openapi('InvitationAcceptInput')
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptInput>

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    createdAt: IsoDateTime,
    lastUsedAt: IsoDateTime.nullable(),
    expiresAt: IsoDateTime.nullable(),
    revokedAt: IsoDateTime.nullable(),
  })
  .openapi('ApiToken')
export type ApiToken = z.infer<typeof ApiToken>

export const ApiTokenCreateInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
    expiresInDays: z.number().int().min(1).max(730).nullable().optional(),
  })
  .openapi('ApiTokenCreateInput')
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateInput>

/** Returned once at creation: the secret is never shown again (it is stored hashed). */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() }).openapi('ApiTokenCreated')
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>

/** Keyset pagination: pass `nextCursor` back as `cursor` to get the next page. */
export const PageQuery = z.object({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const UserListQuery = PageQuery.extend({
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'inactive']).optional(),
})
export type UserListQuery = z.infer<typeof UserListQuery>

export const InvitationListQuery = PageQuery.extend({
  status: z.enum(INVITATION_STATUSES).optional(),
})
export type InvitationListQuery = z.infer<typeof InvitationListQuery>

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name)
