/**
 * The report of a validated assessment (issue 4 "Report"): gathers what the PDF shows — the unit,
 * the company, the scores, the company's earlier validated stages for the radar, the benchmark
 * among peers (or nothing when the group is under K_ANONYMITY) and what would raise each dimension —
 * and renders it. Downloading it is audited like any hand-out of a company's data.
 */
import { and, asc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { ATECO_2007_SECTIONS } from '../../companies/companies.contract'
import { findUnit, loadActor } from '../../identity'
import { REGIONS } from '../../territory/territory.contract'
import { DMA_DIMENSION_IDS, type AssessmentReportSendInput, type AssessmentReportSent, type DmaDimensionId } from '../assessments.contract'
import { listDmaImprovements, scoreDmaAnswers, type DmaChartSeries } from '../assessments.reference'
import { engineOf } from './assessments.scoring'
import { importedScoreResult, isImported } from './assessments-imported'
import { benchmarkAssessment, type BenchmarkResult } from './assessment-benchmark'
import { renderAssessmentReportPdf, type ReportLocale } from './assessment-report.pdf'
import { assessmentReportMail } from './assessments.mails'
import { getScopedAssessment, requireActor } from './assessments.service'
import { assessments } from './assessments.table'

const SIZE_LABELS = {
  it: { micro: 'microimprese', small: 'piccole imprese', medium: 'medie imprese', large: 'grandi imprese' },
  en: { micro: 'micro enterprises', small: 'small enterprises', medium: 'medium enterprises', large: 'large enterprises' },
} as const

/** "Attività manifatturiere · piccole imprese · Lombardia", or "tutte le aziende valutate". */
export function peerGroupLabel(benchmark: BenchmarkResult, locale: ReportLocale): string {
  const { atecoSection, sizeClass, regionCode } = benchmark.group
  const parts: string[] = []
  if (atecoSection) parts.push(ATECO_2007_SECTIONS.find((s) => s.code === atecoSection)?.[locale] ?? `ATECO ${atecoSection}`)
  if (sizeClass) parts.push(SIZE_LABELS[locale][sizeClass as keyof (typeof SIZE_LABELS)['it']] ?? sizeClass)
  if (regionCode) parts.push(REGIONS.find((r) => r.code === regionCode)?.name ?? regionCode)
  return parts.length > 0 ? parts.join(' · ') : locale === 'it' ? 'tutte le aziende valutate' : 'every assessed company'
}

function dimensionsOf(row: typeof assessments.$inferSelect): Record<DmaDimensionId, number> {
  return { D1: row.d1 ?? 0, D2: row.d2 ?? 0, D3: row.d3 ?? 0, D4: row.d4 ?? 0, D5: row.d5 ?? 0, D6: row.d6 ?? 0 }
}

export async function assessmentReportPdf(ctx: RequestContext, id: string, locale: ReportLocale): Promise<{ pdf: Buffer; fileName: string }> {
  const report = await buildReport(ctx, await getScopedAssessment(ctx.db, requireActor(ctx), id), locale)
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'report', entityType: 'assessment', entityId: report.row.id, unitId: report.row.unitId, after: { locale } })
  return { pdf: report.pdf, fileName: report.fileName }
}

/**
 * Mails the report to the company (or anyone staff choose) as a PDF attachment, kept in the outbox
 * with the message. Only staff who change the company's data may send it; audited with the address.
 */
export async function sendAssessmentReport(ctx: RequestContext, id: string, input: AssessmentReportSendInput): Promise<AssessmentReportSent> {
  const actor = requireActor(ctx)
  const scoped = await getScopedAssessment(ctx.db, actor, id)
  if (!scoped.canWrite) throw new AppError('FORBIDDEN', 'errors.forbidden')
  const locale = input.locale ?? 'it'
  const report = await buildReport(ctx, scoped, locale)
  const mail = assessmentReportMail({ locale, companyName: scoped.company.name, stage: scoped.row.stage, unitName: report.unitName, senderName: actor.name, message: input.message })
  const sent = await ctx.deps.mailer.send(ctx.db, { to: input.email, ...mail, attachments: [{ fileName: report.fileName, contentType: 'application/pdf', content: report.pdf }] })
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'report', entityType: 'assessment', entityId: scoped.row.id, unitId: scoped.row.unitId, after: { locale, sentTo: input.email, mailId: sent.id } })
  return { mailId: sent.id, email: input.email, delivery: sent.status }
}

async function buildReport(ctx: RequestContext, scoped: Awaited<ReturnType<typeof getScopedAssessment>>, locale: ReportLocale) {
  const { row, company } = scoped
  if (row.status !== 'validated' && row.status !== 'superseded') throw new AppError('CONFLICT', 'errors.assessmentReportNotValidated')
  const { instrument, rules } = engineOf(row.instrumentId, row.instrumentVersion, row.rulesVersion)
  // Imported assessments hold the file's scores and no answers (assessments-imported.ts).
  const result = (isImported(row) ? importedScoreResult(row, rules) : null) ?? scoreDmaAnswers(instrument, rules, row.answers)
  // The radar: the company's validated stages of this instrument up to this one, oldest first.
  const stages = await ctx.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.companyId, row.companyId), eq(assessments.instrumentId, row.instrumentId), eq(assessments.status, 'validated')))
    .orderBy(asc(assessments.validatedAt))
  const history: DmaChartSeries[] = []
  for (const stage of stages) {
    if (stage.id === row.id || (stage.validatedAt && row.validatedAt && stage.validatedAt > row.validatedAt) || stage.stage === row.stage) continue
    history.push({ label: stage.stage, dimensions: dimensionsOf(stage) })
  }
  history.push({ label: row.stage, dimensions: result.dimensions as Record<DmaDimensionId, number> })
  const benchmark = await benchmarkAssessment(
    ctx.db,
    row.instrumentId,
    { atecoSection: row.atecoSection, sizeClass: row.sizeClass, regionCode: row.regionCode },
    { overall: result.overall, dimensions: result.dimensions as Record<DmaDimensionId, number> },
  )
  const unit = await findUnit(ctx.db, company.unitId)
  const customer = row.customerData as { vatNumber?: string | null }
  const assessor = row.assessorId ? await loadActor(ctx.db, row.assessorId, 'session', ['read']) : null
  const pdf = await renderAssessmentReportPdf({
    locale,
    unitName: unit?.name ?? '',
    company: { name: company.name, vatNumber: customer.vatNumber ?? null },
    instrument,
    stage: row.stage,
    mode: row.mode,
    assessedOn: row.assessedOn ?? row.validatedAt?.toISOString().slice(0, 10) ?? '',
    assessor: assessor?.name ?? null,
    result,
    history,
    benchmark: benchmark
      ? {
          group: peerGroupLabel(benchmark, locale),
          size: benchmark.size,
          overall: benchmark.overall,
          dimensions: Object.fromEntries(DMA_DIMENSION_IDS.map((d) => [d, benchmark.dimensions[d]])),
          scores: { overall: result.overall, ...result.dimensions },
          distribution: benchmark.distribution,
        }
      : null,
    improvements: isImported(row) ? [] : Object.values(listDmaImprovements(instrument, row.answers, rules)).flat(),
    generatedAt: ctx.now(),
  })
  const safeName = company.name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase()
  return { row, pdf, unitName: unit?.name ?? '', fileName: `${locale === 'it' ? 'valutazione' : 'assessment'}-${row.stage}-${safeName}.pdf` }
}
