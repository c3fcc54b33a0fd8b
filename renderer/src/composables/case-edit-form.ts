import { ref, type Ref } from 'vue'
import { useForm } from 'vee-validate'
import { useI18n } from 'vue-i18n'
import type { CaseDetail } from '../../../main/api/contract'
import { ApiError } from '../api-error'
import { useCasesStore } from '../stores/cases'
import { useErrorMessage } from '../i18n/error-message'
import { zodFormSchema } from '../forms/typed-schema'
import { editCaseFormSchema, editFormPath, sameAliases } from '../forms/htcds/case-form-schemas'
import { compactRecord } from '../forms/htcds/fields'
import { serverFieldErrors } from '../forms/htcds/server-issues'

export interface CaseEditValues {
  intakeDate: string
  assignedUserId: number | null
  survivor: Record<string, unknown>
  survivorAliases: string[]
  victim: Record<string, unknown>
  events: { id?: number; record: Record<string, unknown> }[]
}

export function editValuesOf(detail: CaseDetail): CaseEditValues {
  return {
    intakeDate: detail.intakeDate,
    assignedUserId: detail.assignedUserId,
    survivor: { ...detail.survivor.record },
    survivorAliases: [...detail.survivor.aliases],
    victim: { ...detail.victim },
    events: detail.events.map((event) => ({ id: event.id, record: { ...event.record } })),
  }
}

/**
 * Editing a case's record (survivor, trafficking experience, events) as one form saved with the
 * version that was loaded. When someone else saved first, main answers CONFLICT: the person's
 * edits stay in the form, and they choose to reload the other version (dropping their edits).
 */
export function useCaseEditForm(
  detail: Ref<CaseDetail | null>,
  onSaved: (updated: CaseDetail) => void,
  onInvalidPaths: (paths: string[]) => void,
) {
  const { t } = useI18n()
  const cases = useCasesStore()
  const errorMessage = useErrorMessage()
  const form = useForm<CaseEditValues>({
    validationSchema: zodFormSchema(
      editCaseFormSchema(
        () => detail.value?.intakeDate,
        () => detail.value?.survivor.aliases,
      ),
      t,
    ),
    initialValues: {
      intakeDate: '',
      assignedUserId: null,
      survivor: {},
      survivorAliases: [],
      victim: {},
      events: [],
    },
    // Tabs and events come and go; what was typed in them must stay until saved or cancelled.
    keepValuesOnUnmount: true,
  })
  const editing = ref(false)
  const conflict = ref(false)
  const failure = ref<string | null>(null)

  function reset(to: CaseDetail): void {
    form.resetForm({ values: editValuesOf(to) })
    conflict.value = false
    failure.value = null
  }

  function start(): void {
    if (!detail.value) return
    reset(detail.value)
    editing.value = true
  }

  function cancel(): void {
    if (detail.value) reset(detail.value)
    editing.value = false
  }

  const save = form.handleSubmit(
    async (values) => {
      const loaded = detail.value
      if (!loaded) return
      failure.value = null
      conflict.value = false
      const reassigned = values.assignedUserId !== null && values.assignedUserId !== loaded.assignedUserId
      // Unchanged aliases are left out (main keeps them as stored): an older import took in more
      // than the contract lets a save send, and sending them back refused every edit of the case.
      const renamed = !sameAliases(values.survivorAliases, loaded.survivor.aliases)
      try {
        const updated = await cases.update({
          id: loaded.id,
          version: loaded.version,
          intakeDate: values.intakeDate,
          ...(reassigned ? { assignedUserId: values.assignedUserId } : {}),
          survivor: compactRecord(values.survivor),
          ...(renamed ? { survivorAliases: values.survivorAliases } : {}),
          victim: compactRecord(values.victim),
          details: loaded.details,
          events: values.events.map((event) => ({
            ...(event.id !== undefined ? { id: event.id } : {}),
            record: compactRecord(event.record),
          })),
        })
        onSaved(updated)
        reset(updated)
        editing.value = false
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          conflict.value = true
          return
        }
        failure.value = errorMessage(error)
        const fieldErrors = serverFieldErrors(error, t, editFormPath)
        form.setErrors(fieldErrors)
        onInvalidPaths(Object.keys(fieldErrors))
      }
    },
    ({ errors }) => onInvalidPaths(Object.keys(errors)),
  )

  /** Drops this person's edits and shows what the other person saved. */
  async function reloadTheirs(): Promise<void> {
    const loaded = detail.value
    if (!loaded) return
    try {
      const fresh = await cases.get(loaded.id)
      onSaved(fresh)
      reset(fresh)
      editing.value = false
    } catch (error) {
      failure.value = errorMessage(error)
    }
  }

  return {
    editing,
    conflict,
    failure,
    saving: form.isSubmitting,
    dirty: () => editing.value && form.meta.value.dirty,
    start,
    cancel,
    save,
    reloadTheirs,
  }
}
