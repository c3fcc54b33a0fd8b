/** Long operations main reports progress for, so the renderer can show a bar and a Cancel button. */
export type OperationKind = 'backup' | 'verify' | 'restore' | 'export' | 'import'

export interface OperationProgress {
  operation: OperationKind
  /** What is happening now, e.g. 'snapshot', 'encrypt', 'decrypt', 'check', 'done'. */
  stage: string
  /** 0…1, or null while the length of the step is unknown (show an indeterminate bar). */
  fraction: number | null
}
