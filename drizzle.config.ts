import { defineConfig } from 'drizzle-kit'

// Migrations are generated here and applied from code at start (src/server/db/migrate.ts), because
// PGlite needs its extensions loaded before CREATE EXTENSION (ADR 0003).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
})
