import { computed } from 'vue'
import { ageBands, caseStatuses } from '../../../../main/api/contract'
import { useAgeBandLabel, useCaseStatusLabel } from '../../i18n/case-labels'
import { useHtcdsText } from '../../forms/htcds/labels'
import { useAssigneesStore } from '../../stores/assignees'

/** Options of the case list's filters, labelled in the reader's language. */
export function useCaseFilterOptions() {
  const statusLabel = useCaseStatusLabel()
  const ageBandLabel = useAgeBandLabel()
  const { codeOptions } = useHtcdsText()
  const assignees = useAssigneesStore()

  return {
    status: computed(() => caseStatuses.map((status) => ({ value: status, label: statusLabel(status) }))),
    ageBand: computed(() => ageBands.map((band) => ({ value: band, label: ageBandLabel(band) }))),
    gender: computed(() => codeOptions('prs_Gender').map((o) => ({ value: o.code, label: o.label }))),
    citizenship: computed(() => codeOptions('iso3166').map((o) => ({ value: o.code, label: o.label }))),
    exploitationType: computed(() =>
      codeOptions('vic_TypeOfExploitation').map((o) => ({ value: o.code, label: o.label })),
    ),
    assignee: computed(() => assignees.assignees.map((a) => ({ value: a.id, label: a.displayName }))),
  }
}
