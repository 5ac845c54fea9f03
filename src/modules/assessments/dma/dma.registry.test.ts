/**
 * The instrument and rules data: structure as in the reference (dma.md), both languages present,
 * the unofficial-Italian flag, Module 1 lists, interpretation texts, and the consistency check of
 * every registered rules version against the instrument versions it names.
 */
import { describe, expect, it } from 'vitest'
import { DMA_BAND_IDS, DMA_DIMENSION_IDS, DMA_INSTRUMENT_IDS } from '../assessments.contract'
import { DMA_RULES_2024_R1 } from './dma-2024-r1.rules'
import { getDmaInterpretation } from './dma.interpretations'
import { DMA_SECTORS, DMA_STAFF_SIZES, SCALE_05_LABELS, TRISTATE_LABELS } from './dma.labels'
import {
  checkDmaRules,
  DMA_INSTRUMENTS,
  DMA_RULES_VERSIONS,
  findDmaInstrument,
  findDmaInstrumentRules,
  findDmaRules,
  getDmaInstrument,
  getDmaRules,
} from './dma.registry'
import type { DmaInstrument, DmaRulesVersion, LocalizedText } from './dma.types'

/** id:dimension:type:rows, transcribed by hand from dma.md. */
const STRUCTURE = {
  'eu-dma-sme': 'Q1:D1:dual:10 Q2:D1:checkbox:10 Q3:D2:checkbox:10 Q4:D2:scale05:7 Q5:D3:checkbox:7 Q6:D3:checkbox:8 Q7:D4:checkbox:8 Q8:D4:checkbox:6 Q9:D5:scale05:5 Q10:D6:checkbox:10 Q11:D6:tristate:5',
  'eu-dma-pso': 'P1:D1:checkbox:10 P2:D1:dual:8 P3:D2:checkbox:9 P4:D2:scale05:8 P5:D3:checkbox:7 P6:D3:checkbox:10 P7:D4:checkbox:9 P8:D4:checkbox:6 P9:D5:dual:16 P10:D6:checkbox:9 P11:D6:tristate:5',
}

function expectBothLanguages(text: LocalizedText, where: string) {
  expect(text.en.trim(), `${where} en`).not.toBe('')
  expect(text.it.trim(), `${where} it`).not.toBe('')
  expect(text.it, `${where} is translated`).not.toBe(text.en)
}

describe.each(DMA_INSTRUMENT_IDS)('instrument %s, version 2024', (id) => {
  const instrument = getDmaInstrument(id, '2024')

  it('has the questions, dimensions, types and row counts of the reference', () => {
    expect(instrument.questions.map((q) => `${q.id}:${q.dimension}:${q.type}:${q.options.length}`).join(' ')).toBe(STRUCTURE[id])
    expect(instrument.dimensions.map((d) => d.id)).toEqual([...DMA_DIMENSION_IDS])
  })

  it('carries every text in English and Italian, and says the Italian is unofficial', () => {
    expectBothLanguages(instrument.title, 'title')
    expect(instrument.italian.official).toBe(false)
    expectBothLanguages(instrument.italian.notice, 'notice')
    for (const d of instrument.dimensions) {
      expect(d.name.en).not.toBe('')
      expect(d.name.it).not.toBe('')
      expect(d.exportLabel).not.toBe('')
    }
    for (const q of instrument.questions) {
      expectBothLanguages(q.text, q.id)
      q.options.forEach((o, i) => {
        expect(o.en.trim(), `${q.id}.${i + 1} en`).not.toBe('')
        expect(o.it.trim(), `${q.id}.${i + 1} it`).not.toBe('')
      })
      if (q.type === 'dual') {
        expectBothLanguages(q.columns?.plan ?? { en: '', it: '' }, `${q.id} plan`)
        expectBothLanguages(q.columns?.already ?? { en: '', it: '' }, `${q.id} already`)
      } else {
        expect(q.columns).toBeUndefined()
      }
    }
  })

  it('is covered by rules 2024-r1 without inconsistencies', () => {
    expect(checkDmaRules(getDmaRules('2024-r1'), instrument)).toEqual([])
  })

  it('has an interpretation for every band, overall and per dimension, in both languages', () => {
    const seen = new Set<string>()
    for (const band of DMA_BAND_IDS) {
      for (const target of ['overall', ...DMA_DIMENSION_IDS] as const) {
        const text = getDmaInterpretation(id, target, band)
        expectBothLanguages(text, `${target} ${band}`)
        seen.add(text.en)
      }
    }
    expect(seen.size).toBe(DMA_BAND_IDS.length * 7)
  })
})

describe('reference texts', () => {
  it('keeps the English item texts of dma.md verbatim (spot checks)', () => {
    const sme = getDmaInstrument('eu-dma-sme')
    const pso = getDmaInstrument('eu-dma-pso')
    expect(sme.questions[6]?.options[1]?.en).toBe('Data is not collected digitally')
    expect(sme.questions[6]?.exclusiveOptions).toEqual([2])
    expect(sme.questions[0]?.text.en).toBe(
      'In which of the following business areas has your enterprise already invested in digitalisation and in which ones does it plan to (further) invest in the future? Please select all options that apply',
    )
    expect(pso.questions[8]?.options[15]?.en).toBe('Digital solutions are evaluated considering user needs and balancing between costs and benefit')
    expect(pso.questions[8]?.columns?.already.en).toBe('Implemented')
    // P11: Q11's rows with "organisation" for "enterprise".
    expect(pso.questions[10]?.options[4]?.en).toBe('Recycling/re-use of old technological equipment is actively practised by the organisation')
    expect(sme.questions[10]?.options[4]?.en).toBe('Recycling/re-use of old technological equipment is actively practised by the enterprise')
    expect(pso.questions.some((q) => q.exclusiveOptions)).toBe(false)
  })

  it('has the scale labels, tri-state labels, 24 sectors and 4 staff sizes of Module 1, in both languages', () => {
    expect(SCALE_05_LABELS.map((l) => l.en)).toEqual(['Not used', 'Consider to use', 'Prototyping', 'Testing', 'Implementing', 'Operational'])
    for (const l of SCALE_05_LABELS) expect(l.it).not.toBe('')
    expect(Object.keys(TRISTATE_LABELS)).toEqual(['no', 'partially', 'yes'])
    expect(DMA_SECTORS).toHaveLength(24)
    expect(new Set(DMA_SECTORS.map((s) => s.id)).size).toBe(24)
    expect(DMA_SECTORS[0]).toMatchObject({ en: 'Aeronautics & Space' })
    expect(DMA_SECTORS[23]).toMatchObject({ en: 'Regulation' })
    for (const s of DMA_SECTORS) expect(s.it).not.toBe('')
    expect(DMA_STAFF_SIZES.map((s) => s.id)).toEqual(['micro', 'small', 'medium', 'large'])
  })
})

describe('registry', () => {
  it('finds instruments and rules by id and version, with defaults', () => {
    expect(findDmaInstrument('eu-dma-sme')?.version).toBe('2024')
    expect(findDmaInstrument('eu-dma-pso', '2024')?.id).toBe('eu-dma-pso')
    expect(findDmaInstrument('eu-dma-sme', '2031')).toBeUndefined()
    expect(findDmaInstrument('eu-dma-xyz')).toBeUndefined()
    expect(findDmaRules()?.id).toBe('2024-r1')
    expect(findDmaRules('2024-r2')).toBeUndefined()
    expect(() => getDmaRules('nope')).toThrow(/Unknown DMA rules version nope/)
    expect(() => getDmaInstrument('eu-dma-sme', '1999')).toThrow(/Unknown DMA instrument/)
  })

  it('every registered rules version is consistent with every instrument version it names', () => {
    for (const rules of DMA_RULES_VERSIONS) {
      for (const instrument of DMA_INSTRUMENTS) {
        if (findDmaInstrumentRules(rules, instrument)) expect(checkDmaRules(rules, instrument), `${rules.id} × ${instrument.id}`).toEqual([])
      }
    }
  })

  it('checkDmaRules finds the mistakes a new rules file could make', () => {
    const sme: DmaInstrument = getDmaInstrument('eu-dma-sme')
    const table = DMA_RULES_2024_R1.instruments['eu-dma-sme']
    const broken: DmaRulesVersion = {
      ...DMA_RULES_2024_R1,
      bands: [DMA_RULES_2024_R1.bands[0], DMA_RULES_2024_R1.bands[2], DMA_RULES_2024_R1.bands[3]],
      instruments: {
        'eu-dma-sme': {
          ...table,
          dimensions: {
            ...table.dimensions,
            D1: [
              { id: 'Q1.plan', formula: 'count', question: 'Q1', denominator: 10, weight: 1 },
              { id: 'Q2', formula: 'count', question: 'Q2', denominator: 9, weight: 1 },
              { id: 'Q2', formula: 'sum05', question: 'Q3', max: 35, weight: 0 },
            ],
            D5: [{ id: 'Q99', formula: 'sum05', question: 'Q99', max: 25, weight: 1 }],
          },
        },
      },
    }
    expect(checkDmaRules(broken, sme)).toEqual([
      'Q1.plan: count needs a checkbox, or a dual matrix with a column',
      'Q2: denominator 9 < 10 options',
      'block id Q2 is used twice',
      'Q2: weight must be positive',
      'Q2: Q3 belongs to D2, not D1',
      'Q2: sum05 needs a 0-5 matrix',
      'Q2: max 35 < 50',
      'Q99: no question Q99',
      'Q9 is not scored',
      'band moderately_advanced should start at 26',
    ])
    expect(checkDmaRules(DMA_RULES_2024_R1, { ...sme, version: '2030' })).toEqual(['rules 2024-r1 do not cover eu-dma-sme@2030'])
  })
})
