import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../../../../tests/factories/identity.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { auditLog } from '../../audit/server/audit.table'
import type { ExpertPage, ExpertProfile, ExpertProfileInput } from '../experts.contract'
import { listMatchCandidates } from './expert-candidates'
import { expertProfiles } from './experts.table'

let t: TestApp
let bgStaff: ApiClient
let bgManager: ApiClient
let bsStaff: ApiClient
let hubStaff: ApiClient
let member: ApiClient
let anna: BuiltUser
let annaClient: ApiClient
let bruno: BuiltUser
let brunoClient: ApiClient
let hubExpert: BuiltUser
let hubExpertClient: ApiClient

type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } }

const PROFILE: ExpertProfileInput = {
  headline: 'Consulente ERP per la manifattura',
  bio: 'Vent’anni di progetti gestionali.',
  kind: 'consultant',
  programme: '',
  outOfWork: false,
  competences: ['erp-systems', 'cybersecurity', 'erp-systems'],
  sectors: ['C', 'G'],
  provinces: ['bg', 'BS'],
  homeComuneIstat: '016024',
  languages: ['it', 'en'],
  availabilityDaysPerMonth: 6.5,
  employerName: 'Studio Rossi S.r.l.',
  employerVatNumber: 'IT01234567890',
  ties: [{ name: 'Officine Brembo', vatNumber: '', taxCode: null, kind: 'client' }],
}

const put = (client: ApiClient, body: unknown) => client.request<ExpertProfile & ErrorBody>('PUT', '/api/experts/me', body)

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root })
  const bs = await buildUnit(db, { parent: root })
  bgStaff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  bgManager = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_manager' }] })).email)
  bsStaff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  hubStaff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: root, role: 'unit_staff' }] })).email)
  member = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'company_member' }] })).email)
  anna = await buildUser(db, { name: 'Anna Rota', grants: [{ unit: bg, role: 'expert' }] })
  annaClient = await signedInClient(t, anna.email)
  bruno = await buildUser(db, { name: 'Bruno Àlberti', grants: [{ unit: bs, role: 'expert' }] })
  brunoClient = await signedInClient(t, bruno.email)
  hubExpert = await buildUser(db, { name: 'Carla Hub', grants: [{ unit: root, role: 'expert' }] })
  hubExpertClient = await signedInClient(t, hubExpert.email)
}, 60_000)
afterAll(async () => {
  await t.close()
})

describe('the expert edits their own profile', () => {
  it('shows an empty draft before the first save', async () => {
    const res = await annaClient.get<ExpertProfile>('/api/experts/me')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ userId: anna.id, name: 'Anna Rota', exists: false, status: 'draft', competences: [], languages: ['it'], can: { edit: true, review: false } })
  })

  it('refuses users who are not experts', async () => {
    const res = await member.get<ErrorBody>('/api/experts/me')
    expect(res.status).toBe(403)
    expect(res.body.error.message).toMatch(/ruolo di esperto/)
    expect((await put(bgStaff, PROFILE)).status).toBe(403)
  })

  it('refuses to submit an incomplete profile, naming what is missing', async () => {
    const res = await annaClient.post<ErrorBody>('/api/experts/me/submit')
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.map((f) => f.path)).toEqual(['headline', 'competences', 'provinces', 'availabilityDaysPerMonth'])
  })

  it('saves the profile, normalising lists and identifiers, and audits it', async () => {
    const res = await put(annaClient, PROFILE)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      exists: true,
      status: 'draft',
      competences: ['erp-systems', 'cybersecurity'],
      provinces: ['BG', 'BS'],
      homeComune: { istatCode: '016024', name: 'Bergamo', provinceCode: 'BG' },
      programme: null,
      availabilityDaysPerMonth: 6.5,
      employerVatNumber: '01234567890',
      ties: [{ name: 'Officine Brembo', vatNumber: null, taxCode: null, kind: 'client' }],
    })
    const audit = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, anna.id))
    expect(audit.map((a) => [a.entityType, a.action])).toContainEqual(['expert_profile', 'create'])
  })

  it('rejects invalid values with field messages', async () => {
    const res = await put(annaClient, { ...PROFILE, competences: ['astrology'], homeComuneIstat: '999999', employerVatNumber: '123' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['competences.0', 'employerVatNumber']))
    const comune = await put(annaClient, { ...PROFILE, homeComuneIstat: '999999' })
    expect(comune.status).toBe(400)
    expect(comune.body.error.fields).toEqual([{ path: 'homeComuneIstat', message: 'Comune non trovato tra quelli in vigore.' }])
  })

  it('submits a complete profile once', async () => {
    const res = await annaClient.post<ExpertProfile>('/api/experts/me/submit')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('submitted')
    expect(res.body.submittedAt).not.toBeNull()
    expect((await annaClient.post<ErrorBody>('/api/experts/me/submit')).status).toBe(409)
  })
})

describe('staff review the pool', () => {
  it('lists the experts each staff member sees', async () => {
    await put(brunoClient, { ...PROFILE, headline: 'Esperto di cybersecurity', competences: ['cybersecurity'], provinces: ['BS'], homeComuneIstat: '017029', employerName: null, employerVatNumber: null, ties: [] })
    await put(hubExpertClient, { ...PROFILE, headline: 'Manager Sviluppo PMI', kind: 'manager', programme: 'Sviluppo PMI', outOfWork: true, competences: ['lean-operations'], employerName: null, employerVatNumber: null, ties: [] })
    const names = async (client: ApiClient, query = '') => (await client.get<ExpertPage>(`/api/experts${query}`)).body.items.map((i) => i.name)
    // An antenna sees its own experts and the hub's (whose grant covers it), never a sibling's.
    expect(await names(bgStaff)).toEqual(['Anna Rota', 'Carla Hub'])
    expect(await names(bsStaff)).toEqual(['Bruno Àlberti', 'Carla Hub'])
    expect(await names(hubStaff)).toEqual(['Anna Rota', 'Bruno Àlberti', 'Carla Hub'])
    expect((await member.get<ExpertPage>('/api/experts')).body.items).toEqual([])
    expect((await annaClient.get<ExpertPage>('/api/experts')).body.items).toEqual([])
  })

  it('searches by name (accents ignored) and competence label, and filters', async () => {
    const names = async (query: string) => (await hubStaff.get<ExpertPage>(`/api/experts?${query}`)).body.items.map((i) => i.name)
    expect(await names('q=alberti')).toEqual(['Bruno Àlberti'])
    expect(await names('q=sicurezza')).toEqual(['Anna Rota', 'Bruno Àlberti'])
    expect(await names('competence=lean-operations')).toEqual(['Carla Hub'])
    expect(await names('status=submitted')).toEqual(['Anna Rota'])
    expect(await names('province=BS&sector=G')).toEqual(['Anna Rota', 'Bruno Àlberti', 'Carla Hub'])
    expect(await names('minAvailability=7')).toEqual([])
    expect((await hubStaff.get('/api/experts?competence=astrology')).status).toBe(400)
  })

  it('pages by name with a cursor', async () => {
    const first = await hubStaff.get<ExpertPage>('/api/experts?limit=2')
    expect(first.body.items.map((i) => i.name)).toEqual(['Anna Rota', 'Bruno Àlberti'])
    expect(first.body.nextCursor).not.toBeNull()
    const second = await hubStaff.get<ExpertPage>(`/api/experts?limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((i) => i.name)).toEqual(['Carla Hub'])
    expect(second.body.nextCursor).toBeNull()
  })

  it('reads a profile only within scope', async () => {
    const res = await bgStaff.get<ExpertProfile>(`/api/experts/${anna.id}`)
    expect(res.status).toBe(200)
    expect(res.body.can).toEqual({ edit: false, review: true })
    expect((await bsStaff.get(`/api/experts/${anna.id}`)).status).toBe(404)
    expect((await member.get(`/api/experts/${anna.id}`)).status).toBe(404)
    // The hub's expert is visible to an antenna but reviewed by the hub.
    expect((await bgStaff.get<ExpertProfile>(`/api/experts/${hubExpert.id}`)).body.can.review).toBe(false)
  })

  it('rejects with a note, and refuses a rejection without one', async () => {
    const bare = await bgStaff.post<ErrorBody>(`/api/experts/${anna.id}/reject`, {})
    expect(bare.status).toBe(400)
    expect(bare.body.error.fields?.[0]?.path).toBe('note')
    const res = await bgStaff.post<ExpertProfile>(`/api/experts/${anna.id}/reject`, { note: 'Manca il dettaglio dei progetti' })
    expect(res.body).toMatchObject({ status: 'rejected', reviewNote: 'Manca il dettaglio dei progetti' })
    // Editing a rejected profile makes it a draft to submit again.
    expect((await put(annaClient, PROFILE)).body.status).toBe('draft')
    expect((await annaClient.post<ExpertProfile>('/api/experts/me/submit')).body.status).toBe('submitted')
  })

  it('approves a submitted profile; staff elsewhere cannot, nor can the expert', async () => {
    expect((await bsStaff.post(`/api/experts/${anna.id}/approve`, {})).status).toBe(404)
    expect((await bgStaff.post(`/api/experts/${hubExpert.id}/approve`, {})).status).toBe(403)
    expect((await annaClient.post(`/api/experts/${anna.id}/approve`, {})).status).toBe(403)
    const res = await bgManager.post<ExpertProfile>(`/api/experts/${anna.id}/approve`, { note: 'Ok' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'approved', reviewNote: 'Ok' })
    expect(res.body.reviewedBy?.name).toBeTruthy()
    expect((await bgManager.post<ErrorBody>(`/api/experts/${anna.id}/approve`, {})).status).toBe(409)
  })

  it('cannot approve a draft', async () => {
    const draft = await hubStaff.post<ErrorBody>(`/api/experts/${hubExpert.id}/approve`, {})
    expect(draft.status).toBe(409)
  })

  it('editing an approved profile sends it back to review', async () => {
    const res = await put(annaClient, { ...PROFILE, availabilityDaysPerMonth: 8 })
    expect(res.body.status).toBe('submitted')
    await bgManager.post(`/api/experts/${anna.id}/approve`, {})
  })
})

describe('the CV', () => {
  async function upload(client: ApiClient, file: File) {
    const form = new FormData()
    form.set('file', file)
    const res = await t.app.request('http://ponte.test/api/experts/me/cv', { method: 'POST', body: form, headers: { cookie: client.cookie, 'x-ponte-csrf': '1', 'accept-language': 'it' } })
    return { status: res.status, body: (await res.json()) as ErrorBody & { fileName: string; size: number } }
  }

  it('takes a PDF, gives it back to the expert and to staff, and refuses other types', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3])
    const stored = await upload(brunoClient, new File([bytes], 'cv-alberti.pdf', { type: 'application/pdf' }))
    expect(stored.status).toBe(201)
    expect(stored.body).toMatchObject({ fileName: 'cv-alberti.pdf', size: 7 })
    for (const [client, path] of [[brunoClient, '/api/experts/me/cv'], [bsStaff, `/api/experts/${bruno.id}/cv`]] as const) {
      const file = await t.app.request(`http://ponte.test${path}`, { headers: { cookie: client.cookie } })
      expect(file.status).toBe(200)
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
    }
    expect((await t.app.request(`http://ponte.test/api/experts/${bruno.id}/cv`, { headers: { cookie: bgStaff.cookie } })).status).toBe(404)
    const exe = await upload(brunoClient, new File([new Uint8Array([77, 90])], 'cv.exe', { type: 'application/x-msdownload' }))
    expect(exe.status).toBe(400)
    expect(exe.body.error.fields?.[0]?.message).toBe('Il curriculum deve essere un file PDF, Word o ODT.')
    expect((await brunoClient.get<ExpertProfile>('/api/experts/me')).body.cv).toMatchObject({ fileName: 'cv-alberti.pdf', contentType: 'application/pdf' })
  })

  it('a CV change on an approved profile sends it back to review; removal works once', async () => {
    const res = await upload(annaClient, new File([new Uint8Array([0x25, 0x50])], 'cv.pdf', { type: 'application/pdf' }))
    expect(res.status).toBe(201)
    expect((await annaClient.get<ExpertProfile>('/api/experts/me')).body.status).toBe('submitted')
    expect((await annaClient.delete('/api/experts/me/cv')).status).toBe(204)
    expect((await annaClient.delete('/api/experts/me/cv')).status).toBe(404)
    await bgManager.post(`/api/experts/${anna.id}/approve`, {})
  })
})

describe('listMatchCandidates', () => {
  it('returns approved experts with home base and the employer as a tie', async () => {
    const db = t.deps.database.db
    const all = await listMatchCandidates(db)
    expect(all.map((c) => c.userId)).toEqual([anna.id])
    const [candidate] = all
    expect(candidate).toMatchObject({
      name: 'Anna Rota',
      competences: ['erp-systems', 'cybersecurity'],
      sectors: ['C', 'G'],
      provinces: ['BG', 'BS'],
      availabilityDaysPerMonth: 8,
      ties: [
        { name: 'Studio Rossi S.r.l.', vatNumber: '01234567890', kind: 'employer' },
        { name: 'Officine Brembo', vatNumber: null, kind: 'client' },
      ],
    })
    expect(candidate?.location?.lat).toBeCloseTo(45.69, 1)
    expect(candidate?.location?.lon).toBeCloseTo(9.67, 1)
  })

  it('is scoped to what an actor sees, and narrowed by ids', async () => {
    const db = t.deps.database.db
    await db.update(expertProfiles).set({ status: 'approved' }).where(eq(expertProfiles.userId, bruno.id))
    const { loadActor } = await import('../../identity')
    const bgActor = await loadActor(db, (await bgStaff.get<{ id: string }>('/api/me')).body.id, 'session', ['read'])
    if (!bgActor) throw new Error('no actor')
    expect((await listMatchCandidates(db, bgActor)).map((c) => c.userId)).toEqual([anna.id])
    expect((await listMatchCandidates(db, null, { userIds: [bruno.id] })).map((c) => c.userId)).toEqual([bruno.id])
    expect(await listMatchCandidates(db, null, { userIds: [] })).toEqual([])
  })
})
