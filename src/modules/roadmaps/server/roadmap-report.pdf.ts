/**
 * The roadmap as a PDF (issue 5, "Views"): pdfkit (ADR 0015), in Italian or English: the company,
 * the gaps per dimension, the items by horizon (quick wins, medium, long term) with the reason for
 * each, owner, dates and status, the re-assessment date and the sign-off. `renderRoadmapPdf` is pure;
 * `roadmapPdf` gathers what it shows with the reader's permissions.
 */
import PDFDocument from 'pdfkit'
import type { RequestContext } from '../../../server/http/context'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import { DMA_DIMENSION_IDS } from '../../assessments/assessments.contract'
import type { Roadmap } from '../roadmap-records.contract'
import { ROADMAP_HORIZONS } from '../roadmaps.reference'
import { getRoadmap } from './roadmap-records.service'

export type RoadmapPdfLocale = 'it' | 'en'

const TEXT = {
  it: {
    title: 'Roadmap digitale',
    company: 'Azienda',
    version: 'Versione',
    status: 'Stato',
    statuses: { draft: 'bozza', awaiting_signoff: 'in attesa di firma', signed: 'firmata', archived: 'archiviata' },
    assessment: 'Valutazione di partenza',
    expert: 'Esperto',
    gaps: 'Divari per dimensione',
    dimension: 'Dimensione',
    score: 'Punteggio',
    target: 'Obiettivo',
    gap: 'Divario',
    importance: 'Importanza',
    horizons: { quick: 'Interventi rapidi (0–6 mesi)', medium: 'Medio termine (6–18 mesi)', long: 'Lungo termine (18–36 mesi)' },
    itemStatuses: { planned: 'da avviare', in_progress: 'in corso', done: 'completato', dropped: 'abbandonato' },
    priority: 'Priorità',
    owner: 'Responsabile',
    due: 'Scadenza',
    why: 'Perché',
    none: 'Nessun intervento.',
    t1: 'Nuova valutazione (T1) prevista entro il',
    signed: 'Firmata da {name} il {date} (versione {version}).',
    notSigned: 'Non ancora firmata dall’azienda.',
    generated: 'Generata il',
  },
  en: {
    title: 'Digital roadmap',
    company: 'Company',
    version: 'Version',
    status: 'Status',
    statuses: { draft: 'draft', awaiting_signoff: 'awaiting sign-off', signed: 'signed', archived: 'archived' },
    assessment: 'Baseline assessment',
    expert: 'Expert',
    gaps: 'Gaps per dimension',
    dimension: 'Dimension',
    score: 'Score',
    target: 'Target',
    gap: 'Gap',
    importance: 'Importance',
    horizons: { quick: 'Quick wins (0–6 months)', medium: 'Medium term (6–18 months)', long: 'Long term (18–36 months)' },
    itemStatuses: { planned: 'planned', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
    priority: 'Priority',
    owner: 'Owner',
    due: 'Due',
    why: 'Why',
    none: 'No items.',
    t1: 'Re-assessment (T1) due by',
    signed: 'Signed by {name} on {date} (version {version}).',
    notSigned: 'Not signed by the company yet.',
    generated: 'Generated on',
  },
} as const

function day(iso: string, locale: RoadmapPdfLocale): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso))
}

function number(value: number, locale: RoadmapPdfLocale): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 }).format(value)
}

export async function renderRoadmapPdf(roadmap: Roadmap, locale: RoadmapPdfLocale, generatedAt: Date): Promise<Buffer> {
  const t = TEXT[locale]
  const instrument = getDmaInstrument(roadmap.instrumentId)
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${t.title} — ${roadmap.company.name}`, Author: 'Ponte' } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const width = doc.page.width - 100
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1c3d5a').text(text, 50).moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#212529')
  }
  const table = (columns: number[], cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 80) doc.addPage()
    const y = doc.y
    let x = 50
    let bottom = y
    cells.forEach((cell, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(cell, x, y, { width: (columns[i] ?? 80) - 6 })
      bottom = Math.max(bottom, doc.y)
      x += columns[i] ?? 80
    })
    doc.x = 50
    doc.y = bottom
    doc.moveDown(0.3)
  }

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1c3d5a').text(t.title)
  doc.font('Helvetica').fontSize(10).fillColor('#212529').moveDown(0.5)
  const facts: [string, string][] = [
    [t.company, roadmap.company.name],
    [t.version, `${roadmap.version} · ${t.status}: ${t.statuses[roadmap.status]}`],
    [t.assessment, `${roadmap.assessment.stage} · ${instrument.title[locale]}${roadmap.assessment.assessedOn ? ` · ${day(roadmap.assessment.assessedOn, locale)}` : ''}${roadmap.assessment.overall === null ? '' : ` · ${number(roadmap.assessment.overall, locale)}/100`}`],
    ...(roadmap.expert ? [[t.expert, roadmap.expert.name] as [string, string]] : []),
  ]
  for (const [label, value] of facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value)

  heading(t.gaps)
  const gapColumns = [width * 0.44, width * 0.14, width * 0.14, width * 0.14, width * 0.14]
  table(gapColumns, [t.dimension, t.score, t.target, t.gap, t.importance], true)
  for (const id of DMA_DIMENSION_IDS) {
    const gap = roadmap.gaps.find((g) => g.dimension === id)
    if (!gap) continue
    const name = instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id
    table(gapColumns, [`${id} ${name}`, number(gap.score, locale), number(gap.target, locale), number(gap.gap, locale), String(gap.importance)])
  }

  for (const horizon of ROADMAP_HORIZONS) {
    heading(t.horizons[horizon])
    const items = roadmap.items.filter((item) => item.horizon === horizon)
    if (items.length === 0) doc.text(t.none)
    for (const item of items) {
      if (doc.y > doc.page.height - 120) doc.addPage()
      const position = roadmap.items.indexOf(item) + 1
      doc.font('Helvetica-Bold').fontSize(11).text(`${position}. ${item.title[locale]}`, 50, doc.y, { width })
      const meta = [
        `${item.dimension} · ${t.priority} ${number(item.priority, locale)}`,
        t.itemStatuses[item.status],
        ...(item.owner ? [`${t.owner}: ${item.owner}`] : []),
        ...(item.dueOn ? [`${t.due}: ${day(item.dueOn, locale)}`] : []),
      ].join(' · ')
      doc.font('Helvetica').fontSize(9).fillColor('#495057').text(meta, { width })
      if (item.reason) doc.fillColor('#212529').text(`${t.why}: ${item.reason.text[locale]}`, { width })
      if (item.note) doc.fillColor('#212529').text(item.note, { width })
      doc.fontSize(10).fillColor('#212529').moveDown(0.5)
    }
  }

  doc.moveDown(0.8)
  if (roadmap.t1DueOn) doc.font('Helvetica-Bold').text(`${t.t1} ${day(roadmap.t1DueOn, locale)}`, 50)
  const s = roadmap.signoff
  doc.font('Helvetica').text(
    s.signedAt && s.signerName && s.signedVersion
      ? t.signed.replace('{name}', s.signerRole ? `${s.signerName} (${s.signerRole})` : s.signerName).replace('{date}', day(s.signedAt, locale)).replace('{version}', String(s.signedVersion))
      : t.notSigned,
    50,
  )
  doc.moveDown(0.5).fontSize(8).fillColor('#495057').text(`${t.generated} ${day(generatedAt.toISOString(), locale)}`)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** The PDF of a roadmap the caller reads (audited as a report). */
export async function roadmapPdf(ctx: RequestContext, id: string, locale: RoadmapPdfLocale): Promise<{ pdf: Buffer; fileName: string }> {
  const roadmap = await getRoadmap(ctx, id)
  const pdf = await renderRoadmapPdf(roadmap, locale, ctx.now())
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'report', entityType: 'roadmap', entityId: roadmap.id, unitId: roadmap.unitId, after: { locale, version: roadmap.version } })
  const slug = roadmap.company.name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)
  return { pdf, fileName: `roadmap-${slug}-v${roadmap.version}.pdf` }
}
