import { inflateSync } from 'node:zlib'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { buildContact, linkContact } from '../../../../tests/factories/contacts.factory'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { createTestApp, signedInClient, type ApiClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import type { CompanyRow } from '../../companies/server/companies.table'
import type { UnitRow } from '../../identity/server/identity.table'
import type { ConsentEvent, Contact, GdprExport } from '../contacts.contract'
import { renderGdprPdf } from './contacts-gdpr'
import { companyContacts, contactConsents } from './contacts.table'

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } }
type Page = { items: Contact[]; nextCursor: string | null; total: number }

let t: TestApp
let bg: UnitRow
let bs: UnitRow
let companyBg: CompanyRow
let companyBs: CompanyRow
let staffBg: ApiClient
let staffBs: ApiClient
let managerBg: ApiClient
const sourceCalls: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db, { name: 'DIH Lombardia' })
  bg = await buildUnit(db, { parent: root, name: 'Antenna Bergamo', provinceCode: 'BG' })
  bs = await buildUnit(db, { parent: root, name: 'Antenna Brescia', provinceCode: 'BS' })
  companyBg = await buildCompany(db, { unit: bg, name: 'Meccanica Bergamasca S.r.l.' })
  companyBs = await buildCompany(db, { unit: bs, name: 'Fonderia Bresciana S.p.A.' })
  staffBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  staffBs = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  managerBg = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_manager' }] })).email)
  // A module above contacts holding data about people (as interactions does), through the port.
  t.deps.personalDataSources = [
    {
      name: 'interactions',
      exportFor: async (_db, contactId) => {
        sourceCalls.push(`export:${contactId}`)
        return [{ subject: 'Visita in azienda', occurredAt: '2026-01-10T09:00:00.000Z' }]
      },
      eraseFor: async (_tx, contactId) => {
        sourceCalls.push(`erase:${contactId}`)
      },
    },
  ]
}, 120_000)
afterAll(async () => {
  await t.close()
})

const create = (client: ApiClient, body: Record<string, unknown> = {}) =>
  client.post<Contact>('/api/contacts', { unitId: bg.id, firstName: 'Mario', lastName: 'Rossi', ...body })

const errorOf = (body: unknown) => (body as ErrorBody).error

describe('contacts', () => {
  it('creates a contact linked to a company, with the role and no consent yet', async () => {
    const res = await create(staffBg, {
      firstName: 'Giovanna',
      lastName: 'Pesenti',
      email: 'g.pesenti@meccanica-bergamasca.demo',
      jobTitle: 'Responsabile qualità',
      lawfulBasis: 'consent',
      company: { companyId: companyBg.id, role: 'referente', isPrimary: true },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      firstName: 'Giovanna',
      unitName: 'Antenna Bergamo',
      lawfulBasis: 'consent',
      companies: [{ companyId: companyBg.id, companyName: 'Meccanica Bergamasca S.r.l.', role: 'referente', isPrimary: true }],
      can: { update: true },
    })
    expect(res.body.consents).toEqual([
      { purpose: 'newsletter', granted: false, source: null, recordedAt: null },
      { purpose: 'events', granted: false, source: null, recordedAt: null },
      { purpose: 'funder_sharing', granted: false, source: null, recordedAt: null },
    ])
  })

  it('explains invalid fields in Italian, field by field', async () => {
    const res = await create(staffBg, { firstName: ' ', email: 'non-una-email', lawfulBasis: 'capriccio' })
    expect(res.status).toBe(400)
    const fields = errorOf(res.body).fields
    expect(fields.find((f) => f.path === 'firstName')?.message).toBe('Campo obbligatorio.')
    expect(fields.find((f) => f.path === 'email')?.message).toMatch(/Indirizzo email non valido/)
    expect(fields.find((f) => f.path === 'lawfulBasis')).toBeDefined()
  })

  it('hides a contact from another antenna (404) and keeps it out of its lists', async () => {
    const mine = (await create(staffBg, { firstName: 'Nascosto', lastName: 'Bergamasco' })).body
    expect((await staffBs.get(`/api/contacts/${mine.id}`)).status).toBe(404)
    expect((await staffBs.patch(`/api/contacts/${mine.id}`, { jobTitle: 'x' })).status).toBe(404)
    expect((await staffBs.post(`/api/contacts/${mine.id}/consents`, { purpose: 'newsletter', granted: true, source: 'verbal' })).status).toBe(404)
    expect((await staffBs.get(`/api/contacts/${mine.id}/export`)).status).toBe(404)
    expect((await staffBs.post(`/api/contacts/${mine.id}/erase`)).status).toBe(404)
    const list = await staffBs.get<Page>('/api/contacts?q=nascosto')
    expect(list.body.items).toEqual([])
    expect((await staffBs.post('/api/contacts', { unitId: bg.id, firstName: 'A', lastName: 'B' })).status).toBe(404)
  })

  it('refuses to link a company the caller cannot see, and a link that already exists', async () => {
    const c = (await create(staffBg, { company: { companyId: companyBg.id, role: 'titolare' } })).body
    const hidden = await staffBg.post(`/api/contacts/${c.id}/companies`, { companyId: companyBs.id, role: 'referente' })
    expect(hidden.status).toBe(404)
    const again = await staffBg.post(`/api/contacts/${c.id}/companies`, { companyId: companyBg.id, role: 'referente' })
    expect(again.status).toBe(409)
    expect(errorOf(again.body).message).toMatch(/già collegata/)
  })

  it('links one person to several companies, changes a role, keeps one primary contact per company, and unlinks', async () => {
    const db = t.deps.database.db
    const other = await buildCompany(db, { unit: bg, name: 'Tessitura Seriana S.n.c.' })
    const first = (await create(staffBg, { firstName: 'Primo', company: { companyId: other.id, role: 'titolare', isPrimary: true } })).body
    const second = (await create(staffBg, { firstName: 'Secondo', company: { companyId: companyBg.id, role: 'consulente' } })).body
    const linked = await staffBg.post<Contact>(`/api/contacts/${second.id}/companies`, { companyId: other.id, role: 'amministratore', isPrimary: true })
    expect(linked.status).toBe(200)
    expect(linked.body.companies.map((l) => [l.companyName, l.role, l.isPrimary])).toEqual([
      ['Tessitura Seriana S.n.c.', 'amministratore', true],
      ['Meccanica Bergamasca S.r.l.', 'consulente', false],
    ])
    expect((await staffBg.get<Contact>(`/api/contacts/${first.id}`)).body.companies[0]?.isPrimary).toBe(false)

    const changed = await staffBg.patch<Contact>(`/api/contacts/${second.id}/companies/${companyBg.id}`, { role: 'responsabile_it' })
    expect(changed.body.companies.find((l) => l.companyId === companyBg.id)?.role).toBe('responsabile_it')

    const ofCompany = await staffBg.get<Page>(`/api/contacts?companyId=${other.id}`)
    expect(ofCompany.body.items.map((c) => c.firstName).sort()).toEqual(['Primo', 'Secondo'])

    const unlinked = await staffBg.delete<Contact>(`/api/contacts/${second.id}/companies/${other.id}`)
    expect(unlinked.body.companies.map((l) => l.companyId)).toEqual([companyBg.id])
    expect((await staffBg.delete(`/api/contacts/${second.id}/companies/${other.id}`)).status).toBe(404)
    expect((await staffBg.get<Page>(`/api/contacts?companyId=${companyBs.id}`)).status).toBe(404)
  })

  it('finds people without accents, by email, and with a typo', async () => {
    await create(staffBg, { firstName: 'Niccolò', lastName: 'Ghisalberti', email: 'n.ghisalberti@tessitura.demo' })
    const names = async (q: string) => (await staffBg.get<Page>(`/api/contacts?q=${encodeURIComponent(q)}`)).body.items.map((c) => c.lastName)
    expect(await names('niccolo')).toContain('Ghisalberti')
    expect(await names('tessitura.demo')).toContain('Ghisalberti')
    expect(await names('Ghisalbert')).toContain('Ghisalberti')
    expect(await names('Gisalberti')).toContain('Ghisalberti')
  })

  it('pages through contacts by name with a total', async () => {
    const unit = await buildUnit(t.deps.database.db, { parent: await buildRootUnit(t.deps.database.db), name: 'Antenna Paging' })
    const client = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit, role: 'unit_staff' }] })).email)
    for (const last of ['Zanetti', 'Arrigoni', 'Bonomi', 'Bonomi', 'Rota']) await create(client, { unitId: unit.id, lastName: last })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: { body: Page } = await client.get<Page>(`/api/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.body.total).toBe(5)
      seen.push(...res.body.items.map((c) => c.lastName))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toEqual(['Arrigoni', 'Bonomi', 'Bonomi', 'Rota', 'Zanetti'])
    expect((await client.get('/api/contacts?cursor=garbage')).status).toBe(400)
  })

  it('keeps the consent history and shows the latest event per purpose as the current state', async () => {
    const c = (await create(staffBg, { firstName: 'Consenso' })).body
    const grant = await staffBg.post<Contact>(`/api/contacts/${c.id}/consents`, { purpose: 'newsletter', granted: true, source: 'web_form', note: 'Modulo sito' })
    expect(grant.status).toBe(200)
    expect(grant.body.consents[0]).toMatchObject({ purpose: 'newsletter', granted: true, source: 'web_form' })
    // Same clock instant: the withdrawal must still count as the later event.
    const withdraw = await staffBg.post<Contact>(`/api/contacts/${c.id}/consents`, { purpose: 'newsletter', granted: false, source: 'email' })
    expect(withdraw.body.consents[0]).toMatchObject({ purpose: 'newsletter', granted: false, source: 'email' })
    const history = await staffBg.get<{ items: ConsentEvent[] }>(`/api/contacts/${c.id}/consents`)
    expect(history.body.items.map((e) => [e.purpose, e.granted, e.source, e.note])).toEqual([
      ['newsletter', false, 'email', null],
      ['newsletter', true, 'web_form', 'Modulo sito'],
    ])
    const bad = await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'telemarketing', granted: true, source: 'web_form' })
    expect(bad.status).toBe(400)
    expect(errorOf(bad.body).fields[0]?.path).toBe('purpose')
  })

  it('puts a contact in the newsletter segment when consent is granted and takes it out when withdrawn', async () => {
    const c = (await create(staffBg, { firstName: 'Segmento', lastName: 'Newsletter' })).body
    const inSegment = async () => (await staffBg.get<Page>('/api/contacts?consent=newsletter&limit=100')).body.items.some((i) => i.id === c.id)
    expect(await inSegment()).toBe(false)
    await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'newsletter', granted: true, source: 'event_registration' })
    expect(await inSegment()).toBe(true)
    expect((await staffBg.get<Page>('/api/contacts?consent=events&limit=100')).body.items.some((i) => i.id === c.id)).toBe(false)
    t.clock.advance(60_000)
    await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'newsletter', granted: false, source: 'self_service' })
    expect(await inSegment()).toBe(false)
    expect((await staffBs.get<Page>('/api/contacts?consent=newsletter&limit=100')).body.items.some((i) => i.id === c.id)).toBe(false)
  })

  it('exports a segment as an Excel-friendly CSV with formulas neutralised', async () => {
    const c = (await create(staffBg, { firstName: '=HYPERLINK("x")', lastName: 'Csvtest', jobTitle: 'Capo; reparto' })).body
    await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'events', granted: true, source: 'verbal' })
    // Raw bytes: Response.text() would drop the BOM Excel needs.
    const res = await t.app.request('http://ponte.test/api/contacts/export?consent=events', { headers: { cookie: staffBg.cookie, 'accept-language': 'it' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.startsWith('Cognome;Nome;Email')).toBe(true)
    const line = text.split('\r\n').find((l) => l.startsWith('Csvtest'))
    expect(line).toContain(`"'=HYPERLINK(""x"")"`)
    expect(line).toContain('"Capo; reparto"')
    expect(line?.split(';').slice(-3)).toEqual(['no', 'sì', 'no'])
  })

  it('refuses an archive twice and hides archived contacts unless asked', async () => {
    const c = (await create(staffBg, { firstName: 'Archiviato', lastName: 'Zzarchivio' })).body
    expect((await staffBg.post(`/api/contacts/${c.id}/archive`)).status).toBe(200)
    expect((await staffBg.post(`/api/contacts/${c.id}/archive`)).status).toBe(409)
    expect((await staffBg.get<Page>('/api/contacts?q=zzarchivio')).body.total).toBe(0)
    expect((await staffBg.get<Page>('/api/contacts?q=zzarchivio&includeArchived=true')).body.total).toBe(1)
    expect((await staffBg.post<Contact>(`/api/contacts/${c.id}/restore`)).body.archivedAt).toBeNull()
  })
})

describe('company merges', () => {
  it('moves a merged company’s people to the survivor and back on undo (through the wired mover)', async () => {
    const db = t.deps.database.db
    const survivor = await buildCompany(db, { unit: bg, name: 'Officina Orobica S.r.l.' })
    const merged = await buildCompany(db, { unit: bg, name: 'Officina Orobica' })
    const c = (await create(staffBg, { firstName: 'Fusione', company: { companyId: merged.id, role: 'responsabile_produzione' } })).body
    const merge = await staffBg.post<{ id: string }>('/api/companies/merges', { survivorId: survivor.id, mergedId: merged.id, choices: {} })
    expect(merge.status).toBe(201)
    const after = (await staffBg.get<Contact>(`/api/contacts/${c.id}`)).body
    expect(after.companies.map((l) => [l.companyId, l.role])).toEqual([[survivor.id, 'responsabile_produzione']])

    expect((await staffBg.post(`/api/companies/merges/${merge.body.id}/undo`)).status).toBe(200)
    const undone = (await staffBg.get<Contact>(`/api/contacts/${c.id}`)).body
    expect(undone.companies.map((l) => [l.companyId, l.role])).toEqual([[merged.id, 'responsabile_produzione']])
  })
})

describe('GDPR', () => {
  it('exports everything held about the person as JSON, including other modules’ data, and audits it', async () => {
    const c = (await create(staffBg, { firstName: 'Esportata', lastName: 'Bonfanti', email: 'e.bonfanti@example.it', company: { companyId: companyBg.id, role: 'titolare' } })).body
    await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'events', granted: true, source: 'event_registration' })
    const res = await staffBg.get<GdprExport>(`/api/contacts/${c.id}/export?format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('dati-personali-esportata-bonfanti.json')
    expect(res.body.contact).toMatchObject({ id: c.id, firstName: 'Esportata', lastName: 'Bonfanti', email: 'e.bonfanti@example.it', unitName: 'Antenna Bergamo' })
    expect(res.body.companies).toEqual([expect.objectContaining({ companyName: 'Meccanica Bergamasca S.r.l.', role: 'titolare' })])
    expect(res.body.consents).toEqual([expect.objectContaining({ purpose: 'events', granted: true, source: 'event_registration' })])
    expect(res.body.other).toEqual({ interactions: [{ subject: 'Visita in azienda', occurredAt: '2026-01-10T09:00:00.000Z' }] })
    expect(sourceCalls).toContain(`export:${c.id}`)
    const audit = await managerBg.get<{ items: { action: string; after: unknown }[] }>(`/api/audit?entityType=contact&entityId=${c.id}`)
    expect(audit.body.items[0]).toMatchObject({ action: 'gdpr_export', after: { format: 'json' } })
  })

  it('exports the same as a PDF that names the person', async () => {
    const c = (await create(staffBg, { firstName: 'Pdf', lastName: 'Carminati' })).body
    const res = await staffBg.request('GET', `/api/contacts/${c.id}/export?format=pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = typeof res.body === 'string' ? res.body : ''
    expect(bytes.startsWith('%PDF-')).toBe(true)
    expect(bytes).toContain('Pdf Carminati')
  })

  it('renders Italian accented letters in the PDF (WinAnsi)', async () => {
    const pdf = await renderGdprPdf(
      {
        generatedAt: '2026-03-01T10:00:00.000Z',
        contact: { id: '00000000-0000-4000-8000-000000000001', firstName: 'Niccolò', lastName: 'Perché', email: null, phone: null, jobTitle: 'Responsabile qualità', notes: 'È già così', lawfulBasis: 'consent', unitName: 'Antenna Bergamo', erasedAt: null, archivedAt: null, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z' },
        companies: [],
        consents: [],
        other: {},
      },
      'it',
    )
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    for (const word of ['Niccolò', 'Perché', 'qualità', 'È già così']) expect(text).toContain(word)
  })

  it('erases the person: anonymised, links and consent counts kept, other modules erased, audit trail scrubbed', async () => {
    const db = t.deps.database.db
    const c = (await create(staffBg, { firstName: 'Dacancellare', lastName: 'Salvi', email: 'd.salvi@example.it', phone: '+39 333 1234567', notes: 'Preferisce essere chiamata al mattino', company: { companyId: companyBg.id, role: 'dipendente' } })).body
    await staffBg.post(`/api/contacts/${c.id}/consents`, { purpose: 'newsletter', granted: true, source: 'verbal', note: 'Detto al telefono da Salvi' })
    await staffBg.patch(`/api/contacts/${c.id}`, { jobTitle: 'Progettista' })

    const res = await staffBg.post<Contact>(`/api/contacts/${c.id}/erase`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ firstName: 'Interessato', lastName: 'cancellato', email: null, phone: null, jobTitle: null, notes: null, can: { update: false } })
    expect(res.body.erasedAt).not.toBeNull()
    expect(res.body.companies).toEqual([expect.objectContaining({ companyId: companyBg.id, role: 'dipendente' })])
    expect(sourceCalls).toContain(`erase:${c.id}`)

    const [consent] = await db.select().from(contactConsents).where(eq(contactConsents.contactId, c.id))
    expect(consent).toMatchObject({ purpose: 'newsletter', granted: true, note: null })
    const links = await db.select().from(companyContacts).where(and(eq(companyContacts.contactId, c.id), eq(companyContacts.companyId, companyBg.id)))
    expect(links).toHaveLength(1)

    const trail = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'contact'), eq(auditLog.entityId, c.id)))
    expect(JSON.stringify(trail)).not.toMatch(/Salvi|Dacancellare|d\.salvi|1234567|mattino|Progettista/)
    expect(trail.map((e) => e.action).sort()).toEqual(['create', 'erase', 'update', 'update'])

    // An erased person is out of every segment and no longer searchable or editable.
    expect((await staffBg.get<Page>('/api/contacts?consent=newsletter&limit=100')).body.items.some((i) => i.id === c.id)).toBe(false)
    expect((await staffBg.get<Page>('/api/contacts?q=salvi')).body.items.some((i) => i.id === c.id)).toBe(false)
    const edit = await staffBg.patch(`/api/contacts/${c.id}`, { firstName: 'Di nuovo' })
    expect(edit.status).toBe(409)
    expect(errorOf(edit.body).message).toMatch(/cancellati/)
    expect((await staffBg.post(`/api/contacts/${c.id}/erase`)).status).toBe(409)
    // The company still counts the person among its people.
    expect((await staffBg.get<Page>(`/api/contacts?companyId=${companyBg.id}&limit=100`)).body.items.some((i) => i.id === c.id)).toBe(true)
  })

  it('keeps a viewer of the unit from erasing', async () => {
    const viewer = await signedInClient(t, (await buildUser(t.deps.database.db, { grants: [{ unit: bg, role: 'viewer' }] })).email)
    const c = await buildContact(t.deps.database.db, { unit: bg })
    await linkContact(t.deps.database.db, c.id, companyBg.id)
    expect([403, 404]).toContain((await viewer.post(`/api/contacts/${c.id}/erase`)).status)
  })
})

/** The text drawn in a PDF made by pdfkit: hex strings of the TJ operators of each (deflated) content stream. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  let text = ''
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const data = Buffer.from(match[1] ?? '', 'latin1')
    let content: string
    try {
      content = inflateSync(data).toString('latin1')
    } catch {
      content = data.toString('latin1')
    }
    for (const line of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of (line[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) text += Buffer.from(hex[1] ?? '', 'hex').toString('latin1')
      text += '\n'
    }
  }
  return text
}
