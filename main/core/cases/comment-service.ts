import type { VaultSession } from '../vault/vault-session'
import type { CaseComment } from '../../api/contract/case-parts'

interface CommentRow {
  id: number
  case_id: number
  author_name: string | null
  body: string
  created_at: string
}

function rowToComment(row: CommentRow): CaseComment {
  return {
    id: row.id,
    caseId: row.case_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  }
}

/** The case timeline. Comments are never edited or deleted one by one: the history stays honest. */
export function createCommentService(session: VaultSession, reindex: (caseId: number) => void) {
  const list = session.db.prepare<[number], CommentRow>(
    `SELECT c.id, c.case_id, u.display_name AS author_name, c.body, c.created_at
     FROM case_comments c LEFT JOIN users u ON u.id = c.author_user_id WHERE c.case_id = ? ORDER BY c.id`,
  )
  const one = session.db.prepare<[number], CommentRow>(
    `SELECT c.id, c.case_id, u.display_name AS author_name, c.body, c.created_at
     FROM case_comments c LEFT JOIN users u ON u.id = c.author_user_id WHERE c.id = ?`,
  )
  const insert = session.db.prepare(
    'INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)',
  )

  return {
    list(caseId: number): CaseComment[] {
      return list.all(caseId).map(rowToComment)
    },
    add(caseId: number, body: string): CaseComment {
      const id = session.db.transaction(() => {
        const commentId = Number(
          insert.run(caseId, session.user.id, body, session.clock().toISOString()).lastInsertRowid,
        )
        reindex(caseId)
        session.audit.append({
          actor: session.user.username,
          action: 'case.comment_added',
          target: `case:${caseId}`,
          details: { commentId },
        })
        return commentId
      })()
      return rowToComment(one.get(id)!)
    },
  }
}
