import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { csvCell, csvLine, neutraliseFormula, xlsxCell } from './company-export.format'
import { headerKey, parseLegalForm, suggestMapping } from './company-import.mapping'
import { decodeText, detectDelimiter, parseCsv, parseNumber, parseSpreadsheetDate, readSpreadsheet, UnreadableFileError } from './company-import.parse'

describe('parseNumber', () => {
  it.each([
    ['1.234.567,89', 1234567.89],
    ['1234567,89', 1234567.89],
    ['1234567.89', 1234567.89],
    ['1,234,567.89', 1234567.89],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['0.5', 0.5],
    ['0,75', 0.75],
    ['1,5', 1.5],
    ['1,234,567', 1234567],
    ['€ 12.000', 12000],
    ['12.000 €', 12000],
    ['-1.234,5', -1234.5],
    ['  42 ', 42],
    ['1 234 567,89', 1234567.89],
    ['1\u00a0234,5', 1234.5],
    [42, 42],
    [1234567.89, 1234567.89],
  ] as const)('reads %j as %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected)
  })

  it.each([['abc'], ['12a'], [''], ['1.2.3,4,5'], ['1..2'], ['1.23.456'], ['-'], [null], [true]] as const)('rejects %j', (input) => {
    expect(parseNumber(input)).toBeNull()
  })
})

describe('parseSpreadsheetDate', () => {
  it.each([
    [45292, '2024-01-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    ['45292', '2024-01-01'],
    ['31/12/2023', '2023-12-31'],
    ['1/2/2024', '2024-02-01'],
    ['01-02-2024', '2024-02-01'],
    ['01.02.2024', '2024-02-01'],
    ['01/02/24', '2024-02-01'],
    ['01/02/99', '1999-02-01'],
    ['2024-02-29', '2024-02-29'],
    [new Date(Date.UTC(2023, 4, 17)), '2023-05-17'],
  ] as const)('reads %j as %s', (input, expected) => {
    expect(parseSpreadsheetDate(input)).toBe(expected)
  })

  it.each([['31/02/2024'], ['2023-02-29'], ['13/13/2020'], ['ieri'], [0], [60], [-5], [null]] as const)('rejects %j', (input) => {
    expect(parseSpreadsheetDate(input)).toBeNull()
  })
})

describe('decodeText', () => {
  it('reads UTF-8 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Città;Forlì', 'utf8')])
    expect(decodeText(bytes)).toEqual({ text: 'Città;Forlì', encoding: 'utf-8-bom' })
  })

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from('Società;Perché', 'utf8'))).toEqual({ text: 'Società;Perché', encoding: 'utf-8' })
  })

  it('reads Windows-1252 (invalid UTF-8), as saved by Excel on Windows', () => {
    const bytes = iconv.encode('Ragione sociale;Città\nCaffè Società;Forlì € 5', 'win1252')
    expect(decodeText(bytes)).toEqual({ text: 'Ragione sociale;Città\nCaffè Società;Forlì € 5', encoding: 'windows-1252' })
  })

  it('keeps plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('a;b', 'utf8')).encoding).toBe('utf-8')
  })
})

describe('detectDelimiter', () => {
  it.each([
    ['Ragione sociale;Partita IVA;Fatturato\nA;1;1,5', ';'],
    ['name,vat,turnover\nA,1,1.5', ','],
    ['"Rossi, Bianchi & C.";Partita IVA\n', ';'],
    ['"a;b",c,d\n', ','],
    ['a\tb\tc\n', '\t'],
    ['solo', ';'],
  ] as const)('finds the delimiter of %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected)
  })
})

describe('parseCsv', () => {
  it('numbers rows as a spreadsheet does and drops empty lines without renumbering', () => {
    const sheet = parseCsv(Buffer.from('Ragione sociale;Partita IVA\r\nAlfa;00743110157\r\n\r\nBeta;"01234,5"\r\n', 'utf8'))
    expect(sheet.headers).toEqual(['Ragione sociale', 'Partita IVA'])
    expect(sheet.rows).toEqual([
      { number: 2, cells: ['Alfa', '00743110157'] },
      { number: 4, cells: ['Beta', '01234,5'] },
    ])
    expect(sheet.options).toEqual({ encoding: 'utf-8', delimiter: ';', sheet: null })
  })

  it('reads a comma-separated Windows-1252 file', () => {
    const sheet = parseCsv(iconv.encode('Name,City\nCaffè Srl,Forlì\n', 'win1252'))
    expect(sheet.rows[0]?.cells).toEqual(['Caffè Srl', 'Forlì'])
    expect(sheet.options).toMatchObject({ encoding: 'windows-1252', delimiter: ',' })
  })
})

describe('readSpreadsheet', () => {
  it('reads an XLSX with numbers, dates and rich text, numbering rows as Excel', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Aziende')
    sheet.addRow(['Ragione sociale', 'Partita IVA', 'Fatturato', 'Data'])
    sheet.addRow(['Alfa S.r.l.', 743110157, 1234567.89, new Date(Date.UTC(2024, 0, 15))])
    sheet.addRow([])
    sheet.addRow([{ richText: [{ text: 'Beta ' }, { text: 'SpA' }] }, '01234567890', { formula: '1+1', result: 2 }, null])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const parsed = await readSpreadsheet('aziende.xlsx', bytes)
    expect(parsed.format).toBe('xlsx')
    expect(parsed.headers).toEqual(['Ragione sociale', 'Partita IVA', 'Fatturato', 'Data'])
    expect(parsed.rows.map((r) => r.number)).toEqual([2, 4])
    expect(parsed.rows[0]?.cells.slice(0, 3)).toEqual(['Alfa S.r.l.', 743110157, 1234567.89])
    expect(parsed.rows[0]?.cells[3]).toBeInstanceOf(Date)
    expect(parsed.rows[1]?.cells.slice(0, 3)).toEqual(['Beta SpA', '01234567890', 2])
    expect(parsed.options.sheet).toBe('Aziende')
  })

  it.each([
    ['vecchio.xls', Buffer.from('whatever'), 'format'],
    ['vuoto.csv', Buffer.alloc(0), 'empty'],
    ['finto.xlsx', Buffer.from('not a zip'), 'corrupt'],
    ['solo-righe-vuote.csv', Buffer.from(';;\n;;\n'), 'empty'],
  ] as const)('refuses %s (%s)', async (name, bytes, reason) => {
    await expect(readSpreadsheet(name, bytes)).rejects.toEqual(new UnreadableFileError(reason))
  })
})

describe('headers and mapping', () => {
  it.each([
    ['Partita IVA', 'partitaiva'],
    ['  P. IVA ', 'piva'],
    ['Città', 'citta'],
    ['RAGIONE_SOCIALE', 'ragionesociale'],
  ])('normalises %j to %j', (header, key) => {
    expect(headerKey(header)).toBe(key)
  })

  it('recognises the Italian headers whatever their case, accents and spaces', () => {
    const headers = ['RAGIONE SOCIALE', 'partita iva', 'Codice Fiscale', 'Forma giuridica', 'Codice ATECO', 'Indirizzo', 'Comune', 'Provincia', 'Dipendenti', 'Fatturato', 'E-mail', 'PEC', 'Telefono', 'Sito web', 'Colonna ignota']
    expect(suggestMapping(headers)).toEqual({
      0: 'name', 1: 'vatNumber', 2: 'taxCode', 3: 'legalForm', 4: 'atecoCode', 5: 'address', 6: 'comune', 7: 'province',
      8: 'employees', 9: 'turnover', 10: 'email', 11: 'pec', 12: 'phone', 13: 'website',
    })
  })

  it('recognises the English headers', () => {
    const headers = ['Company name', 'VAT number', 'Tax code', 'Legal form', 'ATECO code', 'Address', 'City', 'Province', 'Employees', 'Turnover', 'Email', 'Certified email', 'Phone', 'Website']
    expect(Object.values(suggestMapping(headers))).toEqual([
      'name', 'vatNumber', 'taxCode', 'legalForm', 'atecoCode', 'address', 'comune', 'province', 'employees', 'turnover', 'email', 'pec', 'phone', 'website',
    ])
    expect(suggestMapping(['Name', 'Municipality'])).toEqual({ 0: 'name', 1: 'comune' })
  })

  it('maps custom fields by key or label and a field to its first column only', () => {
    const custom = [{ key: 'settore_cliente', labelIt: 'Settore cliente', labelEn: 'Customer sector', type: 'text', options: [] }]
    expect(suggestMapping(['Ragione sociale', 'Settore cliente', 'Denominazione'], custom)).toEqual({ 0: 'name', 1: 'custom.settore_cliente' })
    expect(suggestMapping(['customer sector'], custom)).toEqual({ 0: 'custom.settore_cliente' })
  })
})

describe('parseLegalForm', () => {
  it.each([
    ['S.r.l.', 'srl'],
    ['Srl', 'srl'],
    ['SRL', 'srl'],
    ['s.r.l.s.', 'srls'],
    ['Società a responsabilità limitata', 'srl'],
    ['SpA', 'spa'],
    ['S.p.A.', 'spa'],
    ['S.a.p.a.', 'sapa'],
    ['snc', 'snc'],
    ['S.A.S.', 'sas'],
    ['ditta individuale', 'ditta_individuale'],
    ['Impresa individuale', 'ditta_individuale'],
    ['società cooperativa', 'societa_cooperativa'],
    ['Soc. Coop. a r.l.', 'societa_cooperativa'],
    ['Società Cooperativa Agricola', 'societa_cooperativa'],
    ['Cooperativa sociale onlus', 'cooperativa_sociale'],
    ['Consorzio', 'consorzio'],
    ["Rete d'impresa", 'rete_impresa'],
    ['Associazione', 'associazione'],
    ['Ente pubblico', 'ente_pubblico'],
    ['Altra forma', 'altro'],
  ])('reads %j as %s', (text, form) => {
    expect(parseLegalForm(text)).toBe(form)
  })

  it.each([['Limited'], [''], ['GmbH']])('does not guess %j', (text) => {
    expect(parseLegalForm(text)).toBeNull()
  })
})

describe('formula neutralisation (export)', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+39 035 123456', "'+39 035 123456"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tcell', "'\tcell"],
    ['\rcell', "'\rcell"],
    ['Meccanica Srl', 'Meccanica Srl'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('turns %j into %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output)
  })

  it('leaves numbers typed in XLSX and neutralises text', () => {
    expect(xlsxCell(-5)).toBe(-5)
    expect(xlsxCell('=1+1')).toBe("'=1+1")
    expect(xlsxCell(null)).toBeNull()
  })

  it('writes CSV cells for Italian Excel: decimal comma, quotes where needed', () => {
    expect(csvCell(1234567.89, 'it')).toBe('1234567,89')
    expect(csvCell(1234567.89, 'en')).toBe('1234567.89')
    expect(csvCell('Rossi; Bianchi', 'it')).toBe('"Rossi; Bianchi"')
    expect(csvCell('Il "Ponte"', 'it')).toBe('"Il ""Ponte"""')
    expect(csvCell('=HYPERLINK("x")', 'it')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvLine(['a', null, 3], 'it')).toBe('a;;3\r\n')
  })
})
