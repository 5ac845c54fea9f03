/** The `ponte` command line (package.json `bin`): `program.ts` run on this process. */
import { runCli } from './program'

const code = await runCli(process.argv, { env: process.env, stdout: process.stdout, stderr: process.stderr })
// On success the process ends by itself once the command's work is done (`start` keeps serving).
if (code !== 0) process.exit(code)
