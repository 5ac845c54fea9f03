/**
 * Streams rows into a CSV or XLSX body as they are read, so an export of every company never holds
 * the whole list in memory (exceljs's streaming writer for XLSX).
 */
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { CSV_BOM, csvLine, xlsxCell, type ExportValue } from './company-export.format'

export type RowSource = AsyncIterable<ExportValue[]>

export function csvStream(header: readonly string[], rows: RowSource, locale: 'it' | 'en'): ReadableStream<Uint8Array> {
  async function* lines() {
    yield Buffer.from(CSV_BOM + csvLine(header, locale), 'utf8')
    let chunk = ''
    for await (const row of rows) {
      chunk += csvLine(row, locale)
      if (chunk.length > 64 * 1024) {
        yield Buffer.from(chunk, 'utf8')
        chunk = ''
      }
    }
    if (chunk) yield Buffer.from(chunk, 'utf8')
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>
}

export function xlsxStream(sheetName: string, header: readonly string[], rows: RowSource): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  void (async () => {
    const head = sheet.addRow(header.map((h) => xlsxCell(h)))
    head.font = { bold: true }
    head.commit()
    for await (const row of rows) sheet.addRow(row.map(xlsxCell)).commit()
    sheet.commit()
    await workbook.commit()
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

/** The whole body in memory (CLI `--out`, tests). */
export async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>)) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}
