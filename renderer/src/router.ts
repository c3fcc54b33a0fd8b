import {
  createRouter,
  createWebHashHistory,
  RouterView,
  type RouteLocationRaw,
  type Router,
} from 'vue-router'
import type { Role, VaultStatus } from '../../main/api/contract'
import {
  EXPORT_ROLES,
  exportFormats,
  casesContract,
  importContract,
  referralsContract,
  roles,
  screeningContract,
} from '../../main/api/contract'
import { errorCodeOf } from './api-error'
import { useVaultStore } from './stores/vault'
import { roleAllows } from './route-access'
import SetupView from './views/SetupView.vue'
import UnlockView from './views/UnlockView.vue'
import RecoveryUnlockView from './views/RecoveryUnlockView.vue'
import AppFrame from './views/AppFrame.vue'
import CasesView from './views/CasesView.vue'
import DashboardView from './views/DashboardView.vue'
import FollowUpsView from './views/FollowUpsView.vue'
import CaseNewView from './views/CaseNewView.vue'
import CaseDetailView from './views/CaseDetailView.vue'
import ScreeningView from './views/ScreeningView.vue'
import ScreeningNewView from './views/ScreeningNewView.vue'
import ScreeningDetailView from './views/ScreeningDetailView.vue'
import ScreeningPrintView from './views/ScreeningPrintView.vue'
import ScreeningTemplatesView from './views/ScreeningTemplatesView.vue'
import AdminView from './views/AdminView.vue'
import AdminUsersView from './views/AdminUsersView.vue'
import AdminSettingsView from './views/AdminSettingsView.vue'
import AdminAuditView from './views/AdminAuditView.vue'
import ChangePassphraseView from './views/ChangePassphraseView.vue'
import NotAllowedView from './views/NotAllowedView.vue'
import StartupProblemView from './views/StartupProblemView.vue'
import BackupView from './views/BackupView.vue'
import AboutView from './views/AboutView.vue'
import ReportsView from './views/ReportsView.vue'
import ExportView from './views/ExportView.vue'
import ImportView from './views/ImportView.vue'
import DirectoryView from './views/DirectoryView.vue'
import ReferralsView from './views/ReferralsView.vue'
import ReferralDetailView from './views/ReferralDetailView.vue'
import ReferralPrintView from './views/ReferralPrintView.vue'
import RecoveryKeyAgainView from './views/RecoveryKeyAgainView.vue'

type VaultState = VaultStatus['state']

// Anyone who may produce at least one export format; anyone who may import.
const exportRoles = roles.filter((role) =>
  exportFormats.some((format) => EXPORT_ROLES[format].includes(role)),
)
const importRoles = importContract.preview.access as readonly Role[]
// Screening's roles come from its contract: who may list screenings, who may save templates.
const screeningRoles = screeningContract.listAssessments.access as readonly Role[]
const templateEditorRoles = screeningContract.saveTemplate.access as readonly Role[]
// Case records: main refuses them to analysts, who were sent to the case list after unlocking.
const caseRoles = casesContract.list.access as readonly Role[]

declare module 'vue-router' {
  interface RouteMeta {
    /** The vault state a route belongs to; any other state redirects to that state's home. */
    vaultState?: VaultState
    /** Roles allowed (checked again in main: hiding a link is not a permission check). */
    roles?: readonly Role[]
  }
}

function homeFor(state: VaultState): RouteLocationRaw {
  switch (state) {
    case 'absent':
      return { name: 'setup' }
    case 'locked':
      return { name: 'unlock' }
    case 'unlocked':
      return { name: 'home' }
  }
}

export function createAppRouter(): Router {
  // Hash history: the app is loaded from file://, where path-based URLs would point at files.
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/app' },
      { path: '/setup', name: 'setup', component: SetupView, meta: { vaultState: 'absent' } },
      { path: '/unlock', name: 'unlock', component: UnlockView, meta: { vaultState: 'locked' } },
      {
        path: '/unlock/recovery',
        name: 'unlock-recovery',
        component: RecoveryUnlockView,
        meta: { vaultState: 'locked' },
      },
      { path: '/problem', name: 'problem', component: StartupProblemView },
      {
        path: '/recovery-key',
        name: 'recovery-key-again',
        component: RecoveryKeyAgainView,
        meta: { vaultState: 'unlocked', roles: ['admin'] },
      },
      {
        path: '/app',
        component: AppFrame,
        meta: { vaultState: 'unlocked' },
        children: [
          // Where signing in lands: the case list, or the reports for those who get no case records.
          {
            path: '',
            name: 'home',
            redirect: () => ({
              name: roleAllows(caseRoles, useVaultStore().user?.role) ? 'cases' : 'reports',
            }),
          },
          {
            // Nested so the Cases link stays highlighted on a case and in the wizard.
            path: 'cases',
            component: RouterView,
            meta: { roles: caseRoles },
            children: [
              { path: '', name: 'cases', component: CasesView },
              { path: 'new', name: 'case-new', component: CaseNewView },
              { path: ':id(\\d+)', name: 'case-detail', component: CaseDetailView },
            ],
          },
          {
            path: 'dashboard',
            name: 'dashboard',
            component: DashboardView,
            meta: { roles: ['admin', 'supervisor', 'caseworker'] },
          },
          {
            // All follow-ups of a dashboard card; the roles of referrals:followUps.
            path: 'dashboard/:window(overdue|thisWeek)',
            name: 'follow-ups',
            component: FollowUpsView,
            meta: { roles: referralsContract.followUps.access as readonly Role[] },
          },
          {
            // Screening: nested so the Screening link stays highlighted on a screening and its editor.
            // Analysts get no screening records (main refuses them too); templates: admins, supervisors.
            path: 'screening',
            component: RouterView,
            meta: { roles: screeningRoles },
            children: [
              { path: '', name: 'screening', component: ScreeningView },
              { path: 'new', name: 'screening-new', component: ScreeningNewView },
              { path: ':id(\\d+)', name: 'screening-detail', component: ScreeningDetailView },
              { path: ':id(\\d+)/print', name: 'screening-print', component: ScreeningPrintView },
              {
                path: 'templates',
                name: 'screening-templates',
                component: ScreeningTemplatesView,
                meta: { roles: templateEditorRoles },
              },
            ],
          },
          {
            // The service directory: read by every casework role, kept by admins and supervisors.
            path: 'directory',
            name: 'directory',
            component: DirectoryView,
            meta: { roles: ['admin', 'supervisor', 'caseworker'] },
          },
          {
            // Nested so the Referrals link stays highlighted on a referral and its printable form.
            // Analysts see aggregate reports only; main refuses them referrals as well.
            path: 'referrals',
            component: RouterView,
            meta: { roles: referralsContract.list.access as readonly Role[] },
            children: [
              { path: '', name: 'referrals', component: ReferralsView },
              { path: ':id(\\d+)', name: 'referral-detail', component: ReferralDetailView },
              { path: ':id(\\d+)/print', name: 'referral-print', component: ReferralPrintView },
            ],
          },
          {
            // Reports: the hub for exports and imports; nested so the Reports link stays highlighted.
            // The roles are the contract's (EXPORT_ROLES, import's access list); main checks them again.
            path: 'reports',
            component: RouterView,
            children: [
              { path: '', name: 'reports', component: ReportsView },
              { path: 'export', name: 'export', component: ExportView, meta: { roles: exportRoles } },
              { path: 'import', name: 'import', component: ImportView, meta: { roles: importRoles } },
            ],
          },
          // Open to every role (they see the status); making and restoring backups is admin-only in main.
          { path: 'backup', name: 'backup', component: BackupView },
          { path: 'about', name: 'about', component: AboutView },
          {
            // Supervisors get the audit log only; a child's roles replace the parent's (meta merges).
            path: 'admin',
            name: 'admin',
            component: AdminView,
            meta: { roles: ['admin', 'supervisor'] },
            redirect: () => ({ name: useVaultStore().isAdmin ? 'admin-users' : 'admin-audit' }),
            children: [
              { path: 'users', name: 'admin-users', component: AdminUsersView, meta: { roles: ['admin'] } },
              {
                path: 'settings',
                name: 'admin-settings',
                component: AdminSettingsView,
                meta: { roles: ['admin'] },
              },
              {
                path: 'audit',
                name: 'admin-audit',
                component: AdminAuditView,
                meta: { roles: ['admin', 'supervisor'] },
              },
            ],
          },
          { path: 'account/passphrase', name: 'change-passphrase', component: ChangePassphraseView },
          { path: 'not-allowed', name: 'not-allowed', component: NotAllowedView },
        ],
      },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  })

  router.beforeEach(async (to, from) => {
    const vault = useVaultStore()
    if (to.name === 'problem') return true
    // A lock sends an open session here: note where it was, for the same user's return.
    if (to.name === 'unlock' && from.meta.vaultState === 'unlocked') vault.noteInterruptedPath(from.fullPath)
    if (vault.status === null) {
      try {
        await vault.refresh()
      } catch (error) {
        return { name: 'problem', query: { code: errorCodeOf(error) } }
      }
    }
    const state = vault.state
    if (state === null) return { name: 'problem', query: { code: 'INTERNAL' } }
    if (to.meta.vaultState !== undefined && to.meta.vaultState !== state) return homeFor(state)
    if (!roleAllows(to.meta.roles, vault.user?.role)) return { name: 'not-allowed' }
    // The recovery key shown at setup was never confirmed: nothing else until it is written down.
    if (state === 'unlocked' && vault.status?.recoveryKeyPending && to.name !== 'recovery-key-again')
      return { name: 'recovery-key-again' }
    return true
  })

  return router
}
