import { useSearchParams } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { Linkify } from '../components/Linkify'
import { Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { formatDateTime, plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { api } from '../lib/trpc'

export default function Mailbox() {
  useTitle(() => 'Mailbox')
  const [params, setParams] = useSearchParams<{ to?: string }>()
  const to = () => (typeof params.to === 'string' ? params.to : '')
  const [text, setText] = createSignal(to())
  const mail = createRead(
    'dev.mailbox',
    () => ({ to: to() }),
    (f) => api.dev.mailbox.query({ to: f.to || undefined, limit: 100 }),
  )

  return (
    <Show when={!mail.error()} fallback={<PageError error={mail.error()} />}>
      <Heading caption="Development">Mailbox</Heading>
      <p class="lead">
        The emails APPG Hub would have sent, newest first. In this demonstration nothing leaves the server:
        use the links here to follow an invitation.
      </p>
      <search class="search-form" aria-label="Mailbox">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setParams({ to: text().trim() || undefined })
          }}
        >
          <label for="mailbox-to" class="label">
            Recipient
          </label>
          <p class="hint" id="mailbox-to-hint">
            Show only the emails sent to one address
          </p>
          <div class="search-form__row search-form__row--half">
            <input
              id="mailbox-to"
              type="search"
              name="to"
              class="input"
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              aria-describedby="mailbox-to-hint"
              autocomplete="off"
              spellcheck={false}
            />
            <button type="submit" class="button button--primary search-form__button">
              Filter
            </button>
          </div>
          <p>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => void mail.refetch()}
            >
              Check for new email
            </button>
          </p>
        </form>
      </search>

      <Show when={mail.data()} fallback={<Loading label="Opening the mailbox…" />}>
        {(emails) => (
          <>
            <p role="status">
              <strong>{emails().length === 0 ? 'No emails' : plural(emails().length, 'email')}</strong>
              {to() ? ` to ${to()}` : ''}.
            </p>
            <ul class="mail-list">
              <For each={emails()}>
                {(email) => (
                  <li class="mail">
                    <details class="mail__details">
                      <summary class="mail__summary">
                        <span class="mail__subject">{email.subject}</span>
                        <span class="mail__meta">
                          To <span class="break-anywhere">{email.to}</span> ·{' '}
                          <time datetime={email.createdAt}>{formatDateTime(email.createdAt)}</time>
                        </span>
                      </summary>
                      <div class="mail__body">
                        <Linkify text={email.body} />
                      </div>
                    </details>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </Show>
  )
}
