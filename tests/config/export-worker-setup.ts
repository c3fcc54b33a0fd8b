// vitest global setup: builds the export worker (main/core/export/export-worker.ts) the way the
// app's and the CLI's builds do, for the tests that run exports on worker threads. A worker
// thread runs plain JavaScript from a file; under vitest the source is TypeScript, so the tests
// get the real built worker rather than a stand-in.
import { build, type UserConfig } from 'vite'
import cliConfig from '../../main/cli.vite.config'
import { EXPORT_WORKER_OUT_DIR, EXPORT_WORKER_SOURCE } from '../unit/support/export-worker'

export default async function setup(): Promise<void> {
  const config = cliConfig as UserConfig
  await build({
    ...config,
    configFile: false,
    logLevel: 'error',
    build: {
      ...config.build,
      outDir: EXPORT_WORKER_OUT_DIR,
      rollupOptions: { ...config.build?.rollupOptions, input: { 'export-worker': EXPORT_WORKER_SOURCE } },
    },
  })
}
