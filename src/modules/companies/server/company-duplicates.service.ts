/**
 * Duplicate detection (issue 3, "Duplicates": "same partita IVA; similar name (trigram) in the same
 * comune; same email domain. A review queue"). A pair needs both companies readable by the caller,
 * neither archived nor merged, and nobody having dismissed it as "not duplicates".
 *
 * The review queue reads pairs precomputed in `company_duplicate_pairs`, kept current within every
 * writing transaction by statement-level triggers on `companies` that look only at the changed
 * companies (migration 0012, ADR 0029): recomputing every pair on each page took a minute at 100k
 * companies. Bulk writers (import batches, an import's undo) defer that refresh and flush it once
 * at their end (deferDuplicateRefresh / flushPendingDuplicates below). The rules live in that
 * migration's SQL and in this file's per-company query (and company-duplicates.read-time.ts, the
 * former queue): company-duplicates.sync.test.ts checks they agree.
 *
 * Cost on large registries: comparing every pair of names is quadratic, so names are compared only
 * within a "block" — the same comune and a shared 4-letter prefix of a significant word (legal-form
 * words such as "srl" do not count). A typo after the fourth letter of any shared word still
 * matches ("Mecanica Bergamasca" ~ "Meccanica Bergamasca" through "berg"). Blocks of more than 300
 * active companies (a common word in a big city: "mecc" in Milano) are not compared within: real
 * duplicates nearly always share a rarer word too (the surname, the place). Identifier and domain
 * rules are equality joins. Everything runs in plain PostgreSQL: `similarity()` rather than the
 * pg_trgm `%` operator, which hangs in PGlite.
 */
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../../shared/app-error'
import type { Db } from '../../../server/db/client'
import type { AppDeps } from '../../../server/deps'
import type { RequestContext } from '../../../server/http/context'
import { decodeCursor, encodeCursor } from '../../../server/http/cursor'
import { canWriteUnitData, dataPathPrefixes, findUnits, unitIdsUnder, type Actor } from '../../identity'
import { comuniInForceByIstat, italianDay } from '../../territory'
import type {
  CompanyDuplicateMatch,
  DuplicateCompany,
  DuplicateDismissInput,
  DuplicateListQuery,
  DuplicatePair,
  DuplicateReason,
  DuplicateRule,
} from '../company-duplicates.contract'
import { getScopedRow, type Place } from './companies.service'
import { companies, companyDuplicateDismissals, companyDuplicatePairs, type CompanyRow } from './companies.table'

/** Minimum pg_trgm similarity of two names (legal forms left out) in the same comune. */
export const NAME_SIMILARITY_THRESHOLD = 0.6

/**
 * Weight of each rule as evidence; a pair's score is 1 − Π(1 − weight) over its rules. A shared
 * identifier is near-certain; a name weighs its similarity; a shared domain alone is a hint
 * (a group's companies share one).
 */
export const WEIGHTS = { taxId: 0.9, nameFactor: 0.8, domain: 0.4 } as const

/**
 * Mail and web providers whose domain says nothing about the company (a domain matches one when it
 * equals it or is a subdomain of it, so "pec.libero.it" and "cert.legalmail.it" are covered).
 */
export const COMMON_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'libero.it', 'inwind.it', 'iol.it', 'blu.it', 'hotmail.it', 'hotmail.com', 'outlook.it',
  'outlook.com', 'live.it', 'live.com', 'msn.com', 'yahoo.it', 'yahoo.com', 'ymail.com', 'tiscali.it', 'virgilio.it', 'alice.it',
  'tin.it', 'tim.it', 'fastwebnet.it', 'email.it', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'protonmail.com', 'proton.me',
  'aruba.it', 'arubapec.it', 'pec.it', 'legalmail.it', 'postacert.it', 'postecert.it', 'poste.it', 'pecimprese.it',
  'registerpec.it', 'pec-mail.it', 'sicurezzapostale.it', 'gigapec.it', 'lamiapec.it', 'casellapec.com', 'mypec.eu',
  'messaggipec.it', 'actaliscertymail.it', 'cgn.it', 'cgn.legalmail.it', 'pec.cloud', 'kelipec.it', 'namirialpec.it',
  // websites that are not the company's own
  'facebook.com', 'instagram.com', 'linkedin.com', 'google.com', 'sites.google.com', 'wixsite.com', 'wix.com',
  'blogspot.com', 'altervista.org', 'jimdo.com', 'jimdofree.com', 'wordpress.com', 'business.site', 'paginegialle.it',
  'paginebianche.it', 'virgilio.it', 'example.com',
] as const

/** Words that say what kind of company it is, not which one. */
const LEGAL_WORDS = [
  's r l s', 's r l', 's p a', 's n c', 's a s', 's a p a', 's c a r l', 's c r l', 's c',
  'srls', 'srl', 'spa', 'snc', 'sas', 'sapa', 'scarl', 'scrl', 'soc', 'societa', 'coop', 'cooperativa',
  'impresa', 'individuale', 'ditta', 'unipersonale', 'in liquidazione', 'di', 'e', 'and', 'c', 'f lli', 'flli',
]
const LEGAL_PATTERN = `\\m(${LEGAL_WORDS.join('|')})\\M`

/** The name without punctuation and legal-form words: what two names are compared on. */
export function coreNameSql(nameKey: SQL): SQL {
  return sql`trim(regexp_replace(regexp_replace(regexp_replace(${nameKey}, '[^a-z0-9]+', ' ', 'g'), ${LEGAL_PATTERN}, ' ', 'g'), '\\s+', ' ', 'g'))`
}

/**
 * The registrable part of an address or URL host: lower case, without a leading www./pec. label.
 * String functions rather than regular expressions where possible: this runs three times per company.
 */
function bareDomainSql(host: SQL): SQL {
  return sql`nullif(regexp_replace(${host}, '^(www[0-9]*|pec)\\.(?=[^.]+\\.)', ''), '')`
}
export const emailDomainSql = (column: SQL) => bareDomainSql(sql`split_part(lower(${column}), '@', 2)`)
export const websiteDomainSql = (column: SQL) =>
  bareDomainSql(sql`split_part(split_part(split_part(regexp_replace(lower(${column}), '^[a-z][a-z0-9+.-]*://', ''), '/', 1), '?', 1), ':', 1)`)

/** A common provider, or a subdomain of one up to two levels ("cert.legalmail.it", "a.pec.aruba.it"). */
export function isCommonDomainSql(domain: SQL): SQL {
  const providers = sql`${sql.param(COMMON_MAIL_DOMAINS)}::text[]`
  const parent = (d: SQL) => sql`substr(${d}, strpos(${d}, '.') + 1)`
  return sql`(${domain} = any(${providers}) or ${parent(domain)} = any(${providers}) or ${parent(parent(domain))} = any(${providers}))`
}

/**
 * Blocks bigger than this (a common word in a big city: "mecc" in Milano) are not compared within:
 * the cost grows with the square of a block's size, and real duplicates nearly always share a rarer
 * word too (the surname, the place). Domains shared by more companies than DOMAIN_GROUP_LIMIT are
 * a group's, a portal's or a consultant's, not one company's. The queue's triggers (migration
 * 0012) use the same limits, counted over the whole network's active companies.
 */
export const BLOCK_LIMIT = 300
export const DOMAIN_GROUP_LIMIT = 10

/**
 * Refreshes the pairs of every company a bulk writer left pending (`set local
 * ponte.defer_duplicates = on`, ADR 0029), in one set-based pass; returns how many companies.
 * Takes the queue's lock until the transaction ends: run it at the end of the bulk write.
 */
export async function flushPendingDuplicates(db: Db): Promise<number> {
  const result = (await db.execute(sql`select company_duplicates_flush() as n`)) as { rows: { n: number }[] }
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * The background job that refreshes what an import left pending, right after the import is done
 * (ADR 0029): the import's companies are written, listed and searchable at once; their duplicate
 * pairs follow seconds later (the queue page says how many companies are still waiting).
 */
export const COMPANY_DUPLICATES_QUEUE = 'company-duplicates-flush'

export async function runDuplicatesFlushJob(deps: Pick<AppDeps, 'database' | 'logger'>): Promise<number> {
  const flushed = await deps.database.db.transaction((tx) => flushPendingDuplicates(tx))
  if (flushed > 0) deps.logger.info({ companies: flushed }, 'duplicates queue refreshed')
  // Fresh planner statistics after a bulk load: list totals and plans read them (ADR 0033), and
  // PGlite has no autovacuum to collect them (PostgreSQL's would, minutes later).
  await deps.database.db.execute(sql`analyze companies`)
  return flushed
}

/** Companies a bulk writer left waiting for the duplicates queue (0 between imports). */
export async function countPendingDuplicates(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from company_duplicate_pending`)) as { rows: { n: number }[] }
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * From here to the end of the transaction, writes to `companies` only mark their companies pending
 * instead of refreshing their pairs statement by statement: a bulk writer (an import batch, an
 * import's undo) calls this first and flushPendingDuplicates at its end. A writer that flushes in
 * the same transaction takes the queue's turn here (`takeTurn`), before it locks any company row:
 * waiting for the turn at the flush while holding rows another refreshing writer wants would
 * deadlock.
 */
export async function deferDuplicateRefresh(tx: Db, options: { takeTurn?: boolean } = {}): Promise<void> {
  if (options.takeTurn) await tx.execute(sql`select company_duplicates_take_turn()`)
  await tx.execute(sql`select set_config('ponte.defer_duplicates', 'on', true)`)
}

/** Whether a bulk writer left companies pending (cheap: the table is empty between imports). */
export async function hasPendingDuplicates(db: Db): Promise<boolean> {
  const result = (await db.execute(sql`select exists (select 1 from company_duplicate_pending) as pending`)) as { rows: { pending: boolean }[] }
  return result.rows[0]?.pending === true
}

function requireStaff(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  if (dataPathPrefixes(ctx.actor).length === 0) throw new AppError('FORBIDDEN', 'errors.forbidden')
  return ctx.actor
}

/** Companies the actor reads that may take part in a pair (not archived, not merged). */
function activeInScope(db: Db, actor: Actor): SQL {
  return and(
    inArray(companies.unitId, unitIdsUnder(db, dataPathPrefixes(actor))),
    isNull(companies.archivedAt),
    isNull(companies.mergedIntoId),
  ) as SQL
}

interface RawPair {
  a_id: string
  b_id: string
  score: number
  reasons: DuplicateReason[] | string
}

/** Parses the cursor `{ k: "<score>|<b id>", id: <a id> }` of the queue. */
function decodePairCursor(cursor: string | undefined): { score: number; aId: string; bId: string } | null {
  const key = decodeCursor(cursor)
  if (!key) return null
  const [score, bId] = key.k.split('|')
  if (!score || !bId || !Number.isFinite(Number(score)) || !/^[0-9a-f-]{36}$/i.test(bId)) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
  }
  return { score: Number(score), aId: key.id, bId }
}

/**
 * The review queue: candidate pairs in the caller's scope, most likely first, keyset-paginated
 * (score desc, then the pair's ids). The pairs are precomputed in `company_duplicate_pairs`, kept
 * current by triggers on `companies` (ADR 0029), so a page reads the queue's index from the top.
 */
export async function listDuplicatePairs(ctx: RequestContext, query: DuplicateListQuery) {
  const actor = requireStaff(ctx)
  const cursor = decodePairCursor(query.cursor)
  // node-postgres and PGlite both answer raw SQL with `{ rows }`.
  const result = (await ctx.db.execute(duplicatePairsSql(ctx.db, actor, cursor, query.limit + 1))) as { rows: unknown[] }
  const rows = (result.rows as unknown as RawPair[]).map((r) => ({ ...r, score: Number(r.score), reasons: parseReasons(r.reasons) }))
  const page = rows.slice(0, query.limit)
  const summaries = await summarize(ctx, actor, page.flatMap((r) => [r.a_id, r.b_id]))
  const items: DuplicatePair[] = page.flatMap((r) => {
    const companyA = summaries.get(r.a_id)
    const companyB = summaries.get(r.b_id)
    if (!companyA || !companyB) return []
    return [{ companyA, companyB, reasons: r.reasons, score: r.score, canResolve: companyA.can.update && companyB.can.update }]
  })
  const last = page.at(-1)
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: `${last.score}|${last.b_id}`, id: last.a_id }) : null,
    // The whole network's waiting companies (the number only: which ones is not said).
    ...(cursor ? {} : { pending: await countPendingDuplicates(ctx.db) }),
  }
}

/**
 * The queue's query (exported for measuring it with EXPLAIN): the stored pairs whose two companies'
 * units the actor reads (archived and merged companies have no pairs), minus dismissed ones. It walks
 * the queue's index from the top (or the cursor) and stops at the page's end: the scope is an array
 * read once (as a join the planner sorted every pair in scope: 150 ms at 100k companies, against
 * 0.1 ms), and the order is the index's own, `desc nulls last`.
 */
export function duplicatePairsSql(db: Db, actor: Actor, cursor: { score: number; aId: string; bId: string } | null, limit: number): SQL {
  const units = sql`array(${unitIdsUnder(db, dataPathPrefixes(actor))})`
  return sql`
    select p.company_a_id as a_id, p.company_b_id as b_id, p.score, p.reasons
    from ${companyDuplicatePairs} as p
    where p.unit_a_id = any(${units}) and p.unit_b_id = any(${units})
      and not exists (
        select 1 from ${companyDuplicateDismissals} x where x.company_a_id = p.company_a_id and x.company_b_id = p.company_b_id
      )
      ${cursor ? sql`and p.score <= ${cursor.score} and (p.score < ${cursor.score} or (p.company_a_id, p.company_b_id) > (${cursor.aId}::uuid, ${cursor.bId}::uuid))` : sql``}
    order by p.score desc nulls last, p.company_a_id, p.company_b_id
    limit ${limit}
  `
}

function parseReasons(value: DuplicateReason[] | string): DuplicateReason[] {
  // node-postgres parses json columns; PGlite may hand them back as text.
  return typeof value === 'string' ? (JSON.parse(value) as DuplicateReason[]) : value
}

/** The queue's view of each company: three statements whatever the page (companies, their units, their comuni). */
async function summarize(ctx: RequestContext, actor: Actor, ids: string[]): Promise<Map<string, DuplicateCompany>> {
  const out = new Map<string, DuplicateCompany>()
  if (ids.length === 0) return out
  const rows = await ctx.db.select().from(companies).where(inArray(companies.id, [...new Set(ids)]))
  const units = await findUnits(ctx.db, rows.map((r) => r.unitId))
  const places = await comuniInForceByIstat(ctx.db, rows.flatMap((r) => (r.comuneIstat ? [r.comuneIstat] : [])), italianDay(ctx.now()))
  for (const row of rows) {
    const unit = units.get(row.unitId)
    if (!unit) continue
    out.set(row.id, toDuplicateCompany(row, unit, places.get(row.comuneIstat ?? '') ?? null, canWriteUnitData(actor, unit.path)))
  }
  return out
}

function toDuplicateCompany(row: CompanyRow, unit: { name: string }, place: Place | null, canUpdate: boolean): DuplicateCompany {
  return {
    id: row.id,
    name: row.name,
    vatNumber: row.vatNumber,
    taxCode: row.taxCode,
    unitId: row.unitId,
    unitName: unit.name,
    comuneName: place?.name ?? null,
    provinceCode: place?.provinceCode ?? row.provinceCode,
    address: row.address,
    email: row.email,
    pec: row.pec,
    website: row.website,
    phone: row.phone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { update: canUpdate },
  }
}

/** Combined score of a pair's rules, as the queue computes it in SQL. */
export function scoreOf(reasons: { rule: DuplicateRule; weight: number }[]): number {
  const best = new Map<DuplicateRule, number>()
  for (const r of reasons) best.set(r.rule, Math.max(best.get(r.rule) ?? 0, r.weight))
  const rest = [...best.values()].reduce((acc, w) => acc * (1 - w), 1)
  return Math.round((1 - rest) * 1000) / 1000
}

/**
 * Possible duplicates of one company (its page shows "Possibile duplicato di …"): the same rules,
 * asked for that company only, so each rule is a narrow query.
 */
export async function listCompanyDuplicates(ctx: RequestContext, companyId: string): Promise<{ items: CompanyDuplicateMatch[] }> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  const actor = ctx.actor
  const { row: focus } = await getScopedRow(ctx.db, actor, companyId)
  // Company members and archived or merged companies get no suggestions.
  if (dataPathPrefixes(actor).length === 0 || focus.archivedAt || focus.mergedIntoId) return { items: [] }
  const scope = and(activeInScope(ctx.db, actor), ne(companies.id, focus.id)) as SQL
  const found = new Map<string, { rule: DuplicateRule; value: string; weight: number }[]>()
  const add = (id: string, rule: DuplicateRule, value: string, weight: number) => found.set(id, [...(found.get(id) ?? []), { rule, value, weight }])

  const idClauses: SQL[] = [eq(companies.taxCode, focus.vatNumber)]
  if (focus.taxCode) idClauses.push(eq(companies.vatNumber, focus.taxCode), eq(companies.taxCode, focus.taxCode))
  const byId = await ctx.db
    .select({ id: companies.id, vatNumber: companies.vatNumber, taxCode: companies.taxCode })
    .from(companies)
    .where(and(scope, or(...idClauses)))
  for (const r of byId) {
    const shared = r.taxCode === focus.vatNumber ? focus.vatNumber : (r.vatNumber === focus.taxCode ? r.vatNumber : r.taxCode) ?? ''
    add(r.id, 'taxId', shared, WEIGHTS.taxId)
  }

  if (focus.comuneIstat) {
    const focusCore = coreNameSql(sql`${focus.nameKey}::text`)
    const similar = await ctx.db
      .select({ id: companies.id, sim: sql<number>`similarity(${coreNameSql(sql`${companies.nameKey}`)}, ${focusCore})::float8` })
      .from(companies)
      .where(
        and(
          scope,
          eq(companies.comuneIstat, focus.comuneIstat),
          // The province has an index; the comune lies within it.
          focus.provinceCode ? eq(companies.provinceCode, focus.provinceCode) : undefined,
          sql`similarity(${coreNameSql(sql`${companies.nameKey}`)}, ${focusCore}) >= ${NAME_SIMILARITY_THRESHOLD}`,
        ),
      )
    for (const r of similar) add(r.id, 'name', Number(r.sim).toFixed(2), WEIGHTS.nameFactor * Number(r.sim))
  }

  const domainRows = (await ctx.db.execute(sql`
    select distinct d.domain from (values (${emailDomainSql(sql`${focus.email}::text`)}), (${emailDomainSql(sql`${focus.pec}::text`)}), (${websiteDomainSql(sql`${focus.website}::text`)})) as d(domain)
    where d.domain is not null and d.domain like '%.%' and not ${isCommonDomainSql(sql`d.domain`)}
  `)) as { rows: unknown[] }
  const domains = (domainRows.rows as { domain: string }[]).map((r) => r.domain)
  if (domains.length > 0) {
    const domainParam = sql`${sql.param(domains)}::text[]`
    const sameDomain = await ctx.db
      .select({
        id: companies.id,
        email: sql<string | null>`${emailDomainSql(sql`${companies.email}`)}`,
        pec: sql<string | null>`${emailDomainSql(sql`${companies.pec}`)}`,
        website: sql<string | null>`${websiteDomainSql(sql`${companies.website}`)}`,
      })
      .from(companies)
      .where(
        and(
          scope,
          sql`(${emailDomainSql(sql`${companies.email}`)} = any(${domainParam})
            or ${emailDomainSql(sql`${companies.pec}`)} = any(${domainParam})
            or ${websiteDomainSql(sql`${companies.website}`)} = any(${domainParam}))`,
        ),
      )
    const byDomain = new Map<string, string[]>()
    for (const r of sameDomain) {
      for (const d of new Set([r.email, r.pec, r.website])) if (d && domains.includes(d)) byDomain.set(d, [...(byDomain.get(d) ?? []), r.id])
    }
    // As in the queue: a domain shared by more than DOMAIN_GROUP_LIMIT companies is not one company's.
    for (const [domain, ids] of byDomain) {
      if (ids.length + 1 <= DOMAIN_GROUP_LIMIT) for (const id of ids) add(id, 'domain', domain, WEIGHTS.domain)
    }
  }

  const ids = [...found.keys()]
  if (ids.length === 0) return { items: [] }
  const dismissed = await ctx.db
    .select()
    .from(companyDuplicateDismissals)
    .where(
      or(
        and(eq(companyDuplicateDismissals.companyAId, focus.id), inArray(companyDuplicateDismissals.companyBId, ids)),
        and(eq(companyDuplicateDismissals.companyBId, focus.id), inArray(companyDuplicateDismissals.companyAId, ids)),
      ),
    )
  const dismissedIds = new Set(dismissed.map((d) => (d.companyAId === focus.id ? d.companyBId : d.companyAId)))
  const summaries = await summarize(ctx, actor, ids.filter((id) => !dismissedIds.has(id)))
  const items = [...summaries.values()].map((company) => {
    const reasons = found.get(company.id) ?? []
    const byRule = new Map<DuplicateRule, { rule: DuplicateRule; value: string; weight: number }>()
    for (const r of reasons) if ((byRule.get(r.rule)?.weight ?? -1) < r.weight) byRule.set(r.rule, r)
    const ordered = [...byRule.values()].sort((x, y) => y.weight - x.weight)
    return { company, reasons: ordered.map(({ rule, value }) => ({ rule, value })), score: scoreOf(ordered) }
  })
  items.sort((x, y) => y.score - x.score || x.company.name.localeCompare(y.company.name))
  return { items }
}

/** Orders a pair as dismissals store it (a < b, as PostgreSQL orders uuids). */
export function orderedPair(x: string, y: string): [string, string] {
  return x.toLowerCase() < y.toLowerCase() ? [x, y] : [y, x]
}

/** Marks a pair "not duplicates": the queue and the company pages stop proposing it. */
export async function dismissDuplicatePair(ctx: RequestContext, input: DuplicateDismissInput) {
  const actor = requireStaff(ctx)
  return ctx.db.transaction(async (tx) => {
    const a = await getScopedRow(tx, actor, input.companyAId)
    const b = await getScopedRow(tx, actor, input.companyBId)
    if (!canWriteUnitData(actor, a.unit.path) || !canWriteUnitData(actor, b.unit.path)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    if (a.row.id === b.row.id) throw new AppError('VALIDATION', 'errors.duplicatePairSameCompany', {}, [{ path: 'companyBId', message: 'errors.duplicatePairSameCompany' }])
    const [companyAId, companyBId] = orderedPair(a.row.id, b.row.id)
    const now = ctx.now()
    const [row] = await tx
      .insert(companyDuplicateDismissals)
      .values({ companyAId, companyBId, dismissedBy: actor.userId, createdAt: now })
      .onConflictDoNothing()
      .returning()
    if (row) {
      await ctx.deps.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'company_duplicate_dismissal',
        entityId: companyAId,
        unitId: a.row.unitId,
        after: { companyAId, companyBId, names: [a.row.name, b.row.name] },
      })
      return { companyAId, companyBId, dismissedAt: row.createdAt.toISOString() }
    }
    const [existing] = await tx
      .select()
      .from(companyDuplicateDismissals)
      .where(and(eq(companyDuplicateDismissals.companyAId, companyAId), eq(companyDuplicateDismissals.companyBId, companyBId)))
    if (!existing) throw new Error('dismissal neither inserted nor found')
    return { companyAId, companyBId, dismissedAt: existing.createdAt.toISOString() }
  })
}
