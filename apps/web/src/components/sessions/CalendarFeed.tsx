/** My personal calendar feed: a secret address, shown once when made, that I can renew or turn off. */
import { createSignal, Show } from 'solid-js'
import { useActions } from '../../lib/data'
import { api } from '../../lib/trpc'
import { Button } from '../Form'
import { ActionStatus } from '../Status'
import { FeedLinks } from './CalendarLinks'

export function CalendarFeed() {
  const actions = useActions()
  const [url, setUrl] = createSignal<string | null>(null)
  const [exists, setExists] = createSignal(false)
  return (
    <div class="inset" id="calendar-feed">
      <h3 class="heading-m">Calendar feed</h3>
      <p>
        Subscribe to your sessions (those your groups host and those you signed up to) in Outlook, Google or
        Apple Calendar. The address is secret: anyone who has it can read the feed.
      </p>
      <Show when={url()}>
        <p>Copy this address now; for your security it is shown only once.</p>
        <code class="feed-url" id="calendar-feed-url">
          {url()}
        </code>
        <FeedLinks url={url()!} name="APPG Hub: my sessions" label="Subscribe to your calendar feed" />
      </Show>
      <Show when={exists() && !url()}>
        <p>
          You already have a feed. To see its address again, make a new one: the old address stops working.
        </p>
      </Show>
      <div class="button-group">
        <Show when={!exists()}>
          <Button
            busy={actions.busy() === 'get'}
            onClick={() =>
              actions.run('get', async () => {
                const r = await api.sessions.calendarFeed.mutate()
                setExists(true)
                setUrl(r.url)
                return r.url ? 'Your calendar feed is ready.' : null
              })
            }
          >
            Get my calendar feed
          </Button>
        </Show>
        <Show when={exists()}>
          <Button
            variant="secondary"
            busy={actions.busy() === 'rotate'}
            onClick={() =>
              actions.run('rotate', async () => {
                const r = await api.sessions.rotateCalendarFeed.mutate()
                setUrl(r.url)
                return 'A new address was made; the old one no longer works.'
              })
            }
          >
            Make a new address
          </Button>
          <Button
            variant="warning"
            busy={actions.busy() === 'revoke'}
            onClick={() =>
              actions.run('revoke', async () => {
                await api.sessions.revokeCalendarFeed.mutate()
                setUrl(null)
                setExists(false)
                return 'Your calendar feed is turned off.'
              })
            }
          >
            Turn the feed off
          </Button>
        </Show>
      </div>
      <ActionStatus message={actions.message()} error={actions.error()} compact />
    </div>
  )
}
