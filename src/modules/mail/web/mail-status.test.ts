import { describe, expect, it } from 'vitest'
import { extractLinks } from './mail-status'

describe('extractLinks', () => {
  it('finds each link once, in order', () => {
    const text = 'Apri http://localhost:3000/invitation?token=abc123 oppure https://ponte.example/a.\nDi nuovo: http://localhost:3000/invitation?token=abc123'
    expect(extractLinks(text)).toEqual(['http://localhost:3000/invitation?token=abc123', 'https://ponte.example/a'])
  })

  it('drops punctuation that closes the sentence', () => {
    expect(extractLinks('(vedi https://ponte.example/docs).')).toEqual(['https://ponte.example/docs'])
  })

  it('returns nothing for text without links', () => {
    expect(extractLinks('Nessun link qui.')).toEqual([])
  })
})
