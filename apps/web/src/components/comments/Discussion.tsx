import { A, useLocation } from '@solidjs/router'
import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { createPagedRead } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { plural } from '../../lib/format'
import { useSignIn } from '../../lib/sign-in'
import { api, type Comment } from '../../lib/trpc'
import { ShowMore } from '../ShowMore'
import { ActionStatus, Loading } from '../Status'
import { CommentForm } from './CommentForm'
import { type CommentActions, CommentView } from './CommentView'
import type { ItemType } from './MentionTextarea'

/** How many more pages to read when the address names a comment that is not shown yet. */
const MAX_PAGES_FOR_ANCHOR = 20

function contains(comments: Comment[], id: string): boolean {
  return comments.some((c) => c.id === id || contains(c.replies, id))
}

function countAll(comments: Comment[]): number {
  return comments.reduce((n, c) => n + 1 + countAll(c.replies), 0)
}

/**
 * The discussion of an item: threaded comments (replies indented), "Show more", and the form to
 * add one. The address `#comment-<id>` scrolls to that comment, focuses and highlights it.
 */
export function Discussion(props: { itemType: ItemType; itemId: string; canComment: boolean }) {
  const signIn = useSignIn()
  const location = useLocation()
  const list = createPagedRead(
    'comments.list',
    () => ({ itemType: props.itemType, itemId: props.itemId }),
    (item, cursor) => api.comments.list.query({ ...item, cursor }),
  )
  // A store reconciled by id, so that a reload keeps each comment's open forms and history.
  const [comments, setComments] = createStore<Comment[]>([])
  createEffect(() => setComments(reconcile(list.items(), { key: 'id' })))
  const [highlighted, setHighlighted] = createSignal<string | null>(null)

  /** Shows (loading pages if need be), scrolls to and focuses a comment. */
  async function reveal(id: string, focus = true) {
    let pages = 0
    while (!contains(list.items(), id) && list.hasMore() && pages < MAX_PAGES_FOR_ANCHOR) {
      await list.showMore()
      pages++
    }
    if (!contains(list.items(), id)) return
    setHighlighted(id)
    queueMicrotask(() => {
      const el = document.getElementById(`comment-${id}`)
      if (!el) return
      el.scrollIntoView({ block: 'center' })
      if (focus) el.focus({ preventScroll: true })
    })
  }

  // Follow the address: on arrival and whenever the #comment-… part changes.
  createEffect(
    on(
      () => [location.hash, list.loading()] as const,
      ([hash, loading]) => {
        const m = /^#comment-([\w-]+)$/.exec(hash)
        if (!m || loading) return
        void reveal(m[1]!)
      },
    ),
  )

  const [busy, setBusy] = createSignal<string | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  /**
   * Runs a change, reloads the comments shown and reveals the comment it returns. A failure
   * rejects, so that a form keeps what was typed and shows why.
   */
  async function change(key: string, done: string, action: () => Promise<string>) {
    if (busy()) return
    setBusy(key)
    setMessage(null)
    setError(null)
    try {
      const target = await action()
      await list.reload()
      setMessage(done)
      await reveal(target)
    } finally {
      setBusy(null)
    }
  }

  /** For buttons (no form to show the error in): the error goes to the status area. */
  const reported = (p: Promise<void>) =>
    p.catch((caught) => {
      setError(errorInfo(caught).message)
    })

  const commentActions: CommentActions = {
    get itemType() {
      return props.itemType
    },
    get itemId() {
      return props.itemId
    },
    get canComment() {
      return props.canComment
    },
    busy,
    highlighted,
    reply: (parent, body) =>
      change(`reply:${parent.id}`, 'Your reply was posted.', async () => {
        const result = await api.comments.add.mutate({
          itemType: props.itemType,
          itemId: props.itemId,
          // Replies to a reply join its thread on the server (one level of replies).
          parentId: parent.id,
          body,
        })
        return result.id
      }),
    edit: (comment, body) =>
      change(`edit:${comment.id}`, 'Your comment was saved.', async () => {
        await api.comments.edit.mutate({ id: comment.id, body })
        return comment.id
      }),
    remove: (comment) =>
      reported(
        change(`delete:${comment.id}`, 'The comment was deleted.', async () => {
          await api.comments.delete.mutate({ id: comment.id })
          return comment.id
        }),
      ),
    hide: (comment, reason) =>
      reported(
        change(`hide:${comment.id}`, 'The comment is hidden.', async () => {
          await api.comments.hide.mutate({ id: comment.id, reason })
          return comment.id
        }),
      ),
    unhide: (comment) =>
      reported(
        change(`unhide:${comment.id}`, 'The comment is shown again.', async () => {
          await api.comments.unhide.mutate({ id: comment.id })
          return comment.id
        }),
      ),
  }

  return (
    <section class="section discussion" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading" class="heading-l">
        Discussion
      </h2>
      <ActionStatus message={message()} error={error()} compact />
      <Show when={!list.loading()} fallback={<Loading label="Loading comments…" />}>
        <Show when={list.error() && comments.length === 0}>
          <div class="alert alert--error" role="alert">
            {errorInfo(list.error()).message}
          </div>
        </Show>
        <Show
          when={comments.length > 0}
          fallback={
            <Show when={!list.error()}>
              <p>{props.canComment ? 'No comments yet. Start the discussion below.' : 'No comments yet.'}</p>
            </Show>
          }
        >
          <p class="visually-hidden">
            {plural(countAll(comments), 'comment')} shown{list.hasMore() ? ', and more to load' : ''}.
          </p>
          <ol class="comment-list" id="comments">
            <For each={comments}>
              {(comment) => <CommentView comment={comment} depth={0} actions={commentActions} />}
            </For>
          </ol>
          <ShowMore
            list={list}
            label="Show more comments"
            listId="comments"
            focusSelector=":scope > li > .comment"
          />
        </Show>
      </Show>

      <Show
        when={props.canComment}
        fallback={
          <Show when={signIn.ready()}>
            <Show
              when={!signIn.me()}
              fallback={
                <p class="discussion__closed">
                  You can read this discussion but not comment: only members of the groups taking part can
                  comment (observers read only), and only while it is open.
                </p>
              }
            >
              <p>
                <A href={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>Sign in</A> to join the
                discussion.
              </p>
            </Show>
          </Show>
        }
      >
        <CommentForm
          id="new-comment"
          mode="new"
          itemType={props.itemType}
          itemId={props.itemId}
          onSubmit={(body) =>
            change('add', 'Your comment was posted.', async () => {
              const result = await api.comments.add.mutate({
                itemType: props.itemType,
                itemId: props.itemId,
                body,
              })
              return result.id
            })
          }
        />
      </Show>
    </section>
  )
}
