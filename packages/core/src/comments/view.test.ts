import { describe, expect, it } from 'vitest'
import { type CommentRow, type CommentViewer, commentView } from './view'

const row: CommentRow = {
  id: 'c1',
  parent_id: null,
  author_id: 'author',
  authorName: 'Ann Author',
  body: 'Lung **screening** works',
  created_at: '2026-07-01T10:00:00.000Z',
  edited_at: null,
  deleted_at: null,
  hidden_at: null,
  hidden_reason: null,
}
const reader: CommentViewer = { personId: 'reader', isSiteAdmin: false, moderates: false, mayComment: true }
const author: CommentViewer = { ...reader, personId: 'author' }
const moderator: CommentViewer = { ...reader, personId: 'mod', moderates: true }
const hiddenRow = { ...row, hidden_at: '2026-07-01T11:00:00.000Z', hidden_reason: 'Personal data' }

describe('commentView', () => {
  it('shows an ordinary comment with rendered Markdown, and lets its author edit and delete it', () => {
    const view = commentView(row, author)
    expect(view.body).toBe('Lung **screening** works')
    expect(view.bodyHtml).toBe('<p>Lung <strong>screening</strong> works</p>\n')
    expect(view.can).toEqual({ edit: true, delete: true, moderate: false })
    expect(commentView(row, reader).can).toEqual({ edit: false, delete: false, moderate: false })
  })

  it('shows a deleted comment without its words, to everyone', () => {
    for (const viewer of [reader, author, moderator]) {
      const view = commentView({ ...row, deleted_at: '2026-07-01T12:00:00.000Z' }, viewer)
      expect(view).toMatchObject({ deleted: true, body: null, bodyHtml: null, hidden: null })
      expect(view.can).toEqual({ edit: false, delete: false, moderate: false })
    }
  })

  it('hides a hidden comment from everyone but moderators, its author included', () => {
    for (const viewer of [reader, author]) {
      const view = commentView(hiddenRow, viewer)
      expect(view.body).toBeNull()
      expect(view.bodyHtml).toBeNull()
      expect(view.hidden).toEqual({ reason: null, at: hiddenRow.hidden_at })
      expect(JSON.stringify(view)).not.toContain('screening')
      expect(JSON.stringify(view)).not.toContain('Personal data')
      expect(view.can.edit).toBe(false)
    }
    const view = commentView(hiddenRow, moderator)
    expect(view.body).toBe(row.body)
    expect(view.hidden).toEqual({ reason: 'Personal data', at: hiddenRow.hidden_at })
    expect(view.can.moderate).toBe(true)
  })

  it('lets the author no longer edit once they may not comment (topic closed, group left)', () => {
    expect(commentView(row, { ...author, mayComment: false }).can.edit).toBe(false)
  })
})
