CREATE TABLE "comuni" (
	"istat_code" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"province_code" text NOT NULL,
	"province_istat" text NOT NULL,
	"province_name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"ripartizione" integer NOT NULL,
	"cadastral_code" text,
	"population" integer,
	"latitude" double precision,
	"longitude" double precision,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "comuni_pkey" PRIMARY KEY("istat_code","valid_from"),
	CONSTRAINT "comuni_valid_range_check" CHECK ("comuni"."valid_to" is null or "comuni"."valid_to" > "comuni"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "reference_data_versions" (
	"dataset" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "comuni_name_key_trgm_idx" ON "comuni" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "comuni_province_code_idx" ON "comuni" USING btree ("province_code");