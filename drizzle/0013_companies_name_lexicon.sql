CREATE TABLE "company_name_words" (
	"word" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "companies_name_trgm_idx";--> statement-breakpoint
DROP INDEX "companies_province_idx";--> statement-breakpoint
DROP INDEX "companies_ateco_section_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "name_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, name_key)) STORED;--> statement-breakpoint
CREATE INDEX "company_name_words_word_idx" ON "company_name_words" USING btree ("word");--> statement-breakpoint
CREATE INDEX "company_name_words_trgm_idx" ON "company_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_name_vector_idx" ON "companies" USING gin ("name_vector");--> statement-breakpoint
CREATE INDEX "companies_province_name_idx" ON "companies" USING btree ("province_code","name_key","id");--> statement-breakpoint
CREATE INDEX "companies_ateco_section_name_idx" ON "companies" USING btree ("ateco_section","name_key","id");--> statement-breakpoint
-- The lexicon of company names (ADR 0032): every word of every name, grown by statement-level
-- triggers on companies. A word goes in unless it is there already; without a unique key a writer
-- never waits for another's uncommitted words (two at once may both add one: harmless).
CREATE FUNCTION company_name_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO company_name_words (word)
    SELECT DISTINCT w FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n.name_vector)) AS w
     WHERE NOT EXISTS (SELECT 1 FROM company_name_words l WHERE l.word = w);
  ELSE
    -- Only names that changed (stage, notes, tags… leave the lexicon alone).
    INSERT INTO company_name_words (word)
    SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o.id = n.id CROSS JOIN LATERAL unnest(tsvector_to_array(n.name_vector)) AS w
     WHERE n.name_key IS DISTINCT FROM o.name_key
       AND NOT EXISTS (SELECT 1 FROM company_name_words l WHERE l.word = w);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER company_name_words_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION company_name_words_sync();
--> statement-breakpoint
CREATE TRIGGER company_name_words_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION company_name_words_sync();
--> statement-breakpoint
-- Derived table (a backup leaves it out, a restore calls this): one row per word in use.
CREATE FUNCTION rebuild_company_name_words() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM company_name_words;
  INSERT INTO company_name_words (word) SELECT DISTINCT unnest(tsvector_to_array(name_vector)) FROM companies;
END
$$;
--> statement-breakpoint
-- A search's words, each widened to the lexicon words it resembles (word similarity ≥ 0.5 for words
-- of 6 letters or more, 0.6 below, the closest 50; words under 3 letters only as they are), as one
-- tsquery for name_vector: (w1 | w1' | …) & (w2 | w2' | …). Null when the text has no word. 0.5,
-- not pg_trgm's default 0.6: one letter missing from "agricola" is 0.55; but a short word shares
-- half its trigrams with any word of the same first two letters ("soc" and "solaro"). Its cost
-- follows the vocabulary (thousands of words), not the registry (millions of names).
CREATE FUNCTION company_name_query(q text) RETURNS tsquery LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = 0.5 AS $$
  SELECT string_agg(alternatives, ' & ')::tsquery
  FROM (
    SELECT '(' || string_agg(DISTINCT '''' || replace(replace(e.word, '\', '\\'), '''', '''''') || '''', ' | ') || ')' AS alternatives
    FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, q))) AS w
    CROSS JOIN LATERAL (
      SELECT w AS word
      UNION
      (SELECT l.word FROM company_name_words l
        WHERE length(w) >= 3 AND w <% l.word AND (length(w) >= 6 OR word_similarity(w, l.word) >= 0.6)
        ORDER BY word_similarity(w, l.word) DESC, l.word
        LIMIT 50)
    ) AS e
    GROUP BY w
  ) AS per_word
$$;
--> statement-breakpoint
SELECT rebuild_company_name_words();
