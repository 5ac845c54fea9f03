import type { Writable } from 'node:stream'

/**
 * What a `ponte` command reads its settings from and writes its output to: the process itself
 * (`cli.ts`), or a test's environment and buffers (`runCli` in the same process).
 */
export interface CliIo {
  env: Record<string, string | undefined>
  stdout: Writable
  stderr: Writable
}

/** Ends a command with a message on stderr and an exit code. */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
  }
}
