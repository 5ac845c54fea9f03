/**
 * File uploads and downloads over HTTP, the same for every module: a body limit that answers a too
 * large upload with a VALIDATION error in the user's language, the OpenAPI shape of a CSV/XLSX
 * download, and the download response itself.
 */
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../../shared/app-error'
import { z } from './openapi'

/**
 * Refuses a body over what a file of `maxBytes` needs: base64 (JSON uploads) grows a file by 4/3,
 * a multipart envelope adds a little. `messageKey` gets `{ maxMb }`.
 */
export function uploadLimit(maxBytes: number, messageKey: string) {
  return bodyLimit({
    maxSize: Math.ceil((maxBytes * 4) / 3) + 64 * 1024,
    onError: () => {
      throw new AppError('VALIDATION', messageKey, { maxMb: Math.round(maxBytes / 1024 / 1024) })
    },
  })
}

/** OpenAPI response of a spreadsheet download (CSV or XLSX). */
export const spreadsheetResponse = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
  },
})

/** A streamed file as an attachment, never cached. */
export function fileDownload(file: { body: ReadableStream<Uint8Array>; contentType: string; fileName: string }): Response {
  return new Response(file.body, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  })
}
