// One lint config for the repo (kept under tests/config: the top level is fixed by the product card).
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const root = fileURLToPath(new URL('../..', import.meta.url))

const electronOnlyHere = 'Only main/index.ts, main/window/ and preload/ may import electron (DESIGN.md §2).'

export default tseslint.config(
  { basePath: root },
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // TypeScript checks undefined names itself (and knows DOM vs Node types per file).
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='openExternal']",
          message: 'shell.openExternal is not allowed: CaseVault never opens links.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No Function constructor.' },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/window/**', 'main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: electronOnlyHere }] }],
    },
  },
  {
    files: ['main/api/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // @scure/base: bech32, to check an age key's checksum where its shape is checked
              // (zero dependencies, audited; age-encryption itself is built on it).
              regex: '^(?!zod$|@scure/base$|\\./|\\.\\./\\.\\./\\.\\./resources/)',
              message: 'The contract imports only zod, @scure/base (bech32), itself and resources/htcds.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer is sandboxed: talk to main through window.casevault.',
            },
          ],
          patterns: [
            { regex: '^node:', message: 'The renderer cannot use Node modules.' },
            {
              regex: '^(fs|path|child_process|crypto|os)$',
              message: 'The renderer cannot use Node modules.',
            },
            {
              regex: 'main/(core|api/(?!contract))',
              message: 'The renderer may import only the API contract from main.',
            },
            { regex: 'better-sqlite3|argon2', message: 'No database or crypto in the renderer.' },
          ],
        },
      ],
    },
  },
  prettier,
)
