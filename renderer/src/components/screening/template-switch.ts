import { computed, ref, watch, type Ref } from 'vue'
import type { Answers, TemplateDefinition, TemplateVersion } from '../../../../main/api/contract'
import { useScreeningStore } from '../../stores/screening'

const questionsOf = (definition: TemplateDefinition) => definition.sections.flatMap((s) => s.questions)

/**
 * The answers a new template asks the same way (same key, same answer type), so they mean the same
 * there; an answer to a question it does not ask, or asks another way, would be lost.
 */
export function answersKept(
  answers: Answers,
  from: TemplateDefinition | null,
  to: TemplateDefinition,
): Answers {
  const typeBefore = new Map(from ? questionsOf(from).map((q) => [q.key, q.type]) : [])
  const typeAfter = new Map(questionsOf(to).map((q) => [q.key, q.type]))
  return Object.fromEntries(
    Object.entries(answers).filter(
      ([key]) => typeAfter.has(key) && typeAfter.get(key) === typeBefore.get(key),
    ),
  )
}

/**
 * Loads the template picked for the screening form into `template`. Switching keeps the answers
 * the new template asks the same way; when others would be lost it waits for the screener
 * (`asking`): it had cleared every answer at once, with no question and no way back.
 */
export function useTemplateSwitch(
  template: Ref<TemplateVersion | null>,
  templateId: Ref<number>,
  answers: Ref<Answers | undefined>,
  failed: (error: unknown) => void,
) {
  const screening = useScreeningStore()
  const pending = ref<{ loaded: TemplateVersion; kept: Answers; lost: number; previous: number } | null>(null)

  function use(loaded: TemplateVersion, kept: Answers): void {
    template.value = loaded
    answers.value = kept
  }

  watch(templateId, async (id, previous) => {
    // Back to the template shown (the screener kept it): nothing to load.
    if (!id || id === template.value?.id) return
    try {
      const loaded = await screening.template(id)
      // A slower answer for a template chosen before: its questions would have been shown (and
      // the answers saved) under the template now named in the field.
      if (templateId.value !== id) return
      const given = answers.value ?? {}
      const kept = answersKept(given, template.value?.definition ?? null, loaded.definition)
      const lost = Object.keys(given).length - Object.keys(kept).length
      // "Keep" goes back to the template shown: the picker's previous value may be one picked and
      // left before it loaded, which "Keep" had switched to, never shown.
      if (lost > 0) pending.value = { loaded, kept, lost, previous: template.value?.id ?? previous }
      else use(loaded, kept)
    } catch (error) {
      failed(error)
    }
  })

  return {
    /** How many answers switching would drop, while the screener is asked; else 0. */
    losing: computed(() => pending.value?.lost ?? 0),
    /** Switch, dropping the answers the new template does not ask the same way. */
    confirm(): void {
      if (pending.value) use(pending.value.loaded, pending.value.kept)
      pending.value = null
    },
    /** Stay with the template shown, answers and all. */
    keep(): void {
      if (pending.value) templateId.value = pending.value.previous
      pending.value = null
    },
  }
}
