CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vat_number" text NOT NULL,
	"tax_code" text,
	"legal_form" text,
	"is_cooperative" boolean DEFAULT false NOT NULL,
	"ateco_edition" text DEFAULT '2007' NOT NULL,
	"ateco_code" text,
	"ateco_section" text,
	"employees" integer,
	"turnover" numeric(15, 2),
	"balance_sheet_total" numeric(15, 2),
	"founding_year" integer,
	"size_derived" text,
	"size_override" text,
	"website" text,
	"pec" text,
	"email" text,
	"phone" text,
	"address" text,
	"comune_istat" text,
	"province_code" text,
	"region_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"notes" text,
	"stage" text DEFAULT 'contacted' NOT NULL,
	"name_key" text NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('italian'::regconfig, search_text)) STORED,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "companies_vat_number_key" ON "companies" USING btree ("vat_number");--> statement-breakpoint
CREATE INDEX "companies_unit_idx" ON "companies" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "companies_name_sort_idx" ON "companies" USING btree ("name_key","id");--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_search_text_trgm_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_search_vector_idx" ON "companies" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "companies_province_idx" ON "companies" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "companies_ateco_section_idx" ON "companies" USING btree ("ateco_section");