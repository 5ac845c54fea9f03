import { AppError } from '../../shared/app-error'

/** Opaque keyset cursor: base64url JSON of the last row's sort key and id. */
export interface CursorKey {
  k: string
  id: string
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** Decodes a cursor made by `encodeCursor`; anything else is a VALIDATION error on `cursor`. */
export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    // Every id in Ponte is a UUID: anything else would reach the database as a type error.
    if (value && typeof value === 'object' && 'k' in value && 'id' in value && typeof value.k === 'string' && typeof value.id === 'string' && UUID.test(value.id)) {
      return { k: value.k, id: value.id }
    }
  } catch {
    // not JSON: reported below like any other malformed cursor
  }
  throw invalidCursor()
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function invalidCursor(): AppError {
  return new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
}

/** The sort key of a cursor on a timestamp column. */
export function cursorTime(cursor: CursorKey): Date {
  const t = new Date(cursor.k)
  if (Number.isNaN(t.getTime())) throw invalidCursor()
  return t
}

/** The sort key of a cursor on a numeric score. */
export function cursorNumber(cursor: CursorKey): number {
  const n = Number(cursor.k)
  if (!Number.isFinite(n)) throw invalidCursor()
  return n
}

/** Escapes `%`, `_` and `\` for a LIKE/ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`
}
