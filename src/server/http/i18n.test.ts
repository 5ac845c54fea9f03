import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import en from '../../shared/i18n/errors.en.json'
import it_ from '../../shared/i18n/errors.it.json'
import { localeFromAcceptLanguage, translateError, translateIssue } from './i18n'

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [full] : []
  })
}

describe('error messages', () => {
  it('have the same keys in Italian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(it_).sort())
  })

  it('exist for every errors.* key the code uses', () => {
    const src = path.resolve(import.meta.dirname, '../..')
    const used = new Set<string>()
    for (const file of sourceFiles(src)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]errors\.(\w+)['"`]/g)) if (m[1]) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(20)
    const missing = [...used].filter((key) => !(key in it_))
    expect(missing).toEqual([])
  })

  it('fills placeholders', () => {
    expect(translateError('en', 'errors.unitCodeTaken', { code: 'BG-01' })).toBe('The code “BG-01” is already used by another unit.')
  })

  it('renders zod issues in the requested language', () => {
    const result = z.object({ name: z.string().min(3) }).safeParse({ name: 'a' })
    const issue = result.error?.issues[0]
    if (!issue) throw new Error('expected an issue')
    expect(translateIssue('it', issue)).toMatch(/troppo corto|caratteri/i)
    expect(translateIssue('en', issue)).toMatch(/too small|characters/i)
  })

  it('reads the preferred language from Accept-Language, Italian by default', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en')
    expect(localeFromAcceptLanguage('de-DE,it;q=0.5')).toBe('it')
    expect(localeFromAcceptLanguage(undefined)).toBe('it')
  })
})
