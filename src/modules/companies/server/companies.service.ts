/**
 * Companies: the hub's registry of firms. Scoped by the owning unit through identity's policy;
 * every change is audited; search is Italian full text plus fuzzy name words (companies-search.query.ts).
 */
import { and, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorNumber, cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { canWriteUnitData, dataPathPrefixes, findUnit, canReadUnitData, unitIdsUnder, type Actor } from '../../identity'
import { italianDay, matchComune } from '../../territory'
import {
  atecoSectionOf,
  COOPERATIVE_FORMS,
  type Company,
  type CompanyCreateInput,
  type CompanyListQuery,
  type CompanySize,
  type CompanyUpdateInput,
  type LegalForm,
} from '../companies.contract'
import { deriveCompanySize, normalizeText } from './companies.calculation'
import { contactedInPeriod } from './company-activity.service'
import { companyIdsOfMember, isCompanyMemberSomewhere, isMemberOfCompany } from './company-member-scope'
import { companies, type CompanyRow } from './companies.table'
import { runCompanyList } from './companies-list.query'
import { searchTerms } from './companies-search.query'
import { customFieldConditions, resolveCustomFieldValues } from './custom-fields.service'

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

export interface Place {
  istatCode: string
  name: string
  provinceCode: string
  regionCode: string
  regionName: string
  latitude: number | null
  longitude: number | null
}

export async function placeOf(ctx: RequestContext, db: Db, istat: string | null): Promise<Place | null> {
  if (!istat) return null
  const comune = await matchComune(db, istat, italianDay(ctx.now()))
  return comune
}

export function toCompany(row: Omit<CompanyRow, 'searchText' | 'searchVector' | 'nameVector'>, unitName: string, place: Place | null, canUpdate: boolean): Company {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    name: row.name,
    vatNumber: row.vatNumber,
    taxCode: row.taxCode,
    legalForm: row.legalForm as Company['legalForm'],
    isCooperative: row.isCooperative,
    atecoEdition: row.atecoEdition as Company['atecoEdition'],
    atecoCode: row.atecoCode,
    atecoSection: row.atecoSection,
    employees: row.employees,
    turnover: row.turnover,
    balanceSheetTotal: row.balanceSheetTotal,
    foundingYear: row.foundingYear,
    size: (row.sizeOverride ?? row.sizeDerived) as CompanySize | null,
    sizeDerived: row.sizeDerived as CompanySize | null,
    sizeOverride: row.sizeOverride as CompanySize | null,
    website: row.website,
    pec: row.pec,
    email: row.email,
    phone: row.phone,
    address: row.address,
    comune: place
      ? { istatCode: place.istatCode, name: place.name, provinceCode: place.provinceCode, regionCode: place.regionCode, regionName: place.regionName }
      : null,
    latitude: row.latitude ?? place?.latitude ?? null,
    longitude: row.longitude ?? place?.longitude ?? null,
    tags: row.tags,
    description: row.description,
    notes: row.notes,
    stage: row.stage as Company['stage'],
    customFields: row.customFields,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { update: canUpdate },
  }
}

/** The derived columns (size, section, search keys, place copies) of a full set of fields. */
export function derivedColumns(
  fields: Pick<CompanyRow, 'employees' | 'turnover' | 'balanceSheetTotal' | 'atecoCode' | 'atecoEdition' | 'name' | 'vatNumber' | 'description' | 'notes' | 'tags'>,
  place: Place | null,
) {
  return {
    sizeDerived: deriveCompanySize({ employees: fields.employees, turnover: fields.turnover, balanceSheetTotal: fields.balanceSheetTotal }),
    atecoSection: fields.atecoCode && fields.atecoEdition === '2007' ? atecoSectionOf(fields.atecoCode) : null,
    provinceCode: place?.provinceCode ?? null,
    regionCode: place?.regionCode ?? null,
    nameKey: normalizeText(fields.name),
    searchText: normalizeText(
      [fields.name, fields.vatNumber, place?.name, place?.provinceCode, fields.description, fields.notes, fields.tags.join(' ')]
        .filter(Boolean)
        .join(' '),
    ),
  }
}

export async function resolvePlace(ctx: RequestContext, db: Db, istat: string | null | undefined): Promise<Place | null> {
  if (!istat) return null
  const place = await placeOf(ctx, db, istat)
  if (!place) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'comuneIstat', message: 'errors.comuneUnknown' }])
  return place
}

export async function writableUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId)
  if (!unit || !canReadUnitData(actor, unit.path)) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  if (unit.archivedAt) throw new AppError('CONFLICT', 'errors.unitArchived')
  return unit
}

async function assertVatFree(db: Db, vatNumber: string, exceptId?: string) {
  const [clash] = await db.select({ id: companies.id }).from(companies).where(eq(companies.vatNumber, vatNumber))
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', 'errors.vatNumberTaken', { vatNumber }, [{ path: 'vatNumber', message: 'errors.vatNumberTaken' }])
  }
}

export async function createCompany(ctx: RequestContext, input: CompanyCreateInput): Promise<Company> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const unit = await writableUnit(tx, actor, input.unitId)
    await assertVatFree(tx, input.vatNumber)
    const place = await resolvePlace(ctx, tx, input.comuneIstat)
    const legalForm = (input.legalForm ?? null) as LegalForm | null
    const fields = {
      name: input.name,
      vatNumber: input.vatNumber,
      taxCode: input.taxCode ?? null,
      legalForm,
      isCooperative: input.isCooperative ?? (legalForm ? COOPERATIVE_FORMS.has(legalForm) : false),
      atecoEdition: input.atecoEdition,
      atecoCode: input.atecoCode ?? null,
      employees: input.employees ?? null,
      turnover: input.turnover ?? null,
      balanceSheetTotal: input.balanceSheetTotal ?? null,
      foundingYear: input.foundingYear ?? null,
      sizeOverride: input.sizeOverride ?? null,
      website: input.website ?? null,
      pec: input.pec ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      comuneIstat: place?.istatCode ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      tags: [...new Set(input.tags ?? [])],
      description: input.description ?? null,
      notes: input.notes ?? null,
      customFields: await resolveCustomFieldValues(tx, input.customFields),
    }
    const [row] = await tx
      .insert(companies)
      .values({ ...fields, ...derivedColumns(fields, place), unitId: unit.id })
      .returning()
    if (!row) throw new Error('company insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'company', entityId: row.id, unitId: unit.id, after: auditable(row) })
    return toCompany(row, unit.name, place, true)
  })
}

/** What the audit trail keeps of a company (the derived search columns are noise). */
export function auditable(row: CompanyRow) {
  const { searchText: _s, searchVector: _v, nameVector: _w, nameKey: _n, ...rest } = row
  return rest
}

/** The company and its unit if the actor reads it (staff of its unit, a share, or its company member). */
export async function getScopedRow(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(companies).where(eq(companies.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const unit = await findUnit(db, row.unitId)
  if (!unit) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (!canReadUnitData(actor, unit.path) && !(await isMemberOfCompany(db, actor, row.id, unit.path))) {
    throw new AppError('NOT_FOUND', 'errors.notFound')
  }
  return { row, unit }
}

export async function getCompany(ctx: RequestContext, id: string): Promise<Company> {
  const actor = requireActor(ctx)
  const { row, unit } = await getScopedRow(ctx.db, actor, id)
  return toCompany(row, unit.name, await placeOf(ctx, ctx.db, row.comuneIstat), canWriteUnitData(actor, unit.path))
}

export async function updateCompany(ctx: RequestContext, id: string, input: CompanyUpdateInput): Promise<Company> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, unit: current } = await getScopedRow(tx, actor, id)
    if (!canWriteUnitData(actor, current.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const unit = input.unitId && input.unitId !== before.unitId ? await writableUnit(tx, actor, input.unitId) : current
    if (input.vatNumber !== undefined) await assertVatFree(tx, input.vatNumber, id)
    const place = input.comuneIstat !== undefined ? await resolvePlace(ctx, tx, input.comuneIstat) : await placeOf(ctx, tx, before.comuneIstat)
    const { unitId: _u, customFields, ...rest } = input
    // Custom fields merge key by key: a PATCH changes only the keys it names (null clears one).
    const changes = customFields ? { ...rest, customFields: await resolveCustomFieldValues(tx, customFields, before.customFields) } : rest
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as CompanyRow
    if (input.tags) merged.tags = [...new Set(input.tags)]
    merged.comuneIstat = place?.istatCode ?? null
    const [after] = await tx
      .update(companies)
      .set({
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        tags: merged.tags,
        comuneIstat: merged.comuneIstat,
        ...derivedColumns(merged, place),
        unitId: unit.id,
        updatedAt: ctx.now(),
      })
      .where(eq(companies.id, id))
      .returning()
    if (!after) throw new Error('company update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'company', entityId: id, unitId: unit.id, before: auditable(before), after: auditable(after) })
    return toCompany(after, unit.name, place, true)
  })
}

export async function setCompanyArchived(ctx: RequestContext, id: string, archived: boolean): Promise<Company> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const { row: before, unit } = await getScopedRow(tx, actor, id)
    if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (Boolean(before.archivedAt) === archived) throw new AppError('CONFLICT', archived ? 'errors.companyArchived' : 'errors.companyNotArchived')
    // A merged company comes back only by undoing its merge (which also moves its records back).
    if (!archived && before.mergedIntoId) throw new AppError('CONFLICT', 'errors.companyMergedRestore')
    const [after] = await tx
      .update(companies)
      .set({ archivedAt: archived ? ctx.now() : null, updatedAt: ctx.now() })
      .where(eq(companies.id, id))
      .returning()
    if (!after) throw new Error('company update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: archived ? 'archive' : 'restore', entityType: 'company', entityId: id, unitId: unit.id, before: auditable(before), after: auditable(after) })
    return toCompany(after, unit.name, await placeOf(ctx, tx, after.comuneIstat), true)
  })
}

/** Filters shared by the list, its total (and the export of a filtered list). */
export async function listConditions(ctx: RequestContext, actor: Actor, query: CompanyListQuery): Promise<SQL[]> {
  // Staff read their units' companies; a company member reads the companies they are linked to.
  // Each branch only when the actor has it: an OR with an empty branch still costs the planner the
  // plain index path on unit_id that staff lists need.
  const prefixes = dataPathPrefixes(actor)
  const scope: SQL[] = []
  if (prefixes.length > 0) {
    const units = unitIdsUnder(ctx.db, prefixes)
    // A whole network's scope (a grant on a root unit: its path has one id) lets nearly every row
    // through, so it is checked row by row (`is true` is no index condition): as a join or an index
    // condition the planner took the network's units one by one (a bitmap scan of the filters per
    // unit, then a sort) or ANDed the whole unit index (a million entries) into a search's bitmap
    // (ADR 0032, 0033). A narrower scope keeps the unit index: a search reads its unit ids once
    // (`= any(array(…))`, an init plan), a plain list has them as constants.
    const networkWide = prefixes.some((prefix) => prefix.split('/').filter(Boolean).length === 1)
    const anyUnit = sql`${companies.unitId} = any(array(${units}))`
    if (networkWide) scope.push(sql`(${anyUnit}) is true`)
    else if (query.q) scope.push(anyUnit)
    else {
      // A plain list's units as constants (one small statement): with the statistics on unit and
      // province together (migration 0014) the planner sees that an antenna's companies are in its
      // provinces; through a join on units it could not (ADR 0033).
      const ids = (await units).map((unit) => unit.id)
      scope.push(ids.length > 0 ? inArray(companies.unitId, ids) : sql`false`)
    }
  }
  if (isCompanyMemberSomewhere(actor)) scope.push(inArray(companies.id, companyIdsOfMember(ctx.db, actor)))
  const conditions: SQL[] = [scope.length === 1 && scope[0] ? scope[0] : ((or(...scope) ?? sql`false`) as SQL)]
  if (query.unitId) conditions.push(inArray(companies.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  if (query.region) conditions.push(eq(companies.regionCode, query.region))
  if (query.province) conditions.push(eq(companies.provinceCode, query.province))
  if (query.comune) conditions.push(eq(companies.comuneIstat, query.comune))
  if (query.atecoSection?.length) conditions.push(inArray(companies.atecoSection, query.atecoSection))
  if (query.size?.length) conditions.push(inArray(sql`coalesce(${companies.sizeOverride}, ${companies.sizeDerived})`, query.size))
  if (query.cooperative) conditions.push(eq(companies.isCooperative, query.cooperative === 'true'))
  if (query.stage?.length) conditions.push(inArray(companies.stage, query.stage))
  if (query.tag) conditions.push(sql`${query.tag} = any(${companies.tags})`)
  // Any of the tags: array overlap, which the GIN index on tags serves.
  if (query.tags?.length) conditions.push(sql`${companies.tags} && array[${sql.join(query.tags.map((tag) => sql`${tag}`), sql`, `)}]::text[]`)
  if (query.atecoDivision?.length) {
    conditions.push(and(eq(companies.atecoEdition, '2007'), inArray(sql`substr(${companies.atecoCode}, 1, 2)`, query.atecoDivision)) as SQL)
  }
  conditions.push(...(await customFieldConditions(ctx.db, query.cf)))
  const contacted = contactedInPeriod(query.contactedFrom, query.contactedTo)
  if (contacted) conditions.push(contacted)
  if (query.includeArchived !== 'true') conditions.push(isNull(companies.archivedAt))
  const q = query.q ? normalizeText(query.q) : ''
  if (q) conditions.push(searchTerms(q).match)
  return conditions
}

export async function listCompanies(ctx: RequestContext, query: CompanyListQuery) {
  const actor = requireActor(ctx)
  if (dataPathPrefixes(actor).length === 0 && !isCompanyMemberSomewhere(actor)) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const conditions = await listConditions(ctx, actor, query)
  const q = query.q ? normalizeText(query.q) : ''
  const sort = query.sort ?? (q ? 'relevance' : 'name')
  const cursor = decodeCursor(query.cursor)
  const terms = q ? searchTerms(q) : undefined
  const score = terms ? terms.score : sql<number>`0::float8`
  let after: ((score: SQL) => SQL) | undefined
  if (cursor && sort === 'relevance') {
    // `<score>|<name key>`: the score never holds a '|'.
    const sep = cursor.k.indexOf('|')
    const k = cursorNumber({ k: sep < 0 ? cursor.k : cursor.k.slice(0, sep), id: cursor.id })
    const name = sep < 0 ? null : cursor.k.slice(sep + 1)
    after = (score) =>
      name === null
        ? sql`(${score} < ${k} or (${score} = ${k} and ${companies.id} > ${cursor.id}))`
        : sql`(${score} < ${k} or (${score} = ${k} and (${companies.nameKey} > ${name} or (${companies.nameKey} = ${name} and ${companies.id} > ${cursor.id}))))`
  } else if (cursor && sort === 'updated') {
    const t = cursorTime(cursor)
    after = () => or(lt(companies.updatedAt, t), and(eq(companies.updatedAt, t), gt(companies.id, cursor.id))) as SQL
  } else if (cursor) {
    after = () => or(gt(companies.nameKey, cursor.k), and(eq(companies.nameKey, cursor.k), gt(companies.id, cursor.id))) as SQL
  }
  // One statement: the page, its total, and each row's unit and comune (companies-list.query.ts).
  const { rows, total, exact, lowerBound } = await runCompanyList(ctx.db, {
    where: and(...conditions) as SQL,
    after,
    score,
    searchTiers: terms?.tiers,
    order: sort,
    limit: query.limit + 1,
    day: italianDay(ctx.now()),
  })
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  const nextKey = (r: (typeof rows)[number]) =>
    sort === 'relevance' ? `${r.score}|${r.company.nameKey}` : sort === 'updated' ? r.company.updatedAt.toISOString() : r.company.nameKey
  return {
    items: items.map((r) => toCompany(r.company, r.unit?.name ?? '', r.place, r.unit ? canWriteUnitData(actor, r.unit.path) : false)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: nextKey(last), id: last.company.id }) : null,
    total,
    totalIsEstimate: !exact && !lowerBound,
    totalIsLowerBound: lowerBound,
  }
}
