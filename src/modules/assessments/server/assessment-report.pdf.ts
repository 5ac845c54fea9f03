/**
 * The assessment report as a PDF, made on the server without a browser (issue 4 "Report"): pdfkit
 * (ADR 0015) for the document, the radar drawn by ECharts' server-side SVG renderer from the same
 * option the web app uses (`dmaRadarOption`), embedded as vectors with svg-to-pdfkit (ADR 0021).
 * Pure with respect to the database: the caller gathers what the report shows.
 */
import { init } from 'echarts'
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { DMA_DIMENSION_IDS, type DmaBandId, type DmaImprovement, type DmaScoreResult } from '../assessments.contract'
import { dmaBenchmarkOption, dmaRadarOption, getDmaInterpretation, getDmaRules, SCALE_05_LABELS, type DmaBenchmarkSpread, type DmaChartSeries, type DmaInstrument } from '../assessments.reference'

export type ReportLocale = 'it' | 'en'

export interface ReportBenchmark {
  /** Who the company is compared with, e.g. "Manifattura · piccole imprese · Lombardia". */
  group: string
  size: number
  /** Percentile (0-100) of the overall score and of each dimension among the group. */
  overall: number
  dimensions: Record<string, number>
  /** The company's scores and the group's spread, for the box plot (keys 'overall', D1..D6). */
  scores: Record<string, number>
  distribution: Record<string, DmaBenchmarkSpread>
}

export interface AssessmentReportInput {
  locale: ReportLocale
  unitName: string
  company: { name: string; vatNumber: string | null }
  instrument: DmaInstrument
  stage: string
  mode: string
  assessedOn: string
  assessor: string | null
  result: DmaScoreResult
  /** Earlier stages (T0 before a T1…) drawn on the radar with this one; this one last. */
  history: DmaChartSeries[]
  /** Null when the peer group is too small to show (k-anonymity). */
  benchmark: ReportBenchmark | null
  improvements: DmaImprovement[]
  generatedAt: Date
}

const TEXT = {
  it: {
    title: 'Valutazione della maturità digitale',
    company: 'Azienda',
    vat: 'Partita IVA',
    stage: 'Fase',
    mode: 'Modalità',
    modes: { self: 'autovalutazione', assisted: 'assistita', imported: 'importata' } as Record<string, string>,
    date: 'Data',
    assessor: 'Valutatore',
    overall: 'Punteggio complessivo',
    dimension: 'Dimensione',
    score: 'Punteggio',
    band: 'Livello',
    radar: 'Le sei dimensioni',
    benchmark: 'Confronto con aziende simili',
    benchmarkLine: 'Confronto con {group} ({size} valutazioni convalidate): il punteggio complessivo supera il {p}% delle aziende del gruppo.',
    benchmarkNone: 'Le valutazioni di aziende simili sono ancora troppo poche per un confronto (ne servono almeno 10).',
    percentile: 'Percentile',
    groupSeries: 'Aziende simili (dal 10° al 90° percentile)',
    companySeries: 'Questa azienda',
    interpretation: 'Che cosa significa',
    nextSteps: 'Prossimi passi: che cosa farebbe salire il punteggio',
    nextStepSelect: 'Adottare: {item}',
    nextStepRaise: 'Portare a «{to}»: {item}',
    points: '+{points} punti nella dimensione',
    footer: 'Questionario {instrument} versione {version}, regole di punteggio {rules}. Generato il {date}.',
  },
  en: {
    title: 'Digital maturity assessment',
    company: 'Company',
    vat: 'VAT number',
    stage: 'Stage',
    mode: 'Mode',
    modes: { self: 'self-assessment', assisted: 'assisted', imported: 'imported' } as Record<string, string>,
    date: 'Date',
    assessor: 'Assessor',
    overall: 'Overall score',
    dimension: 'Dimension',
    score: 'Score',
    band: 'Band',
    radar: 'The six dimensions',
    benchmark: 'Compared with similar companies',
    benchmarkLine: 'Compared with {group} ({size} validated assessments): the overall score is above {p}% of the group.',
    benchmarkNone: 'There are not yet enough assessments of similar companies for a comparison (at least 10 are needed).',
    percentile: 'Percentile',
    groupSeries: 'Similar companies (10th to 90th percentile)',
    companySeries: 'This company',
    interpretation: 'What it means',
    nextSteps: 'Next steps: what would raise the score',
    nextStepSelect: 'Adopt: {item}',
    nextStepRaise: 'Raise to "{to}": {item}',
    points: '+{points} points in the dimension',
    footer: 'Questionnaire {instrument} version {version}, scoring rules {rules}. Generated on {date}.',
  },
} as const

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))
}

function score(value: number, locale: ReportLocale): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
}

function bandLabel(band: DmaBandId, locale: ReportLocale): string {
  return getDmaRules().bands.find((b) => b.id === band)?.label[locale] ?? band
}

/** The radar as SVG text, rendered without a DOM. */
export function renderRadarSvg(instrument: DmaInstrument, series: readonly DmaChartSeries[], locale: ReportLocale, width = 500, height = 340): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...dmaRadarOption(instrument, series, locale, { animation: false, radius: '50%' }), tooltip: undefined })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** The peer group's box plots with the company's marker, as SVG text. */
export function renderBenchmarkSvg(instrument: DmaInstrument, benchmark: ReportBenchmark, locale: ReportLocale, width = 500, height = 300): string {
  const t = TEXT[locale]
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    const labels = { overall: t.overall, group: t.groupSeries, company: t.companySeries }
    chart.setOption({ ...dmaBenchmarkOption(instrument, { scores: benchmark.scores, distribution: benchmark.distribution, labels }, locale, { animation: false }), tooltip: undefined })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

function improvementText(instrument: DmaInstrument, improvement: DmaImprovement, locale: ReportLocale): string {
  const question = instrument.questions.find((q) => q.id === improvement.question)
  const item = question?.options[improvement.item - 1]?.[locale] ?? `${improvement.question} ${improvement.item}`
  const column = improvement.column && question?.columns ? ` (${question.columns[improvement.column][locale]})` : ''
  const t = TEXT[locale]
  if (improvement.change === 'select') return fill(t.nextStepSelect, { item: `${item}${column}` })
  const to = typeof improvement.to === 'number' ? (SCALE_05_LABELS[improvement.to]?.[locale] ?? String(improvement.to)) : String(improvement.to)
  return fill(t.nextStepRaise, { item, to })
}

export async function renderAssessmentReportPdf(input: AssessmentReportInput): Promise<Buffer> {
  const { locale, instrument, result } = input
  const t = TEXT[locale]
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${t.title} — ${input.company.name}`, Author: input.unitName } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const width = doc.page.width - 100
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1c3d5a').text(text).moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#212529')
  }

  doc.font('Helvetica').fontSize(9).fillColor('#495057').text(input.unitName)
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1c3d5a').text(t.title)
  doc.font('Helvetica').fontSize(10).fillColor('#212529').moveDown(0.5)
  const facts: [string, string][] = [
    [t.company, input.company.name],
    ...(input.company.vatNumber ? [[t.vat, input.company.vatNumber] as [string, string]] : []),
    [t.stage, `${input.stage} · ${instrument.title[locale]}`],
    [t.mode, t.modes[input.mode] ?? input.mode],
    [t.date, input.assessedOn],
    ...(input.assessor ? [[t.assessor, input.assessor] as [string, string]] : []),
  ]
  for (const [label, value] of facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value)

  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).text(`${t.overall}: ${score(result.overall, locale)} / 100 — ${bandLabel(result.band, locale)}`)
  doc.font('Helvetica').fontSize(10)

  // Dimension table: name, score, band (and the benchmark percentile when shown).
  doc.moveDown(0.5)
  const columns = [width * 0.52, width * 0.16, width * 0.32]
  const row = (cells: string[], bold = false) => {
    const y = doc.y
    let x = 50
    cells.forEach((cell, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(cell, x, y, { width: (columns[i] ?? 80) - 6 })
      x += columns[i] ?? 80
    })
    doc.x = 50
    doc.moveDown(0.3)
  }
  row([t.dimension, t.score, t.band], true)
  for (const id of DMA_DIMENSION_IDS) {
    const name = instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id
    row([`${id} ${name}`, score(result.dimensions[id] ?? 0, locale), bandLabel(result.dimensionBands[id] ?? 'basic', locale)])
  }

  heading(t.radar)
  const svg = renderRadarSvg(instrument, input.history, locale)
  if (doc.y > doc.page.height - 400) doc.addPage()
  SVGtoPDF(doc, svg, 50 + (width - 500) / 2, doc.y, { width: 500, height: 340 })
  doc.y += 350
  doc.x = 50

  heading(t.benchmark)
  if (input.benchmark) {
    doc.text(fill(t.benchmarkLine, { group: input.benchmark.group, size: input.benchmark.size, p: Math.round(input.benchmark.overall) }), { width })
    doc.moveDown(0.3)
    for (const id of DMA_DIMENSION_IDS) {
      const p = input.benchmark.dimensions[id]
      if (p === undefined) continue
      doc.text(`${id} ${instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id}: ${t.percentile} ${Math.round(p)}`, { width })
    }
    doc.moveDown(0.5)
    if (doc.y > doc.page.height - 360) doc.addPage()
    SVGtoPDF(doc, renderBenchmarkSvg(instrument, input.benchmark, locale), 50 + (width - 500) / 2, doc.y, { width: 500, height: 300 })
    doc.y += 310
    doc.x = 50
  } else {
    doc.text(t.benchmarkNone, { width })
  }

  heading(t.interpretation)
  doc.text(getDmaInterpretation(instrument.id, 'overall', result.band)[locale], { width })
  for (const id of DMA_DIMENSION_IDS) {
    const name = instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id
    doc.moveDown(0.4).font('Helvetica-Bold').text(`${id} ${name} — ${bandLabel(result.dimensionBands[id] ?? 'basic', locale)}`, { width })
    doc.font('Helvetica').text(getDmaInterpretation(instrument.id, id, result.dimensionBands[id] ?? 'basic')[locale], { width })
  }

  heading(t.nextSteps)
  for (const id of DMA_DIMENSION_IDS) {
    const best = input.improvements.filter((i) => i.dimension === id).sort((a, b) => b.dimensionPoints - a.dimensionPoints).slice(0, 2)
    for (const improvement of best) {
      doc.text(`• ${id}: ${improvementText(instrument, improvement, locale)} (${fill(t.points, { points: score(improvement.dimensionPoints, locale) })})`, { width })
    }
  }

  doc.moveDown(1).fontSize(8).fillColor('#495057')
  doc.text(fill(t.footer, { instrument: instrument.id, version: instrument.version, rules: result.rulesVersion, date: input.generatedAt.toISOString().slice(0, 10) }), { width })
  if (locale === 'it' && !instrument.italian.official) doc.text(instrument.italian.notice.it, { width })
  doc.end()
  await done
  return Buffer.concat(chunks)
}
