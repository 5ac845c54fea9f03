ALTER TABLE "company_imports" ADD COLUMN "claim_id" uuid;--> statement-breakpoint
ALTER TABLE "company_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "company_imports" ADD COLUMN "run_by" uuid;--> statement-breakpoint
ALTER TABLE "company_imports" ADD COLUMN "run_locale" text;