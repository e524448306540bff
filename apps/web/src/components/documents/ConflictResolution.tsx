/**
 * A non-live save (the three-way merge) that overlaps with what someone saved meanwhile: each
 * overlap's two versions side by side, each under who wrote it, with a choice of which to keep
 * (or both); the text both sides agree on around them, shortened. The result is the merged text
 * with the choices made, which the person may still edit before saving it on top of the new head.
 * No conflict markers are ever shown: the server sends the overlaps as regions.
 */
import './conflict.css'
import { createMemo, createSignal, For } from 'solid-js'
import type { api } from '../../lib/trpc'
import { Button, RadioGroup, TextAreaField } from '../Form'

type SaveResult = Awaited<ReturnType<(typeof api)['documents']['save']['mutate']>>
export type SaveConflict = Extract<SaveResult, { status: 'conflict' }>
type Region = SaveConflict['regions'][number]
type Choice = 'yours' | 'theirs' | 'both'

/** The merged text with each overlap resolved as chosen. */
export function resolvedText(regions: Region[], choices: Choice[]): string {
  let overlap = 0
  const lines = regions.flatMap((region) => {
    if ('same' in region) return region.same
    const choice = choices[overlap++] ?? 'yours'
    return choice === 'yours'
      ? region.yours
      : choice === 'theirs'
        ? region.theirs
        : [...region.yours, ...region.theirs]
  })
  return lines.join('\n')
}

/** Agreed text around an overlap: its first and last lines when long. */
function shortened(lines: string[]): string {
  return lines.length <= 6 ? lines.join('\n') : [...lines.slice(0, 2), '…', ...lines.slice(-2)].join('\n')
}

function names(people: { name: string }[]): string {
  const all = people.map((p) => p.name)
  if (all.length <= 1) return all[0] ?? 'someone'
  return `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`
}

export function ConflictResolution(props: {
  conflict: SaveConflict
  busy: boolean
  onResolve: (text: string) => void
  onCancel: () => void
}) {
  const overlaps = () => props.conflict.regions.filter((r) => !('same' in r)).length
  const [choices, setChoices] = createSignal<Choice[]>(Array.from({ length: overlaps() }, () => 'yours'))
  const merged = createMemo(() => resolvedText(props.conflict.regions, choices()))
  // Edited by hand after the choices: kept until a choice changes again.
  const [edited, setEdited] = createSignal<string | null>(null)
  const theirs = () => `${names(props.conflict.theirsAuthors)} (revision ${props.conflict.headNumber})`
  const yours = () => `${props.conflict.yoursAuthor.name} (yours)`
  let heading: HTMLHeadingElement | undefined
  queueMicrotask(() => heading?.focus())

  const choose = (index: number, choice: Choice) => {
    setChoices((all) => all.map((c, i) => (i === index ? choice : c)))
    setEdited(null)
  }

  let overlapIndex = 0
  const numbered = props.conflict.regions.map((region) =>
    'same' in region ? { region, index: -1 } : { region, index: overlapIndex++ },
  )

  return (
    <section class="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" class="heading-l" tabIndex={-1} ref={heading}>
        Your changes overlap with revision {props.conflict.headNumber}
      </h2>
      <p>
        {names(props.conflict.theirsAuthors)} saved changes to the same{' '}
        {props.conflict.conflicts === 1 ? 'place' : `${props.conflict.conflicts} places`} since you started
        from revision {props.conflict.baseNumber}. Nothing has been lost: for each place, choose which version
        to keep, or both, then save.
      </p>
      <ol class="conflict__regions">
        <For each={numbered}>
          {({ region, index }) =>
            'same' in region ? (
              <li class="conflict__same" aria-label="Unchanged text">
                <pre>{shortened(region.same)}</pre>
              </li>
            ) : (
              <li class="conflict__overlap" data-testid="conflict-overlap">
                <h3 class="heading-s">
                  Place {index + 1} of {overlaps()}
                </h3>
                <div class="conflict__texts">
                  <figure>
                    <figcaption class="conflict__author">{yours()}</figcaption>
                    <pre data-testid="conflict-yours">{region.yours.join('\n') || '(removed)'}</pre>
                  </figure>
                  <figure>
                    <figcaption class="conflict__author">{theirs()}</figcaption>
                    <pre data-testid="conflict-theirs">{region.theirs.join('\n') || '(removed)'}</pre>
                  </figure>
                </div>
                <RadioGroup
                  id={`conflict-choice-${index}`}
                  legend={`Keep at place ${index + 1}`}
                  choices={[
                    { value: 'yours', label: 'Your version' },
                    { value: 'theirs', label: `${names(props.conflict.theirsAuthors)}’s version` },
                    { value: 'both', label: 'Both, yours first' },
                  ]}
                  value={choices()[index] ?? 'yours'}
                  onValue={(v) => choose(index, v as Choice)}
                />
              </li>
            )
          }
        </For>
      </ol>
      <TextAreaField
        id="conflict-merged"
        label="The text to save"
        hint="Made from your choices above; you can still change it here."
        rows={12}
        value={edited() ?? merged()}
        onValue={setEdited}
      />
      <div class="button-group">
        <Button onClick={() => props.onResolve(edited() ?? merged())} busy={props.busy}>
          Save this text
        </Button>
        <Button variant="secondary" onClick={() => props.onCancel()}>
          Back to the editor
        </Button>
      </div>
    </section>
  )
}
