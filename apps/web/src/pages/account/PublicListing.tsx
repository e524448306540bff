/** Whether my hub participation is shown on the public pages of my groups (off until I choose). */
import { createSignal, Show } from 'solid-js'
import { Button, RadioGroup } from '../../components/Form'
import { ActionStatus, Loading } from '../../components/Status'
import { createRead } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { api } from '../../lib/trpc'

export function PublicListingSection() {
  const current = createRead(
    'people.publicListing',
    () => true,
    () => api.people.publicListing.query(),
  )
  const [choice, setChoice] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const value = () => choice() ?? (current.data()?.listPublicly ? 'yes' : 'no')

  async function save() {
    setBusy(true)
    setMessage(null)
    setError(null)
    try {
      const saved = await api.people.setPublicListing.mutate({ listPublicly: value() === 'yes' })
      setMessage(
        saved.listPublicly
          ? 'Your name and role now appear on the public pages of your groups.'
          : 'Your name no longer appears on the public pages of your groups.',
      )
      current.mutate(saved)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="section" aria-labelledby="listing-heading">
      <h2 id="listing-heading" class="heading-l">
        Your name on public group pages
      </h2>
      <p>
        A group's public page shows the official Register as published. Who takes part on APPG Hub is shown
        only to signed-in people of the group and of the groups working with it, unless you choose otherwise.
        Your email address is never shown.
      </p>
      <ActionStatus message={message()} error={error()} />
      <Show when={current.data()} fallback={<Loading label="Loading your setting…" />}>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <RadioGroup
            id="listPublicly"
            legend="List me publicly as taking part in my groups?"
            choices={[
              { value: 'no', label: 'No, only people signed in to the hub in my groups and their partners' },
              { value: 'yes', label: 'Yes, show my name and hub role on the public pages of my groups' },
            ]}
            value={value()}
            onValue={setChoice}
          />
          <Button type="submit" busy={busy()}>
            Save
          </Button>
        </form>
      </Show>
    </section>
  )
}
