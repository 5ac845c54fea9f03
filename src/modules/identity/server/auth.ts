/**
 * Authentication through better-auth (ADR 0005): email + password hashed with argon2id, sessions
 * stored in the database (any number of instances serve the same user), password reset by single-use
 * expiring tokens. Ponte's own routes wrap its API so every auth endpoint has Ponte's error shape,
 * throttling, audit and OpenAPI documentation; better-auth's HTTP handler is not mounted.
 */
import { randomUUID } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import type { Logger } from 'pino'
import type { Db } from '../../../server/db/client'
import { accounts, sessions, users, verifications } from './identity.table'

// OWASP password storage cheat sheet, argon2id: m=19 MiB, t=2, p=1.
// `algorithm: 2` is Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password)
}

export const SESSION_DAYS = 7
export const RESET_TOKEN_SECONDS = 60 * 60

export interface AuthOptions {
  db: Db
  logger: Logger
  secret: string
  baseURL: string
  /** Receives the single-use token of a password reset; Ponte builds and mails its own link. */
  sendResetPassword: (data: { user: { id: string; email: string; name: string }; token: string }) => Promise<void>
}

export function createAuth(options: AuthOptions) {
  const secure = options.baseURL.startsWith('https://')
  return betterAuth({
    appName: 'Ponte',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    telemetry: { enabled: false },
    // better-auth's own notices ("Invalid password") go to our logger at debug level.
    logger: {
      log: (level, message, ...args) => options.logger[level === 'error' ? 'error' : 'debug']({ args }, `better-auth: ${message}`),
    },
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from invitations or the CLI only.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: {
        hash: hashPassword,
        verify: ({ hash: passwordHash, password }) => verifyPassword(passwordHash, password),
      },
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => options.sendResetPassword({ user, token }),
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // No cookie cache: a revoked session or deactivated user is refused on the next request.
      cookieCache: { enabled: false },
    },
    // Ponte throttles sign-in itself, per account and per IP, in the database (identity.service).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'ponte',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: () => randomUUID() },
    },
    trustedOrigins: [options.baseURL],
  })
}

export type Auth = ReturnType<typeof createAuth>
