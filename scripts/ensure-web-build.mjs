// `npm start` builds the web app when dist/web is missing or older than its sources, so
// `npm install && npm start` works on a fresh clone with nothing else to run.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const index = path.join(root, 'dist', 'web', 'index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
const sourcesAt = Math.max(newestMtime(path.join(root, 'src')), fs.statSync(path.join(root, 'index.html')).mtimeMs)
if (builtAt < sourcesAt) {
  console.log('Building the web app (first start or changed sources)…')
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' })
}
