import '../../styles/files.css'
import { createSignal, For, type JSX, Show } from 'solid-js'
import { createRead, revalidateReads, useActions } from '../../lib/data'
import { formatDateTime, plural } from '../../lib/format'
import { api } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { ActionStatus } from '../Status'
import type { AttachmentTarget, Files } from './types'
import { formatSize, UploadError, uploadAttachment } from './upload'

interface Progress {
  key: number
  name: string
  fraction: number
}

let uploadSeq = 0

/**
 * The files of a topic, session, document or comment: a list (name, type, size, who uploaded it
 * and when, earlier versions) and, for those who may add files, a drop zone and a file picker with
 * progress for each upload. Under a comment (`compact`) it shows nothing while there is nothing to
 * show or do.
 */
export function AttachmentsPanel(props: {
  targetType: AttachmentTarget
  targetId: string
  compact?: boolean
  /** Shown under the heading (the document's "Download as Word"). */
  extra?: JSX.Element
  /** Where the list comes from, when not `files.list` (a comment's, from its discussion's one call). */
  load?: () => Promise<Files>
}) {
  const files = createRead(
    props.load ? 'files.ofComment' : 'files.list',
    () => ({ targetType: props.targetType, targetId: props.targetId }),
    (input) => (props.load ? props.load() : api.files.list.query(input)),
  )
  const actions = useActions()
  /** After a change: a fresh list (a comment's comes from its discussion's one call). */
  async function reload() {
    if (props.load) await revalidateReads('files.forComments', 'files.ofComment')
    else await files.refetch()
  }
  const [uploads, setUploads] = createSignal<Progress[]>([])
  const [errors, setErrors] = createSignal<string[]>([])
  const [dragging, setDragging] = createSignal(false)
  const id = () => `files-${props.targetType}-${props.targetId}`

  async function upload(list: FileList | File[] | null, replaces?: string) {
    if (!list || list.length === 0) return
    const max = files.data()?.maxBytes ?? Number.POSITIVE_INFINITY
    setErrors([])
    const problems: string[] = []
    await Promise.all(
      Array.from(list).map(async (file) => {
        if (file.size === 0) return problems.push(`“${file.name}” is empty.`)
        if (file.size > max) return problems.push(`“${file.name}” is larger than ${formatSize(max)}.`)
        const key = ++uploadSeq
        setUploads((u) => [...u, { key, name: file.name, fraction: 0 }])
        try {
          await uploadAttachment(
            props.targetType,
            props.targetId,
            file,
            (fraction) => setUploads((u) => u.map((p) => (p.key === key ? { ...p, fraction } : p))),
            replaces,
          )
        } catch (error) {
          problems.push(
            error instanceof UploadError
              ? `“${file.name}”: ${error.message}`
              : `“${file.name}” could not be sent.`,
          )
        } finally {
          setUploads((u) => u.filter((p) => p.key !== key))
        }
      }),
    )
    setErrors(problems)
    await reload()
  }

  const visible = () => {
    const data = files.data()
    if (!data) return !props.compact
    return !props.compact || data.items.length > 0 || data.canUpload
  }

  return (
    <Show when={visible()}>
      <section
        class="files"
        classList={{ 'files--compact': props.compact, section: !props.compact }}
        aria-labelledby={`${id()}-heading`}
      >
        <Show
          when={!props.compact}
          fallback={
            <h4 class="visually-hidden" id={`${id()}-heading`}>
              Files
            </h4>
          }
        >
          <h2 class="heading-l" id={`${id()}-heading`}>
            Files
          </h2>
        </Show>
        <Show when={props.extra}>
          <p class="files-export">{props.extra}</p>
        </Show>
        <ActionStatus message={actions.message()} error={actions.error()} compact />
        <Show when={files.error()}>
          <p class="field-error" role="alert">
            The files could not be loaded.
          </p>
        </Show>
        <Show when={files.data()}>
          {(data) => (
            <>
              <Show when={data().items.length === 0 && !props.compact}>
                <p class="hint">No files yet.</p>
              </Show>
              <Show when={data().items.length > 0}>
                <ul class="files__list">
                  <For each={data().items}>
                    {(file) => (
                      <li class="files__item">
                        <div class="files__main">
                          <a class="files__name" href={file.url} download={file.name}>
                            {file.name}
                          </a>
                          <span class="files__meta">
                            {file.typeName}, {formatSize(file.size)}
                            {' · '}
                            {file.uploadedBy.name},{' '}
                            <time datetime={file.createdAt}>{formatDateTime(file.createdAt)}</time>
                            <Show when={file.version > 1}> · version {file.version}</Show>
                          </span>
                        </div>
                        <div class="files__actions">
                          <Show when={data().canUpload}>
                            <label class="link-button files__version">
                              New version<span class="visually-hidden"> of {file.name}</span>
                              <input
                                type="file"
                                class="visually-hidden"
                                onChange={(e) => {
                                  void upload(e.currentTarget.files, file.id)
                                  e.currentTarget.value = ''
                                }}
                              />
                            </label>
                          </Show>
                          <Show when={file.canRemove}>
                            <ConfirmAction
                              label="Delete"
                              accessibleLabel={`Delete ${file.name}`}
                              variant="link"
                              question={`Delete “${file.name}”${file.versions.length > 1 ? ` and its ${file.versions.length - 1} earlier ${plural(file.versions.length - 1, 'version')}` : ''}?`}
                              confirmLabel="Yes, delete it"
                              busy={actions.busy() === `remove:${file.id}`}
                              onConfirm={async () => {
                                await actions.run(`remove:${file.id}`, async () => {
                                  await api.files.remove.mutate({ id: file.id })
                                  await reload()
                                  return `“${file.name}” deleted.`
                                })
                              }}
                            />
                          </Show>
                        </div>
                        <Show when={file.versions.length > 1}>
                          <details class="files__versions">
                            <summary>Earlier versions ({file.versions.length - 1})</summary>
                            <ul>
                              <For each={file.versions.slice(1)}>
                                {(v) => (
                                  <li>
                                    <a href={v.url} download={v.name}>
                                      Version {v.version}: {v.name}
                                    </a>{' '}
                                    <span class="files__meta">
                                      {formatSize(v.size)}, {v.uploadedBy.name}, {formatDateTime(v.createdAt)}
                                    </span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </details>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>

              <Show when={data().canUpload}>
                {/* Dropping is a pointer shortcut; the file input inside is the keyboard's way. */}
                <fieldset
                  class="files__drop"
                  classList={{ 'is-dragging': dragging() }}
                  onDragOver={(e) => {
                    e.preventDefault()
                    setDragging(true)
                  }}
                  onDragLeave={() => setDragging(false)}
                  onDrop={(e) => {
                    e.preventDefault()
                    setDragging(false)
                    void upload(e.dataTransfer?.files ?? null)
                  }}
                >
                  <legend class="visually-hidden">Add files</legend>
                  <label class="button button--secondary button--small" for={`${id()}-input`}>
                    {props.compact ? 'Attach files' : 'Add files'}
                  </label>
                  <input
                    id={`${id()}-input`}
                    type="file"
                    multiple
                    class="visually-hidden"
                    aria-describedby={`${id()}-hint`}
                    onChange={(e) => {
                      void upload(e.currentTarget.files)
                      e.currentTarget.value = ''
                    }}
                  />
                  <span class={props.compact ? 'visually-hidden' : 'hint-inline'} id={`${id()}-hint`}>
                    or drop them here. PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text or images, up to{' '}
                    {formatSize(data().maxBytes)} each.
                  </span>
                </fieldset>
              </Show>
            </>
          )}
        </Show>
        <div role="status" aria-live="polite" class="files__progress">
          <For each={uploads()}>
            {(u) => (
              <div class="files__progress-row">
                <label for={`upload-${u.key}`}>Uploading {u.name}</label>
                <progress id={`upload-${u.key}`} max="100" value={Math.round(u.fraction * 100)}>
                  {Math.round(u.fraction * 100)}%
                </progress>
              </div>
            )}
          </For>
        </div>
        <Show when={errors().length > 0}>
          <div class="files__errors" role="alert">
            <ul>
              <For each={errors()}>{(message) => <li>{message}</li>}</For>
            </ul>
          </div>
        </Show>
      </section>
    </Show>
  )
}
