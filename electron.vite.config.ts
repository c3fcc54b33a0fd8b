import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// The renderer shows the version on its About screen; it cannot read package.json at run time.
const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string
}

// Source lives in main/, preload/ and renderer/ (the product card's layout), not electron-vite's src/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli.ts'),
          // The API host alone (no electron import): the e2e harness drives this very build.
          host: resolve(__dirname, 'main/api/host.ts'),
          // Run on worker threads by the full-record exports (export-worker-script.ts finds it).
          'export-worker': resolve(__dirname, 'main/core/export/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: bundle one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    // Relative asset URLs: the app loads its pages from file:// and never from a server.
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
