import { describe, expect, it } from 'vitest'
import { mailBodies, mailDate, mailDay } from './mail-text'

describe('mail text helpers', () => {
  it('writes long dates in the recipient’s language, on Rome’s calendar', () => {
    // 23:30 UTC on 31 March is already 1 April in Rome.
    expect(mailDate('it', new Date('2026-03-31T23:30:00Z'))).toBe('1 aprile 2026')
    expect(mailDate('en', new Date('2026-03-31T23:30:00Z'))).toBe('1 April 2026')
    expect(mailDay('it', '2026-11-24')).toBe('24 novembre 2026')
  })

  it('makes paragraphs, escapes HTML and turns the URL into a link', () => {
    const url = 'https://ponte.test/x?a=1&b=2'
    const { text, html } = mailBodies(['Ciao <Anna>', `Apri: ${url}`], url)
    expect(text).toBe(`Ciao <Anna>\n\nApri: ${url}`)
    expect(html).toBe('<p>Ciao &#60;Anna&#62;</p>\n<p>Apri: <a href="https://ponte.test/x?a=1&#38;b=2">https://ponte.test/x?a=1&#38;b=2</a></p>')
    expect(mailBodies(['a & b']).html).toBe('<p>a &#38; b</p>')
  })
})
