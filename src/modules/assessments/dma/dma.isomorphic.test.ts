/**
 * The engine runs in the browser too (live scoring in the questionnaire): nothing it imports may
 * need Node or the server. Checked on the source so a stray import fails here, not in a build.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const MODULE = path.resolve(import.meta.dirname, '..')
const ENGINE_FILES = [
  'assessments.contract.ts',
  'assessments.reference.ts',
  ...fs
    .readdirSync(path.join(MODULE, 'dma'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `dma/${f}`),
]

describe('the DMA engine is isomorphic', () => {
  it.each(ENGINE_FILES)('%s imports no Node built-in and no server code', (file) => {
    const source = fs.readFileSync(path.join(MODULE, file), 'utf8')
    const imports = [...source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1])
    for (const specifier of imports) {
      expect(specifier, file).not.toMatch(/^node:|^(fs|path|os|crypto|child_process)$/)
      expect(specifier, file).not.toMatch(/\/server(\/|$)/)
    }
  })
})
