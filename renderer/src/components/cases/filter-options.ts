import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { ageBands, caseStatuses } from '../../../../main/api/contract'
import { useAgeBandLabel, useCaseStatusLabel } from '../../i18n/case-labels'
import { useHtcdsText } from '../../forms/htcds/labels'
import { useAssigneesStore } from '../../stores/assignees'
import { useUsersStore } from '../../stores/users'

/** Options of the case list's filters, labelled in the reader's language. */
export function useCaseFilterOptions() {
  const { t } = useI18n()
  const statusLabel = useCaseStatusLabel()
  const ageBandLabel = useAgeBandLabel()
  const { codeOptions } = useHtcdsText()
  const assignees = useAssigneesStore()
  const users = useUsersStore()

  // Whoever still holds cases, a deactivated account too (users:caseHolders, for those who see
  // everyone's cases): a leaver's survivors could otherwise not be listed to hand them on. Until
  // that list is read, and for a caseworker, the assignees.
  const assignee = computed(() =>
    users.caseHolders.length
      ? [...users.caseHolders]
          .sort((a, b) => a.displayName.localeCompare(b.displayName))
          .map((holder) => ({
            value: holder.id,
            label: holder.active
              ? holder.displayName
              : t('cases.filters.deactivated', { name: holder.displayName }),
          }))
      : assignees.assignees.map((a) => ({ value: a.id, label: a.displayName })),
  )

  return {
    status: computed(() => caseStatuses.map((status) => ({ value: status, label: statusLabel(status) }))),
    ageBand: computed(() => ageBands.map((band) => ({ value: band, label: ageBandLabel(band) }))),
    gender: computed(() => codeOptions('prs_Gender').map((o) => ({ value: o.code, label: o.label }))),
    citizenship: computed(() => codeOptions('iso3166').map((o) => ({ value: o.code, label: o.label }))),
    exploitationType: computed(() =>
      codeOptions('vic_TypeOfExploitation').map((o) => ({ value: o.code, label: o.label })),
    ),
    assignee,
  }
}
