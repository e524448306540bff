import { createSignal, For, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { plainMentions } from '../../lib/markdown'
import { api } from '../../lib/trpc'
import { Loading } from '../Status'

/** "Edited", and a disclosure with every version of a comment, newest first (loaded when opened). */
export function CommentHistory(props: { commentId: string; editedAt: string }) {
  const [open, setOpen] = createSignal(false)
  const regionId = () => `comment-${props.commentId}-history`
  // Read when opened; keyed on the last edit too, so an edited comment's history is read again.
  const versions = createRead(
    'comments.history',
    () => open() && { id: props.commentId, editedAt: props.editedAt },
    ({ id }) => api.comments.history.query({ id }),
  )
  const error = () => (versions.error() ? errorInfo(versions.error()).message : null)

  return (
    <>
      <span class="comment__edited">
        Edited <time datetime={props.editedAt}>{formatDateTime(props.editedAt)}</time>
      </span>{' '}
      <button
        type="button"
        class="link-button"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={regionId()}
        onClick={() => setOpen(!open())}
      >
        {open() ? 'Hide history' : 'View history'}
      </button>
      <div id={regionId()} class="comment-history" hidden={!open()}>
        <Show when={open()}>
          <Show when={!error()} fallback={<p class="field-error">{error()}</p>}>
            <Show when={versions.data()} fallback={<Loading label="Loading the versions…" />}>
              {(list) => (
                <Show when={list().length > 0} fallback={<p>No earlier versions were kept.</p>}>
                  <h3 class="heading-s">Every version, newest first</h3>
                  <ol class="comment-history__list">
                    <For each={list()}>
                      {(version, i) => (
                        <li class="comment-history__item">
                          <span class="comment-history__when">
                            {i() === list().length - 1
                              ? 'Original, posted'
                              : i() === 0
                                ? 'Current version, edited'
                                : 'Edited'}{' '}
                            <time datetime={version.editedAt}>{formatDateTime(version.editedAt)}</time>
                          </span>
                          <div class="comment-history__body">{plainMentions(version.body)}</div>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              )}
            </Show>
          </Show>
        </Show>
      </div>
    </>
  )
}
