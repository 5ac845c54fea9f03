/**
 * `ponte roadmap draft`: the command's logic in-process (files, options, exit codes, text and
 * JSON output), then the real command as a child process with a database URL that cannot work and
 * a data directory that must stay absent: drafting never opens a database.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftRoadmap } from '../../modules/roadmaps'
import { CliExit } from './cli-io'
import { runRoadmapDraft } from './roadmap-command'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

/** The example of dma.md "Answer format". */
const EXAMPLE = {
  Q1: { plan: [1, 2, 6], already: [6, 8] },
  Q2: [1, 3, 5],
  Q3: [1, 2, 6, 10],
  Q4: [0, 0, 3, 0, 1, 0, 0],
  Q5: [3],
  Q6: [1, 2],
  Q7: [3, 5],
  Q8: [2, 5],
  Q9: [0, 0, 0, 0, 2],
  Q10: [10],
  Q11: ['no', 'partially', 'no', 'no', 'yes'],
}

let dir: string
const file = (name: string, content: string) => {
  const target = path.join(dir, name)
  fs.writeFileSync(target, content)
  return target
}

function exitOf(fn: () => unknown): CliExit {
  try {
    fn()
  } catch (error) {
    if (error instanceof CliExit) return error
    throw error
  }
  throw new Error('expected a CliExit')
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-roadmap-cli-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('runRoadmapDraft', () => {
  it('prints with --json exactly the engine draft for those answers', () => {
    const out = JSON.parse(runRoadmapDraft(file('example.json', JSON.stringify(EXAMPLE)), { instrument: 'eu-dma-sme', json: true }))
    expect(out).toEqual(draftRoadmap({ instrument: 'eu-dma-sme', answers: EXAMPLE, targets: {}, importance: {} }))
    expect(out).toMatchObject({ instrument: 'eu-dma-sme', rulesVersion: '2024-r1', catalogueVersion: '2026-r1' })
    expect(out.items.length).toBeGreaterThan(0)
    for (const item of out.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['actionId', 'dimension', 'reasons', 'horizon', 'priority']))
    // Q8.5 (off-site backup) is in place in the example: never suggested.
    expect(out.items.map((i: { actionId: string }) => i.actionId)).not.toContain('offsite-backup')
  })

  it('prints a readable roadmap in Italian by default, in English with --locale en', () => {
    const answers = file('example-text.json', JSON.stringify(EXAMPLE))
    const draft = draftRoadmap({ instrument: 'eu-dma-sme', answers: EXAMPLE })
    const first = draft.items[0]
    if (!first) throw new Error('the example has items')
    const italian = runRoadmapDraft(answers, { instrument: 'eu-dma-sme' })
    expect(italian).toContain('Bozza di roadmap: eu-dma-sme 2024, rules 2024-r1, catalogue 2026-r1')
    expect(italian).toContain('Punteggio complessivo: 21,8 (Di base)')
    expect(italian).toContain("D3 Digitalizzazione incentrata sulle persone: punteggio 19,6 (Di base), obiettivo 26,0, divario 6,4")
    expect(italian).toContain(`Azioni (${draft.items.length}):`)
    expect(italian).toContain(` 1. ${first.actionId}  [${first.dimension} · Risultati rapidi (0-6 mesi) · priorità ${first.priority.toFixed(2).replace('.', ',')}]`)
    expect(italian).toContain(`    - ${first.reasons[0]?.text.it}`)
    const english = runRoadmapDraft(answers, { instrument: 'eu-dma-sme', locale: 'en' })
    expect(english).toContain('Overall score: 21.8 (Basic)')
    expect(english).toContain(`    - ${first.reasons[0]?.text.en}`)
  })

  it('drafts PSO answers and passes targets and importance through', () => {
    const empty = file('empty.json', '{}')
    const out = JSON.parse(runRoadmapDraft(empty, { instrument: 'eu-dma-pso', json: true, target: ['D5=40'], importance: ['D4=5'] }))
    expect(out.instrument).toBe('eu-dma-pso')
    expect(out.dimensions.find((d: { dimension: string }) => d.dimension === 'D5')).toMatchObject({ target: 40, targetSource: 'custom', gap: 40 })
    expect(out.dimensions.find((d: { dimension: string }) => d.dimension === 'D4')).toMatchObject({ importance: 5 })
  })

  it('says so when nothing is left to do', () => {
    const answers = { Q9: [5, 5, 5, 5, 5] }
    const text = runRoadmapDraft(file('partial.json', JSON.stringify(answers)), { instrument: 'eu-dma-sme', locale: 'en', target: ['D1=0', 'D2=0', 'D3=0', 'D4=0', 'D6=0'] })
    expect(text).toContain('Actions (0):\nNo actions: every dimension has reached its target or its items are already in place.')
  })

  it('exits 2 with the validation issues as JSON, messages in the chosen language', () => {
    const bad = file('bad.json', JSON.stringify({ Q7: [2, 3], Q12: [] }))
    const exit = exitOf(() => runRoadmapDraft(bad, { instrument: 'eu-dma-sme' }))
    expect(exit.exitCode).toBe(2)
    expect(JSON.parse(exit.message)).toEqual({
      errors: [
        { code: 'unknownQuestion', question: 'Q12', message: 'Q12: questa domanda non esiste in questo questionario.' },
        { code: 'exclusiveOptionWithOthers', question: 'Q7', option: 2, message: "Q7: l'opzione 2 esclude tutte le altre e non può essere selezionata insieme ad altre opzioni." },
      ],
    })
    const english = JSON.parse(exitOf(() => runRoadmapDraft(bad, { instrument: 'eu-dma-sme', locale: 'en' })).message)
    expect(english.errors[0].message).toBe('Q12: this question does not exist in this questionnaire.')
    // SME answers given to the PSO instrument: every key is unknown.
    const wrongInstrument = exitOf(() => runRoadmapDraft(file('sme.json', JSON.stringify(EXAMPLE)), { instrument: 'eu-dma-pso' }))
    expect(wrongInstrument.exitCode).toBe(2)
    expect(JSON.parse(wrongInstrument.message).errors).toHaveLength(11)
  })

  it.each([
    { name: 'a file that is not JSON', content: '{ "Q1": ', message: /^The answers file .* is not valid JSON/ },
    { name: 'a JSON array instead of an object', content: '[1, 2]', message: /answersNotObject/ },
  ])('exits 2 on $name', ({ content, message }) => {
    const exit = exitOf(() => runRoadmapDraft(file('answers.json', content), { instrument: 'eu-dma-sme' }))
    expect(exit.exitCode).toBe(2)
    expect(exit.message).toMatch(message)
  })

  it('exits 2 on a file it cannot read', () => {
    const missing = path.join(dir, 'missing.json')
    const exit = exitOf(() => runRoadmapDraft(missing, { instrument: 'eu-dma-sme' }))
    expect(exit.exitCode).toBe(2)
    expect(exit.message).toBe(`Cannot read the answers file ${missing}: no such file.`)
  })

  it.each([
    { name: 'an unknown instrument', args: { instrument: 'eu-dma-xl' }, message: 'Unknown instrument "eu-dma-xl": use eu-dma-sme or eu-dma-pso.' },
    { name: 'an unknown locale', args: { instrument: 'eu-dma-sme', locale: 'de' }, message: '--locale is it or en, not "de".' },
    { name: 'a malformed target', args: { instrument: 'eu-dma-sme', target: ['D9=10'] }, message: '--target takes DIMENSION=NUMBER, e.g. D1=60 (got "D9=10").' },
    { name: 'a target above 100', args: { instrument: 'eu-dma-sme', target: ['D1=120'] }, message: 'targets.D1: a target is 0-100 (got 120).' },
    { name: 'an importance outside 1-5', args: { instrument: 'eu-dma-sme', importance: ['D2=7'] }, message: 'importance.D2: importance is an integer 1-5 (got 7).' },
  ])('exits 1 on $name', ({ args, message }) => {
    const exit = exitOf(() => runRoadmapDraft(file('ok.json', '{}'), args))
    expect(exit.exitCode).toBe(1)
    expect(exit.message).toBe(message)
  })
})

describe('ponte roadmap draft (child process)', () => {
  function ponte(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'ponte.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    return new Promise((resolve) =>
      child.on('exit', (code) => {
        clearTimeout(timer)
        resolve({ code, stdout, stderr })
      }),
    )
  }

  it('drafts a file (exit 0, JSON on stdout) and rejects a bad one (exit 2, message on stderr) without a database', async () => {
    const dataDir = path.join(dir, 'never-created')
    // Neither database can be opened: a command that tried would fail.
    const env = { PONTE_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PONTE_SECRET: '' }
    const good = file('good.json', JSON.stringify(EXAMPLE))
    const bad = file('bad-child.json', JSON.stringify({ Q11: ['no', 'maybe', 'no', 'no', 'no'] }))
    const [ok, invalid] = await Promise.all([
      ponte(['roadmap', 'draft', '--instrument', 'eu-dma-sme', '--json', good], env),
      ponte(['roadmap', 'draft', '--instrument', 'eu-dma-sme', bad], env),
    ])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual(draftRoadmap({ instrument: 'eu-dma-sme', answers: EXAMPLE }))
    expect(invalid.code).toBe(2)
    expect(invalid.stdout).toBe('')
    expect(JSON.parse(invalid.stderr)).toEqual({
      errors: [{ code: 'invalidTristate', question: 'Q11', row: 2, value: '"maybe"', message: 'Q11, riga 2: "maybe" non è una risposta valida ("no", "partially" o "yes").' }],
    })
    expect(fs.existsSync(dataDir)).toBe(false)
  }, 90_000)
})
