import type { VaultSession } from '../vault/vault-session'
import { createCaseService } from '../cases/case-service'
import { createTemplateService } from '../screening/template-service'
import { createAssessmentService } from '../screening/assessment-service'
import { createReferralService } from '../referrals/referral-service'
import { createSupportPlanService } from '../support-plans/support-plan-service'

/**
 * The staff who "did" the synthetic casework, each with the real services built on a session of
 * their own (their role, their visibility), so every screening, referral and plan passes the same
 * rules as one made in the app. The services read a story clock, set to the day each step happens,
 * so created_at, a referral's history and the "today" a service checks against tell one consistent
 * story. The audit log is the signed-in session's own: its rows keep the real time of writing.
 */
export function createCaseworkActors(session: VaultSession) {
  let storyTime = session.clock().getTime()
  const clock = () => new Date(storyTime)
  const staff = new Map(session.users.list().map((user) => [user.id, user]))
  const actors = new Map<number, ReturnType<typeof build>>()

  function build(userId: number) {
    const user = userId === session.user.id ? session.user : staff.get(userId)
    if (!user) throw new Error(`training: no user ${userId}`)
    const acting: VaultSession = {
      db: session.db,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      audit: session.audit,
      users: session.users,
      settings: session.settings,
      clock,
    }
    const cases = createCaseService(acting)
    return {
      userId: user.id,
      assessments: createAssessmentService(acting, createTemplateService(acting), cases),
      referrals: createReferralService(acting, cases.assertVisible),
      plans: createSupportPlanService(acting, cases.assertVisible),
    }
  }

  return {
    /** Midday UTC: the same calendar day in every time zone from UTC−11 to UTC+11. */
    at(day: string): void {
      storyTime = Date.parse(`${day}T12:00:00.000Z`)
    },
    as(userId: number) {
      let actor = actors.get(userId)
      if (!actor) {
        actor = build(userId)
        actors.set(userId, actor)
      }
      return actor
    },
  }
}

export type CaseworkActors = ReturnType<typeof createCaseworkActors>
export type CaseworkActor = ReturnType<CaseworkActors['as']>
