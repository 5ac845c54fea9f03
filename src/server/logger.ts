import pino, { type Logger } from 'pino'
import type { Env } from './env'

/** JSON lines in production; readable lines in development (pino-pretty). */
export function createLogger(env: Pick<Env, 'NODE_ENV' | 'LOG_LEVEL'>): Logger {
  const pretty = env.NODE_ENV === 'development' && process.stdout.isTTY
  return pino({
    level: env.LOG_LEVEL,
    base: { app: 'ponte' },
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'],
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } } }
      : {}),
  })
}
export type { Logger }
