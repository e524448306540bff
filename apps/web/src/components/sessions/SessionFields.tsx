/** The fields of a session, shared by "Draft a session" and "Edit the session". */
import { Show } from 'solid-js'
import { RadioGroup, SelectField, TextAreaField, TextField } from '../Form'

export interface SessionDraft {
  title: string
  description: string
  date: string
  startTime: string
  endTime: string
  place: string
  onlineUrl: string
  visibility: 'participants' | 'public'
  capacity: string
  topicId: string
}

export const SESSION_FIELDS = [
  'title',
  'description',
  'date',
  'startTime',
  'endTime',
  'place',
  'onlineUrl',
  'visibility',
  'capacity',
  'topicId',
] as const

export function sessionInput(d: SessionDraft) {
  return {
    title: d.title.trim(),
    description: d.description,
    date: d.date,
    startTime: d.startTime,
    endTime: d.endTime,
    place: d.place.trim() || null,
    onlineUrl: d.onlineUrl.trim() || null,
    capacity: d.capacity.trim() ? Number(d.capacity) : null,
    topicId: d.topicId || null,
  }
}

export function SessionFields(props: {
  prefix: string
  draft: SessionDraft
  onChange: (d: SessionDraft) => void
  errors: Record<string, string>
  topics: { id: string; title: string }[]
  /** False when the person may not change who sees the session. */
  showVisibility: boolean
}) {
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) =>
    props.onChange({ ...props.draft, [key]: value })
  const id = (field: string) => `${props.prefix}-${field}`
  return (
    <>
      <TextField
        id={id('title')}
        label="Title"
        value={props.draft.title}
        onValue={(v) => set('title', v)}
        error={props.errors.title}
        maxLength={300}
      />
      <TextAreaField
        id={id('description')}
        label="Description"
        hint="What the session is for, who should come. Markdown: **bold**, lists, links."
        value={props.draft.description}
        onValue={(v) => set('description', v)}
        error={props.errors.description}
        rows={6}
      />
      <TextField
        id={id('date')}
        label="Date"
        hint="London time (GMT or BST, as the clocks are on the day)."
        type="date"
        value={props.draft.date}
        onValue={(v) => set('date', v)}
        error={props.errors.date}
        width="third"
      />
      <div class="time-fields">
        <TextField
          id={id('startTime')}
          label="Starts at"
          type="time"
          value={props.draft.startTime}
          onValue={(v) => set('startTime', v)}
          error={props.errors.startTime}
        />
        <TextField
          id={id('endTime')}
          label="Ends at"
          type="time"
          value={props.draft.endTime}
          onValue={(v) => set('endTime', v)}
          error={props.errors.endTime}
        />
      </div>
      <TextField
        id={id('place')}
        label="Room"
        hint="For example: Committee Room 10, House of Commons."
        value={props.draft.place}
        onValue={(v) => set('place', v)}
        error={props.errors.place}
        maxLength={300}
      />
      <TextField
        id={id('onlineUrl')}
        label="Online link (optional)"
        type="url"
        value={props.draft.onlineUrl}
        onValue={(v) => set('onlineUrl', v)}
        error={props.errors.onlineUrl}
      />
      <TextField
        id={id('capacity')}
        label="Places (optional)"
        hint="Leave empty for no limit. When it is full, people join a waiting list."
        inputMode="numeric"
        value={props.draft.capacity}
        onValue={(v) => set('capacity', v)}
        error={props.errors.capacity}
        width="third"
      />
      <Show when={props.topics.length > 0}>
        <SelectField
          id={id('topicId')}
          label="Topic (optional)"
          value={props.draft.topicId}
          onValue={(v) => set('topicId', v)}
          error={props.errors.topicId}
          options={[
            { value: '', label: 'No topic' },
            ...props.topics.map((t) => ({ value: t.id, label: t.title })),
          ]}
        />
      </Show>
      <Show when={props.showVisibility}>
        <RadioGroup
          id={id('visibility')}
          legend="Who can see it"
          hint="A draft is seen by the host groups only, whatever you choose, until it is scheduled."
          value={props.draft.visibility}
          onValue={(v) => set('visibility', v as SessionDraft['visibility'])}
          error={props.errors.visibility}
          choices={[
            { value: 'participants', label: 'Members of the host groups' },
            {
              value: 'public',
              label: 'Everyone (a public session)',
              hint: 'Anyone can read it and register interest. With several host groups, it becomes public only when an officer of each has consented.',
            },
          ]}
        />
      </Show>
    </>
  )
}
