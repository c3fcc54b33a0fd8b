// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { useField, useForm } from 'vee-validate'
import { z } from 'zod'
import { zodFormSchema } from '../../renderer/src/forms/typed-schema'
import { wait } from './support-jsdom'

// Found through a flaky e2e run: a date typed as 2024-11-31 in an event, then Tab, sometimes showed
// no error. Two fields were checked at nearly the same moment (the date on blur, and the Type
// select, whose blur PrimeVue reports 100 ms late). vee-validate hands the earlier, no longer
// latest check its schema result as the adapter wrote it, and looks the field up there by its
// own name, which it writes as `events[0].date`. The adapter wrote `events.0.date`, so the field
// found nothing and cleared the error the latest check had just shown.

describe('a form checked by a zod schema', () => {
  it('keeps an error in an array item when an earlier check finishes after a later one', async () => {
    let hold: Promise<void> | null = null
    const schema = z.object({
      events: z.array(z.object({ date: z.string().length(10) })),
      note: z.string().refine(async () => {
        // The check that starts first waits here until released; the later one runs through.
        const waitFor = hold
        hold = null
        if (waitFor) await waitFor
        return true
      }),
    })
    let date: ReturnType<typeof useField<string>> | undefined
    let note: ReturnType<typeof useField<string>> | undefined
    const Host = defineComponent({
      setup() {
        useForm({
          validationSchema: zodFormSchema(schema, (key) => key),
          initialValues: { events: [{ date: '' }], note: 'x' },
        })
        date = useField<string>('events.0.date', undefined, { validateOnValueUpdate: false })
        note = useField<string>('note', undefined, { validateOnValueUpdate: false })
        return () => h('form')
      },
    })
    const wrapper = mount(Host)
    await wait(30)
    await flushPromises()

    date!.value.value = '2024-11-31x'
    await wait(20) // the form's own silent check of the new value is done
    let release: () => void = () => {}
    hold = new Promise<void>((resolve) => (release = resolve))
    const first = date!.validate()
    await wait(20) // the first schema run has started, and waits
    const second = note!.validate()
    await wait(20) // the second run finishes and shows the date's error
    expect(date!.errorMessage.value).toBe('validation.tooLong')
    release()
    await Promise.all([first, second])
    await flushPromises()

    expect(date!.errorMessage.value).toBe('validation.tooLong')
    wrapper.unmount()
  })

  it('names array items the way vee-validate names its fields', async () => {
    const schema = z.object({ events: z.array(z.object({ date: z.string().min(1) })) })
    const result = await zodFormSchema(schema, (key) => key).parse({ events: [{ date: 'ok' }, { date: '' }] })
    expect(result.errors.map((error) => error.path)).toEqual(['events[1].date'])
  })

  it('asks for a single number where a number field holds text that is no number (NaN)', async () => {
    const schema = z.object({ age: z.number().int().min(0).optional(), lat: z.number().optional() })
    const result = await zodFormSchema(schema, (key) => key).parse({ age: Number.NaN, lat: Number.NaN })
    expect(result.errors).toEqual([
      { path: 'age', errors: ['validation.number'] },
      { path: 'lat', errors: ['validation.number'] },
    ])
  })
})
