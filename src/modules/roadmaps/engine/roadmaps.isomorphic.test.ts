/**
 * The catalogue and the engine run in the browser too (roadmap editor, catalogue page): nothing
 * they import may need Node or the server. Checked on the source so a stray import fails here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const MODULE = path.resolve(import.meta.dirname, '..')
const ENGINE_FILES = [
  'roadmaps.reference.ts',
  ...fs
    .readdirSync(path.join(MODULE, 'engine'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `engine/${f}`),
]

describe('the roadmaps engine is isomorphic', () => {
  it.each(ENGINE_FILES)('%s imports no Node built-in, no server code and no module index', (file) => {
    const source = fs.readFileSync(path.join(MODULE, file), 'utf8')
    const imports = [...source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1])
    for (const specifier of imports) {
      expect(specifier, file).not.toMatch(/^node:|^(fs|path|os|crypto|child_process)$/)
      expect(specifier, file).not.toMatch(/\/server(\/|$)/)
      expect(specifier, file).not.toMatch(/\/index(\.ts)?$|^\.\.\/\.\.\/[a-z-]+$/)
    }
  })
})
