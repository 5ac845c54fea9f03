/**
 * Runs once per Vitest run, before any test file: builds the database templates every test file
 * starts from, so that each file pays for a copy instead of initdb + migrations + 7,913 comuni.
 * - PGlite: three dumped data directories (empty cluster, migrated, migrated + reference data),
 *   loaded by in-memory PGlite (`loadDataDir`) in ~1 s instead of ~3.5 s.
 * - PostgreSQL (TEST_DATABASE_URL): one template database (migrated + reference data) that each
 *   throwaway database is created from (`create database … template …`).
 * Templates are built with the product's own migrate and load functions, so what a test gets is
 * exactly what a fresh Ponte database would hold.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/server/db/client'
import { migrateDatabase } from '../../src/server/db/migrate'
import { loadTerritoryReferenceData } from '../../src/modules/territory/server/territory.loader'

export interface DatabaseTemplates {
  /** PGlite dumps (tar files) by kind; absent on the PostgreSQL pass. */
  pglite?: { empty: string; migrated: string; app: string }
  /** Name of the PostgreSQL template database (migrated + reference data). */
  postgres?: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL || undefined
  if (url) {
    const name = `ponte_template_${randomBytes(6).toString('hex')}`
    await adminQuery(url, `create database ${name}`)
    const target = new URL(url)
    target.pathname = `/${name}`
    // Two clients: migrateDatabase holds one for its advisory lock while the migrator uses another.
    const database = await openDatabase({ url: target.toString(), poolSize: 2 })
    await migrateDatabase(database)
    await loadTerritoryReferenceData(database.db)
    // No connection may stay open on a template while databases are copied from it.
    await database.close()
    project.provide('databaseTemplates', { postgres: name })
    return async () => {
      await adminQuery(url, `drop database if exists ${name} with (force)`)
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-test-templates-'))
  const database = await openDatabase({ memory: true })
  const pglite = database.pglite
  if (!pglite) throw new Error('an in-memory database without PGlite')
  const dump = async (file: string) => {
    const blob = await pglite.dumpDataDir('none')
    const target = path.join(dir, file)
    fs.writeFileSync(target, Buffer.from(await blob.arrayBuffer()))
    return target
  }
  const empty = await dump('empty.tar')
  await migrateDatabase(database)
  const migrated = await dump('migrated.tar')
  await loadTerritoryReferenceData(database.db)
  const app = await dump('app.tar')
  await database.close()
  project.provide('databaseTemplates', { pglite: { empty, migrated, app } })
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
