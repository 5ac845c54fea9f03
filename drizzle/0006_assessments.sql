CREATE TABLE "assessment_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"question_id" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'it' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"mode" text NOT NULL,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"rules_version" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customer_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assessor_id" uuid,
	"programme_id" uuid,
	"project_id" uuid,
	"prefilled_from_id" uuid,
	"overall" double precision,
	"band" text,
	"d1" double precision,
	"d2" double precision,
	"d3" double precision,
	"d4" double precision,
	"d5" double precision,
	"d6" double precision,
	"result" jsonb,
	"ateco_section" text,
	"size_class" text,
	"region_code" text,
	"is_latest" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"assessed_on" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_attachments_assessment_idx" ON "assessment_attachments" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_links_token_idx" ON "assessment_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "assessment_links_assessment_idx" ON "assessment_links" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "assessments_company_idx" ON "assessments" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "assessments_unit_idx" ON "assessments" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_series_version_idx" ON "assessments" USING btree ("series_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_latest_idx" ON "assessments" USING btree ("company_id","instrument_id") WHERE is_latest;--> statement-breakpoint
CREATE INDEX "assessments_benchmark_idx" ON "assessments" USING btree ("instrument_id","ateco_section","size_class","region_code","overall") WHERE is_latest;