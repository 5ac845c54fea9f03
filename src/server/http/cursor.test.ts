import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/app-error'
import { cursorNumber, cursorTime, decodeCursor, encodeCursor } from './cursor'

const ID = '5be8fc53-d106-4614-b613-991de1745c75'
const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('keyset cursors', () => {
  it('round-trips a sort key and id', () => {
    expect(decodeCursor(encodeCursor({ k: 'acme', id: ID }))).toEqual({ k: 'acme', id: ID })
  })

  it.each([
    ['not base64 json', 'garbage'],
    ['an id that is not a UUID', forged({ k: 'x', id: "1' or 1=1" })],
    ['a missing key', forged({ id: ID })],
  ])('rejects %s as a validation error', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrowError(AppError)
  })

  it('rejects a time or score key that is not one, instead of passing it to the database', () => {
    expect(() => cursorTime({ k: 'yesterday', id: ID })).toThrowError(AppError)
    expect(() => cursorNumber({ k: 'high', id: ID })).toThrowError(AppError)
    expect(cursorTime({ k: '2026-11-23T05:00:00.000Z', id: ID }).toISOString()).toBe('2026-11-23T05:00:00.000Z')
  })
})
