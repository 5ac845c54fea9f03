// Lint: TypeScript rules plus the import rules that keep the architecture honest (HOUSE_STYLE
// "Layers"): web never imports server code, modules reach each other only through index.ts or
// *.contract.ts, and there are no import cycles.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import fs from 'node:fs'

// One zone per pair of modules: a module never reaches into another module's server folder; it
// goes through that module's index.ts (server API) or *.contract.ts (shared with the web).
const modules = fs.readdirSync('src/modules', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
const moduleZones = modules.flatMap((m) =>
  modules
    .filter((o) => o !== m)
    .map((o) => ({
      target: `./src/modules/${m}`,
      from: `./src/modules/${o}/server`,
      message: `Import ${o} through src/modules/${o}/index.ts or its contract, not its server folder.`,
    })),
)
const webZones = [
  { target: './src/web', from: './src/server', message: 'The web app never imports server code.' },
  ...modules.map((m) => ({ target: `./src/modules/${m}/web`, from: './src/modules', except: modules.flatMap((o) => [`./${o}/web`, `./${o}/${o}.contract.ts`, `./${o}/${o}.reference.ts`]), message: 'Web code imports only web folders and contracts.' })),
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'drizzle/**', '.tmp/**', 'data/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...moduleZones, ...webZones] }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/*/server/*', '**/modules/*/server'],
              message: 'Import another module through its index.ts or *.contract.ts, not its server folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bin/**', '*.cjs', '*.config.*', 'tests/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    // A module's own files may use its server folder.
    files: ['src/modules/**/server/**', 'src/modules/*/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Infrastructure, tests and tooling assemble modules and may reach their tables.
    files: ['src/server/**', 'tests/**', 'bench/**', 'scripts/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/web/**', 'src/modules/*/web/**'],
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server'], message: 'The web app never imports server code; use *.contract.ts.' },
            { group: ['**/modules/*/index', '**/modules/*/index.ts'], message: 'index.ts is the server API of a module; the web uses web/index.ts and contracts.' },
          ],
        },
      ],
    },
  },
)
