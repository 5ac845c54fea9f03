/**
 * The duplicate detection as the review queue ran it on every page before the pairs were stored
 * (ADR 0029): every candidate pair of the companies in scope computed in one query. Kept as the
 * reference the stored pairs must equal (company-duplicates.sync.test.ts compares them after every
 * kind of write) and the "before" the benchmark measures the stored queue against
 * (`npm run bench:crm -- --duplicates`). Not used to serve requests: at 100k companies it takes
 * about a minute.
 */
import { sql, type SQL } from 'drizzle-orm'
import { companies } from './companies.table'
import {
  BLOCK_LIMIT,
  coreNameSql,
  DOMAIN_GROUP_LIMIT,
  emailDomainSql,
  isCommonDomainSql,
  NAME_SIMILARITY_THRESHOLD,
  WEIGHTS,
  websiteDomainSql,
} from './company-duplicates.service'

/**
 * Pairs `(a, b, score, reasons)` (a < b; reasons as JSON text, most weighty first) among the active
 * companies `scope` admits (a condition on `c`; all of them without one), most likely first;
 * dismissals are not subtracted (the queue does that when it reads). Block and domain sizes are
 * counted within the scope, as the queue did; the stored pairs count them network-wide (ADR 0029),
 * which is the same for a network-wide scope.
 */
export function readTimeDuplicatePairsSql(options: { scope?: SQL; limit?: number } = {}): SQL {
  const core = coreNameSql(sql`c.name_key`)
  return sql`
    with scoped as materialized (
      select c.id, c.vat_number, c.tax_code, c.comune_istat, ${core} as core, c.email, c.pec, c.website
      from ${companies} as c where c.archived_at is null and c.merged_into_id is null ${options.scope ? sql`and ${options.scope}` : sql``}
    ),
    words as (
      select distinct s.id, s.comune_istat, left(w.word, 4) as block
      from scoped s, regexp_split_to_table(s.core, ' ') as w(word)
      where s.comune_istat is not null and length(w.word) >= 3
    ),
    blocks as (
      select id, comune_istat, block from (
        select w.*, count(*) over (partition by comune_istat, block) as size from words w
      ) sized where size between 2 and ${BLOCK_LIMIT}
    ),
    candidates as (
      select distinct a.id as a_id, b.id as b_id
      from blocks a join blocks b on a.comune_istat = b.comune_istat and a.block = b.block and a.id < b.id
    ),
    name_pairs as (
      select k.a_id, k.b_id, similarity(sa.core, sb.core) as sim
      from candidates k join scoped sa on sa.id = k.a_id join scoped sb on sb.id = k.b_id
      where similarity(sa.core, sb.core) >= ${NAME_SIMILARITY_THRESHOLD}
    ),
    tax_pairs as (
      select least(a.id, b.id) as a_id, greatest(a.id, b.id) as b_id, a.vat_number as value
      from scoped a join scoped b on b.tax_code = a.vat_number and b.id <> a.id
      union all
      select a.id, b.id, a.tax_code from scoped a join scoped b on a.tax_code = b.tax_code and a.id < b.id
    ),
    all_domains as (
      select distinct s.id, d.domain
      from scoped s, lateral (values (${emailDomainSql(sql`s.email`)}), (${emailDomainSql(sql`s.pec`)}), (${websiteDomainSql(sql`s.website`)})) as d(domain)
      where d.domain like '%.%' and not ${isCommonDomainSql(sql`d.domain`)}
    ),
    domains as (
      select id, domain from (
        select a.*, count(*) over (partition by domain) as size from all_domains a
      ) sized where size between 2 and ${DOMAIN_GROUP_LIMIT}
    ),
    domain_pairs as (
      select a.id as a_id, b.id as b_id, a.domain as value from domains a join domains b on a.domain = b.domain and a.id < b.id
    ),
    reasons as (
      select a_id, b_id, 'taxId' as rule, value, ${WEIGHTS.taxId}::float8 as w from tax_pairs
      union all
      select a_id, b_id, 'name', to_char(sim, 'FM0.00'), (${WEIGHTS.nameFactor} * sim)::float8 from name_pairs
      union all
      select a_id, b_id, 'domain', value, ${WEIGHTS.domain}::float8 from domain_pairs
    ),
    per_rule as (
      select a_id, b_id, rule, max(w) as w, string_agg(distinct value, ', ') as value from reasons group by a_id, b_id, rule
    ),
    pairs as (
      select a_id as a, b_id as b, round((1 - exp(sum(ln(1 - w))))::numeric, 3)::float8 as score,
        json_agg(json_build_object('rule', rule, 'value', value) order by w desc)::text as reasons
      from per_rule group by a_id, b_id
    )
    select a, b, score, reasons from pairs
    ${options.limit ? sql`order by score desc, a, b limit ${options.limit}` : sql`order by a, b`}
  `
}
