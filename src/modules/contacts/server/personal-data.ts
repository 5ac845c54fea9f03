/**
 * The port through which modules that hold data about a contact (interactions they took part in, and
 * later event registrations, …) take part in a GDPR data-subject export and erasure. The contacts
 * module cannot import them (they sit above it), so each implements a source and the shell wires the
 * list into AppDeps (src/server/personal-data-sources.ts).
 */
import type { Db } from '../../../server/db/client'

export interface PersonalDataSource {
  /** Stable name: the key of this source's part in the export (`other.<name>`). */
  name: string
  /** Everything the module holds about the person, as JSON-ready data (dates as ISO strings). */
  exportFor(db: Db, contactId: string): Promise<unknown>
  /** Removes or anonymises the person's data, inside the erasure's transaction. */
  eraseFor(tx: Db, contactId: string): Promise<void>
}
