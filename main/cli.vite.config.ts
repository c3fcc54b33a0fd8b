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
      input: { cli: resolve(root, 'main/cli.ts'), bench: resolve(root, 'tests/bench/bench.ts') },
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
