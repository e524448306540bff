import '../../styles/files.css'
import { useNavigate } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { type WordImport as Imported, importWord, UploadError } from './upload'

/**
 * "Import from Word": a .docx becomes a new draft document of the group, of the kind and
 * visibility chosen in the form above it. What could not be kept is listed before going on to it.
 */
export function WordImport(props: {
  groupSlug: string
  kind: string
  visibility: string
  topicId?: string | null
}) {
  const navigate = useNavigate()
  const [progress, setProgress] = createSignal<number | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [done, setDone] = createSignal<Imported | null>(null)

  async function choose(file: File | undefined) {
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const result = await importWord(
        { group: props.groupSlug, kind: props.kind, visibility: props.visibility, topic: props.topicId },
        file,
        setProgress,
      )
      if (result.report.length === 0) navigate(`/documents/${result.id}`)
      else setDone(result)
    } catch (caught) {
      setError(caught instanceof UploadError ? caught.message : 'The file could not be sent.')
    } finally {
      setProgress(null)
    }
  }

  return (
    <section class="section files-import" aria-labelledby="word-import-heading">
      <h2 class="heading-m" id="word-import-heading">
        Import from Word
      </h2>
      <Show
        when={done()}
        fallback={
          <>
            <p class="hint" id="word-import-hint">
              A .docx file becomes a new draft of the kind and readership chosen above, titled by its first
              heading, with its headings, lists, tables, links and emphasis. Images are left out.
            </p>
            <label class="button button--secondary" for="word-import-file">
              Choose a Word file
            </label>
            <input
              id="word-import-file"
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              class="visually-hidden"
              aria-describedby="word-import-hint"
              onChange={(e) => {
                void choose(e.currentTarget.files?.[0])
                e.currentTarget.value = ''
              }}
            />
            <Show when={progress() !== null}>
              <p role="status">
                <label for="word-import-progress">Importing…</label>{' '}
                <progress id="word-import-progress" max="100" value={Math.round((progress() ?? 0) * 100)} />
              </p>
            </Show>
            <Show when={error()}>
              <p class="field-error" role="alert">
                {error()}
              </p>
            </Show>
          </>
        }
      >
        {(result) => (
          <div role="status" class="files-import__report">
            <p>
              <strong>“{result().title}” was imported.</strong> Some things could not be kept:
            </p>
            <ul>
              <For each={result().report}>{(line) => <li>{line}</li>}</For>
            </ul>
            <a class="button" href={`/documents/${result().id}`}>
              Open the document
            </a>
          </div>
        )}
      </Show>
    </section>
  )
}

/** "Download as Word": the document as a .docx, with the publication notice once published. */
export function WordExportLink(props: { documentId: string }) {
  return (
    <a class="button button--secondary" href={`/documents/${props.documentId}/export.docx`} download="">
      Download as Word
    </a>
  )
}
