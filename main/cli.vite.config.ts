import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

// Builds the admin CLI (and the bench) alone, fast, so `npm run cli` needs no renderer build.
const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: {
        cli: resolve(root, 'main/cli.ts'),
        bench: resolve(root, 'tests/bench/bench.ts'),
        // The exports' worker (export-worker-script.ts): the bench runs exports as the app does.
        'export-worker': resolve(root, 'main/core/export/export-worker.ts'),
      },
      external: [
        ...builtinModules,
        ...builtinModules.map((name) => `node:${name}`),
        'argon2',
        'better-sqlite3-multiple-ciphers',
      ],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
