CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"expert_user_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"roadmap_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_days" numeric(6, 2) NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome" text,
	"expert_rating" smallint,
	"completed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_rating_range" CHECK ("projects"."expert_rating" between 1 and 5),
	CONSTRAINT "projects_budget_positive" CHECK ("projects"."budget_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "support_day_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"worked_on" date NOT NULL,
	"days" numeric(6, 3) NOT NULL,
	"hours" numeric(6, 2),
	"activity" text NOT NULL,
	"outcome" text,
	"roadmap_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"logged_by" uuid NOT NULL,
	"corrects_entry_id" uuid,
	"confirmation_status" text DEFAULT 'pending' NOT NULL,
	"confirmation_email" text,
	"confirmation_locale" text,
	"confirmation_token_hash" text,
	"confirmation_sent_at" timestamp with time zone,
	"confirmation_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmer_name" text,
	"dispute_note" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_cv_files" (
	"user_id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'consultant' NOT NULL,
	"programme" text,
	"out_of_work" boolean DEFAULT false NOT NULL,
	"competences" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"home_comune_istat" text,
	"languages" text[] DEFAULT '{it}'::text[] NOT NULL,
	"availability_days_per_month" double precision DEFAULT 0 NOT NULL,
	"employer_name" text,
	"employer_vat_number" text,
	"ties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"importance" jsonb NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"catalogue_version" text NOT NULL,
	"expert_user_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"t1_due_on" date,
	"t1_due_on_set_by" uuid,
	"signoff_token_hash" text,
	"signoff_email" text,
	"signoff_locale" text,
	"signoff_sent_at" timestamp with time zone,
	"signoff_expires_at" timestamp with time zone,
	"signed_version" integer,
	"signed_at" timestamp with time zone,
	"signer_name" text,
	"signer_role" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmaps_status" CHECK ("roadmaps"."status" in ('draft', 'awaiting_signoff', 'signed', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "roadmap_catalogue_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"based_on" text NOT NULL,
	"actions" jsonb NOT NULL,
	"note" text NOT NULL,
	"action_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "companies_search_text_trgm_idx";--> statement-breakpoint
ALTER TABLE "company_activity" ADD COLUMN "summary" jsonb;--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_company_idx" ON "projects" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_expert_idx" ON "projects" USING btree ("expert_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "support_day_entries_seq_idx" ON "support_day_entries" USING btree ("project_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "support_day_entries_token_idx" ON "support_day_entries" USING btree ("confirmation_token_hash");--> statement-breakpoint
CREATE INDEX "support_day_entries_worked_idx" ON "support_day_entries" USING btree ("worked_on");--> statement-breakpoint
CREATE INDEX "support_day_entries_corrects_idx" ON "support_day_entries" USING btree ("corrects_entry_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_status_idx" ON "expert_profiles" USING btree ("status");--> statement-breakpoint
CREATE INDEX "expert_profiles_competences_idx" ON "expert_profiles" USING gin ("competences");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_versions_key" ON "roadmap_versions" USING btree ("roadmap_id","version");--> statement-breakpoint
CREATE INDEX "roadmaps_company_idx" ON "roadmaps" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "roadmaps_unit_idx" ON "roadmaps" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "roadmaps_expert_idx" ON "roadmaps" USING btree ("expert_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmaps_signoff_token_idx" ON "roadmaps" USING btree ("signoff_token_hash");--> statement-breakpoint
-- The support-day ledger is append-only (issue 5: "corrections are new entries, never silent edits";
-- ADR 0026). Below the application, whatever writes to the database: an entry's content columns
-- never change after insert (only its confirmation and approval columns move). A correction is a new
-- row with corrects_entry_id. Deletes are left to maintenance (a backup restore empties every table
-- first); no application code deletes an entry.
CREATE OR REPLACE FUNCTION support_day_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.project_id, NEW.seq, NEW.worked_on, NEW.days, NEW.hours, NEW.activity, NEW.outcome, NEW.roadmap_items, NEW.logged_by, NEW.corrects_entry_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.project_id, OLD.seq, OLD.worked_on, OLD.days, OLD.hours, OLD.activity, OLD.outcome, OLD.roadmap_items, OLD.logged_by, OLD.corrects_entry_id, OLD.created_at) THEN
    RAISE EXCEPTION 'support_day_entries is append-only: an entry''s content never changes (write a correction)' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER support_day_entries_append_only BEFORE UPDATE ON support_day_entries FOR EACH ROW EXECUTE FUNCTION support_day_entries_append_only();
