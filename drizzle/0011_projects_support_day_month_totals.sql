CREATE TABLE "support_day_month_totals" (
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"logged" numeric(12, 3) NOT NULL,
	"confirmed" numeric(12, 3) NOT NULL,
	"approved" numeric(12, 3) NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "support_day_month_totals_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
CREATE INDEX "support_day_month_totals_month_idx" ON "support_day_month_totals" USING btree ("month");--> statement-breakpoint
-- The ledger's totals per project and month (support_day_month_totals, ADR 0030) follow every write
-- to support_day_entries: one statement-level trigger per event, reading the transition tables, so
-- a bulk insert costs one aggregate and a confirmation or approval a one-row upsert. Disputed
-- entries count nowhere (as in every total); a month with no entry left goes. The append-only
-- trigger (migration 0010) still refuses any change of an entry's content.
CREATE FUNCTION support_day_month_totals_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO support_day_month_totals AS t (project_id, month, logged, confirmed, approved, entries)
    SELECT project_id, date_trunc('month', worked_on)::date, sum(days),
           coalesce(sum(days) FILTER (WHERE confirmation_status = 'confirmed'), 0),
           coalesce(sum(days) FILTER (WHERE approved_at IS NOT NULL), 0),
           count(*)::int
      FROM new_rows
     WHERE confirmation_status <> 'disputed'
     GROUP BY 1, 2
     -- A fixed order: concurrent writers lock the rows they share in the same order (no deadlock).
     ORDER BY 1, 2
    ON CONFLICT (project_id, month) DO UPDATE
       SET logged = t.logged + excluded.logged, confirmed = t.confirmed + excluded.confirmed,
           approved = t.approved + excluded.approved, entries = t.entries + excluded.entries;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH d AS (
      SELECT project_id, date_trunc('month', worked_on)::date AS month, days, confirmation_status, approved_at, 1 AS sign
        FROM new_rows WHERE confirmation_status <> 'disputed'
      UNION ALL
      SELECT project_id, date_trunc('month', worked_on)::date, days, confirmation_status, approved_at, -1
        FROM old_rows WHERE confirmation_status <> 'disputed'
    ), delta AS (
      SELECT project_id, month, sum(sign * days) AS logged,
             coalesce(sum(sign * days) FILTER (WHERE confirmation_status = 'confirmed'), 0) AS confirmed,
             coalesce(sum(sign * days) FILTER (WHERE approved_at IS NOT NULL), 0) AS approved,
             sum(sign)::int AS entries
        FROM d GROUP BY 1, 2
    )
    INSERT INTO support_day_month_totals AS t (project_id, month, logged, confirmed, approved, entries)
    SELECT project_id, month, logged, confirmed, approved, entries FROM delta
     WHERE logged <> 0 OR confirmed <> 0 OR approved <> 0 OR entries <> 0
     ORDER BY 1, 2
    ON CONFLICT (project_id, month) DO UPDATE
       SET logged = t.logged + excluded.logged, confirmed = t.confirmed + excluded.confirmed,
           approved = t.approved + excluded.approved, entries = t.entries + excluded.entries;
    DELETE FROM support_day_month_totals t
     USING (SELECT DISTINCT project_id, date_trunc('month', worked_on)::date AS month FROM old_rows) k
     WHERE t.entries = 0 AND t.project_id = k.project_id AND t.month = k.month;
  ELSE
    INSERT INTO support_day_month_totals AS t (project_id, month, logged, confirmed, approved, entries)
    SELECT project_id, date_trunc('month', worked_on)::date, -sum(days),
           -coalesce(sum(days) FILTER (WHERE confirmation_status = 'confirmed'), 0),
           -coalesce(sum(days) FILTER (WHERE approved_at IS NOT NULL), 0),
           -count(*)::int
      FROM old_rows
     WHERE confirmation_status <> 'disputed'
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (project_id, month) DO UPDATE
       SET logged = t.logged + excluded.logged, confirmed = t.confirmed + excluded.confirmed,
           approved = t.approved + excluded.approved, entries = t.entries + excluded.entries;
    DELETE FROM support_day_month_totals t
     USING (SELECT DISTINCT project_id, date_trunc('month', worked_on)::date AS month FROM old_rows) k
     WHERE t.entries = 0 AND t.project_id = k.project_id AND t.month = k.month;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER support_day_month_totals_insert AFTER INSERT ON support_day_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_day_month_totals_sync();
--> statement-breakpoint
CREATE TRIGGER support_day_month_totals_update AFTER UPDATE ON support_day_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_day_month_totals_sync();
--> statement-breakpoint
CREATE TRIGGER support_day_month_totals_delete AFTER DELETE ON support_day_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION support_day_month_totals_sync();
--> statement-breakpoint
-- Recomputes the monthly totals from the ledger. A table with a `rebuild_<table>()` function is
-- derived data: backups leave it out and a restore calls the function (src/server/db/backup.ts).
CREATE FUNCTION rebuild_support_day_month_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM support_day_month_totals;
  INSERT INTO support_day_month_totals (project_id, month, logged, confirmed, approved, entries)
  SELECT project_id, date_trunc('month', worked_on)::date, sum(days),
         coalesce(sum(days) FILTER (WHERE confirmation_status = 'confirmed'), 0),
         coalesce(sum(days) FILTER (WHERE approved_at IS NOT NULL), 0),
         count(*)::int
    FROM support_day_entries
   WHERE confirmation_status <> 'disputed'
   GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
SELECT rebuild_support_day_month_totals();
