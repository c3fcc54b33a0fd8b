import { rm } from 'node:fs/promises'
import type { AreaHandlers } from './handler'
import type { attachmentsContract, commentsContract, perpetratorsContract } from './contract/case-parts'
import { caseServicesFor } from './case-services'
import { nameForType } from '../core/cases/attachment-types'
import type { HandlerContext } from './handler'

/** Every part of a case is reachable only through a case the caller may see. */
function forCase(ctx: HandlerContext, caseId: number) {
  const services = caseServicesFor(ctx.session)
  services.cases.assertVisible(caseId)
  return services
}

export const commentsHandlers: AreaHandlers<typeof commentsContract> = {
  list: (ctx, input) => forCase(ctx, input.caseId).comments.list(input.caseId),
  add: (ctx, input) => forCase(ctx, input.caseId).comments.add(input.caseId, input.body),
}

export const attachmentsHandlers: AreaHandlers<typeof attachmentsContract> = {
  list: (ctx, input) => forCase(ctx, input.caseId).attachments.list(input.caseId),
  add: (ctx, input) =>
    forCase(ctx, input.caseId).attachments.add(input.caseId, input.fileName, input.content),
  saveAs: async (ctx, input) => {
    const session = ctx.session
    const { attachments } = caseServicesFor(session)
    const { caseId, fileName, mediaType } = attachments.find(input.id)
    forCase(ctx, caseId)
    // Ask first, read the bytes only once the user picked a place: a cancel exports nothing. The
    // name offered agrees with the content: a file stored before that rule as statement.bat
    // (text) is offered as statement.bat.txt, never as a script a double-click runs.
    const target = await ctx.files.chooseSaveLocation(nameForType(fileName, mediaType))
    if (!target) return false
    const { summary, bytes } = attachments.contentFor(input.id)
    await ctx.files.write(target, bytes)
    // Audited once written. Locked meanwhile (the audit cannot be written): the copy is taken back,
    // so that no copy leaves the vault unlogged.
    try {
      caseServicesFor(ctx.session).attachments.exported(summary)
    } catch (error) {
      await rm(target, { force: true })
      throw error
    }
    return true
  },
  remove: (ctx, input) => {
    const { attachments } = caseServicesFor(ctx.session)
    forCase(ctx, attachments.find(input.id).caseId)
    attachments.remove(input.id)
  },
}

export const perpetratorsHandlers: AreaHandlers<typeof perpetratorsContract> = {
  list: (ctx, input) => forCase(ctx, input.caseId).perpetrators.list(input.caseId),
  add: (ctx, input) => forCase(ctx, input.caseId).perpetrators.add(input.caseId, input),
  update: (ctx, input) => forCase(ctx, input.caseId).perpetrators.update(input.caseId, input.personId, input),
  unlink: (ctx, input) => forCase(ctx, input.caseId).perpetrators.unlink(input.caseId, input.personId),
  find: (ctx, input) => caseServicesFor(ctx.session).perpetrators.find(input.query),
}
