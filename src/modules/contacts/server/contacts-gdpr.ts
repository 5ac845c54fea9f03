/**
 * GDPR rights of a contact: the data-subject export (art. 15 access, art. 20 portability) as JSON or
 * PDF, and erasure (art. 17) that anonymises the person while keeping aggregates (links to
 * companies, consent counts) intact. Both are audited without personal data in the trail.
 */
import { eq } from 'drizzle-orm'
import PDFDocument from 'pdfkit'
import { AppError } from '../../../shared/app-error'
import type { RequestContext } from '../../../server/http/context'
import { canWriteUnitData } from '../../identity'
import {
  ERASED_FIRST_NAME,
  ERASED_LAST_NAME,
  type Contact,
  type GdprExport,
  type LawfulBasis,
} from '../contacts.contract'
import { consentHistoryOf, getContact, getScopedContact, linksOf, requireActor, toConsentEvent } from './contacts.service'
import { contactConsents, contacts } from './contacts.table'

/** Everything Ponte holds about the person, and records that it was handed out. */
export async function exportContactData(ctx: RequestContext, contactId: string, format: 'json' | 'pdf'): Promise<GdprExport> {
  const actor = requireActor(ctx)
  const { row, unit } = await getScopedContact(ctx.db, actor, contactId)
  // The person's own data, whole: links to companies the caller may not read are theirs too.
  const links = (await linksOf(ctx.db, null, [contactId])).get(contactId) ?? []
  const other: Record<string, unknown> = {}
  for (const source of ctx.deps.personalDataSources) other[source.name] = await source.exportFor(ctx.db, contactId)
  const data: GdprExport = {
    generatedAt: ctx.now().toISOString(),
    contact: {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      jobTitle: row.jobTitle,
      notes: row.notes,
      lawfulBasis: row.lawfulBasis as LawfulBasis,
      unitName: unit.name,
      erasedAt: row.erasedAt?.toISOString() ?? null,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    companies: links,
    consents: (await consentHistoryOf(ctx.db, contactId)).map(toConsentEvent),
    other,
  }
  // Who handed out whose data is itself worth keeping, but not the data: only the format.
  await ctx.deps.audit.record(ctx.db, ctx, { action: 'gdpr_export', entityType: 'contact', entityId: contactId, unitId: row.unitId, after: { format } })
  return data
}

const LABELS = {
  it: {
    title: 'Dati personali conservati da Ponte',
    generated: 'Generato il',
    person: 'Persona',
    firstName: 'Nome',
    lastName: 'Cognome',
    email: 'Email',
    phone: 'Telefono',
    jobTitle: 'Qualifica',
    notes: 'Note',
    lawfulBasis: 'Base giuridica del trattamento',
    unit: 'Unità titolare del dato',
    createdAt: 'Registrato il',
    erasedAt: 'Cancellato il',
    companies: 'Aziende e ruoli',
    primary: 'contatto principale',
    consents: 'Storico dei consensi',
    granted: 'concesso',
    withdrawn: 'revocato',
    source: 'fonte',
    other: 'Altri dati',
    none: 'Nessuno',
    lawfulBases: { consent: 'Consenso', contract: 'Contratto', legitimate_interest: 'Legittimo interesse', legal_obligation: 'Obbligo di legge' },
    purposes: { newsletter: 'Newsletter', events: 'Eventi', funder_sharing: 'Condivisione con i finanziatori' },
    roles: { titolare: 'Titolare', amministratore: 'Amministratore', responsabile_it: 'Responsabile IT', responsabile_produzione: 'Responsabile produzione', referente: 'Referente', dipendente: 'Dipendente', consulente: 'Consulente', altro: 'Altro' },
    sources: { web_form: 'modulo web', event_registration: 'iscrizione a un evento', email: 'email', verbal: 'a voce', import: 'importazione', self_service: "dall'interessato", other: 'altro' },
  },
  en: {
    title: 'Personal data held by Ponte',
    generated: 'Generated on',
    person: 'Person',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    jobTitle: 'Job title',
    notes: 'Notes',
    lawfulBasis: 'Lawful basis of processing',
    unit: 'Unit holding the data',
    createdAt: 'Recorded on',
    erasedAt: 'Erased on',
    companies: 'Companies and roles',
    primary: 'primary contact',
    consents: 'Consent history',
    granted: 'granted',
    withdrawn: 'withdrawn',
    source: 'source',
    other: 'Other data',
    none: 'None',
    lawfulBases: { consent: 'Consent', contract: 'Contract', legitimate_interest: 'Legitimate interest', legal_obligation: 'Legal obligation' },
    purposes: { newsletter: 'Newsletter', events: 'Events', funder_sharing: 'Sharing with funders' },
    roles: { titolare: 'Owner', amministratore: 'Director', responsabile_it: 'IT manager', responsabile_produzione: 'Production manager', referente: 'Contact person', dipendente: 'Employee', consulente: 'Consultant', altro: 'Other' },
    sources: { web_form: 'web form', event_registration: 'event registration', email: 'email', verbal: 'verbal', import: 'import', self_service: 'by the person', other: 'other' },
  },
} as const

/**
 * The export as a PDF (pdfkit, standard Helvetica: WinAnsi encoding covers Italian accented letters,
 * and no font file is fetched or embedded).
 */
export async function renderGdprPdf(data: GdprExport, locale: 'it' | 'en'): Promise<Buffer> {
  const l = LABELS[locale]
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome' })
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${l.title}: ${data.contact.firstName} ${data.contact.lastName}`, Author: 'Ponte' } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3).font('Helvetica').fontSize(10)
  const field = (label: string, value: string | null) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value ?? '—')

  doc.font('Helvetica-Bold').fontSize(18).text(l.title)
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(`${l.generated} ${when(data.generatedAt)}`).fillColor('#000')

  heading(l.person)
  const c = data.contact
  field(l.firstName, c.firstName)
  field(l.lastName, c.lastName)
  field(l.email, c.email)
  field(l.phone, c.phone)
  field(l.jobTitle, c.jobTitle)
  field(l.lawfulBasis, l.lawfulBases[c.lawfulBasis])
  field(l.unit, c.unitName)
  field(l.createdAt, when(c.createdAt))
  if (c.erasedAt) field(l.erasedAt, when(c.erasedAt))
  field(l.notes, c.notes)

  heading(l.companies)
  if (data.companies.length === 0) doc.text(l.none)
  for (const link of data.companies) {
    doc.text(`• ${link.companyName} — ${l.roles[link.role]}${link.isPrimary ? ` (${l.primary})` : ''}`)
  }

  heading(l.consents)
  if (data.consents.length === 0) doc.text(l.none)
  for (const event of data.consents) {
    const purpose = l.purposes[event.purpose]
    doc.text(`• ${when(event.recordedAt)} — ${purpose}: ${event.granted ? l.granted : l.withdrawn} (${l.source}: ${l.sources[event.source]})${event.note ? ` — ${event.note}` : ''}`)
  }

  const others = Object.entries(data.other)
  if (others.length > 0) {
    heading(l.other)
    for (const [name, value] of others) {
      doc.font('Helvetica-Bold').text(name).font('Helvetica')
      for (const line of plainLines(value)) doc.text(line)
    }
  }
  doc.end()
  return done
}

/** Another module's JSON as indented "key: value" lines, readable by the person it is about. */
function plainLines(value: unknown, indent = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [`${indent}${i + 1}.`, ...plainLines(item, `${indent}   `)])
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (v && typeof v === 'object' ? [`${indent}${key}:`, ...plainLines(v, `${indent}   `)] : [`${indent}${key}: ${v === null || v === undefined ? '—' : String(v)}`]))
  }
  return [`${indent}${value === null || value === undefined ? '—' : String(value)}`]
}

/** The marker left in the audit trail in place of the erased person's data. */
export const ERASED_AUDIT_MARKER = { redacted: 'gdpr_erasure' } as const

/**
 * Erases the person: personal fields anonymised, consent notes cleared (purposes, outcomes and
 * dates stay, so consent counts hold), company links kept (so "people per company" holds), every
 * personal data source erased, and the person's data scrubbed from the audit trail.
 */
export async function eraseContact(ctx: RequestContext, contactId: string): Promise<Contact> {
  const actor = requireActor(ctx)
  await ctx.db.transaction(async (tx) => {
    const { row, unit } = await getScopedContact(tx, actor, contactId)
    if (!canWriteUnitData(actor, unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (row.erasedAt) throw new AppError('CONFLICT', 'errors.contactErased')
    const now = ctx.now()
    await tx
      .update(contacts)
      .set({ firstName: ERASED_FIRST_NAME, lastName: ERASED_LAST_NAME, email: null, phone: null, jobTitle: null, notes: null, searchText: '', erasedAt: now, updatedAt: now })
      .where(eq(contacts.id, contactId))
    await tx.update(contactConsents).set({ note: null }).where(eq(contactConsents.contactId, contactId))
    for (const source of ctx.deps.personalDataSources) await source.eraseFor(tx, contactId)
    await ctx.deps.audit.redact(tx, 'contact', contactId, ERASED_AUDIT_MARKER)
    await ctx.deps.audit.record(tx, ctx, {
      action: 'erase',
      entityType: 'contact',
      entityId: contactId,
      unitId: unit.id,
      after: { erasedAt: now },
    })
  })
  return getContact(ctx, contactId)
}
