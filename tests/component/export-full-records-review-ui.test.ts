// @vitest-environment jsdom
// Hunt: the Export screen for the full-record formats. Each test failed on the code before its fix
// (session 21); the comment says what went wrong.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiResult, ExportResult } from '../../main/api/contract'
import { install, mountView, useKeys } from './export-view-support'

describe('the export screen (hunt)', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // The format radios stay live while main writes the file, and ExportPanel.run() reads the
  // format for the outcome only after the export has come back (resultFormat = format.value after
  // the await). A supervisor who exports 12 full case records and meanwhile clicks another
  // format reads "12 table cells." (or "12 rows.") about the file just written: a wrong count of
  // what left the vault, against the audit log's "12 cases".
  it('counts the finished export by the format that was exported, not by the radio clicked meanwhile', async () => {
    let answer!: (result: ApiResult<ExportResult>) => void
    // main answers only once the test says so: the export is "running" until then.
    const api = install(() => new Promise<ApiResult<ExportResult>>((resolve) => (answer = resolve)) as never)
    const wrapper = await mountView('supervisor')
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith(expect.objectContaining({ format: 'htcds-json' }))
    // While main works, another format is chosen.
    await wrapper.get('[data-testid="export-format-aggregates-csv"]').setValue(true)
    answer({ ok: true, value: { file: '/tmp/cases.json.age', rows: 12, encrypted: true, report: null } })
    await flushPromises()
    expect(wrapper.get('[data-testid="export-rows"]').text()).toBe('12 cases.')
    wrapper.unmount()
  })
})
