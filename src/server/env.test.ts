import { describe, expect, it } from 'vitest'
import { EnvError, loadEnv, publicUrl, seedMode } from './env'

describe('loadEnv', () => {
  it('gives working defaults for the embedded install', () => {
    const env = loadEnv({})
    expect(env).toMatchObject({ PORT: 3000, PONTE_DATA_DIR: './data', PONTE_DEMO_PASSWORD: 'ponte-demo', PONTE_JOBS: 'on' })
    expect(seedMode(env)).toBe('demo')
    expect(publicUrl(env)).toBe('http://localhost:3000')
  })

  it('stops with a message naming every wrong variable', () => {
    expect(() => loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', PONTE_SEED: 'lots' })).toThrowError(EnvError)
    try {
      loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', PONTE_SEED: 'lots' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('PORT')
      expect(message).toContain('DATABASE_URL: must start with postgres://')
      expect(message).toContain('PONTE_SEED')
    }
  })

  it('seeds no demo into a PostgreSQL server unless asked', () => {
    expect(seedMode(loadEnv({ DATABASE_URL: 'postgres://db/ponte' }))).toBe('none')
    expect(seedMode(loadEnv({ DATABASE_URL: 'postgres://db/ponte', PONTE_SEED: 'demo' }))).toBe('demo')
  })

  it('treats empty variables as unset', () => {
    expect(loadEnv({ SMTP_URL: '', DATABASE_URL: '' }).SMTP_URL).toBeUndefined()
  })

  it('refuses a short secret', () => {
    expect(() => loadEnv({ PONTE_SECRET: 'short' })).toThrowError(/PONTE_SECRET: must be at least 32 characters/)
  })
})
