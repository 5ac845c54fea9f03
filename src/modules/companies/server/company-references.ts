/**
 * The port through which modules that point at companies (contacts, interactions, and later
 * assessments, roadmaps, projects…) take part in a company merge. The companies module cannot import
 * them (they sit above it), so each module implements a mover and boot wires the list into AppDeps.
 */
import type { Db } from '../../../server/db/client'

export interface CompanyReferenceMover {
  /** Stable name: the key of this mover's undo token in company_merges.moved. */
  name: string
  /**
   * Moves every record of the module that points at `fromCompanyId` to `toCompanyId` (resolving
   * its own uniqueness clashes) and returns a JSON token that `undo` can reverse.
   */
  move(tx: Db, fromCompanyId: string, toCompanyId: string): Promise<unknown>
  /** Reverses exactly what `move` did, from its token. */
  undo(tx: Db, token: unknown): Promise<void>
  /**
   * Optional: how many records `move` would move away from the company (the merge screen shows
   * "3 contatti, 12 interazioni"; merges remember the figure).
   */
  count?(db: Db, companyId: string): Promise<number>
  /**
   * Which of `companyIds` have records of this module, in one statement: undoing an import deletes
   * the companies it created only when nothing points at them (else they are archived).
   */
  referencing?(db: Db, companyIds: readonly string[]): Promise<string[]>
}
