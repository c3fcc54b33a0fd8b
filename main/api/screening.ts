import type { AreaHandlers } from './handler'
import type { screeningContract } from './contract/screening'
import type { VaultSession } from '../core/vault/vault-session'
import { createTemplateService } from '../core/screening/template-service'
import { createAssessmentService } from '../core/screening/assessment-service'
import { caseServicesFor } from './case-services'
import type { HandlerContext } from './handler'

function build(session: VaultSession) {
  const templates = createTemplateService(session)
  // The same case service as the cases area: one visibility rule, one case-number sequence.
  const assessments = createAssessmentService(session, templates, caseServicesFor(session).cases)
  return { templates, assessments }
}

// One set of prepared statements per unlocked session; dropped with the session on lock.
const bySession = new WeakMap<VaultSession, ReturnType<typeof build>>()

function servicesFor(ctx: HandlerContext) {
  let services = bySession.get(ctx.session)
  if (!services) {
    services = build(ctx.session)
    bySession.set(ctx.session, services)
  }
  return services
}

export const screeningHandlers: AreaHandlers<typeof screeningContract> = {
  templates: (ctx) => servicesFor(ctx).templates.list(),
  template: (ctx, input) => servicesFor(ctx).templates.load(input.id),
  saveTemplate: (ctx, input) => servicesFor(ctx).templates.save(input),
  createAssessment: (ctx, input) => servicesFor(ctx).assessments.create(input),
  getAssessment: (ctx, input) => servicesFor(ctx).assessments.get(input.id),
  printed: (ctx, input) => servicesFor(ctx).assessments.printed(input.id),
  listAssessments: (ctx, input) => servicesFor(ctx).assessments.list(input),
  caseAssessments: (ctx, input) => servicesFor(ctx).assessments.forCase(input.caseId),
  linkToCase: (ctx, input) => servicesFor(ctx).assessments.linkToCase(input.id, input.caseId),
  convertToCase: (ctx, input) => servicesFor(ctx).assessments.convertToCase(input),
}
