import { createSignal } from 'solid-js'
import { useActions } from '../../lib/data'
import { LINK_TYPE_NAMES } from '../../lib/documents'
import { api } from '../../lib/trpc'
import { Button, SelectField, TextField } from '../Form'
import { ActionStatus } from '../Status'

type ItemType = 'topic' | 'meeting' | 'document'
type LinkType = 'briefing_for' | 'minutes_of' | 'references' | 'supersedes'

const PATHS: Record<string, ItemType> = { topics: 'topic', sessions: 'meeting', documents: 'document' }

/** Reads a pasted hub address (`…/topics/<id>`) or a bare id. */
export function parseTarget(text: string, fallback: ItemType): { type: ItemType; id: string } | null {
  const trimmed = text.trim()
  const m = /\/(topics|sessions|documents)\/([A-Za-z0-9_-]{1,36})\/?$/.exec(trimmed)
  if (m) return { type: PATHS[m[1]!]!, id: m[2]! }
  return /^[A-Za-z0-9_-]{1,36}$/.test(trimmed) ? { type: fallback, id: trimmed } : null
}

/** Links the document to a topic, a session or another document, by hand. */
export function LinkForm(props: { id: string; onLinked: () => Promise<void> }) {
  const [type, setType] = createSignal<ItemType>('topic')
  const [target, setTarget] = createSignal('')
  const [linkType, setLinkType] = createSignal<LinkType>('briefing_for')
  const [error, setError] = createSignal<string | null>(null)
  const actions = useActions()
  return (
    <form
      class="doc-link-form"
      onSubmit={(e) => {
        e.preventDefault()
        const parsed = parseTarget(target(), type())
        if (!parsed) {
          setError('Paste the address of a topic, session or document, or its id.')
          return
        }
        setError(null)
        void actions.run('link', async () => {
          await api.documents.link.mutate({
            id: props.id,
            toType: parsed.type,
            toId: parsed.id,
            linkType: linkType(),
          })
          setTarget('')
          await props.onLinked()
          return 'Linked.'
        })
      }}
    >
      <h3 class="heading-s">Add a link</h3>
      <SelectField
        id="link-type"
        label="Link"
        value={linkType()}
        onValue={(v) => setLinkType(v as LinkType)}
        options={Object.entries(LINK_TYPE_NAMES).map(([value, label]) => ({ value, label }))}
        inline
      />
      <SelectField
        id="link-item-type"
        label="to a"
        value={type()}
        onValue={(v) => setType(v as ItemType)}
        options={[
          { value: 'topic', label: 'Topic' },
          { value: 'meeting', label: 'Session' },
          { value: 'document', label: 'Document' },
        ]}
        inline
      />
      <TextField
        id="link-target"
        label="Its address or id"
        hint="Paste it from the address bar, e.g. /topics/…"
        value={target()}
        onValue={setTarget}
        error={error()}
      />
      <Button type="submit" variant="secondary" busy={actions.busy() === 'link'}>
        Add the link
      </Button>
      <ActionStatus message={actions.message()} error={actions.error()} compact />
    </form>
  )
}
