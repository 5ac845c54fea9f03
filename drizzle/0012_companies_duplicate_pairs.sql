CREATE TABLE "company_duplicate_keys" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"company_id" uuid NOT NULL,
	"core" text,
	CONSTRAINT "company_duplicate_keys_kind_key_company_id_pk" PRIMARY KEY("kind","key","company_id")
);
--> statement-breakpoint
CREATE TABLE "company_duplicate_pairs" (
	"company_a_id" uuid NOT NULL,
	"company_b_id" uuid NOT NULL,
	"unit_a_id" uuid NOT NULL,
	"unit_b_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "company_duplicate_pairs_company_a_id_company_b_id_pk" PRIMARY KEY("company_a_id","company_b_id")
);
--> statement-breakpoint
CREATE TABLE "company_duplicate_pending" (
	"company_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "company_duplicate_keys_company_idx" ON "company_duplicate_keys" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "company_duplicate_pairs_b_idx" ON "company_duplicate_pairs" USING btree ("company_b_id");--> statement-breakpoint
CREATE INDEX "company_duplicate_pairs_queue_idx" ON "company_duplicate_pairs" USING btree ("score" DESC NULLS LAST,"company_a_id","company_b_id");--> statement-breakpoint
-- The duplicates review queue, kept by statement-level triggers on companies (ADR 0029). The rules
-- are the issue's ("same partita IVA; similar name (trigram) in the same comune; same email
-- domain"), as company-duplicates.service.ts applied them at read time before (the sync test
-- compares the two): a shared partita IVA / codice fiscale; a similar name (pg_trgm similarity()
-- >= 0.6 of the names without legal forms) in the same comune, compared within blocks (comune +
-- 4-letter prefix of a word) of at most 300 active companies; a shared own domain (not a common
-- provider) of at most 10 active companies. similarity() rather than the % operator, which hangs
-- in PGlite. Bulk writers defer the work (`set local ponte.defer_duplicates = on`): their companies
-- wait in company_duplicate_pending for one set-based company_duplicates_flush().
CREATE FUNCTION company_duplicate_core(name_key text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT trim(regexp_replace(regexp_replace(regexp_replace(name_key, '[^a-z0-9]+', ' ', 'g'),
    '\m(s r l s|s r l|s p a|s n c|s a s|s a p a|s c a r l|s c r l|s c|srls|srl|spa|snc|sas|sapa|scarl|scrl|soc|societa|coop|cooperativa|impresa|individuale|ditta|unipersonale|in liquidazione|di|e|and|c|f lli|flli)\M', ' ', 'g'),
    '\s+', ' ', 'g'))
$$;
--> statement-breakpoint
-- The registrable part of a host: without a leading www./pec. label.
CREATE FUNCTION company_duplicate_domain(host text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(regexp_replace(host, '^(www[0-9]*|pec)\.(?=[^.]+\.)', ''), '')
$$;
--> statement-breakpoint
-- A mail or web provider whose domain says nothing about the company, or a subdomain of one up to
-- two levels ("cert.legalmail.it"): COMMON_MAIL_DOMAINS of company-duplicates.service.ts.
CREATE FUNCTION company_duplicate_common_domain(domain text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[domain, substr(domain, strpos(domain, '.') + 1),
      substr(substr(domain, strpos(domain, '.') + 1), strpos(substr(domain, strpos(domain, '.') + 1), '.') + 1)]
    && '{gmail.com,googlemail.com,libero.it,inwind.it,iol.it,blu.it,hotmail.it,hotmail.com,outlook.it,outlook.com,live.it,live.com,msn.com,yahoo.it,yahoo.com,ymail.com,tiscali.it,virgilio.it,alice.it,tin.it,tim.it,fastwebnet.it,email.it,icloud.com,me.com,mac.com,aol.com,protonmail.com,proton.me,aruba.it,arubapec.it,pec.it,legalmail.it,postacert.it,postecert.it,poste.it,pecimprese.it,registerpec.it,pec-mail.it,sicurezzapostale.it,gigapec.it,lamiapec.it,casellapec.com,mypec.eu,messaggipec.it,actaliscertymail.it,cgn.it,cgn.legalmail.it,pec.cloud,kelipec.it,namirialpec.it,facebook.com,instagram.com,linkedin.com,google.com,sites.google.com,wixsite.com,wix.com,blogspot.com,altervista.org,jimdo.com,jimdofree.com,wordpress.com,business.site,paginegialle.it,paginebianche.it,example.com}'::text[]
$$;
--> statement-breakpoint
-- The keys of the given companies that are active (neither archived nor merged): name blocks
-- (`<comune> <4-letter prefix of a word of 3+ letters>`, with the name's core), own domains, partita
-- IVA (`vat`) and codice fiscale (`cf`).
CREATE FUNCTION company_duplicate_keys_of(ids uuid[]) RETURNS TABLE (kind text, key text, company_id uuid, core text) LANGUAGE sql STABLE AS $$
  WITH c AS (
    SELECT c.id, c.comune_istat, company_duplicate_core(c.name_key) AS core, c.vat_number, c.tax_code, c.email, c.pec, c.website
    FROM companies c
    WHERE c.id = ANY(ids) AND c.archived_at IS NULL AND c.merged_into_id IS NULL
  )
  SELECT DISTINCT 'name', c.comune_istat || ' ' || left(w.word, 4), c.id, c.core
  FROM c, regexp_split_to_table(c.core, ' ') AS w(word)
  WHERE c.comune_istat IS NOT NULL AND length(w.word) >= 3
  UNION ALL
  SELECT DISTINCT 'domain', d.domain, c.id, NULL::text
  FROM c, LATERAL (VALUES
    (company_duplicate_domain(split_part(lower(c.email), '@', 2))),
    (company_duplicate_domain(split_part(lower(c.pec), '@', 2))),
    (company_duplicate_domain(split_part(split_part(split_part(regexp_replace(lower(c.website), '^[a-z][a-z0-9+.-]*://', ''), '/', 1), '?', 1), ':', 1)))
  ) AS d(domain)
  WHERE d.domain LIKE '%.%' AND NOT company_duplicate_common_domain(d.domain)
  UNION ALL
  SELECT 'vat', c.vat_number, c.id, NULL FROM c
  UNION ALL
  -- (a codice fiscale equal to the company's own partita IVA, as most companies have, pairs nothing
  -- its `vat` key does not: left out)
  SELECT 'cf', c.tax_code, c.id, NULL FROM c WHERE c.tax_code IS NOT NULL AND c.tax_code <> c.vat_number
$$;
--> statement-breakpoint
-- Brings the keys and the pairs of the given companies up to date (they were inserted, changed or
-- deleted). The pairs are a function of the keys (and the companies' units): replacing the given
-- companies' keys can change their own pairs, and — where a block or domain crossed its size limit
-- — the pairs among that key's members (grown past: the pairs it had made; back within: all of its
-- members' pairs). Those candidates are evaluated afresh; no other pair can change.
-- The steps hand their sets on in arrays: a custom plan (forced below) then knows their sizes and
-- picks index lookups for a few companies' edit and hash joins for an import's thousands.
CREATE FUNCTION company_duplicates_refresh(changed uuid[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  old_keys text[];
  new_keys text[];
  ok_keys text[];
  grown_keys text[];
  shrunk_keys text[];
  cand_a uuid[];
  cand_b uuid[];
  nestloop text := current_setting('enable_nestloop');
  mergejoin text := current_setting('enable_mergejoin');
  mem text := current_setting('work_mem');
  jit text := current_setting('jit');
  bulk boolean := cardinality(changed) > 1000;
BEGIN
  IF changed IS NULL OR cardinality(changed) = 0 THEN RETURN; END IF;
  IF bulk THEN
    -- A bulk refresh (an import's end, a rebuild), over millions of rows: hash joins (the planner
    -- cannot see how many rows the CTEs below hold, and would loop over them), in memory rather
    -- than in batches on disk, and no JIT (compiling these statements took longer than running
    -- parts of them).
    PERFORM set_config('enable_nestloop', 'off', true);
    PERFORM set_config('enable_mergejoin', 'off', true);
    PERFORM set_config('work_mem', '64MB', true);
    PERFORM set_config('jit', 'off', true);
  END IF;
  -- 1. The companies' keys, replaced; the name and domain keys they had and have ('kind|key').
  WITH d AS (
    DELETE FROM company_duplicate_keys k WHERE k.company_id = ANY(changed) RETURNING k.kind, k.key
  ) SELECT coalesce(array_agg(kind || '|' || key) FILTER (WHERE kind IN ('name', 'domain')), '{}') INTO old_keys FROM d;
  WITH i AS (
    INSERT INTO company_duplicate_keys (kind, key, company_id, core) SELECT * FROM company_duplicate_keys_of(changed) RETURNING kind, key
  ) SELECT coalesce(array_agg(kind || '|' || key) FILTER (WHERE kind IN ('name', 'domain')), '{}') INTO new_keys FROM i;
  -- The keys' statistics lag far behind so many rows just written (PGlite never analyses by itself).
  IF bulk THEN ANALYZE company_duplicate_keys; END IF;

  -- 2. The sizes of those keys now and before: within the limit now (they pair their members), or
  -- across it since (grown past: their pairs may lose a reason; back within: all their pairs count).
  WITH touched AS (
    SELECT k, sum(d)::int AS delta FROM (SELECT unnest(new_keys) AS k, 1 AS d UNION ALL SELECT unnest(old_keys), -1) x GROUP BY k
  ),
  sized AS (
    SELECT t.k, t.delta, count(z.company_id)::int AS n, CASE split_part(t.k, '|', 1) WHEN 'name' THEN 300 ELSE 10 END AS lim
    FROM touched t LEFT JOIN company_duplicate_keys z ON z.kind = split_part(t.k, '|', 1) AND z.key = substr(t.k, strpos(t.k, '|') + 1)
    GROUP BY t.k, t.delta
  )
  SELECT coalesce(array_agg(k) FILTER (WHERE n BETWEEN 2 AND lim), '{}'),
    coalesce(array_agg(k) FILTER (WHERE n > lim AND n - delta <= lim), '{}'),
    coalesce(array_agg(k) FILTER (WHERE n <= lim AND n - delta > lim AND n >= 2), '{}')
  INTO ok_keys, grown_keys, shrunk_keys FROM sized;

  -- 3. The pairs among the members of keys that crossed their limit (grown past: the pairs they
  -- had; back within: all), the changed companies' own left aside (step 4 finds those).
  WITH grown AS (SELECT split_part(k, '|', 1) AS kind, substr(k, strpos(k, '|') + 1) AS key FROM unnest(grown_keys) AS k),
  shrunk AS (SELECT split_part(k, '|', 1) AS kind, substr(k, strpos(k, '|') + 1) AS key FROM unnest(shrunk_keys) AS k),
  crossed AS (
    SELECT p.company_a_id AS a, p.company_b_id AS b
    FROM grown x JOIN company_duplicate_keys k1 ON k1.kind = x.kind AND k1.key = x.key
    JOIN company_duplicate_pairs p ON p.company_a_id = k1.company_id
    JOIN company_duplicate_keys k2 ON k2.kind = x.kind AND k2.key = x.key AND k2.company_id = p.company_b_id
    UNION
    SELECT k1.company_id, k2.company_id
    FROM shrunk x JOIN company_duplicate_keys k1 ON k1.kind = x.kind AND k1.key = x.key
    JOIN company_duplicate_keys k2 ON k2.kind = x.kind AND k2.key = x.key AND k1.company_id < k2.company_id
  )
  SELECT coalesce(array_agg(a), '{}'), coalesce(array_agg(b), '{}') INTO cand_a, cand_b
  FROM crossed WHERE NOT (a = ANY(changed) OR b = ANY(changed));
  IF cardinality(cand_a) > 5000 THEN
    PERFORM set_config('enable_nestloop', 'off', true);
    PERFORM set_config('enable_mergejoin', 'off', true);
  END IF;

  -- 4. The pairs evaluated afresh — every pair of a changed company (through the keys it shares, each
  -- one of its own, so sized in step 2) and those of step 3 — with the weights and types of the
  -- read-time query (0.9 for a shared identifier, 0.8 × similarity for a name, 0.4 for a domain);
  -- then written, and the changed companies' pairs and step 3's that have no reason any more deleted.
  WITH kinds(kind, other) AS (VALUES ('name', 'name'), ('domain', 'domain'), ('vat', 'cf'), ('cf', 'cf'), ('cf', 'vat')),
  ok AS (SELECT split_part(k, '|', 1) AS kind, substr(k, strpos(k, '|') + 1) AS key FROM unnest(ok_keys) AS k),
  mine AS (
    SELECT k.kind, k.key, k.company_id FROM company_duplicate_keys k WHERE k.company_id = ANY(changed) AND k.kind IN ('vat', 'cf')
    UNION ALL
    SELECT k.kind, k.key, k.company_id FROM ok JOIN company_duplicate_keys k ON k.kind = ok.kind AND k.key = ok.key WHERE k.company_id = ANY(changed)
  ),
  shared_mine AS (
    SELECT least(m.company_id, o.company_id) AS a, greatest(m.company_id, o.company_id) AS b, m.kind, m.key
    FROM mine m JOIN kinds ON kinds.kind = m.kind
    JOIN company_duplicate_keys o ON o.kind = kinds.other AND o.key = m.key AND o.company_id <> m.company_id
    -- a pair of two changed companies once, from its first (an identifier pair comes from both
    -- sides' keys, vat and cf: the aggregates below take it once)
    WHERE m.kind IN ('vat', 'cf') OR m.company_id < o.company_id OR NOT o.company_id = ANY(changed)
  ),
  cand AS (SELECT a, b FROM unnest(cand_a, cand_b) AS c(a, b)),
  shared_cand AS (
    SELECT c.a, c.b, k1.kind, k1.key
    FROM cand c JOIN company_duplicate_keys k1 ON k1.company_id = c.a
    JOIN kinds ON kinds.kind = k1.kind
    JOIN company_duplicate_keys k2 ON k2.kind = kinds.other AND k2.key = k1.key AND k2.company_id = c.b
  ),
  cand_sizes AS (
    SELECT s.kind, s.key, count(*)::int AS n
    FROM (SELECT DISTINCT kind, key FROM shared_cand WHERE kind IN ('name', 'domain')) s
    JOIN company_duplicate_keys z ON z.kind = s.kind AND z.key = s.key
    GROUP BY s.kind, s.key
  ),
  shared AS MATERIALIZED (
    SELECT a, b, kind, key FROM shared_mine
    UNION ALL
    SELECT s.a, s.b, s.kind, s.key FROM shared_cand s LEFT JOIN cand_sizes z ON z.kind = s.kind AND z.key = s.key
    WHERE s.kind IN ('vat', 'cf') OR z.n <= CASE s.kind WHEN 'name' THEN 300 ELSE 10 END
  ),
  -- each pair's names compared once, however many blocks they share (materialized: the planner
  -- would otherwise compare them before taking each pair once)
  name_pairs AS MATERIALIZED (SELECT DISTINCT a, b FROM shared WHERE kind = 'name'),
  cores AS (
    SELECT DISTINCT ON (k.company_id) k.company_id, k.core FROM company_duplicate_keys k
    WHERE k.kind = 'name' AND k.company_id IN (SELECT a FROM name_pairs UNION SELECT b FROM name_pairs)
    ORDER BY k.company_id
  ),
  names AS (
    SELECT n.a, n.b, similarity(ca.core, cb.core) AS sim
    FROM name_pairs n JOIN cores ca ON ca.company_id = n.a JOIN cores cb ON cb.company_id = n.b
  ),
  reasons AS (
    SELECT a, b, 'taxId' AS rule, key AS value, 0.9::float8 AS w FROM shared WHERE kind IN ('vat', 'cf')
    UNION ALL
    SELECT a, b, 'name', to_char(sim, 'FM0.00'), (0.8::real * sim)::float8 FROM names WHERE sim >= 0.6::real
    UNION ALL
    SELECT a, b, 'domain', key, 0.4::float8 FROM shared WHERE kind = 'domain'
  ),
  per_rule AS (
    SELECT a, b, rule, max(w) AS w, string_agg(DISTINCT value, ', ') AS value FROM reasons GROUP BY a, b, rule
  ),
  fresh AS (
    SELECT a, b, round((1 - exp(sum(ln(1 - w))))::numeric, 3)::float8 AS score,
      jsonb_agg(jsonb_build_object('rule', rule, 'value', value) ORDER BY w DESC) AS reasons
    FROM per_rule GROUP BY a, b
  ),
  affected AS (
    SELECT p.company_a_id AS a, p.company_b_id AS b FROM company_duplicate_pairs p WHERE p.company_a_id = ANY(changed) OR p.company_b_id = ANY(changed)
    UNION ALL
    SELECT a, b FROM cand
  ),
  -- affected pairs without a reason any more go; the fresh ones are written (disjoint sets of rows)
  gone AS (
    DELETE FROM company_duplicate_pairs p USING affected f
    WHERE p.company_a_id = f.a AND p.company_b_id = f.b AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.a = f.a AND fresh.b = f.b)
  )
  INSERT INTO company_duplicate_pairs AS p (company_a_id, company_b_id, unit_a_id, unit_b_id, score, reasons)
  SELECT f.a, f.b, ca.unit_id, cb.unit_id, f.score, f.reasons
  FROM fresh f JOIN companies ca ON ca.id = f.a JOIN companies cb ON cb.id = f.b
  ORDER BY f.a, f.b
  ON CONFLICT (company_a_id, company_b_id) DO UPDATE SET unit_a_id = excluded.unit_a_id, unit_b_id = excluded.unit_b_id,
    score = excluded.score, reasons = excluded.reasons
  WHERE (p.unit_a_id, p.unit_b_id, p.score, p.reasons) IS DISTINCT FROM (excluded.unit_a_id, excluded.unit_b_id, excluded.score, excluded.reasons);
  PERFORM set_config('enable_nestloop', nestloop, true);
  PERFORM set_config('enable_mergejoin', mergejoin, true);
  PERFORM set_config('work_mem', mem, true);
  PERFORM set_config('jit', jit, true);
END
$$;
--> statement-breakpoint
-- A bulk writer defers the refresh to its end: `set local ponte.defer_duplicates = on`.
CREATE FUNCTION company_duplicates_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('ponte.defer_duplicates', true), '') = 'on'
$$;
--> statement-breakpoint
-- The queue's turn, held until commit: refreshes take turns, so a pair between two companies
-- written at once by two transactions is seen by the second (a refresh sees what committed before
-- it began). Taken before the writer touches a row: a writer holding rows while it waits for the
-- turn could deadlock with the holder of the turn wanting them.
CREATE FUNCTION company_duplicates_take_turn() RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(7202611, 3)
$$;
--> statement-breakpoint
-- Company writers that refresh take the turn before they touch a row. A deferred writer only
-- records its companies as pending; the flush takes the turn instead.
CREATE FUNCTION company_duplicates_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT company_duplicates_deferred() THEN PERFORM company_duplicates_take_turn(); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION company_duplicates_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) INTO ids FROM old_rows;
  ELSE
    -- Only the columns the rules read (stage, notes, updated_at… change nothing here).
    SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.name_key, n.comune_istat, n.vat_number, n.tax_code, n.email, n.pec, n.website, n.archived_at, n.merged_into_id, n.unit_id)
      IS DISTINCT FROM (o.name_key, o.comune_istat, o.vat_number, o.tax_code, o.email, o.pec, o.website, o.archived_at, o.merged_into_id, o.unit_id);
  END IF;
  IF ids IS NULL THEN RETURN NULL; END IF;
  IF company_duplicates_deferred() THEN
    INSERT INTO company_duplicate_pending (company_id) SELECT DISTINCT unnest(ids) ON CONFLICT DO NOTHING;
  ELSE
    PERFORM company_duplicates_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER company_duplicates_lock BEFORE INSERT OR DELETE ON companies FOR EACH STATEMENT EXECUTE FUNCTION company_duplicates_lock();
--> statement-breakpoint
-- An update takes the turn only when it sets a column the rules read: the stage recomputed after an
-- interaction, notes or tags never wait for an import's final refresh.
CREATE TRIGGER company_duplicates_lock_update BEFORE UPDATE OF name_key, comune_istat, vat_number, tax_code, email, pec, website, archived_at, merged_into_id, unit_id
  ON companies FOR EACH STATEMENT EXECUTE FUNCTION company_duplicates_lock();
--> statement-breakpoint
CREATE TRIGGER company_duplicates_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION company_duplicates_sync();
--> statement-breakpoint
CREATE TRIGGER company_duplicates_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION company_duplicates_sync();
--> statement-breakpoint
CREATE TRIGGER company_duplicates_delete AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION company_duplicates_sync();
--> statement-breakpoint
-- Refreshes every pending company in one set-based pass; returns how many. Run at the end of an
-- import (and by the import recovery schedule, should a run die before its end).
CREATE FUNCTION company_duplicates_flush() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  PERFORM company_duplicates_take_turn();
  WITH d AS (DELETE FROM company_duplicate_pending RETURNING company_id) SELECT array_agg(company_id ORDER BY company_id) INTO ids FROM d;
  PERFORM company_duplicates_refresh(ids);
  RETURN coalesce(cardinality(ids), 0);
END
$$;
--> statement-breakpoint
-- Derived tables (a backup leaves them out; a restore calls these, in any order). The pending
-- companies are not derived: rebuilding the pairs empties them.
CREATE FUNCTION rebuild_company_duplicate_keys() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM company_duplicates_take_turn();
  DELETE FROM company_duplicate_keys;
  INSERT INTO company_duplicate_keys (kind, key, company_id, core) SELECT * FROM company_duplicate_keys_of(ARRAY(SELECT id FROM companies));
END
$$;
--> statement-breakpoint
CREATE FUNCTION rebuild_company_duplicate_pairs() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM company_duplicates_take_turn();
  DELETE FROM company_duplicate_keys;
  DELETE FROM company_duplicate_pairs;
  DELETE FROM company_duplicate_pending;
  PERFORM company_duplicates_refresh(ARRAY(SELECT id FROM companies));
END
$$;
--> statement-breakpoint
SELECT rebuild_company_duplicate_pairs();
