#!/usr/bin/env node
// The `ponte` command: runs the TypeScript CLI through tsx (ADR 0002).
import { register } from 'tsx/esm/api'

register()
await import('../src/server/cli/cli.ts')
