import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../../..')

export const EXPORT_WORKER_SOURCE = resolve(root, 'main/core/export/export-worker.ts')
export const EXPORT_WORKER_OUT_DIR = resolve(root, 'out/test-export-worker')
/** Built once per test run by tests/config/export-worker-setup.ts. */
export const EXPORT_WORKER_FOR_TESTS = resolve(EXPORT_WORKER_OUT_DIR, 'export-worker.js')
