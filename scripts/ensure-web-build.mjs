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

// Two starts at once (parallel test runs on one checkout) must not build into dist/ together:
// a directory is the lock (mkdir is atomic); one left by a killed build is taken over after 10 minutes.
const lock = path.join(root, 'dist', '.build-lock')
fs.mkdirSync(path.dirname(lock), { recursive: true })
for (;;) {
  try {
    fs.mkdirSync(lock)
    break
  } catch (error) {
    if (error.code !== 'EEXIST') throw error
    const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs
    if (age > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true })
    else await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
process.on('exit', () => fs.rmSync(lock, { recursive: true, force: true }))

const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
const sourcesAt = Math.max(newestMtime(path.join(root, 'src')), fs.statSync(path.join(root, 'index.html')).mtimeMs)
if (builtAt < sourcesAt) {
  console.log('Building the web app (first start or changed sources)…')
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' })
}
