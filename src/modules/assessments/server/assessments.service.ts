/**
 * Stored DMA assessments (issue 4, "Lifecycle"): draft → submitted → validated (then locked; a
 * correction is version n+1 of the same series, and the validated version it corrects becomes
 * superseded when the correction is validated). An assessment is scoped by its company's current
 * unit, like interactions: staff who read the unit see every status, a company's members see its
 * validated assessments only. Every change is audited; validation reports the company's journey
 * stage through the companies activity port.
 */
import { randomUUID } from 'node:crypto'
import { and, desc, eq, inArray, lt, ne, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { RequestContext } from '../../../server/http/context'
import { cursorTime, decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { companyIdsOfMember, findCompanyScopes, getCompany, getCompanyScope, isCompanyMemberSomewhere, recordCompanyActivity, type CompanyScope } from '../../companies'
import type { Company } from '../../companies/companies.contract'
import { canReadUnitData, canWriteUnitData, dataPathPrefixes, loadActor, rolesOn, unitIdsUnder, type Actor } from '../../identity'
import { italianDay } from '../../territory'
import {
  type Assessment,
  type AssessmentCreateInput,
  type AssessmentCustomerData,
  type AssessmentListQuery,
  type AssessmentStage,
  type AssessmentSummary,
  type AssessmentUpdateInput,
  type DmaInstrumentId,
} from '../assessments.contract'
import { DEFAULT_DMA_INSTRUMENT_VERSION, DEFAULT_DMA_RULES_VERSION } from '../assessments.reference'
import { assessorNamedMail } from './assessments.mails'
import { dimensionScoresOf, engineOf, evaluateAnswers, invalidAnswersError, scoreColumns, scoresView } from './assessments.scoring'
import { importedEvaluation, isImported, withoutImprovements } from './assessments-imported'
import { assessmentAttachments, assessmentLinks, assessments, type AssessmentRow } from './assessments.table'

/** The source type under which assessments report company activity. */
export const ASSESSMENT_SOURCE = 'assessment'

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  return ctx.actor
}

/** Public bodies answer the PSO questionnaire; every other legal form the SME one. */
export function defaultInstrument(legalForm: string | null): DmaInstrumentId {
  return legalForm === 'ente_pubblico' ? 'eu-dma-pso' : 'eu-dma-sme'
}

/** Module 1 (customer data) from the company record. */
export function customerDataOf(company: Company): AssessmentCustomerData {
  return {
    name: company.name,
    vatNumber: company.vatNumber,
    legalForm: company.legalForm,
    website: company.website,
    foundingYear: company.foundingYear,
    sizeClass: company.size,
    address: company.address,
    comune: company.comune?.name ?? null,
    comuneIstat: company.comune?.istatCode ?? null,
    regionCode: company.comune?.regionCode ?? null,
    atecoCode: company.atecoCode,
    atecoSection: company.atecoSection,
  }
}

export interface Scoped {
  row: AssessmentRow
  company: CompanyScope
  /** The actor writes the company's unit. */
  canWrite: boolean
  /** The actor reads the unit as staff (every status), not only as a company member. */
  isStaff: boolean
  /** The actor is the expert named as this draft's assessor: fills and submits it, nothing more. */
  isAssessor?: boolean
}

/**
 * Experts are not staff: they read no company data of the units they serve. Named as the assessor
 * of an assisted assessment, an expert (holding the expert role on the company's unit) reads and
 * fills that assessment, and reads the company's validated assessments (for the T0/T1 overlay).
 */
function isExpertOn(actor: Actor, unitPath: string): boolean {
  return rolesOn(actor, unitPath).has('expert')
}

async function assessesCompany(db: Db, actor: Actor, companyId: string): Promise<boolean> {
  const [hit] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.companyId, companyId), eq(assessments.assessorId, actor.userId), ne(assessments.status, 'superseded')))
    .limit(1)
  return Boolean(hit)
}

/** Whether the actor reads the assessment's company as its member. */
async function isMemberOf(db: Db, actor: Actor, assessmentId: string): Promise<boolean> {
  if (!isCompanyMemberSomewhere(actor)) return false
  const [hit] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), inArray(assessments.companyId, companyIdsOfMember(db, actor))))
  return Boolean(hit)
}

/** The assessment if the actor reads it; NOT_FOUND otherwise (missing and hidden look the same). */
export async function getScopedAssessment(db: Db, actor: Actor, id: string): Promise<Scoped> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id))
  if (!row) throw new AppError('NOT_FOUND', 'errors.notFound')
  const [company] = await findCompanyScopes(db, [row.companyId])
  if (!company) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (canReadUnitData(actor, company.unitPath)) return { row, company, canWrite: canWriteUnitData(actor, company.unitPath), isStaff: true }
  if (row.status === 'validated' && (await isMemberOf(db, actor, row.id))) return { row, company, canWrite: false, isStaff: false }
  if (isExpertOn(actor, company.unitPath)) {
    if (row.assessorId === actor.userId) return { row, company, canWrite: false, isStaff: false, isAssessor: true }
    if (row.status === 'validated' && (await assessesCompany(db, actor, row.companyId))) return { row, company, canWrite: false, isStaff: false }
  }
  throw new AppError('NOT_FOUND', 'errors.notFound')
}

/** The assessment if the actor may fill it: staff who write the unit, or its expert assessor. */
export async function getFillableAssessment(db: Db, actor: Actor, id: string): Promise<Scoped> {
  const scoped = await getScopedAssessment(db, actor, id)
  if (!scoped.canWrite && !scoped.isAssessor) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return scoped
}

/** The assessment if the actor writes its company's unit (FORBIDDEN when they only read it). */
export async function getWritableAssessment(db: Db, actor: Actor, id: string): Promise<Scoped> {
  const scoped = await getScopedAssessment(db, actor, id)
  if (!scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return scoped
}

function requireStatus(row: AssessmentRow, status: AssessmentRow['status'], messageKey: string) {
  if (row.status !== status) throw new AppError('CONFLICT', messageKey, { status: row.status })
}

/** What the audit trail keeps of an assessment (the score explanation is derived, and large). */
export function auditable(row: AssessmentRow) {
  const { result: _r, ...rest } = row
  return rest
}

function toSummary(row: AssessmentRow, companyName: string): AssessmentSummary {
  return {
    id: row.id,
    seriesId: row.seriesId,
    version: row.version,
    companyId: row.companyId,
    companyName,
    unitId: row.unitId,
    stage: row.stage as AssessmentSummary['stage'],
    mode: row.mode as AssessmentSummary['mode'],
    instrument: row.instrumentId as DmaInstrumentId,
    instrumentVersion: row.instrumentVersion,
    rulesVersion: row.rulesVersion,
    status: row.status as AssessmentSummary['status'],
    overall: row.overall,
    band: row.band as AssessmentSummary['band'],
    isLatest: row.isLatest,
    assessedOn: row.assessedOn,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    validatedAt: row.validatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function toAssessment(ctx: RequestContext, db: Db, scoped: Scoped): Promise<Assessment> {
  const { row, company, canWrite, isStaff, isAssessor = false } = scoped
  const { instrument, rules } = engineOf(row.instrumentId, row.instrumentVersion, row.rulesVersion)
  // Imported assessments hold the file's scores and no answers (assessments-imported.ts).
  const evaluation = isImported(row) ? importedEvaluation(row, rules) : evaluateAnswers(instrument, rules, row.answers)
  const assessor = row.assessorId ? await loadActor(db, row.assessorId, 'session', ['read']) : null
  const draft = row.status === 'draft'
  return {
    ...toSummary(row, company.name),
    answers: row.answers,
    // Evidence notes are the hub's working notes: company members see the results only.
    evidence: isStaff || isAssessor ? row.evidence : {},
    customerData: row.customerData as AssessmentCustomerData,
    issues: evaluation.issues,
    scores: isImported(row) ? withoutImprovements(scoresView(instrument, rules, evaluation, ctx.locale)) : scoresView(instrument, rules, evaluation, ctx.locale),
    assessor: assessor ? { id: assessor.userId, name: assessor.name } : null,
    prefilledFromId: row.prefilledFromId,
    peerGroup: row.status === 'validated' || row.status === 'superseded' ? { atecoSection: row.atecoSection, sizeClass: row.sizeClass, regionCode: row.regionCode } : null,
    validatedBy: row.validatedBy,
    can: {
      update: (canWrite || isAssessor) && draft,
      submit: (canWrite || isAssessor) && draft,
      validate: canWrite && row.status === 'submitted',
      // An imported assessment has no answers to correct: import a corrected file instead.
      correct: canWrite && row.status === 'validated' && !isImported(row),
      delete: canWrite && draft,
      sendLink: canWrite && draft && row.mode === 'self',
    },
  }
}

/** An assessor must be an active user who reads the company's unit, or an expert of that unit. */
async function assertAssessor(db: Db, assessorId: string, unitPath: string): Promise<Actor> {
  const assessor = await loadActor(db, assessorId, 'session', ['read'])
  if (!assessor || !(canReadUnitData(assessor, unitPath) || isExpertOn(assessor, unitPath))) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'assessorId', message: 'errors.assessmentAssessorInvalid' }])
  }
  return assessor
}

/** Tells someone named assessor by somebody else where the assessment is (in the outbox with the write). */
async function notifyAssessor(ctx: RequestContext, db: Db, assessor: Actor, named: { id: string; stage: string; companyName: string }, by: Actor) {
  if (assessor.userId === by.userId) return
  const mail = assessorNamedMail({
    locale: assessor.locale,
    url: `${ctx.deps.publicUrl}/assessments/${named.id}`,
    companyName: named.companyName,
    stage: named.stage,
    byName: by.name,
  })
  await ctx.deps.mailer.send(db, { to: assessor.email, ...mail })
}

/** The company's latest validated T0 (the start of a T1/T2), optionally of one instrument. */
async function latestValidatedT0(db: Db, companyId: string, instrument?: DmaInstrumentId): Promise<AssessmentRow | undefined> {
  const conditions: SQL[] = [eq(assessments.companyId, companyId), eq(assessments.stage, 'T0'), eq(assessments.status, 'validated')]
  if (instrument) conditions.push(eq(assessments.instrumentId, instrument))
  const [row] = await db.select().from(assessments).where(and(...conditions)).orderBy(desc(assessments.validatedAt), desc(assessments.id)).limit(1)
  return row
}

/** Scores of `answers` under the row's instrument and rules (provisional while partly invalid). */
function scoresFor(row: Pick<AssessmentRow, 'instrumentId' | 'instrumentVersion' | 'rulesVersion'>, answers: unknown) {
  const { instrument, rules } = engineOf(row.instrumentId, row.instrumentVersion, row.rulesVersion)
  return evaluateAnswers(instrument, rules, answers)
}

export async function createAssessment(ctx: RequestContext, input: AssessmentCreateInput): Promise<Assessment> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scope = await getCompanyScope(tx, actor, input.companyId)
    if (!canWriteUnitData(actor, scope.unitPath)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (scope.mergedIntoId) throw new AppError('CONFLICT', 'errors.assessmentCompanyMerged')
    const company = await getCompany({ ...ctx, db: tx }, input.companyId)
    const assessor = input.assessorId ? await assertAssessor(tx, input.assessorId, scope.unitPath) : null
    // A T1/T2 starts from the answers of the latest validated T0 (of the same questionnaire).
    const t0 = input.stage === 'T0' ? undefined : await latestValidatedT0(tx, company.id, input.instrument)
    const instrument = input.instrument ?? (t0?.instrumentId as DmaInstrumentId | undefined) ?? defaultInstrument(company.legalForm)
    const instrumentVersion = DEFAULT_DMA_INSTRUMENT_VERSION[instrument]
    const prefill = t0 && t0.instrumentId === instrument && t0.instrumentVersion === instrumentVersion ? t0 : undefined
    const answers = prefill?.answers ?? {}
    const base = { instrumentId: instrument, instrumentVersion, rulesVersion: DEFAULT_DMA_RULES_VERSION }
    const id = randomUUID()
    const now = ctx.now()
    const [row] = await tx
      .insert(assessments)
      .values({
        id,
        seriesId: id,
        version: 1,
        companyId: company.id,
        unitId: company.unitId,
        stage: input.stage,
        mode: input.mode,
        ...base,
        status: 'draft',
        answers,
        customerData: customerDataOf(company),
        assessorId: input.assessorId ?? actor.userId,
        prefilledFromId: prefill?.id ?? null,
        assessedOn: input.assessedOn ?? null,
        ...scoreColumns(scoresFor(base, answers).result),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('assessment insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'assessment', entityId: row.id, unitId: row.unitId, after: auditable(row) })
    if (assessor) await notifyAssessor(ctx, tx, assessor, { id: row.id, stage: row.stage, companyName: company.name }, actor)
    return toAssessment(ctx, tx, { row, company: scope, canWrite: true, isStaff: true })
  })
}

export async function getAssessment(ctx: RequestContext, id: string): Promise<Assessment> {
  const actor = requireActor(ctx)
  return toAssessment(ctx, ctx.db, await getScopedAssessment(ctx.db, actor, id))
}

/** Autosave of a draft: stores the answers as sent (even partly invalid) and reports their issues. */
export async function updateAssessment(ctx: RequestContext, id: string, input: AssessmentUpdateInput): Promise<Assessment> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getFillableAssessment(tx, actor, id)
    const before = scoped.row
    requireStatus(before, 'draft', 'errors.assessmentLocked')
    // Only staff name or change the assessor.
    if (input.assessorId !== undefined && !scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
    const assessor = input.assessorId && input.assessorId !== before.assessorId ? await assertAssessor(tx, input.assessorId, scoped.company.unitPath) : null
    if (assessor) await notifyAssessor(ctx, tx, assessor, { id: before.id, stage: before.stage, companyName: scoped.company.name }, actor)
    const answers = input.answers ?? before.answers
    const [after] = await tx
      .update(assessments)
      .set({
        answers,
        ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
        ...(input.customerData !== undefined ? { customerData: { ...before.customerData, ...input.customerData } } : {}),
        ...(input.assessorId !== undefined ? { assessorId: input.assessorId } : {}),
        ...(input.assessedOn !== undefined ? { assessedOn: input.assessedOn } : {}),
        ...scoreColumns(scoresFor(before, answers).result),
        updatedAt: ctx.now(),
      })
      .where(eq(assessments.id, id))
      .returning()
    if (!after) throw new Error('assessment update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'assessment', entityId: id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
    return toAssessment(ctx, tx, { ...scoped, row: after })
  })
}

/**
 * Draft → submitted: the answers must validate completely (each problem named, in the caller's
 * language). Shared by staff and by the holder of a self-assessment link (`actor` null).
 */
export async function submitRow(ctx: RequestContext, tx: Db, before: AssessmentRow, actor: Actor | null): Promise<AssessmentRow> {
  requireStatus(before, 'draft', 'errors.assessmentNotDraft')
  const evaluation = scoresFor(before, before.answers)
  if (!evaluation.complete) throw invalidAnswersError(evaluation.issues, ctx.locale)
  const now = ctx.now()
  const [after] = await tx
    .update(assessments)
    .set({
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor?.userId ?? null,
      assessedOn: before.assessedOn ?? italianDay(now),
      ...scoreColumns(evaluation.result),
      updatedAt: now,
    })
    .where(and(eq(assessments.id, before.id), eq(assessments.status, 'draft')))
    .returning()
  if (!after) throw new AppError('CONFLICT', 'errors.assessmentNotDraft', { status: 'submitted' })
  await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'assessment', entityId: before.id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
  return after
}

export async function submitAssessment(ctx: RequestContext, id: string): Promise<Assessment> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getFillableAssessment(tx, actor, id)
    const after = await submitRow(ctx, tx, scoped.row, actor)
    return toAssessment(ctx, tx, { ...scoped, row: after })
  })
}

/**
 * The benchmark population holds one assessment per company and instrument: the validated one of
 * the furthest stage, the most recently validated among equals.
 */
export async function refreshLatest(tx: Db, companyId: string, instrumentId: string): Promise<void> {
  const scope = and(eq(assessments.companyId, companyId), eq(assessments.instrumentId, instrumentId))
  const [latest] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(scope, eq(assessments.status, 'validated')))
    .orderBy(desc(assessments.stage), desc(assessments.validatedAt), desc(assessments.id))
    .limit(1)
  // Clear first: a unique index allows one latest row per company and instrument.
  await tx.update(assessments).set({ isLatest: false }).where(and(scope, eq(assessments.isLatest, true), latest ? ne(assessments.id, latest.id) : undefined))
  if (latest) await tx.update(assessments).set({ isLatest: true }).where(eq(assessments.id, latest.id))
}

/** Submitted → validated (locked), with the company's peer group of today for the benchmark. */
export async function validateAssessment(ctx: RequestContext, id: string): Promise<Assessment> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getWritableAssessment(tx, actor, id)
    const before = scoped.row
    requireStatus(before, 'submitted', 'errors.assessmentNotSubmitted')
    const evaluation = scoresFor(before, before.answers)
    if (!evaluation.complete) throw invalidAnswersError(evaluation.issues, ctx.locale)
    const company = await getCompany({ ...ctx, db: tx }, before.companyId)
    const now = ctx.now()
    const [after] = await tx
      .update(assessments)
      .set({
        status: 'validated',
        validatedAt: now,
        validatedBy: actor.userId,
        unitId: company.unitId,
        atecoSection: company.atecoSection,
        sizeClass: company.size,
        regionCode: company.comune?.regionCode ?? null,
        ...scoreColumns(evaluation.result),
        updatedAt: now,
      })
      .where(eq(assessments.id, id))
      .returning()
    if (!after) throw new Error('assessment update returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'update', entityType: 'assessment', entityId: id, unitId: after.unitId, before: auditable(before), after: auditable(after) })
    // The versions this one corrects step aside.
    const superseded = await tx
      .update(assessments)
      .set({ status: 'superseded', isLatest: false, updatedAt: now })
      .where(and(eq(assessments.seriesId, after.seriesId), ne(assessments.id, id), eq(assessments.status, 'validated')))
      .returning()
    for (const old of superseded) {
      await ctx.deps.audit.record(tx, ctx, {
        action: 'update', entityType: 'assessment', entityId: old.id, unitId: old.unitId,
        before: { ...auditable(old), status: 'validated' }, after: auditable(old),
      })
    }
    await refreshLatest(tx, after.companyId, after.instrumentId)
    await recordCompanyActivity(tx, {
      companyId: after.companyId,
      stage: (after.stage as AssessmentStage) === 'T0' ? 'assessed' : 'reassessed',
      sourceType: ASSESSMENT_SOURCE,
      sourceId: after.seriesId,
      occurredAt: now,
      summary: assessmentJourneySummary(after),
    })
    const [fresh] = await tx.select().from(assessments).where(eq(assessments.id, id))
    return toAssessment(ctx, tx, { ...scoped, row: fresh ?? after })
  })
}

/**
 * A correction of a validated assessment: version n+1 of its series, a draft with the same
 * answers, scored under the current rules. One open correction per series at a time.
 */
export async function correctAssessment(ctx: RequestContext, id: string): Promise<Assessment> {
  const actor = requireActor(ctx)
  return ctx.db.transaction(async (tx) => {
    const scoped = await getWritableAssessment(tx, actor, id)
    const source = scoped.row
    requireStatus(source, 'validated', 'errors.assessmentNotValidated')
    if (isImported(source)) throw new AppError('CONFLICT', 'errors.assessmentImportedNotCorrectable')
    const series = await tx.select({ version: assessments.version, status: assessments.status }).from(assessments).where(eq(assessments.seriesId, source.seriesId))
    if (series.some((s) => s.status === 'draft' || s.status === 'submitted')) throw new AppError('CONFLICT', 'errors.assessmentCorrectionOpen')
    const version = Math.max(...series.map((s) => s.version)) + 1
    const base = { instrumentId: source.instrumentId, instrumentVersion: source.instrumentVersion, rulesVersion: DEFAULT_DMA_RULES_VERSION }
    const now = ctx.now()
    const [row] = await tx
      .insert(assessments)
      .values({
        seriesId: source.seriesId,
        version,
        companyId: source.companyId,
        unitId: scoped.company.unitId,
        stage: source.stage,
        mode: source.mode,
        ...base,
        status: 'draft',
        answers: source.answers,
        evidence: source.evidence,
        customerData: source.customerData,
        assessorId: source.assessorId,
        programmeId: source.programmeId,
        projectId: source.projectId,
        prefilledFromId: source.prefilledFromId,
        assessedOn: source.assessedOn,
        ...scoreColumns(scoresFor(base, source.answers).result),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('assessment insert returned no row')
    await ctx.deps.audit.record(tx, ctx, { action: 'create', entityType: 'assessment', entityId: row.id, unitId: row.unitId, after: { ...auditable(row), correctionOf: source.id } })
    return toAssessment(ctx, tx, { ...scoped, row })
  })
}

/** Deletes a draft (with its links and attachments); anything submitted stays. */
export async function deleteAssessment(ctx: RequestContext, id: string): Promise<void> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row } = await getWritableAssessment(tx, actor, id)
    requireStatus(row, 'draft', 'errors.assessmentNotDraft')
    await tx.delete(assessmentLinks).where(eq(assessmentLinks.assessmentId, id))
    await tx.delete(assessmentAttachments).where(eq(assessmentAttachments.assessmentId, id))
    await tx.delete(assessments).where(eq(assessments.id, id))
    await ctx.deps.audit.record(tx, ctx, { action: 'delete', entityType: 'assessment', entityId: id, unitId: row.unitId, before: auditable(row) })
  })
}

/**
 * Assessments the actor reads, newest first: of one company (every version and stage) or of the
 * actor's units, filtered by status, stage, mode and instrument.
 */
export async function listAssessments(ctx: RequestContext, query: AssessmentListQuery) {
  const actor = requireActor(ctx)
  const prefixes = dataPathPrefixes(actor)
  const member = isCompanyMemberSomewhere(actor)
  const expert = actor.grants.some((g) => g.role === 'expert')
  if (prefixes.length === 0 && !member && !expert) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const memberScope = member ? and(inArray(assessments.companyId, companyIdsOfMember(ctx.db, actor)), eq(assessments.status, 'validated')) : undefined
  // An expert: the assessments they are named on, and the validated ones of those companies.
  const assessedCompanies = ctx.db
    .select({ id: assessments.companyId })
    .from(assessments)
    .where(and(eq(assessments.assessorId, actor.userId), ne(assessments.status, 'superseded')))
  const expertScope = expert
    ? or(eq(assessments.assessorId, actor.userId), and(eq(assessments.status, 'validated'), inArray(assessments.companyId, assessedCompanies)))
    : undefined
  const conditions: SQL[] = []
  let readsCompany = false
  if (query.companyId) {
    conditions.push(eq(assessments.companyId, query.companyId))
    const [company] = await findCompanyScopes(ctx.db, [query.companyId])
    readsCompany = Boolean(company && canReadUnitData(actor, company.unitPath))
  }
  // Staff of the company's current unit see its whole history, wherever it was assessed.
  if (!readsCompany) {
    const scopes = [prefixes.length > 0 ? inArray(assessments.unitId, unitIdsUnder(ctx.db, prefixes)) : undefined, memberScope, expertScope].filter((s): s is SQL => Boolean(s))
    conditions.push(or(...scopes) as SQL)
  }
  if (query.status?.length) conditions.push(inArray(assessments.status, query.status))
  if (query.stage?.length) conditions.push(inArray(assessments.stage, query.stage))
  if (query.mode?.length) conditions.push(inArray(assessments.mode, query.mode))
  if (query.instrument?.length) conditions.push(inArray(assessments.instrumentId, query.instrument))
  if (query.unitId) conditions.push(inArray(assessments.unitId, unitIdsUnder(ctx.db, [`%/${query.unitId}/`])))
  const cursor = decodeCursor(query.cursor)
  if (cursor) {
    const t = cursorTime(cursor)
    conditions.push(or(lt(assessments.createdAt, t), and(eq(assessments.createdAt, t), lt(assessments.id, cursor.id))) as SQL)
  }
  const rows = await ctx.db
    .select()
    .from(assessments)
    .where(and(...conditions))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const companies = new Map((await findCompanyScopes(ctx.db, page.map((r) => r.companyId))).map((c) => [c.id, c]))
  const memberOf = member ? new Set((await companyIdsOfMember(ctx.db, actor)).map((m) => m.id)) : new Set<string>()
  const assessing = expert ? new Set((await assessedCompanies).map((a) => a.id)) : new Set<string>()
  const items: AssessmentSummary[] = []
  for (const row of page) {
    const company = companies.get(row.companyId)
    if (!company) continue
    // The unit filter is on the stored unit; the company's current unit has the last word.
    const visible =
      canReadUnitData(actor, company.unitPath) ||
      (row.status === 'validated' && memberOf.has(row.companyId)) ||
      (isExpertOn(actor, company.unitPath) && (row.assessorId === actor.userId || (row.status === 'validated' && assessing.has(row.companyId))))
    if (visible) items.push(toSummary(row, company.name))
  }
  const last = page.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: last.id }) : null }
}

/** The company journey's line for a validated assessment (the series' latest validated version). */
export function assessmentJourneySummary(row: { id: string; stage: string; instrumentId: string; overall: number | null; mode: string }) {
  return {
    key: row.mode === 'imported' ? 'assessments.journey.imported' : 'assessments.journey.validated',
    params: { stage: row.stage, instrument: row.instrumentId, overall: row.overall === null ? '–' : Math.round(row.overall) },
    href: `/assessments/${row.id}`,
  }
}

/**
 * The dimension scores of a company's latest validated assessment (the benchmark's `is_latest`
 * row; the most recently validated when it has several instruments), for modules above that work
 * from a company's gaps (roadmaps, expert matching). Null when it has none.
 */
export async function latestValidatedScores(db: Db, companyId: string): Promise<{ assessmentId: string; instrument: DmaInstrumentId; rulesVersion: string; dimensions: Record<string, number> } | null> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.companyId, companyId), eq(assessments.isLatest, true)))
    .orderBy(desc(assessments.validatedAt), desc(assessments.id))
    .limit(1)
  if (!row) return null
  const dimensions: Record<string, number> = {}
  for (const [id, score] of Object.entries(dimensionScoresOf(row))) if (score !== null) dimensions[id] = score
  return { assessmentId: row.id, instrument: row.instrumentId as DmaInstrumentId, rulesVersion: row.rulesVersion, dimensions }
}
