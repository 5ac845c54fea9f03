import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRootUnit, buildUnit, buildUser } from '../../../../tests/factories/identity.factory'
import { buildCompany } from '../../../../tests/factories/companies.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../../../../tests/support/test-app'
import { eq } from 'drizzle-orm'
import type { Assessment, AssessmentAttachment } from '../assessments.contract'
import { assessments } from './assessments.table'

let t: TestApp
let staff: ApiClient
let expert: ApiClient
let otherAntenna: ApiClient
let assessmentId: string

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const bg = await buildUnit(db, { parent: root })
  const bs = await buildUnit(db, { parent: root })
  staff = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bg, role: 'unit_staff' }] })).email)
  const expertUser = await buildUser(db, { grants: [{ unit: bg, role: 'expert' }] })
  expert = await signedInClient(t, expertUser.email)
  otherAntenna = await signedInClient(t, (await buildUser(db, { grants: [{ unit: bs, role: 'unit_staff' }] })).email)
  const company = await buildCompany(db, { unit: bg })
  assessmentId = (await staff.post<Assessment>('/api/assessments', { companyId: company.id, stage: 'T0', mode: 'assisted', assessorId: expertUser.id })).body.id
}, 60_000)
afterAll(async () => {
  await t.close()
})

async function upload(client: ApiClient, file: File, questionId?: string) {
  const form = new FormData()
  form.set('file', file)
  if (questionId) form.set('questionId', questionId)
  const res = await t.app.request(`http://ponte.test/api/assessments/${assessmentId}/attachments`, { method: 'POST', body: form, headers: { cookie: client.cookie, 'x-ponte-csrf': '1', 'accept-language': 'it' } })
  return { status: res.status, body: (await res.json()) as AssessmentAttachment & { error: { message: string; fields?: { path: string; message: string }[] } } }
}

describe('evidence files of an assisted assessment', () => {
  let photoId: string

  it('takes a file for a question from the expert assessor, lists it and gives it back byte for byte', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const added = await upload(expert, new File([bytes], 'linea-saldatura.png', { type: 'image/png' }), 'Q5')
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body).toMatchObject({ fileName: 'linea-saldatura.png', contentType: 'image/png', size: 11, questionId: 'Q5' })
    photoId = added.body.id
    const list = await staff.get<{ items: AssessmentAttachment[] }>(`/api/assessments/${assessmentId}/attachments`)
    expect(list.body.items.map((a) => a.fileName)).toEqual(['linea-saldatura.png'])
    const file = await t.app.request(`http://ponte.test/api/assessments/${assessmentId}/attachments/${photoId}`, { headers: { cookie: staff.cookie } })
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
  })

  it('refuses a file type it does not keep, an empty file and an unknown question, each with a clear message', async () => {
    const exe = await upload(staff, new File([new Uint8Array([77, 90])], 'setup.exe', { type: 'application/x-msdownload' }))
    expect(exe.status).toBe(400)
    expect(exe.body.error.fields?.[0]?.message).toMatch(/^Tipo di file non ammesso/)
    expect((await upload(staff, new File([], 'vuoto.pdf', { type: 'application/pdf' }))).body.error.fields?.[0]?.message).toBe('Il file è vuoto.')
    const question = await upload(staff, new File(['x'], 'nota.txt', { type: 'text/plain' }), 'Q42')
    expect(question.status).toBe(400)
  })

  it('is hidden from another antenna, and locked with the assessment once submitted', async () => {
    expect((await otherAntenna.get(`/api/assessments/${assessmentId}/attachments`)).status).toBe(404)
    expect((await otherAntenna.delete(`/api/assessments/${assessmentId}/attachments/${photoId}`)).status).toBe(404)
    // Removing works on a draft …
    const note = await upload(staff, new File(['verbale'], 'verbale.txt', { type: 'text/plain' }))
    expect((await staff.delete(`/api/assessments/${assessmentId}/attachments/${note.body.id}`)).status).toBe(204)
    expect((await staff.get<{ items: unknown[] }>(`/api/assessments/${assessmentId}/attachments`)).body.items).toHaveLength(1)
    // … a submitted assessment keeps its evidence as it is.
    await t.deps.database.db.update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, assessmentId))
    expect((await upload(staff, new File(['tardi'], 'tardi.txt', { type: 'text/plain' }))).status).toBe(409)
    expect((await staff.delete(`/api/assessments/${assessmentId}/attachments/${photoId}`)).status).toBe(409)
    // Still readable, by staff and by the assessor.
    expect((await expert.get<{ items: unknown[] }>(`/api/assessments/${assessmentId}/attachments`)).body.items).toHaveLength(1)
  })
})
