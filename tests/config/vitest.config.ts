import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const root = resolve(import.meta.dirname, '../..')

export default defineConfig({
  root,
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
    // Argon2 at the real floor (64 MiB) in a few tests: give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The exports' worker thread runs built JavaScript: built once here (export-worker-setup.ts).
    globalSetup: ['tests/config/export-worker-setup.ts'],
  },
})
