import { MAX_TOPIC_TAGS } from '@appg-hub/schemas'
import { Show } from 'solid-js'
import { createRead } from '../lib/data'
import { api, type Visibility } from '../lib/trpc'
import { CheckboxGroup, RadioGroup, TextField } from './Form'
import { MarkdownField } from './Markdown'
import { Loading } from './Status'

export interface TopicDraft {
  title: string
  summary: string
  tags: string[]
  visibility: Visibility
}

export const TOPIC_FIELDS = ['title', 'summary', 'tags', 'visibility'] as const

/**
 * The fields of a topic, for starting one and for editing it. Field ids are `${prefix}-title`
 * and so on, so that an error summary can link to them.
 */
export function TopicFields(props: {
  prefix: string
  draft: TopicDraft
  onChange: (draft: TopicDraft) => void
  errors: Record<string, string>
  ownerTitle: string
}) {
  const tags = createRead(
    'register.tags',
    () => true,
    () => api.register.tags.query(),
  )
  const set = <K extends keyof TopicDraft>(key: K, value: TopicDraft[K]) =>
    props.onChange({ ...props.draft, [key]: value })

  return (
    <>
      <TextField
        id={`${props.prefix}-title`}
        name="title"
        label="Title"
        hint="Say what the groups would work on together, for example “Personalised medicine for lung cancer”."
        value={props.draft.title}
        onValue={(v) => set('title', v)}
        error={props.errors.title}
        autocomplete="off"
        maxLength={300}
      />
      <MarkdownField
        id={`${props.prefix}-summary`}
        label="Summary"
        hint="What the topic is about and what you hope the groups will do. You can use Markdown: a blank line between paragraphs, “- ” for a list, **bold**."
        value={props.draft.summary}
        onValue={(v) => set('summary', v)}
        error={props.errors.summary}
      />
      <Show when={tags.data()} fallback={<Loading label="Loading tags…" />}>
        {(list) => (
          <CheckboxGroup
            id={`${props.prefix}-tags`}
            legend="Tags"
            hint={`The subjects it touches, up to ${MAX_TOPIC_TAGS}. Tags help us suggest groups to invite.`}
            choices={[...list()]
              .sort((a, b) => a.tag.localeCompare(b.tag))
              .map((t) => ({ value: t.tag, label: t.tag }))}
            values={props.draft.tags}
            onValues={(v) => set('tags', v)}
            error={props.errors.tags}
            columns
            small
          />
        )}
      </Show>
      <RadioGroup
        id={`${props.prefix}-visibility`}
        legend="Who can see it"
        error={props.errors.visibility}
        value={props.draft.visibility}
        onValue={(v) => set('visibility', v as Visibility)}
        choices={[
          {
            value: 'participants',
            label: 'Only the groups taking part',
            hint: `Members of ${props.ownerTitle} and of the groups that accept an invitation can read it and comment. Nobody else can see that it exists.`,
          },
          {
            value: 'public',
            label: 'Everyone',
            hint: 'Anyone can read the topic and its discussion, without signing in. Only members of the groups taking part can comment. Once other groups take part, it becomes public only when an officer of each has consented.',
          },
        ]}
      />
    </>
  )
}
