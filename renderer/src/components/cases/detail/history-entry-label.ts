import { onMounted } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AuditEntry } from '../../../../../main/api/contract'
import { useCaseHistoryLabel } from '../../../i18n/case-history-label'
import { useAssigneesStore } from '../../../stores/assignees'

/**
 * One row of a case's History, in words. A reassignment (case.updated with details.reassignedTo
 * "user:<id>") showed only "Case record changed": a supervisor could not tell that, or to whom,
 * the case was handed. It names the new assignee; one who can no longer be given cases (no
 * longer among the assignable people) is "another user", never a raw id.
 */
export function useHistoryEntryLabel(): (entry: AuditEntry) => string {
  const { t } = useI18n()
  const actionLabel = useCaseHistoryLabel()
  const assignees = useAssigneesStore()
  onMounted(() => {
    // Without the names the row still says "reassigned": a failed read is not worth a message.
    if (!assignees.loaded) void assignees.load().catch(() => undefined)
  })
  return (entry) => {
    const to = entry.action === 'case.updated' ? entry.details?.reassignedTo : undefined
    if (typeof to !== 'string') return actionLabel(entry.action)
    const id = Number(/^user:(\d+)$/.exec(to)?.[1])
    const person = assignees.assignees.find((one) => one.id === id)
    return person
      ? t('caseHistory.actions.reassigned', { name: person.displayName })
      : t('caseHistory.actions.reassignedToOther')
  }
}
