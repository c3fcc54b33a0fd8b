import type { VaultSession } from '../core/vault/vault-session'
import { createCaseService } from '../core/cases/case-service'
import { createCommentService } from '../core/cases/comment-service'
import { createAttachmentService } from '../core/cases/attachment-service'
import { createPerpetratorService } from '../core/cases/perpetrator-service'

function build(session: VaultSession) {
  const cases = createCaseService(session)
  return {
    cases,
    comments: createCommentService(session, cases.reindex),
    attachments: createAttachmentService(session),
    perpetrators: createPerpetratorService(session, cases.reindex),
  }
}

export type CaseServices = ReturnType<typeof build>

// One set of prepared statements per unlocked session; dropped with the session on lock.
const bySession = new WeakMap<VaultSession, CaseServices>()

export function caseServicesFor(session: VaultSession): CaseServices {
  let services = bySession.get(session)
  if (!services) {
    services = build(session)
    bySession.set(session, services)
  }
  return services
}
