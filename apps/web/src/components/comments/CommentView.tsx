import { createSignal, For, Match, Show, Switch } from 'solid-js'
import { formatDateTime } from '../../lib/format'
import type { Comment } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, TextField } from '../Form'
import { CommentFiles } from '../files/CommentFiles'
import { ServerHtml } from '../Markdown'
import { CommentForm } from './CommentForm'
import { CommentHistory } from './CommentHistory'
import type { ItemType } from './MentionTextarea'

/** What a comment can ask of its discussion; each resolves once the list shows the change. */
export interface CommentActions {
  itemType: ItemType
  itemId: string
  canComment: boolean
  busy: () => string | null
  reply(parent: Comment, body: string): Promise<void>
  edit(comment: Comment, body: string): Promise<void>
  remove(comment: Comment): Promise<void>
  hide(comment: Comment, reason: string): Promise<void>
  unhide(comment: Comment): Promise<void>
  /** The comment picked out by the address (#comment-…) or just changed. */
  highlighted: () => string | null
}

export function CommentView(props: { comment: Comment; depth: number; actions: CommentActions }) {
  const c = () => props.comment
  const a = props.actions
  const [mode, setMode] = createSignal<'read' | 'reply' | 'edit' | 'hide'>('read')
  const [reason, setReason] = createSignal('')
  const [reasonError, setReasonError] = createSignal<string | null>(null)
  let actionsRow: HTMLDivElement | undefined

  function back() {
    setMode('read')
    queueMicrotask(() => actionsRow?.querySelector<HTMLButtonElement>('button')?.focus())
  }

  async function hide(e: SubmitEvent) {
    e.preventDefault()
    if (!reason().trim()) {
      setReasonError('Enter the reason for hiding the comment.')
      document.getElementById(`hide-${c().id}`)?.focus()
      return
    }
    await a.hide(c(), reason().trim())
    setReason('')
    setReasonError(null)
    setMode('read')
  }

  const gone = () => c().deleted || (c().hidden !== null && c().body === null)
  // The server refuses replies to deleted and hidden comments.
  const canReply = () => a.canComment && !c().deleted && !c().hidden

  return (
    <li class="comment-item">
      <article
        class="comment"
        classList={{
          'is-highlighted': a.highlighted() === c().id,
          'comment--gone': gone(),
          'comment--hidden': Boolean(c().hidden) && !gone(),
        }}
        id={`comment-${c().id}`}
        tabIndex={-1}
        aria-labelledby={`comment-${c().id}-author`}
      >
        <header class="comment__meta">
          <span class="comment__author" id={`comment-${c().id}-author`}>
            {c().author.name}
          </span>
          <a class="comment__time" href={`#comment-${c().id}`}>
            <time datetime={c().createdAt}>{formatDateTime(c().createdAt)}</time>
            <span class="visually-hidden"> (link to this comment)</span>
          </a>
          <Show when={c().editedAt && !gone()}>
            <CommentHistory commentId={c().id} editedAt={c().editedAt!} />
          </Show>
        </header>

        <Switch>
          <Match when={c().deleted}>
            <p class="comment__gone-text">Comment deleted</p>
          </Match>
          <Match when={c().hidden && c().body === null}>
            <p class="comment__gone-text">Comment hidden by moderators</p>
          </Match>
          <Match when={mode() === 'edit'}>
            <CommentForm
              id={`edit-${c().id}`}
              mode="edit"
              itemType={a.itemType}
              itemId={a.itemId}
              initial={c().body ?? ''}
              autofocus
              onSubmit={async (body) => {
                await a.edit(c(), body)
                setMode('read')
              }}
              onCancel={back}
            />
          </Match>
          <Match when={true}>
            <Show when={c().hidden}>
              {(hidden) => (
                <div class="comment__hidden-banner">
                  <p>
                    <strong>Hidden:</strong> {hidden().reason ?? 'no reason given'}
                    <span class="block hint-inline">
                      Only moderators see this comment. Hidden {formatDateTime(hidden().at)}.
                    </span>
                  </p>
                  <Show when={c().can.moderate}>
                    <Button
                      variant="secondary"
                      class="button--small"
                      busy={a.busy() === `unhide:${c().id}`}
                      onClick={() => void a.unhide(c())}
                    >
                      Unhide<span class="visually-hidden"> the comment by {c().author.name}</span>
                    </Button>
                  </Show>
                </div>
              )}
            </Show>
            <ServerHtml html={c().bodyHtml ?? ''} class="comment__body" />
            <CommentFiles itemType={a.itemType} itemId={a.itemId} comment={c()} />
          </Match>
        </Switch>

        <Show when={mode() === 'read' || mode() === 'reply'}>
          <div class="comment__actions" ref={actionsRow}>
            <Show when={canReply() && mode() === 'read'}>
              <button type="button" class="link-button" onClick={() => setMode('reply')}>
                Reply<span class="visually-hidden"> to {c().author.name}</span>
              </button>
            </Show>
            <Show when={c().can.edit && !gone()}>
              <button type="button" class="link-button" onClick={() => setMode('edit')}>
                Edit<span class="visually-hidden"> your comment</span>
              </button>
            </Show>
            <Show when={c().can.moderate && !c().hidden && !c().deleted}>
              <button type="button" class="link-button" onClick={() => setMode('hide')}>
                Hide<span class="visually-hidden"> the comment by {c().author.name}</span>
              </button>
            </Show>
            <Show when={c().can.delete && !c().deleted}>
              <ConfirmAction
                label="Delete"
                accessibleLabel={`Delete the comment by ${c().author.name}`}
                variant="link"
                question="Delete this comment? It will show as “Comment deleted”; replies stay."
                confirmLabel="Yes, delete it"
                busy={a.busy() === `delete:${c().id}`}
                onConfirm={() => a.remove(c())}
              />
            </Show>
          </div>
        </Show>

        <Show when={mode() === 'hide'}>
          <form class="comment-form comment-form--nested" onSubmit={hide} novalidate>
            <TextField
              id={`hide-${c().id}`}
              label="Reason for hiding"
              hint="Everyone else will see “Comment hidden by moderators”. Moderators will see this reason."
              value={reason()}
              onValue={(v) => {
                setReason(v)
                if (v.trim()) setReasonError(null)
              }}
              error={reasonError()}
              maxLength={500}
              autocomplete="off"
              ref={(el) => queueMicrotask(() => el.focus())}
            />
            <div class="button-group">
              <Button
                type="submit"
                variant="warning"
                class="button--small"
                busy={a.busy() === `hide:${c().id}`}
              >
                Hide comment
              </Button>
              <Button variant="secondary" class="button--small" onClick={back}>
                Cancel
              </Button>
            </div>
          </form>
        </Show>

        <Show when={mode() === 'reply'}>
          <CommentForm
            id={`reply-${c().id}`}
            mode="reply"
            replyTo={c().author.name}
            itemType={a.itemType}
            itemId={a.itemId}
            autofocus
            onSubmit={async (body) => {
              await a.reply(c(), body)
              setMode('read')
            }}
            onCancel={back}
          />
        </Show>
      </article>

      <Show when={c().replies.length > 0}>
        <ol class="comment-list comment-list--replies" aria-label={`Replies to ${c().author.name}`}>
          <For each={c().replies}>
            {(reply) => <CommentView comment={reply} depth={props.depth + 1} actions={a} />}
          </For>
        </ol>
      </Show>
    </li>
  )
}
