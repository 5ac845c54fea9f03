/**
 * API contract of the contacts module: the people of the companies, their roles in each company
 * (many-to-many), and their GDPR consents per purpose. Shared by server and web.
 */
import { z } from '@hono/zod-openapi'

const Id = z.string().uuid()
const IsoDateTime = z.string().datetime({ offset: true })

/** GDPR art. 6(1) lawful bases Ponte records for a contact. */
export const LAWFUL_BASES = ['consent', 'contract', 'legitimate_interest', 'legal_obligation'] as const
export type LawfulBasis = (typeof LAWFUL_BASES)[number]

/** A person's role in a company. */
export const CONTACT_ROLES = [
  'titolare',
  'amministratore',
  'responsabile_it',
  'responsabile_produzione',
  'referente',
  'dipendente',
  'consulente',
  'altro',
] as const
export type ContactRole = (typeof CONTACT_ROLES)[number]

/** What a consent is for (issue 3: newsletter, events, sharing with funders). */
export const CONSENT_PURPOSES = ['newsletter', 'events', 'funder_sharing'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

/** Where a consent was given or withdrawn. */
export const CONSENT_SOURCES = ['web_form', 'event_registration', 'email', 'verbal', 'import', 'self_service', 'other'] as const
export type ConsentSource = (typeof CONSENT_SOURCES)[number]

/** What an erased person's name becomes (GDPR art. 17: no personal data is kept). */
export const ERASED_FIRST_NAME = 'Interessato'
export const ERASED_LAST_NAME = 'cancellato'

export const GDPR_EXPORT_FORMATS = ['json', 'pdf'] as const

const emptyToNull = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([z.literal('').transform(() => null), schema.nullable()]).optional()

const ContactFields = {
  unitId: Id,
  firstName: z.string().trim().min(1, { error: 'errors.required' }).max(100),
  lastName: z.string().trim().min(1, { error: 'errors.required' }).max(100),
  email: emptyToNull(z.email({ error: 'errors.contactEmailFormat' }).max(200)),
  phone: emptyToNull(z.string().trim().max(40)),
  jobTitle: emptyToNull(z.string().trim().max(150)),
  notes: emptyToNull(z.string().trim().max(10000)),
  lawfulBasis: z.enum(LAWFUL_BASES),
}

export const ContactCompanyLinkInput = z
  .object({
    companyId: Id,
    role: z.enum(CONTACT_ROLES),
    isPrimary: z.boolean().default(false),
  })
  .openapi('ContactCompanyLinkInput')
export type ContactCompanyLinkInput = z.infer<typeof ContactCompanyLinkInput>

export const ContactCreateInput = z
  .object({
    ...ContactFields,
    lawfulBasis: z.enum(LAWFUL_BASES).default('legitimate_interest'),
    /** Links the new contact to a company at once (the "new contact" button of a company page). */
    company: ContactCompanyLinkInput.optional(),
  })
  .openapi('ContactCreateInput')
export type ContactCreateInput = z.infer<typeof ContactCreateInput>

// No defaults in an update: a PATCH that leaves a field out leaves it unchanged.
export const ContactUpdateInput = z.object(ContactFields).partial().openapi('ContactUpdateInput')
export type ContactUpdateInput = z.infer<typeof ContactUpdateInput>

export const ContactLinkUpdateInput = z
  .object({ role: z.enum(CONTACT_ROLES).optional(), isPrimary: z.boolean().optional() })
  .openapi('ContactLinkUpdateInput')
export type ContactLinkUpdateInput = z.infer<typeof ContactLinkUpdateInput>

export const ConsentRecordInput = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    source: z.enum(CONSENT_SOURCES),
    note: emptyToNull(z.string().trim().max(1000)),
  })
  .openapi('ConsentRecordInput')
export type ConsentRecordInput = z.infer<typeof ConsentRecordInput>

/** One of the companies a contact belongs to, with the role there. */
export const ContactCompanyLink = z
  .object({
    companyId: Id,
    companyName: z.string(),
    role: z.enum(CONTACT_ROLES),
    isPrimary: z.boolean(),
    createdAt: IsoDateTime,
  })
  .openapi('ContactCompanyLink')
export type ContactCompanyLink = z.infer<typeof ContactCompanyLink>

/** One consent event: a grant or a withdrawal. */
export const ConsentEvent = z
  .object({
    id: Id,
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    source: z.enum(CONSENT_SOURCES),
    note: z.string().nullable(),
    recordedAt: IsoDateTime,
    recordedBy: Id.nullable(),
  })
  .openapi('ConsentEvent')
export type ConsentEvent = z.infer<typeof ConsentEvent>

/** The current state of a purpose: its latest event, or nothing recorded. */
export const ConsentState = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    source: z.enum(CONSENT_SOURCES).nullable(),
    recordedAt: IsoDateTime.nullable(),
  })
  .openapi('ConsentState')
export type ConsentState = z.infer<typeof ConsentState>

export const Contact = z
  .object({
    id: Id,
    unitId: Id,
    unitName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    jobTitle: z.string().nullable(),
    notes: z.string().nullable(),
    lawfulBasis: z.enum(LAWFUL_BASES),
    /** Companies the caller may read, with the contact's role in each. */
    companies: z.array(ContactCompanyLink),
    /** One entry per purpose, in CONSENT_PURPOSES order. */
    consents: z.array(ConsentState),
    erasedAt: IsoDateTime.nullable(),
    archivedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    can: z.object({ update: z.boolean() }),
  })
  .openapi('Contact')
export type Contact = z.infer<typeof Contact>

export const ContactListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: Id.optional(),
  companyId: Id.optional(),
  /** Only contacts whose current consent for this purpose is granted (the purpose's segment). */
  consent: z.enum(CONSENT_PURPOSES).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type ContactListQuery = z.infer<typeof ContactListQuery>

export const ContactPage = z
  .object({ items: z.array(Contact), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('ContactPage')

export const ContactExportQuery = ContactListQuery.omit({ cursor: true, limit: true })
export type ContactExportQuery = z.infer<typeof ContactExportQuery>

export const ConsentHistory = z.object({ items: z.array(ConsentEvent) }).openapi('ConsentHistory')

export const GdprExportQuery = z.object({ format: z.enum(GDPR_EXPORT_FORMATS).default('json') })

/** Everything Ponte holds about one person (GDPR art. 15 and 20). */
export const GdprExport = z
  .object({
    generatedAt: IsoDateTime,
    contact: z.object({
      id: Id,
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      jobTitle: z.string().nullable(),
      notes: z.string().nullable(),
      lawfulBasis: z.enum(LAWFUL_BASES),
      unitName: z.string(),
      erasedAt: IsoDateTime.nullable(),
      archivedAt: IsoDateTime.nullable(),
      createdAt: IsoDateTime,
      updatedAt: IsoDateTime,
    }),
    companies: z.array(ContactCompanyLink),
    consents: z.array(ConsentEvent),
    /** What other modules hold (interactions the person took part in, …), keyed by source name. */
    other: z.record(z.string(), z.unknown()),
  })
  .openapi('GdprExport')
export type GdprExport = z.infer<typeof GdprExport>
