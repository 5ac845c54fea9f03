/**
 * `ponte companies import|export` on a throwaway database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), as a batch user would: the database is created by the real `ponte`
 * binary and one exit status is read from it; the rest runs the same program in this process
 * (`runPonteHere`), which saves a child's start-up per command.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vatCheckDigit } from '../../modules/companies'
import { createTarget, DATABASE_KINDS, killAllPonte, makeTempDir, runPonte, runPonteHere, type Target } from '../../../tests/ops/ops-support'

function vat(n: number): string {
  const first10 = `${String(4_400_000 + n).padStart(7, '0')}016`
  return `${first10}${vatCheckDigit(first10)}`
}

interface CliReport {
  created: number
  updated: number
  unchanged: number
  errors: { row: number; column: string | null; code: string; message: string }[]
}

describe.each(DATABASE_KINDS)('ponte companies on %s', (kind) => {
  let target: Target
  let dir: string
  let file: string

  beforeAll(async () => {
    target = await createTarget(kind, 'companies-cli')
    dir = makeTempDir('companies-cli-files')
    const created = await runPonte(target, ['user', 'create', '--admin', '--email', 'admin@example.test', '--name', 'Admin', '--password', 'a-long-password', '--network', 'Rete di prova'])
    expect(created.code, created.stderr).toBe(0)
    file = path.join(dir, 'aziende.csv')
    fs.writeFileSync(
      file,
      ['Ragione sociale;Partita IVA;Comune;Fatturato', `Alfa Srl;${vat(1)};Bergamo;1.234,5`, `Beta Srl;${vat(2)};Atlantide;`, `Alfa di nuovo;${vat(1)};Bergamo;`].join('\r\n'),
    )
  }, 180_000)
  afterAll(async () => {
    await killAllPonte()
    await target.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('dry-runs a file, printing the machine-readable report and writing nothing', async () => {
    const res = await runPonteHere(target, ['companies', 'import', file, '--dry-run', '--json'])
    expect(res.code, res.stderr).toBe(0)
    const report = JSON.parse(res.stdout) as CliReport
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0 })
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Comune', 'importComuneUnknown'],
      [4, 'Partita IVA', 'importDuplicateRow'],
    ])
    expect(report.errors[1]?.message).toBe('Stessa partita IVA della riga 2.')
    const again = JSON.parse((await runPonteHere(target, ['companies', 'import', file, '--dry-run', '--json'])).stdout) as CliReport
    expect(again.created).toBe(1)
  }, 120_000)

  it('imports (exit 0 even with row errors), then finds the company unchanged the second time', async () => {
    const first = await runPonteHere(target, ['companies', 'import', file])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Importazione conclusa: 1 create, 0 aggiornate, 0 invariate, 2 errori.')
    expect(first.stdout).toContain('riga 4, Partita IVA: Stessa partita IVA della riga 2.')
    const second = JSON.parse((await runPonteHere(target, ['companies', 'import', file, '--json'])).stdout) as CliReport
    expect(second).toMatchObject({ created: 0, unchanged: 1 })
  }, 120_000)

  it('exports every company to a file (XLSX) and to standard output (CSV)', async () => {
    const out = path.join(dir, 'export.xlsx')
    const written = await runPonteHere(target, ['companies', 'export', '--format', 'xlsx', '--out', out])
    expect(written.code, written.stderr).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(out)
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe('Alfa Srl')
    const printed = await runPonteHere(target, ['companies', 'export'])
    expect(printed.code, printed.stderr).toBe(0)
    expect(printed.stdout.startsWith('\uFEFFRagione sociale;Partita IVA;')).toBe(true)
    expect(printed.stdout).toContain(`Alfa Srl;${vat(1)};`)
  }, 120_000)

  it('exits with 2 on a file it cannot read, and 1 on an unknown unit', async () => {
    const missing = await runPonte(target, ['companies', 'import', path.join(dir, 'non-esiste.csv')])
    expect(missing.code).toBe(2)
    const xls = path.join(dir, 'vecchio.xls')
    fs.writeFileSync(xls, 'not really excel')
    const old = await runPonteHere(target, ['companies', 'import', xls, '--json'])
    expect(old.code).toBe(2)
    expect(old.stderr).toContain('Formato non supportato')
    const unit = await runPonteHere(target, ['companies', 'import', file, '--unit', 'NESSUNA'])
    expect(unit.code).toBe(1)
    expect(unit.stderr).toContain('Nessuna unità con codice NESSUNA')
  }, 120_000)
})
