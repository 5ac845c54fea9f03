/**
 * `ponte dma score`: the command's logic in-process (files, options, exit codes), then the real
 * command twice as a child process, with a database URL that cannot work and a data directory that
 * must stay absent: scoring never opens a database.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliExit } from './cli-io'
import { runDmaScore } from './dma-command'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

/** The example of dma.md "Answer format"; its scores are computed by hand in dma.score.test.ts. */
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
const EXAMPLE_DIMENSIONS = {
  D1: ((3 + 2 + 3) / 3) * 10,
  D2: ((4 + (4 / 35) * 10) / 2) * 10,
  D3: (((1 / 7) * 10 + (2 / 8) * 10) / 2) * 10,
  D4: (((2 / 7) * 10 + (2 / 6) * 10) / 2) * 10,
  D5: 8,
  D6: 20,
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-dma-cli-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('runDmaScore', () => {
  it('prints instrument, rules version, unrounded dimensions, overall and band', () => {
    const out = JSON.parse(runDmaScore(file('example.json', JSON.stringify(EXAMPLE)), { instrument: 'eu-dma-sme', rules: '2024-r1' }))
    expect(Object.keys(out)).toEqual(['instrument', 'rulesVersion', 'dimensions', 'overall', 'band'])
    expect(out.instrument).toBe('eu-dma-sme')
    expect(out.rulesVersion).toBe('2024-r1')
    for (const [d, score] of Object.entries(EXAMPLE_DIMENSIONS)) expect(out.dimensions[d], d).toBeCloseTo(score, 10)
    expect(out.overall).toBeCloseTo(5501 / 252, 10)
    expect(out.band).toBe('basic')
  })

  it('defaults to rules 2024-r1 and scores PSO answers', () => {
    const out = JSON.parse(runDmaScore(file('empty.json', '{}'), { instrument: 'eu-dma-pso' }))
    expect(out).toEqual({ instrument: 'eu-dma-pso', rulesVersion: '2024-r1', dimensions: { D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0 }, overall: 0, band: 'basic' })
  })

  it('exits 2 with the validation issues as JSON, messages in the chosen language', () => {
    const bad = file('bad.json', JSON.stringify({ Q7: [2, 3], Q4: [9, 0, 0, 0, 0, 0, 0], Q12: [] }))
    const exit = exitOf(() => runDmaScore(bad, { instrument: 'eu-dma-sme' }))
    expect(exit.exitCode).toBe(2)
    expect(JSON.parse(exit.message)).toEqual({
      errors: [
        { code: 'unknownQuestion', question: 'Q12', message: 'Q12: questa domanda non esiste in questo questionario.' },
        { code: 'valueOutOfRange', question: 'Q4', row: 1, value: '9', message: 'Q4, riga 1: il valore 9 è fuori dalla scala da 0 a 5.' },
        { code: 'exclusiveOptionWithOthers', question: 'Q7', option: 2, message: "Q7: l'opzione 2 esclude tutte le altre e non può essere selezionata insieme ad altre opzioni." },
      ],
    })
    const english = JSON.parse(exitOf(() => runDmaScore(bad, { instrument: 'eu-dma-sme', locale: 'en' })).message)
    expect(english.errors[1].message).toBe('Q4, row 1: the value 9 is outside the 0-5 scale.')
    // SME answers given to the PSO instrument: every key is unknown.
    const wrongInstrument = exitOf(() => runDmaScore(file('sme.json', JSON.stringify(EXAMPLE)), { instrument: 'eu-dma-pso' }))
    expect(wrongInstrument.exitCode).toBe(2)
    expect(JSON.parse(wrongInstrument.message).errors).toHaveLength(11)
  })

  it.each([
    { name: 'an unknown instrument', args: { instrument: 'eu-dma-xl' }, content: '{}', message: 'Unknown instrument "eu-dma-xl": use eu-dma-sme or eu-dma-pso.' },
    { name: 'an unknown rules version', args: { instrument: 'eu-dma-sme', rules: '2025-r9' }, content: '{}', message: 'Unknown rules version "2025-r9": known versions are 2024-r1.' },
    { name: 'an unknown locale', args: { instrument: 'eu-dma-sme', locale: 'de' }, content: '{}', message: '--locale is it or en, not "de".' },
    { name: 'a file that is not JSON', args: { instrument: 'eu-dma-sme' }, content: '{ "Q1": ', message: /is not valid JSON/ },
  ])('exits 1 on $name', ({ args, content, message }) => {
    const exit = exitOf(() => runDmaScore(file('answers.json', content), args))
    expect(exit.exitCode).toBe(1)
    expect(exit.message).toMatch(message)
  })

  it('exits 1 on a file it cannot read', () => {
    const exit = exitOf(() => runDmaScore(path.join(dir, 'missing.json'), { instrument: 'eu-dma-sme' }))
    expect(exit.exitCode).toBe(1)
    expect(exit.message).toBe(`Cannot read ${path.join(dir, 'missing.json')}: no such file.`)
  })
})

describe('ponte dma score (child process)', () => {
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

  it('scores a file (exit 0, JSON on stdout) and rejects a bad one (exit 2, JSON on stderr) without a database', async () => {
    const dataDir = path.join(dir, 'never-created')
    // Neither database can be opened: a command that tried would fail.
    const env = { PONTE_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PONTE_SECRET: '' }
    const good = file('good.json', JSON.stringify(EXAMPLE))
    const bad = file('bad-child.json', JSON.stringify({ Q11: ['no', 'maybe', 'no', 'no', 'no'] }))
    const [ok, invalid] = await Promise.all([
      ponte(['dma', 'score', '--instrument', 'eu-dma-sme', '--rules', '2024-r1', good], env),
      ponte(['dma', 'score', '--instrument', 'eu-dma-sme', bad], env),
    ])
    expect(ok.code, ok.stderr).toBe(0)
    const out = JSON.parse(ok.stdout)
    expect(out.dimensions.D2).toBeCloseTo(EXAMPLE_DIMENSIONS.D2, 10)
    expect(out.overall).toBeCloseTo(5501 / 252, 10)
    expect(out.band).toBe('basic')
    expect(invalid.code).toBe(2)
    expect(invalid.stdout).toBe('')
    expect(JSON.parse(invalid.stderr)).toEqual({
      errors: [{ code: 'invalidTristate', question: 'Q11', row: 2, value: '"maybe"', message: 'Q11, riga 2: "maybe" non è una risposta valida ("no", "partially" o "yes").' }],
    })
    expect(fs.existsSync(dataDir)).toBe(false)
  }, 90_000)
})
