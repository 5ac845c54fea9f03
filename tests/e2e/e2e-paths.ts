/** Where the e2e run keeps its files (all under the git-ignored .tmp/e2e), shared by setup and fixtures. */
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
/** PONTE_E2E_DIR lets two runs on one machine keep apart (each its own data, mail, screenshots). */
export const E2E_DIR = process.env.PONTE_E2E_DIR ? path.resolve(process.env.PONTE_E2E_DIR) : path.join(ROOT, '.tmp', 'e2e')
export const MAIL_DIR = path.join(E2E_DIR, 'mail')
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots')
export const SERVER_STATE_FILE = path.join(E2E_DIR, 'server.json')

/** Written by the global setup for the tests. */
export interface ServerState {
  baseURL: string
  smtpPort: number
  dataDir: string
}
