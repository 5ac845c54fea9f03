/**
 * Every API route × every role (issue 2): staff of one antenna can neither see nor change another
 * antenna's data. Routes come from the OpenAPI document, so a new route is in the matrix the moment
 * it exists: a route this file does not know how to call fails the first test until it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { ROLES, type Role } from '../../src/modules/identity/identity.contract'
import { apiTokens, memberships } from '../../src/modules/identity/server/identity.table'
import { mailMessages } from '../../src/modules/mail/server/mail.table'
import { ACTION_CATALOGUE_2026_R1 } from '../../src/modules/roadmaps/roadmaps.reference'
import { buildRootUnit, buildUnit, buildUser, type BuiltUser } from '../factories/identity.factory'
import { buildCompany } from '../factories/companies.factory'
import { buildContact, linkContact } from '../factories/contacts.factory'
import { ApiClient, createTestApp, signedInClient, type TestApp } from '../support/test-app'

let t: TestApp
/** The other antenna's things, which no role of antenna A may reach. */
const foreign: Record<string, string> = {}
const users: Partial<Record<Role, BuiltUser>> = {}
let admin: BuiltUser
/** A custom field: network-wide, readable by every role, so not among the `foreign` ids. */
let networkFieldId = ''

interface Route {
  method: string
  path: string
  isPublic: boolean
}

/** Routes that act on the caller only: any role may call them. */
const SELF_ROUTES = new Set([
  'GET /auth/session',
  'POST /auth/sign-out',
  'GET /me',
  'PATCH /me',
  'POST /me/password',
  'GET /me/tokens',
  'POST /me/tokens',
  // The expert's own profile and CV.
  'GET /experts/me',
  'PUT /experts/me',
  'POST /experts/me/submit',
  'POST /experts/me/cv',
  'GET /experts/me/cv',
  'DELETE /experts/me/cv',
])

/**
 * Reference data that is not owned by any unit (Italian comuni, provinces, regions): every signed-in
 * role reads it, so these answer 200 where unit-scoped routes answer 403 or 404.
 */
const PUBLIC_REFERENCE_ROUTES = new Set([
  'GET /territory/comuni',
  'GET /territory/comuni/{istatCode}',
  'GET /territory/provinces',
  'GET /territory/regions',
])

/** A valid body for each mutation, aimed at antenna B wherever it names a unit. */
function sampleBody(key: string): unknown {
  const bodies: Record<string, unknown> = {
    'POST /auth/sign-in': { email: 'nobody@example.test', password: 'whatever-password' },
    'POST /auth/password-reset/request': { email: 'nobody@example.test' },
    'POST /auth/password-reset/confirm': { token: 'not-a-real-token', newPassword: 'a-long-enough-password' },
    'POST /auth/sign-out': {},
    'PATCH /me': { locale: 'it' },
    'POST /me/password': { currentPassword: 'wrong-current', newPassword: 'a-long-enough-password' },
    'POST /me/tokens': { name: 'matrix', scopes: ['read'] },
    'POST /units': { parentId: foreign.unitId, type: 'service_point', name: 'Intrusa', code: `X-${Math.random().toString(36).slice(2, 8)}` },
    'PATCH /units/{id}': { name: 'Rinominata' },
    'POST /units/{id}/archive': {},
    'POST /units/{id}/restore': {},
    'POST /units/{id}/shares': { sharedWithUnitId: foreign.siblingUnitId },
    'PATCH /users/{id}': { name: 'Rinominato' },
    'POST /users/{id}/deactivate': {},
    'POST /users/{id}/reactivate': {},
    'POST /users/{id}/memberships': { unitId: foreign.unitId, role: 'company_member' },
    'POST /invitations': { email: 'intruso@example.test', unitId: foreign.unitId, role: 'company_member' },
    'POST /invitations/{id}/revoke': {},
    'POST /invitations/{id}/resend': {},
    'POST /invitations/by-token/{token}/accept': { name: 'Nessuno', password: 'a-long-enough-password' },
    'POST /companies': { unitId: foreign.unitId, name: 'Intrusa S.r.l.', vatNumber: '00743110157' },
    'PATCH /companies/{id}': { name: 'Rinominata' },
    'POST /companies/{id}/archive': {},
    'POST /companies/{id}/restore': {},
    'POST /companies/duplicates/dismiss': { companyAId: foreign.companyId, companyBId: foreign.companyId },
    'POST /companies/merges': { survivorId: foreign.companyId, mergedId: foreign.companyId, choices: {} },
    'POST /companies/merges/{id}/undo': {},
    'POST /companies/{id}/members': { userId: foreign.userId },
    'POST /companies/custom-fields': { key: 'intruso', labelIt: 'Intruso', labelEn: 'Intruder', type: 'text' },
    'PATCH /companies/custom-fields/{fieldId}': { labelIt: 'Rinominato' },
    'POST /companies/custom-fields/{fieldId}/archive': {},
    'POST /companies/custom-fields/{fieldId}/restore': {},
    'POST /companies/views': { name: 'Intrusa', sharedUnitId: foreign.unitId, query: { filters: {} } },
    'PATCH /companies/views/{viewId}': { name: 'Rinominata' },
    'POST /companies/bulk': { ids: [foreign.companyId], action: 'addTag', tag: 'intrusa' },
    'POST /companies/imports': { fileName: 'intrusa.csv', content: Buffer.from('Ragione sociale;Partita IVA\n').toString('base64'), unitId: foreign.unitId },
    'PATCH /companies/imports/{importId}': { mapping: {} },
    'POST /companies/imports/{importId}/validate': {},
    'POST /companies/imports/{importId}/run': {},
    'POST /companies/imports/{importId}/undo': {},
    'POST /contacts': { unitId: foreign.unitId, firstName: 'Intrusa', lastName: 'Rossi', lawfulBasis: 'consent' },
    'PATCH /contacts/{id}': { jobTitle: 'Rinominata' },
    'POST /contacts/{id}/archive': {},
    'POST /contacts/{id}/restore': {},
    'POST /contacts/{id}/companies': { companyId: foreign.companyId, role: 'referente' },
    'PATCH /contacts/{id}/companies/{companyId}': { role: 'titolare' },
    'POST /contacts/{id}/consents': { purpose: 'newsletter', granted: false, source: 'email' },
    'POST /contacts/{id}/erase': {},
    'POST /interactions': { companyId: foreign.companyId, kind: 'call', occurredAt: '2026-01-15T10:00:00.000Z', subject: 'Intrusa' },
    'PATCH /interactions/{id}': { subject: 'Rinominata' },
    'POST /follow-ups': { companyId: foreign.companyId, title: 'Intruso', dueOn: '2026-12-01', assigneeId: foreign.userId },
    'PATCH /follow-ups/{id}': { title: 'Rinominato' },
    'POST /follow-ups/{id}/complete': {},
    'POST /follow-ups/{id}/reopen': {},
    'POST /assessments': { companyId: foreign.companyId, stage: 'T0', mode: 'self' },
    'PATCH /assessments/{id}': { answers: { Q2: [1] } },
    'POST /assessments/{id}/submit': {},
    'POST /assessments/{id}/validate': {},
    'POST /assessments/{id}/correct': {},
    'POST /assessments/{id}/links': { email: 'intruso@example.test' },
    'POST /assessments/{id}/report/send': { email: 'intruso@example.test' },
    'POST /assessments/{id}/customer-data/apply': { fields: ['website'] },
    'POST /assessments/{id}/attachments': { fileName: 'intruso.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4').toString('base64') },
    'POST /assessments/{id}/links/{linkId}/revoke': {},
    'PATCH /assessment-links/{token}': { answers: {} },
    'POST /assessment-links/{token}/submit': {},
    'POST /projects': { companyId: foreign.companyId, title: 'Intruso', budgetDays: 5 },
    'PATCH /projects/{id}': { title: 'Rinominato' },
    'POST /projects/{id}/transition': { status: 'cancelled' },
    'POST /projects/{id}/assign': { expertUserId: foreign.userId },
    'POST /projects/{id}/milestones': { title: 'Intrusa' },
    'PATCH /projects/{id}/milestones/{milestoneId}': { done: true },
    'POST /projects/{id}/entries': { workedOn: '2026-01-15', days: 1, activity: 'Intrusa' },
    'POST /projects/{id}/entries/{entryId}/send-confirmation': { email: 'intruso@example.test' },
    'POST /projects/{id}/entries/{entryId}/approve': {},
    'POST /support-day-links/{token}/confirm': { name: 'Intruso' },
    'POST /support-day-links/{token}/dispute': { name: 'Intruso', note: 'Intrusa' },
    'PUT /experts/me': { headline: 'Profilo di prova' },
    'POST /experts/me/submit': {},
    'POST /experts/me/cv': { fileName: 'cv.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 cv').toString('base64') },
    'POST /experts/{userId}/approve': {},
    'POST /experts/{userId}/reject': { note: 'Respinto da un intruso' },
    'POST /assessments/imports': { fileName: 'intrusa.xlsx', content: Buffer.from('PK').toString('base64'), stage: 'T0', dryRun: false, unitId: foreign.unitId },
    // The action catalogue is network-wide: only network admins publish edits (others get 403).
    'POST /roadmaps/catalogue/actions': { action: { ...ACTION_CATALOGUE_2026_R1.actions[0], id: 'azione-intrusa' }, note: 'Intrusa', baseVersion: ACTION_CATALOGUE_2026_R1.id },
    'PUT /roadmaps/catalogue/actions/{actionId}': { action: ACTION_CATALOGUE_2026_R1.actions[0], note: 'Intrusa', baseVersion: ACTION_CATALOGUE_2026_R1.id },
    'POST /roadmaps': { assessmentId: foreign.roadmapAssessmentId },
    'PUT /roadmaps/{id}': { baseVersion: 1, items: [] },
    'POST /roadmaps/{id}/signoff': { email: 'intruso@example.test' },
    'PUT /roadmaps/{id}/t1': { dueOn: '2027-01-01' },
    'POST /roadmap-signoff/{token}/sign': { name: 'Intruso', version: 1, accept: true },
  }
  if (!(key in bodies)) throw new Error(`route matrix: add a sample body for ${key}`)
  return bodies[key]
}

/** Path parameters pointing at antenna B's resources. */
function resolvePath(route: Route): string {
  if (route.path === '/assessments/{id}/report.pdf') return `/assessments/${foreign.validatedAssessmentId}/report.pdf`
  if (route.path === '/assessments/{id}/report/send') return `/assessments/${foreign.validatedAssessmentId}/report/send`
  if (route.path === '/assessments/{id}/benchmark') return `/assessments/${foreign.validatedAssessmentId}/benchmark`
  // Narrowed to antenna B's unit: a foreign unit must look missing, and nothing of B may show.
  if (route.path === '/assessments/dashboard') return `/assessments/dashboard?unitId=${foreign.unitId}`
  // Antenna B's expert timesheet for a month with days: nothing of it may show.
  if (route.path === '/roadmaps/{id}/diff') return `/roadmaps/${foreign.roadmapId}/diff?from=1&to=1`
  if (route.path === '/support-days/timesheet') return `/support-days/timesheet?month=2026-01&expertUserId=${foreign.userId}`
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const byContext: Record<string, string | undefined> = {
      'units:id': foreign.unitId,
      'units:sharedWithUnitId': foreign.siblingUnitId,
      'users:id': foreign.userId,
      'users:membershipId': foreign.membershipId,
      'invitations:id': foreign.invitationId,
      'invitations:token': 'not-a-real-invitation-token',
      'me:id': foreign.tokenId,
      'outbox:id': foreign.mailId,
      'companies:id': foreign.companyId,
      'companies:userId': foreign.userId,
      'companies:viewId': foreign.viewId,
      'companies:importId': foreign.importId,
      // Custom fields belong to the whole network (not to antenna B): only admins change them.
      'companies:fieldId': networkFieldId,
      'contacts:id': foreign.contactId,
      'contacts:companyId': foreign.companyId,
      'interactions:id': foreign.interactionId,
      'follow-ups:id': foreign.followUpId,
      'assessments:id': foreign.assessmentId,
      'assessments:linkId': foreign.assessmentLinkId,
      'assessments:attachmentId': foreign.assessmentAttachmentId,
      'assessment-links:token': 'not-a-real-assessment-token',
      'projects:id': foreign.projectId,
      'projects:milestoneId': foreign.projectMilestoneId,
      'projects:entryId': foreign.supportDayEntryId,
      'support-day-links:token': 'not-a-real-support-day-token',
      'experts:userId': foreign.expertUserId,
      // Catalogue actions belong to the whole network (reference data), not to antenna B.
      'roadmaps:actionId': ACTION_CATALOGUE_2026_R1.actions[0]?.id,
      'roadmaps:id': foreign.roadmapId,
      'roadmap-signoff:token': 'not-a-real-roadmap-token',
      'territory:istatCode': '016024', // Bergamo: reference data, the same for every unit
    }
    const resource = route.path.split('/')[1] ?? ''
    const value = byContext[`${resource}:${name}`]
    if (!value) throw new Error(`route matrix: add a foreign value for {${name}} in ${route.path}`)
    return value
  })
}

let routes: Route[] = []

beforeAll(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const root = await buildRootUnit(db)
  const unitA = await buildUnit(db, { parent: root, name: 'Antenna A' })
  const unitB = await buildUnit(db, { parent: root, name: 'Antenna B' })
  const unitC = await buildUnit(db, { parent: root, name: 'Antenna C' })
  admin = await buildUser(db, { grants: [{ unit: root, role: 'network_admin' }] })
  for (const role of ROLES) {
    if (role === 'network_admin') continue
    users[role] = await buildUser(db, { grants: [{ unit: unitA, role }] })
  }
  const managerB = await buildUser(db, { grants: [{ unit: unitB, role: 'unit_manager' }] })
  const staffB = await buildUser(db, { email: 'staff.b@example.test', grants: [{ unit: unitB, role: 'unit_staff' }] })
  const [membershipB] = await db.select().from(memberships).where(eq(memberships.userId, staffB.id))
  const clientB = await signedInClient(t, managerB.email)
  const invitation = await clientB.post<{ id: string }>('/api/invitations', { email: 'new.b@example.test', unitId: unitB.id, role: 'unit_staff' })
  const token = await clientB.post<{ id: string }>('/api/me/tokens', { name: 'B token', scopes: ['read'] })
  const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.to, 'new.b@example.test'))
  const companyB = await buildCompany(db, { unit: unitB, name: 'Azienda di B' })
  const contactB = await buildContact(db, { unit: unitB, firstName: 'Persona', lastName: 'di B' })
  await linkContact(db, contactB.id, companyB.id)
  const viewB = await clientB.post<{ id: string }>('/api/companies/views', { name: 'Vista di B', sharedUnitId: unitB.id, query: { filters: {} } })
  const interactionB = await clientB.post<{ id: string; followUps: { id: string }[] }>('/api/interactions', {
    companyId: companyB.id, kind: 'visit', occurredAt: '2026-01-15T10:00:00.000Z', subject: 'Visita di B',
    followUp: { title: 'Promemoria di B', dueOn: '2026-12-01', assigneeId: staffB.id },
  })
  const importB = await clientB.post<{ id: string }>('/api/companies/imports', {
    fileName: 'aziende-b.csv',
    content: Buffer.from('Ragione sociale;Partita IVA\nAzienda importata da B;00743110157\n').toString('base64'),
  })
  const assessmentB = await clientB.post<{ id: string }>('/api/assessments', { companyId: companyB.id, stage: 'T0', mode: 'self' })
  const assessmentLinkB = await clientB.post<{ id: string }>(`/api/assessments/${assessmentB.body.id}/links`, { email: 'titolare.b@example.test' })
  const attachmentB = await clientB.post<{ id: string }>(`/api/assessments/${assessmentB.body.id}/attachments`, {
    fileName: 'verbale.pdf',
    contentType: 'application/pdf',
    content: Buffer.from('%PDF-1.4 verbale').toString('base64'),
  })
  // A validated one too: only those have a report.
  const validatedB = await clientB.post<{ id: string }>('/api/assessments', { companyId: companyB.id, stage: 'T0', mode: 'assisted' })
  await clientB.post(`/api/assessments/${validatedB.body.id}/submit`)
  await clientB.post(`/api/assessments/${validatedB.body.id}/validate`)
  // A roadmap of B, generated from a validated assessment with answers.
  const answeredB = await clientB.post<{ id: string }>('/api/assessments', { companyId: companyB.id, stage: 'T1', mode: 'assisted' })
  await clientB.patch(`/api/assessments/${answeredB.body.id}`, {
    answers: { Q1: { plan: [3], already: [8] }, Q2: [1], Q3: [1], Q4: [1, 0, 0, 0, 0, 0, 0], Q5: [1], Q6: [1], Q7: [1], Q8: [1], Q9: [0, 0, 0, 0, 0], Q10: [1], Q11: ['no', 'no', 'no', 'no', 'no'] },
  })
  await clientB.post(`/api/assessments/${answeredB.body.id}/submit`)
  await clientB.post(`/api/assessments/${answeredB.body.id}/validate`)
  const roadmapB = await clientB.post<{ id: string }>('/api/roadmaps', { assessmentId: answeredB.body.id })
  // A running project of B with a milestone and a support day (staff B runs it as its expert).
  const projectB = await clientB.post<{ id: string }>('/api/projects', { companyId: companyB.id, title: 'Progetto di B', budgetDays: 10, startsOn: '2026-01-01', expertUserId: managerB.id })
  await clientB.post(`/api/projects/${projectB.body.id}/transition`, { status: 'active' })
  const milestoneB = await clientB.post<{ id: string }>(`/api/projects/${projectB.body.id}/milestones`, { title: 'Tappa di B' })
  const entryB = await clientB.post<{ id: string }>(`/api/projects/${projectB.body.id}/entries`, { workedOn: '2026-01-15', days: 1, activity: 'Giornata di B' })
  // An expert of antenna B with a submitted profile and a CV.
  const expertB = await buildUser(db, { grants: [{ unit: unitB, role: 'expert' }] })
  const expertClientB = await signedInClient(t, expertB.email)
  await expertClientB.request('PUT', '/api/experts/me', { headline: 'Esperta di B', competences: ['cybersecurity'], provinces: ['BS'], availabilityDaysPerMonth: 4 })
  await expertClientB.post('/api/experts/me/cv', { fileName: 'cv-b.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 cv di B').toString('base64') })
  await expertClientB.post('/api/experts/me/submit')
  const adminClient = await signedInClient(t, admin.email)
  networkFieldId = (await adminClient.post<{ id: string }>('/api/companies/custom-fields', { key: 'di_rete', labelIt: 'Di rete', labelEn: 'Network', type: 'text' })).body.id
  Object.assign(foreign, {
    unitId: unitB.id,
    siblingUnitId: unitC.id,
    userId: staffB.id,
    userEmail: staffB.email,
    membershipId: membershipB?.id,
    invitationId: invitation.body.id,
    tokenId: token.body.id,
    mailId: mail?.id,
    companyId: companyB.id,
    contactId: contactB.id,
    viewId: viewB.body.id,
    interactionId: interactionB.body.id,
    followUpId: interactionB.body.followUps[0]?.id,
    importId: importB.body.id,
    assessmentId: assessmentB.body.id,
    assessmentLinkId: assessmentLinkB.body.id,
    assessmentAttachmentId: attachmentB.body.id,
    validatedAssessmentId: validatedB.body.id,
    projectId: projectB.body.id,
    projectMilestoneId: milestoneB.body.id,
    supportDayEntryId: entryB.body.id,
    expertUserId: expertB.id,
    roadmapAssessmentId: answeredB.body.id,
    roadmapId: roadmapB.body.id,
  })
  expect(Object.values(foreign).every(Boolean)).toBe(true)
  const [tokenRow] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.body.id))
  expect(tokenRow).toBeDefined()

  const res = await t.app.request('http://ponte.test/api/openapi.json')
  const doc = (await res.json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> }
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, isPublic: Array.isArray(op.security) && op.security.length === 0 })),
  )
}, 120_000)

afterAll(async () => {
  await t.close()
})

describe('route × role matrix', () => {
  it('knows how to call every documented route', () => {
    expect(routes.length).toBeGreaterThan(30)
    for (const route of routes) {
      const key = `${route.method} ${route.path}`
      if (route.method !== 'GET' && route.method !== 'DELETE') sampleBody(key)
      if (route.path.includes('{')) resolvePath(route)
    }
  })

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const anon = new ApiClient(t.app)
    for (const route of routes.filter((r) => !r.isPublic)) {
      const key = `${route.method} ${route.path}`
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : sampleBody(key)
      const res = await anon.request(route.method, `/api${resolvePath(route)}`, body)
      expect(res.status, key).toBe(401)
    }
  }, 180_000)

  it('lets the network admin read every foreign resource used below (so a 404 there means "hidden", not "missing")', async () => {
    const client = await signedInClient(t, admin.email)
    for (const route of routes.filter((r) => r.method === 'GET' && r.path.includes('{') && !r.isPublic && !r.path.startsWith('/me'))) {
      const res = await client.get(`/api${resolvePath(route)}`)
      expect(res.status, route.path).toBe(200)
    }
  }, 180_000)

  const roles = ROLES.filter((r) => r !== 'network_admin')
  // Each of these calls every route (well over 100): minutes, not seconds, on a loaded 2-core machine.
  it.each(roles)('keeps a %s of antenna A away from antenna B on every route', async (role) => {
    const user = users[role]
    if (!user) throw new Error(`no user for ${role}`)
    for (const route of routes.filter((r) => !r.isPublic)) {
      const key = `${route.method} ${route.path}`
      // A fresh session per call: self routes such as sign-out must not disturb the next call.
      const client = await signedInClient(t, user.email)
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : sampleBody(key)
      const res = await client.request(route.method, `/api${resolvePath(route)}`, body)
      expect(res.status, `${role} ${key}`).toBeLessThan(500)
      const text = JSON.stringify(res.body)
      for (const [what, id] of Object.entries(foreign)) {
        if (what === 'siblingUnitId') continue
        expect(text.includes(id), `${role} ${key} leaked ${what}`).toBe(false)
      }
      if (SELF_ROUTES.has(key)) continue
      if (PUBLIC_REFERENCE_ROUTES.has(key)) {
        expect(res.status, `${role} ${key} → ${res.status}`).toBe(200)
        continue
      }
      if (route.path.includes('{')) {
        expect([403, 404], `${role} ${key} → ${res.status}`).toContain(res.status)
      } else if (route.method !== 'GET') {
        // Mutations without path parameters aim at antenna B through their body.
        expect([403, 404], `${role} ${key} → ${res.status}`).toContain(res.status)
      }
    }
  }, 180_000)
})
