/**
 * Environment, validated once at boot (HOUSE_STYLE habit 2). A wrong value stops the start with a
 * message naming the variable; every variable is listed in the README table.
 */
import { z } from 'zod'

const Port = z.coerce.number().int().min(0).max(65535)

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public base URL used in email links; defaults to http://localhost:PORT. */
  PONTE_PUBLIC_URL: z.url().optional(),
  /** PGlite data directory (embedded default). Ignored when DATABASE_URL is set. */
  PONTE_DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL 15+ connection string; when set Ponte uses it instead of PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Secret for signing session cookies. Generated and kept in the database when unset. */
  PONTE_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  /**
   * `demo` seeds a living demo network into an empty database; `none` starts empty. Default: `demo`
   * on the embedded database, `none` on a PostgreSQL server (a production install starts clean).
   */
  PONTE_SEED: z.enum(['demo', 'none']).optional(),
  PONTE_DEMO_PASSWORD: z.string().min(6).default('ponte-demo'),
  /** smtp://user:pass@host:port or smtps://…; when unset mail goes to the outbox only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Ponte <noreply@ponte.local>'),
  /** Background jobs (pg-boss) in this process: `on` (default) or `off`. */
  PONTE_JOBS: z.enum(['on', 'off']).default('on'),
  /** Take the client address from X-Forwarded-For (for sign-in throttling) behind a reverse proxy. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** Parses `source` (process.env by default); throws EnvError listing every wrong variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  )
  const result = EnvSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`)
  }
  return result.data
}

export function seedMode(env: Env): 'demo' | 'none' {
  return env.PONTE_SEED ?? (env.DATABASE_URL ? 'none' : 'demo')
}

export function publicUrl(env: Env): string {
  return (env.PONTE_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}
