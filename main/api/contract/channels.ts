// The channel list, free of imports, so the sandboxed preload bundles nothing but this.
// A unit test checks it equals the contract's areas and methods exactly.
export const channels = {
  vault: [
    'status',
    'create',
    'unlock',
    'unlockWithRecoveryKey',
    'lock',
    'changePassphrase',
    'getSettings',
    'updateSettings',
  ],
  users: ['list', 'assignable', 'create', 'deactivate', 'resetPassphrase'],
  audit: ['list', 'verify'],
  cases: ['create', 'update', 'get', 'list', 'search', 'close', 'reopen', 'delete'],
  comments: ['list', 'add'],
  attachments: ['list', 'add', 'saveAs', 'remove'],
  perpetrators: ['list', 'add', 'update', 'unlink', 'find'],
  backup: [
    'status',
    'create',
    'verify',
    'restore',
    'restoreFirst',
    'cancelRestoreFirst',
    'updateSettings',
    'autoStatus',
    'updateAuto',
    'chooseAutoFolder',
    'cancel',
  ],
  export: ['run', 'getSettings', 'updateSettings', 'cancel'],
  import: ['preview', 'run', 'cancel'],
  screening: [
    'templates',
    'template',
    'saveTemplate',
    'createAssessment',
    'getAssessment',
    'listAssessments',
    'caseAssessments',
    'linkToCase',
    'convertToCase',
  ],
  directory: [
    'listOrganisations',
    'getOrganisation',
    'saveOrganisation',
    'setOrganisationActive',
    'listServices',
    'getService',
    'saveService',
    'setServiceActive',
    'importPreview',
    'importRun',
    'export',
  ],
  referrals: [
    'list',
    'forCase',
    'get',
    'create',
    'update',
    'setFollowUp',
    'transition',
    'recordConsent',
    'withdrawConsent',
    'printForm',
    'followUps',
    'awaitingAnswer',
    'supportPlans',
    'createSupportPlan',
    'updateSupportPlan',
  ],
  dashboard: ['summary'],
} as const

export const LOCKED_EVENT_CHANNEL = 'vault:locked-event'
export const PROGRESS_EVENT_CHANNEL = 'operation:progress-event'

export function channelName(area: string, methodName: string): string {
  return `${area}:${methodName}`
}
