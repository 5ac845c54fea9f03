/**
 * The built-in action catalogue is consistent with the DMA instruments (every reference exists,
 * prerequisites form no cycle, both languages, coverage of every dimension), and the checker
 * itself catches each kind of mistake an admin edit could make.
 */
import { describe, expect, it } from 'vitest'
import { DMA_DIMENSION_IDS } from '../../assessments/assessments.contract'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import { ACTION_CATALOGUE_2026_R1 } from './catalogue-2026-r1'
import { actionInstruments, catalogueCoverage, checkActionCatalogue } from './catalogue.check'
import { FUNDING_INSTRUMENTS } from './catalogue.labels'
import { FUNDING_INSTRUMENT_IDS, type ActionCatalogue, type CatalogueAction } from './catalogue.types'

const catalogue: ActionCatalogue = ACTION_CATALOGUE_2026_R1

function withAction(id: string, change: (action: CatalogueAction) => CatalogueAction): ActionCatalogue {
  return { ...catalogue, actions: catalogue.actions.map((a) => (a.id === id ? change(a) : a)) }
}

describe('built-in catalogue 2026-r1', () => {
  it('passes every check', () => {
    expect(checkActionCatalogue(catalogue)).toEqual([])
  })

  it('has unique slug ids and roughly 60 or more actions covering both instruments', () => {
    const ids = catalogue.actions.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(60)
    expect(catalogue.actions.filter((a) => actionInstruments(a).includes('eu-dma-sme')).length).toBeGreaterThanOrEqual(50)
    expect(catalogue.actions.filter((a) => actionInstruments(a).includes('eu-dma-pso')).length).toBeGreaterThanOrEqual(50)
  })

  it('gives every dimension of each instrument several actions', () => {
    const coverage = catalogueCoverage(catalogue)
    for (const instrument of ['eu-dma-sme', 'eu-dma-pso']) {
      for (const d of DMA_DIMENSION_IDS) expect(coverage[instrument]?.[d], `${instrument} ${d}`).toBeGreaterThanOrEqual(4)
    }
  })

  it('maps the issue example: off-site or cloud backup ← SME Q8 option 5', () => {
    const backup = catalogue.actions.find((a) => a.id === 'offsite-backup')
    expect(backup?.moves['eu-dma-sme']).toEqual([{ question: 'Q8', items: [5] }])
    expect(getDmaInstrument('eu-dma-sme').questions.find((q) => q.id === 'Q8')?.options[4]?.en).toMatch(/backup/i)
  })

  it('has the three guards of the issue, each with actions on both sides for both instruments', () => {
    expect(catalogue.guards.map((g) => g.id)).toEqual(['security-before-data-expansion', 'skills-alongside-technology', 'strategy-before-large-investment'])
    for (const guard of catalogue.guards) {
      for (const instrument of ['eu-dma-sme', 'eu-dma-pso'] as const) {
        const applies = catalogue.actions.filter((a) => actionInstruments(a).includes(instrument))
        expect(applies.some((a) => a.tags.includes(guard.trigger)), `${guard.id} ${instrument} trigger`).toBe(true)
        expect(applies.some((a) => a.tags.includes(guard.required)), `${guard.id} ${instrument} required`).toBe(true)
      }
    }
  })

  it('labels every funding instrument in both languages', () => {
    expect(FUNDING_INSTRUMENTS.map((f) => f.id)).toEqual([...FUNDING_INSTRUMENT_IDS])
    for (const f of FUNDING_INSTRUMENTS) for (const text of [f.name, f.description]) expect(text.it.trim() && text.en.trim()).toBeTruthy()
  })
})

describe('checkActionCatalogue catches', () => {
  it.each([
    {
      name: 'an unknown question',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, moves: { ...a.moves, 'eu-dma-sme': [{ question: 'Q12', items: [1] }] } })),
      problem: 'offsite-backup eu-dma-sme Q12: no such question',
    },
    {
      name: 'an option out of range',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, moves: { ...a.moves, 'eu-dma-sme': [{ question: 'Q8', items: [7] }] } })),
      problem: 'offsite-backup eu-dma-sme Q8: item 7 is out of range 1-6',
    },
    {
      name: 'the exclusive option of Q7',
      catalogue: withAction('data-management-policy', (a) => ({ ...a, moves: { ...a.moves, 'eu-dma-sme': [{ question: 'Q7', items: [2] }] } })),
      problem: 'data-management-policy eu-dma-sme Q7: option 2 is exclusive and cannot be a step up',
    },
    {
      name: 'a level on a checkbox',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, moves: { ...a.moves, 'eu-dma-sme': [{ question: 'Q8', items: [5], level: 3 }] } })),
      problem: 'offsite-backup eu-dma-sme Q8: level is 1-5 and only for 0-5 matrices',
    },
    {
      name: 'a column on a checkbox',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, moves: { ...a.moves, 'eu-dma-sme': [{ question: 'Q8', items: [5], column: 'plan' }] } })),
      problem: 'offsite-backup eu-dma-sme Q8: column is only for dual matrices',
    },
    {
      name: 'a missing prerequisite',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, prerequisites: ['no-such-action'] })),
      problem: 'offsite-backup: prerequisite no-such-action does not exist',
    },
    {
      name: 'a prerequisite of another instrument',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, prerequisites: ['cad-cam'] })),
      problem: 'offsite-backup: prerequisite cad-cam does not apply to eu-dma-pso',
    },
    {
      name: 'a prerequisite cycle',
      catalogue: withAction('skills-gap-assessment', (a) => ({ ...a, prerequisites: ['training-plan'] })),
      problem: 'eu-dma-sme: ordering cycle skills-gap-assessment → training-plan → skills-gap-assessment',
    },
    {
      name: 'a cycle through a guard (security before data expansion)',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, prerequisites: ['data-integration'] })),
      problem: /ordering cycle .*offsite-backup/,
    },
    {
      name: 'an empty Italian title',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, title: { it: ' ', en: a.title.en } })),
      problem: 'offsite-backup title: it text is empty',
    },
    {
      name: 'a duplicate id',
      catalogue: { ...catalogue, actions: [...catalogue.actions, catalogue.actions[0] as CatalogueAction] },
      problem: 'digital-needs-assessment: id is used twice',
    },
    {
      name: 'funding that does not serve the instrument',
      catalogue: withAction('cad-cam', (a) => ({ ...a, funding: ['pnrr-pa-digitale'] })),
      problem: 'cad-cam: funding pnrr-pa-digitale serves none of its instruments',
    },
    {
      name: 'an action tagged on both sides of a guard',
      catalogue: withAction('offsite-backup', (a) => ({ ...a, tags: [...a.tags, 'data-expansion'] })),
      problem: 'offsite-backup: tagged both data-expansion and security-baseline (guard security-before-data-expansion)',
    },
    {
      name: 'a dimension left without actions',
      catalogue: { ...catalogue, actions: catalogue.actions.filter((a) => !(a.moves['eu-dma-pso'] ?? []).some((r) => r.question === 'P9')) },
      problem: 'eu-dma-pso D5: no action improves it',
    },
  ])('$name', ({ catalogue: broken, problem }) => {
    const problems = checkActionCatalogue(broken)
    if (typeof problem === 'string') expect(problems).toContain(problem)
    else expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true)
  })
})
