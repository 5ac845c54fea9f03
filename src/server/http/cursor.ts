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
    if (value && typeof value === 'object' && 'k' in value && 'id' in value && typeof value.k === 'string' && typeof value.id === 'string') {
      return { k: value.k, id: value.id }
    }
  } catch {
    // not JSON: reported below like any other malformed cursor
  }
  throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'cursor', message: 'errors.invalidCursor' }])
}

/** Escapes `%`, `_` and `\` for a LIKE/ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`
}
