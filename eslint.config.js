// Lint: TypeScript rules plus the import rules that keep the architecture honest (HOUSE_STYLE
// "Layers"): web never imports server code, modules reach each other only through index.ts or
// *.contract.ts, and there are no import cycles.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
    rules: { 'no-restricted-imports': 'off' },
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
