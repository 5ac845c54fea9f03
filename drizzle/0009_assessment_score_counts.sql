CREATE TABLE "assessment_score_counts" (
	"instrument_id" text NOT NULL,
	"group_key" text NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "assessment_score_counts_instrument_id_group_key_metric_value_pk" PRIMARY KEY("instrument_id","group_key","metric","value")
);
--> statement-breakpoint
DROP INDEX "assessments_benchmark_idx";--> statement-breakpoint
-- The benchmark's histograms (assessment_score_counts, ADR 0023) follow every write to assessments:
-- one statement-level trigger per event, reading the transition tables, so a bulk write costs one
-- aggregate and a single-row write a few upserts. A row counts while it is the latest validated
-- assessment of its company and instrument (is_latest) and is scored; a counter back at zero goes.
CREATE FUNCTION assessment_score_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, 1 AS delta FROM new_rows WHERE is_latest AND overall IS NOT NULL)
  INSERT INTO assessment_score_counts AS c (instrument_id, group_key, metric, value, n)
  SELECT d.instrument_id, g.key, m.metric, m.value, sum(d.delta)::int
  FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.delta) <> 0
  -- A fixed order: concurrent writers lock the counters they share in the same order (no deadlock).
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (instrument_id, group_key, metric, value) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, -1 AS delta FROM old_rows WHERE is_latest AND overall IS NOT NULL)
  INSERT INTO assessment_score_counts AS c (instrument_id, group_key, metric, value, n)
  SELECT d.instrument_id, g.key, m.metric, m.value, sum(d.delta)::int
  FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.delta) <> 0
  -- A fixed order: concurrent writers lock the counters they share in the same order (no deadlock).
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (instrument_id, group_key, metric, value) DO UPDATE SET n = c.n + excluded.n;
    WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, -1 AS delta FROM old_rows WHERE is_latest AND overall IS NOT NULL)
  DELETE FROM assessment_score_counts c
  USING (SELECT DISTINCT d.instrument_id, g.key AS group_key, m.metric, m.value FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL) k
  WHERE c.n = 0 AND c.instrument_id = k.instrument_id AND c.group_key = k.group_key AND c.metric = k.metric AND c.value = k.value;
  ELSE
    WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, 1 AS delta FROM new_rows WHERE is_latest AND overall IS NOT NULL
    UNION ALL
    SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, -1 AS delta FROM old_rows WHERE is_latest AND overall IS NOT NULL)
  INSERT INTO assessment_score_counts AS c (instrument_id, group_key, metric, value, n)
  SELECT d.instrument_id, g.key, m.metric, m.value, sum(d.delta)::int
  FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.delta) <> 0
  -- A fixed order: concurrent writers lock the counters they share in the same order (no deadlock).
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (instrument_id, group_key, metric, value) DO UPDATE SET n = c.n + excluded.n;
    WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, 1 AS delta FROM new_rows WHERE is_latest AND overall IS NOT NULL
    UNION ALL
    SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, -1 AS delta FROM old_rows WHERE is_latest AND overall IS NOT NULL)
  DELETE FROM assessment_score_counts c
  USING (SELECT DISTINCT d.instrument_id, g.key AS group_key, m.metric, m.value FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL) k
  WHERE c.n = 0 AND c.instrument_id = k.instrument_id AND c.group_key = k.group_key AND c.metric = k.metric AND c.value = k.value;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessment_score_counts_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_score_counts_sync();
--> statement-breakpoint
CREATE TRIGGER assessment_score_counts_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_score_counts_sync();
--> statement-breakpoint
CREATE TRIGGER assessment_score_counts_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_score_counts_sync();
--> statement-breakpoint
-- Recomputes the histograms from the assessments. A table with a `rebuild_<table>()` function is
-- derived data: backups leave it out and a restore calls the function (src/server/db/backup.ts).
CREATE FUNCTION rebuild_assessment_score_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM assessment_score_counts;
  WITH d AS (SELECT instrument_id, ateco_section, size_class, region_code, overall, d1, d2, d3, d4, d5, d6, 1 AS delta FROM assessments WHERE is_latest AND overall IS NOT NULL)
  INSERT INTO assessment_score_counts AS c (instrument_id, group_key, metric, value, n)
  SELECT d.instrument_id, g.key, m.metric, m.value, sum(d.delta)::int
  FROM d
  CROSS JOIN LATERAL (VALUES
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|' || coalesce(d.region_code, '')),
    (coalesce(d.ateco_section, '') || '|' || coalesce(d.size_class, '') || '|*'),
    (coalesce(d.ateco_section, '') || '|*|*'),
    ('*|*|*')) AS g(key)
  CROSS JOIN LATERAL (VALUES ('#', 0::float8), ('overall', d.overall), ('D1', d.d1), ('D2', d.d2), ('D3', d.d3), ('D4', d.d4), ('D5', d.d5), ('D6', d.d6)) AS m(metric, value)
  WHERE m.value IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.delta) <> 0
  -- A fixed order: concurrent writers lock the counters they share in the same order (no deadlock).
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (instrument_id, group_key, metric, value) DO UPDATE SET n = c.n + excluded.n;
END
$$;
--> statement-breakpoint
SELECT rebuild_assessment_score_counts();
