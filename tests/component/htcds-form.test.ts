// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import { useForm } from 'vee-validate'
import { useI18n } from 'vue-i18n'
import { codesOf, fieldByName, type HtcdsField as FieldDefinition } from '../../main/api/contract/htcds'
import { ApiError } from '../../renderer/src/api-error'
import { createAppI18n } from '../../renderer/src/i18n'
import { en } from '../../renderer/src/i18n/en'
import { zodFormSchema } from '../../renderer/src/forms/typed-schema'
import {
  editCaseFormSchema,
  editFormPath,
  newCaseFormSchema,
  intakeDateSchema,
} from '../../renderer/src/forms/htcds/case-form-schemas'
import { compactRecord, formFields } from '../../renderer/src/forms/htcds/fields'
import { serverFieldErrors } from '../../renderer/src/forms/htcds/server-issues'
import HtcdsField from '../../renderer/src/forms/htcds/HtcdsField.vue'
import { installMatchMedia, wait } from './support-jsdom'

type Form = ReturnType<typeof useForm>

/** A form the way the case screens make one, holding the given fields under `survivor`/`events`. */
function mountFields(
  fields: { field: FieldDefinition; path: string }[],
  initialValues: Record<string, unknown> = {},
  schema: typeof newCaseFormSchema | ReturnType<typeof editCaseFormSchema> = newCaseFormSchema,
  messages: Record<string, unknown> = {},
) {
  let form: Form | undefined
  let translate: ((key: string) => string) | undefined
  const Host = defineComponent({
    props: { entries: { type: Array as PropType<typeof fields>, required: true } },
    setup(props) {
      const { t } = useI18n()
      translate = t
      form = useForm({ validationSchema: zodFormSchema(schema, t), initialValues }) as unknown as Form
      return () =>
        h(
          'form',
          props.entries.map((entry) =>
            h(HtcdsField, { field: entry.field, path: entry.path, idPrefix: 'test' }),
          ),
        )
    },
  })
  const i18n = createAppI18n()
  i18n.global.mergeLocaleMessage('en', messages)
  const wrapper = mount(Host, {
    props: { entries: fields },
    global: { plugins: [i18n, [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
  return { wrapper, form: () => form!, t: (key: string) => translate!(key) }
}

/** vee-validate runs a form's schema a few milliseconds after the change (debounced). */
async function settled(): Promise<void> {
  await wait(30)
  await flushPromises()
}

function field(name: string): FieldDefinition {
  const found = fieldByName(name)
  if (!found) throw new Error(`no HTCDS field ${name}`)
  return found
}

describe('the HTCDS field renderer', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installMatchMedia()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders a picklist with the code list’s options, labelled by the field and described by its help', async () => {
    const { wrapper } = mountFields([{ field: field('prs_Gender'), path: 'survivor.prs_Gender' }])
    const select = wrapper.get('[data-testid="field-prs_Gender"]')
    const combobox = select.get('[role="combobox"]')
    expect(document.getElementById(combobox.attributes('aria-labelledby')!)?.textContent).toBe('Gender')
    const help = document.getElementById(combobox.attributes('aria-describedby')!)
    expect(help?.textContent).toBe(field('prs_Gender').description)

    await combobox.trigger('click')
    await flushPromises()
    const options = [...document.querySelectorAll('[role="option"]')].map((option) =>
      option.textContent?.trim(),
    )
    expect(options).toEqual(codesOf('prs_Gender').map((code) => code.label))
    wrapper.unmount()
  })

  it('names countries in the reader’s language and keeps ISO codes as the stored value', async () => {
    const { wrapper, form } = mountFields(
      [{ field: field('prs_Citizenship'), path: 'survivor.prs_Citizenship' }],
      { survivor: { prs_Citizenship: ['NG'] } },
    )
    await flushPromises()
    expect(wrapper.get('[data-testid="field-prs_Citizenship"]').text()).toContain('Nigeria')
    expect(form().values.survivor).toEqual({ prs_Citizenship: ['NG'] })
    wrapper.unmount()
  })

  it('renders a date field that takes typed yyyy-mm-dd text and stores it as that string', async () => {
    const { wrapper, form } = mountFields(
      [{ field: field('prs_Birthdate'), path: 'survivor.prs_Birthdate' }],
      {
        survivor: { prs_Birthdate: '2004-06-01' },
      },
    )
    const input = wrapper.get<HTMLInputElement>('input[data-testid="field-prs_Birthdate"]')
    expect(input.element.value).toBe('2004-06-01')
    expect(document.querySelector('label[for="test-prs_Birthdate"]')?.textContent).toBe('Birthdate')

    // Typed a character at a time, "1999-12-3" is already a date: it must not become 1999-12-03.
    input.element.value = '1999-12-3'
    await input.trigger('input')
    expect(form().values.survivor).toEqual({ prs_Birthdate: '2004-06-01' })
    input.element.value = '1999-12-31'
    await input.trigger('input')
    await flushPromises()
    expect(form().values.survivor).toEqual({ prs_Birthdate: '1999-12-31' })
    wrapper.unmount()
  })

  it('keeps text that is no date on screen and in the form, where the check says what is wrong', async () => {
    const { wrapper, form } = mountFields([{ field: field('prs_Birthdate'), path: 'survivor.prs_Birthdate' }])
    const input = wrapper.get<HTMLInputElement>('input[data-testid="field-prs_Birthdate"]')
    input.element.value = '2025-13-45'
    await input.trigger('input')
    await input.trigger('blur')
    await settled()
    expect(input.element.value).toBe('2025-13-45')
    expect(form().values.survivor).toEqual({ prs_Birthdate: '2025-13-45' })
    expect(wrapper.get('#test-prs_Birthdate-error').text()).toBe(en.validation.date)

    // A date typed without leading zeros is completed when the field is left.
    input.element.value = '2025-3-4'
    await input.trigger('input')
    await input.trigger('blur')
    await settled()
    expect(form().values.survivor).toEqual({ prs_Birthdate: '2025-03-04' })
    expect(wrapper.find('#test-prs_Birthdate-error').exists()).toBe(false)
    wrapper.unmount()
  })

  it('takes what is typed into the form on Enter, which saves a form without leaving the field', async () => {
    const { wrapper, form } = mountFields(
      [{ field: field('prs_Birthdate'), path: 'survivor.prs_Birthdate' }],
      {
        survivor: { prs_Birthdate: '2004-06-01' },
      },
    )
    const input = wrapper.get<HTMLInputElement>('input[data-testid="field-prs_Birthdate"]')
    input.element.value = '2005-7-8'
    await input.trigger('input')
    await input.trigger('keydown', { key: 'Enter' })
    expect(form().values.survivor).toEqual({ prs_Birthdate: '2005-07-08' })
    expect(input.element.value).toBe('2005-07-08')

    // Not a date: the form holds the text, so its check refuses it, instead of keeping 2005-07-08.
    input.element.value = '2005-02-30'
    await input.trigger('input')
    await input.trigger('keydown', { key: 'Enter' })
    expect(form().values.survivor).toEqual({ prs_Birthdate: '2005-02-30' })
    wrapper.unmount()
  })

  it('uses a translation of the label when the messages have one, the standard’s English otherwise', async () => {
    const { wrapper } = mountFields(
      [
        { field: field('prs_FirstName'), path: 'survivor.prs_FirstName' },
        { field: field('prs_SecondName'), path: 'survivor.prs_SecondName' },
      ],
      {},
      newCaseFormSchema,
      { htcds: { fields: { prs_FirstName: 'Given name' } } },
    )
    expect(document.querySelector('label[for="test-prs_FirstName"]')?.textContent).toBe('Given name')
    expect(document.querySelector('label[for="test-prs_SecondName"]')?.textContent).toBe('Second Name')
    wrapper.unmount()
  })

  it('never offers deprecated fields, nor lookups that have no picker yet', () => {
    const offered = formFields('victim').map((entry) => entry.name)
    expect(offered).toContain('vic_TypeOfExploitation')
    expect(offered).not.toContain('vic_Vulnerabilities')
    expect(offered).not.toContain('vic_AgreementToManagePersonalData')
    expect(offered).not.toContain('vic_LocationOfRecruitment')
    expect(formFields('victim', ['vic_Vulnerabilities', 'vic_TraffickingStatus']).map((f) => f.name)).toEqual(
      ['vic_TraffickingStatus'],
    )
  })

  it('checks a field against the section schema when it is left, with a message in the reader’s language', async () => {
    const { wrapper } = mountFields([
      { field: field('prs_NumberOfChildren'), path: 'survivor.prs_NumberOfChildren' },
    ])
    const input = wrapper.get<HTMLInputElement>('input[data-testid="field-prs_NumberOfChildren"]')
    await input.setValue('41')
    await input.trigger('blur')
    await settled()
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#test-prs_NumberOfChildren-error').text()).toBe('Enter 40 or less.')
    expect(input.attributes('aria-describedby')).toContain('test-prs_NumberOfChildren-error')
    wrapper.unmount()
  })

  it('shows main’s VALIDATION issues at the matching fields', async () => {
    const { wrapper, form, t } = mountFields([
      { field: field('prs_Gender'), path: 'survivor.prs_Gender' },
      { field: field('prs_FirstName'), path: 'survivor.prs_FirstName' },
    ])
    const refused = new ApiError('VALIDATION', 'Some fields are not valid.', {
      issues: [
        { path: 'survivor.prs_Gender', code: 'invalid_value', message: 'survivor.prs_Gender: not a code' },
        { path: 'survivor.prs_FirstName', code: 'required', message: 'a name or an alias is required' },
      ],
    })
    form().setErrors(serverFieldErrors(refused, t))
    await flushPromises()
    expect(wrapper.get('#test-prs_Gender-error').text()).toBe(en.validation.chooseOne)
    expect(wrapper.get('#test-prs_FirstName-error').text()).toBe(en.validation.nameOrAlias)
    expect(wrapper.get('[data-testid="field-prs_FirstName"]').attributes('aria-invalid')).toBe('true')
    wrapper.unmount()
  })

  it('says when the birthdate is after the intake date (the rule main and the import apply too)', async () => {
    const { wrapper, form } = mountFields(
      [{ field: field('prs_Birthdate'), path: 'survivor.prs_Birthdate' }],
      {
        intakeDate: '2024-05-01',
        survivor: { prs_FirstName: 'Ana', prs_Birthdate: '2024-06-01' },
        survivorAliases: [],
        victim: {},
      },
    )
    const result = await form().validate()
    expect(result.errors['survivor.prs_Birthdate']).toBe(en.validation.birthAfterIntake)
    const future = intakeDateSchema.safeParse('2099-01-01')
    expect(future.success ? null : future.error.issues[0]?.message).toBe('date_in_future')
    expect(intakeDateSchema.safeParse('1950-01-01').success).toBe(true)
    // Main's word for the same, and for the intake date, read in the person's language.
    const refused = new ApiError('VALIDATION', 'Some fields are not valid.', {
      issues: [{ path: 'intakeDate', code: 'date_in_future', message: 'in the future' }],
    })
    expect(serverFieldErrors(refused, (key, named) => String(key) + JSON.stringify(named ?? {}))).toEqual({
      intakeDate: 'validation.dateInFuture{}',
    })
    wrapper.unmount()
  })

  it('maps an event’s issue path to the event’s record in the edit form', async () => {
    expect(editFormPath('events.2.hte_Date')).toBe('events.2.record.hte_Date')
    expect(editFormPath('survivor.prs_Gender')).toBe('survivor.prs_Gender')
    const { wrapper, form, t } = mountFields(
      [{ field: field('hte_Date'), path: 'events.0.record.hte_Date' }],
      { events: [{ id: 4, record: {} }] },
      editCaseFormSchema(() => undefined),
    )
    const refused = new ApiError('VALIDATION', 'Some fields are not valid.', {
      issues: [{ path: 'events.0.hte_Date', code: 'invalid_date', message: 'not a real date' }],
    })
    form().setErrors(serverFieldErrors(refused, t, editFormPath))
    await flushPromises()
    expect(wrapper.get('#test-hte_Date-error').text()).toBe(en.validation.date)
    wrapper.unmount()
  })

  it('sends main only filled fields: a cleared field is absent, not an empty string', () => {
    expect(
      compactRecord({
        prs_FirstName: ' Amina ',
        prs_MiddleName: '',
        prs_Citizenship: [],
        prs_Deceased: false,
      }),
    ).toEqual({ prs_FirstName: 'Amina', prs_Deceased: false })
  })
})
