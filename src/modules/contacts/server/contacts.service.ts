/**
 * Contacts: the people of the companies. Scoped by the owning unit exactly like companies (identity's
 * policy); every change is audited; consents are append-only events per purpose.
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { decodeCursor, encodeCursor, likePattern } from '../../../server/http/cursor'
import { findCompanyScopes, getCompanyScope, normalizeText } from '../../companies'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, findUnit, unitIdsUnder, type Actor } from '../../identity'
import {
  CONSENT_PURPOSES,
  type ConsentEvent,
  type ConsentPurpose,
  type ConsentRecordInput,
  type ConsentSource,
  type ConsentState,
  type Contact,
  type ContactCompanyLink,
  type ContactCompanyLinkInput,
  type ContactCreateInput,
  type ContactExportQuery,
  type ContactLinkUpdateInput,
  type ContactListQuery,
  type ContactRole,
  type ContactUpdateInput,
  type LawfulBasis,
} from '../contacts.contract'
import { companyContacts, contactConsents, contacts, type ContactRow } from './contacts.table'

export type ConsentRow = typeof contactConsents.$inferSelect
export type CompanyContactRow = typeof companyContacts.$inferSelect

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** Lower case, no accents: what the list search matches. */
export function contactSearchText(fields: Pick<ContactRow, 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle'>): string {
  return normalizeText([fields.firstName, fields.lastName, fields.email, fields.phone, fields.jobTitle].filter(Boolean).join(' '))
}

/** What the audit trail keeps of a contact (the search key is noise). */
export function auditableContact(row: ContactRow) {
  const { searchText: _s, ...rest } = row
  return rest
}

async function writableUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
  return unit
}

/** The contact and its unit if the actor may read it; NOT_FOUND otherwise (missing and hidden look the same). */
export async function getScopedContact(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const unit = await findUnit(db, row.unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  return { row, unit }
}

/** The contact, if the actor may change it and it was not erased (an erased person has no data left to edit). */
async function writableContact(db: Db, actor: Actor, id: string) {
  const scoped = await getScopedContact(db, actor, id)
  if (!canWriteUnitData(actor, scoped.unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (scoped.row.erasedAt) throw new AppError('CONFLICT', 'errors.contactErased')
  return scoped
}

/** The latest event of each purpose, per contact. */
async function currentConsents(db: Db, contactIds: readonly string[]): Promise<Map<string, Map<string, ConsentRow>>> {
  const byContact = new Map<string, Map<string, ConsentRow>>()
  if (contactIds.length === 0) return byContact
  const rows = await db
    .selectDistinctOn([contactConsents.contactId, contactConsents.purpose])
    .from(contactConsents)
    .where(inArray(contactConsents.contactId, [...contactIds]))
    .orderBy(contactConsents.contactId, contactConsents.purpose, desc(contactConsents.recordedAt))
  for (const row of rows) {
    const map = byContact.get(row.contactId) ?? new Map<string, ConsentRow>()
    map.set(row.purpose, row)
    byContact.set(row.contactId, map)
  }
  return byContact
}

function toConsentStates(latest: Map<string, ConsentRow> | undefined): ConsentState[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const row = latest?.get(purpose)
    return {
      purpose,
      granted: row?.granted ?? false,
      source: (row?.source ?? null) as ConsentSource | null,
      recordedAt: row?.recordedAt.toISOString() ?? null,
    }
  })
}

export function toConsentEvent(row: ConsentRow): ConsentEvent {
  return {
    id: row.id,
    purpose: row.purpose as ConsentPurpose,
    granted: row.granted,
    source: row.source as ConsentSource,
    note: row.note,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
  }
}

/**
 * Company links of each contact. With an actor, only companies the actor may read are shown; without
 * one (the data-subject export), every link is.
 */
export async function linksOf(db: Db, actor: Actor | null, contactIds: readonly string[]): Promise<Map<string, ContactCompanyLink[]>> {
  const byContact = new Map<string, ContactCompanyLink[]>()
  if (contactIds.length === 0) return byContact
  const rows = await db
    .select()
    .from(companyContacts)
    .where(inArray(companyContacts.contactId, [...contactIds]))
    .orderBy(desc(companyContacts.isPrimary), asc(companyContacts.createdAt))
  const companies = new Map((await findCompanyScopes(db, rows.map((r) => r.companyId))).map((c) => [c.id, c]))
  for (const row of rows) {
    const company = companies.get(row.companyId)
    if (!company || (actor && !canReadUnitData(actor, company.unitPath))) continue
    const list = byContact.get(row.contactId) ?? []
    list.push({ companyId: row.companyId, companyName: company.name, role: row.role as ContactRole, isPrimary: row.isPrimary, createdAt: row.createdAt.toISOString() })
    byContact.set(row.contactId, list)
  }
  return byContact
}

/** Rows → API views, with unit names, company links and current consents in a few queries. */
async function toContacts(db: Db, actor: Actor, rows: readonly ContactRow[]): Promise<Contact[]> {
  const ids = rows.map((r) => r.id)
  const [links, consents] = await Promise.all([linksOf(db, actor, ids), currentConsents(db, ids)])
  const units = new Map<string, { name: string; path: string }>()
  for (const unitId of new Set(rows.map((r) => r.unitId))) {
    const unit = await findUnit(db, unitId)
    if (unit) units.set(unitId, { name: unit.name, path: unit.path })
  }
  return rows.map((row) => {
    const unit = units.get(row.unitId)
    return {
      id: row.id,
      unitId: row.unitId,
      unitName: unit?.name ?? '',
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      jobTitle: row.jobTitle,
      notes: row.notes,
      lawfulBasis: row.lawfulBasis as LawfulBasis,
      companies: links.get(row.id) ?? [],
      consents: toConsentStates(consents.get(row.id)),
      erasedAt: row.erasedAt?.toISOString() ?? null,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      can: { update: !row.erasedAt && unit !== undefined && canWriteUnitData(actor, unit.path) },
    }
  })
}

async function toContact(db: Db, actor: Actor, row: ContactRow): Promise<Contact> {
  const [view] = await toContacts(db, actor, [row])
  if (!view) throw new Error('contact view missing')
  return view
}

/** The links of one contact as the audit trail keeps them. */
async function auditableLinks(db: Db, contactId: string) {
  const rows = await db.select().from(companyContacts).where(eq(companyContacts.contactId, contactId)).orderBy(asc(companyContacts.companyId))
  return rows.map((r) => ({ companyId: r.companyId, role: r.role, isPrimary: r.isPrimary }))
}

/** A usable company to link: readable by the actor and not merged away. */
async function linkableCompany(db: Db, actor: Actor, companyId: string) {
  const company = await getCompanyScope(db, actor, companyId)
  if (company.mergedIntoId) throw new AppError('CONFLICT', 'errors.companyMergedAway')
  return company
}

/** One primary contact per company: marking one primary unmarks the others. */
async function clearOtherPrimaries(tx: Db, companyId: string, contactId: string) {
  await tx
    .update(companyContacts)
    .set({ isPrimary: false })
    .where(and(eq(companyContacts.companyId, companyId), ne(companyContacts.contactId, contactId), eq(companyContacts.isPrimary, true)))
}

async function insertLink(tx: Db, ctx: RequestContext, contactId: string, input: ContactCompanyLinkInput) {
  const [clash] = await tx
    .select({ id: companyContacts.id })
    .from(companyContacts)
    .where(and(eq(companyContacts.contactId, contactId), eq(companyContacts.companyId, input.companyId)))
  if (clash) throw new AppError('CONFLICT', 'errors.contactLinkExists', {}, [{ path: 'companyId', message: 'errors.contactLinkExists' }])
  if (input.isPrimary) await clearOtherPrimaries(tx, input.companyId, contactId)
  await tx.insert(companyContacts).values({ contactId, companyId: input.companyId, role: input.role, isPrimary: input.isPrimary, createdAt: ctx.now() })
}

export async function createContact(ctx: RequestContext, input: ContactCreateInput): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const unit = await writableUnit(tx, actor, input.unitId)
    if (input.company) await linkableCompany(tx, actor, input.company.companyId)
    const fields = {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      jobTitle: input.jobTitle ?? null,
      notes: input.notes ?? null,
      lawfulBasis: input.lawfulBasis,
    }
    const now = ctx.now()
    const [row] = await tx
      .insert(contacts)
      .values({ ...fields, unitId: unit.id, searchText: contactSearchText(fields), createdAt: now, updatedAt: now })
      .returning()
    if (!row) throw new Error('contact insert returned no row')
    if (input.company) await insertLink(tx, ctx, row.id, input.company)
    await ctx.deps.audit.record(tx, ctx, {
      action: 'create',
      entityType: 'contact',
      entityId: row.id,
      unitId: unit.id,
      after: { ...auditableContact(row), companies: await auditableLinks(tx, row.id) },
    })
    return toContact(tx, actor, row)
  })
}

export async function getContact(ctx: RequestContext, id: string): Promise<Contact> {
  const actor = requireActor(ctx)
  const { row } = await getScopedContact(ctx.db, actor, id)
  return toContact(ctx.db, actor, row)
}

export async function updateContact(ctx: RequestContext, id: string, input: ContactUpdateInput): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, unit: current } = await writableContact(tx, actor, id)
    const unit = input.unitId && input.unitId !== before.unitId ? await writableUnit(tx, actor, input.unitId) : current
    const { unitId: _u, ...changes } = input
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ContactRow>
    const merged = { ...before, ...set }
    const [after] = await tx
      .update(contacts)
      .set({ ...set, unitId: unit.id, searchText: contactSearchText(merged), updatedAt: ctx.now() })
      .where(eq(contacts.id, id))
      .returning()
    if (!after) throw new Error('contact update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'contact', entityId: id, unitId: unit.id, before: auditableContact(before), after: auditableContact(after) })
    return toContact(tx, actor, after)
  })
}

export async function setContactArchived(ctx: RequestContext, id: string, archived: boolean): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, unit } = await getScopedContact(tx, actor, id)
    if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (Boolean(before.archivedAt) === archived) throw new AppError('CONFLICT', archived ? 'errors.contactArchived' : 'errors.contactNotArchived')
    const [after] = await tx
      .update(contacts)
      .set({ archivedAt: archived ? ctx.now() : null, updatedAt: ctx.now() })
      .where(eq(contacts.id, id))
      .returning()
    if (!after) throw new Error('contact update returned no row')
    await ctx.deps.audit.record(tx, ctx, {
      action: archived ? 'archive' : 'restore',
      entityType: 'contact',
      entityId: id,
      unitId: unit.id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    })
    return toContact(tx, actor, after)
  })
}

// ——— Links to companies ———

export async function addCompanyLink(ctx: RequestContext, contactId: string, input: ContactCompanyLinkInput): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row, unit } = await writableContact(tx, actor, contactId)
    await linkableCompany(tx, actor, input.companyId)
    const before = await auditableLinks(tx, contactId)
    await insertLink(tx, ctx, contactId, input)
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'contact', entityId: contactId, unitId: unit.id, before: { companies: before }, after: { companies: await auditableLinks(tx, contactId) } })
    return toContact(tx, actor, row)
  })
}

async function existingLink(tx: Db, actor: Actor, contactId: string, companyId: string) {
  // The company must be visible too: a hidden company's link is as missing as any other.
  await getCompanyScope(tx, actor, companyId)
  const [link] = await tx
    .select()
    .from(companyContacts)
    .where(and(eq(companyContacts.contactId, contactId), eq(companyContacts.companyId, companyId)))
  if (!link) throw new AppError('NOT_FOUND', 'errors.contactLinkMissing')
  return link
}

export async function updateCompanyLink(ctx: RequestContext, contactId: string, companyId: string, input: ContactLinkUpdateInput): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row, unit } = await writableContact(tx, actor, contactId)
    const link = await existingLink(tx, actor, contactId, companyId)
    const before = await auditableLinks(tx, contactId)
    if (input.isPrimary) await clearOtherPrimaries(tx, companyId, contactId)
    await tx
      .update(companyContacts)
      .set({ role: input.role ?? link.role, isPrimary: input.isPrimary ?? link.isPrimary })
      .where(eq(companyContacts.id, link.id))
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'contact', entityId: contactId, unitId: unit.id, before: { companies: before }, after: { companies: await auditableLinks(tx, contactId) } })
    return toContact(tx, actor, row)
  })
}

export async function removeCompanyLink(ctx: RequestContext, contactId: string, companyId: string): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row, unit } = await writableContact(tx, actor, contactId)
    const link = await existingLink(tx, actor, contactId, companyId)
    const before = await auditableLinks(tx, contactId)
    await tx.delete(companyContacts).where(eq(companyContacts.id, link.id))
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'contact', entityId: contactId, unitId: unit.id, before: { companies: before }, after: { companies: await auditableLinks(tx, contactId) } })
    return toContact(tx, actor, row)
  })
}

// ——— Consents ———

/**
 * Appends a grant or a withdrawal. The current state of a purpose is its latest event, so events of
 * one purpose get strictly increasing timestamps even when two land within the same millisecond.
 */
export async function recordConsent(ctx: RequestContext, contactId: string, input: ConsentRecordInput): Promise<Contact> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row, unit } = await writableContact(tx, actor, contactId)
    const [latest] = await tx
      .select()
      .from(contactConsents)
      .where(and(eq(contactConsents.contactId, contactId), eq(contactConsents.purpose, input.purpose)))
      .orderBy(desc(contactConsents.recordedAt))
      .limit(1)
    const now = ctx.now()
    const recordedAt = latest && latest.recordedAt.getTime() >= now.getTime() ? new Date(latest.recordedAt.getTime() + 1) : now
    const [event] = await tx
      .insert(contactConsents)
      .values({ contactId, purpose: input.purpose, granted: input.granted, source: input.source, note: input.note ?? null, recordedAt, recordedBy: actor.userId })
      .returning()
    if (!event) throw new Error('consent insert returned no row')
    await ctx.deps.audit.record(tx, ctx, {
      action: 'update',
      entityType: 'contact',
      entityId: contactId,
      unitId: unit.id,
      before: { consent: { purpose: input.purpose, granted: latest?.granted ?? false } },
      after: { consent: { purpose: input.purpose, granted: input.granted, source: input.source, note: event.note } },
    })
    return toContact(tx, actor, row)
  })
}

/** Every consent event of a contact, newest first. */
export async function listConsentHistory(ctx: RequestContext, contactId: string): Promise<{ items: ConsentEvent[] }> {
  const actor = requireActor(ctx)
  await getScopedContact(ctx.db, actor, contactId)
  return { items: (await consentHistoryOf(ctx.db, contactId)).map(toConsentEvent) }
}

export async function consentHistoryOf(db: Db, contactId: string): Promise<ConsentRow[]> {
  return db.select().from(contactConsents).where(eq(contactConsents.contactId, contactId)).orderBy(desc(contactConsents.recordedAt))
}

// ——— Lists and segments ———

/** Whether the contact's latest event for the purpose is a grant. */
function consentGranted(purpose: ConsentPurpose): SQL {
  return sql`(select ${contactConsents.granted} from ${contactConsents}
    where ${contactConsents.contactId} = ${contacts.id} and ${contactConsents.purpose} = ${purpose}
    order by ${contactConsents.recordedAt} desc limit 1) is true`
}

/** Filters shared by the list, its total and the CSV export. */
async function listConditions(ctx: RequestContext, actor: Actor, query: ContactExportQuery): Promise<SQL[]> {
  if (dataPathPrefixes(actor).length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions: SQL[] = [inArray(contacts.unitId, unitIdsUnder(ctx.db, dataPathPrefixes(actor)))]
  if (query.unitId) conditions.push(inArray(contacts.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  if (query.companyId) {
    await getCompanyScope(ctx.db, actor, query.companyId)
    conditions.push(
      inArray(contacts.id, ctx.db.select({ id: companyContacts.contactId }).from(companyContacts).where(eq(companyContacts.companyId, query.companyId))),
    )
  }
  // A segment is people who may be written to: an erased person never is, whatever was recorded.
  if (query.consent) conditions.push(consentGranted(query.consent), isNull(contacts.erasedAt))
  if (query.includeArchived !== 'true') conditions.push(isNull(contacts.archivedAt))
  const q = query.q ? normalizeText(query.q) : ''
  if (q) {
    // Substring (names, emails, phone) or fuzzy words ("Rosi" for "Rossi"): accent-insensitive.
    conditions.push(or(sql`${contacts.searchText} like ${likePattern(q)}`, sql`${q} <% ${contacts.searchText}`) as SQL)
  }
  return conditions
}

function sortKey(row: ContactRow): string {
  return JSON.stringify([row.lastName, row.firstName])
}

function parseSortKey(k: string): [string, string] {
  try {
    const value = JSON.parse(k) as unknown
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]]
  } catch {
    // reported below
  }
  throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
}

export async function listContacts(ctx: RequestContext, query: ContactListQuery) {
  const actor = requireActor(ctx)
  const conditions = await listConditions(ctx, actor, query)
  const cursor = decodeCursor(query.cursor)
  const page: SQL[] = []
  if (cursor) {
    const [last, first] = parseSortKey(cursor.k)
    page.push(sql`(${contacts.lastName}, ${contacts.firstName}, ${contacts.id}) > (${last}, ${first}, ${cursor.id})`)
  }
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(and(...conditions, ...page))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(query.limit + 1)
  const [total] = await ctx.db.select({ n: count() }).from(contacts).where(and(...conditions))
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  return {
    items: await toContacts(ctx.db, actor, items),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: sortKey(last), id: last.id }) : null,
    total: total?.n ?? 0,
  }
}

const EXPORT_LIMIT = 50_000

/** Every contact matching the filters (a segment, a company's people), for the CSV export. */
export async function listContactsForExport(ctx: RequestContext, query: ContactExportQuery): Promise<Contact[]> {
  const actor = requireActor(ctx)
  const conditions = await listConditions(ctx, actor, query)
  const rows = await ctx.db
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(EXPORT_LIMIT)
  const views: Contact[] = []
  // In slices, so the IN lists of the link and consent queries stay small.
  for (let i = 0; i < rows.length; i += 500) views.push(...(await toContacts(ctx.db, actor, rows.slice(i, i + 500))))
  return views
}
