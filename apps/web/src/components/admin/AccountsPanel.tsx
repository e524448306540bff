/**
 * For the site administrator: accounts found by name or address, with whether each administers the
 * site and how many sign-ins it has; grant or revoke site administration and end a person's sign-ins
 * (each audited; the server keeps the last site administrator's rights and says so).
 */
import { createSignal, For, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { plural } from '../../lib/format'
import { useSignIn } from '../../lib/sign-in'
import { type AdminAccount, api } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, TextField } from '../Form'
import { ActionStatus, PageError } from '../Status'

export function AccountsPanel() {
  const signIn = useSignIn()
  const [q, setQ] = createSignal('')
  // Empty lists the site administrators; the search box narrows to any account.
  const [asked, setAsked] = createSignal('')
  const actions = useActions()
  const accounts = createRead(
    'people.accounts',
    () => signIn.me()?.isSiteAdmin === true && { q: asked() },
    (input) => api.people.accounts.query(input),
  )

  async function run(key: string, write: () => Promise<string>) {
    if (await actions.run(key, write)) {
      await accounts.refetch()
      // My own rights may have changed: the header and the console follow the server's answer.
      await signIn.refresh()
    }
  }

  const setAdmin = (a: AdminAccount, siteAdmin: boolean) =>
    run(`admin-${a.id}`, async () => {
      await api.people.setSiteAdmin.mutate({ personId: a.id, siteAdmin })
      return siteAdmin
        ? `${a.name} is a site administrator now.`
        : `${a.name} is no longer a site administrator.`
    })
  const endSignIns = (a: AdminAccount) =>
    run(`sign-ins-${a.id}`, async () => {
      const { ended } = await api.people.endSignIns.mutate({ personId: a.id })
      return `${plural(ended, 'sign-in')} of ${a.name} ended; they must sign in again.`
    })

  return (
    <section class="section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" class="heading-l">
        Accounts
      </h2>
      <p>
        With no search, the site administrators are listed. Find any account by name or email address to make
        them a site administrator, or to end their sign-ins on every device (a lost laptop, someone who has
        left).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setAsked(q().trim())
        }}
        novalidate
      >
        <TextField
          id="accounts-q"
          label="Name or email address"
          hint="Leave it empty to list the site administrators."
          value={q()}
          onValue={setQ}
          autocomplete="off"
          width="half"
        />
        <Button type="submit">Find accounts</Button>
      </form>
      <ActionStatus message={actions.message()} error={actions.error()} />
      <Show when={!accounts.error()} fallback={<PageError error={accounts.error()} />}>
        <Show when={accounts.data()}>
          {(list) => (
            <>
              <p>
                {asked()
                  ? `${plural(list().length, 'account')} found`
                  : plural(list().length, 'site administrator')}
              </p>
              <ul class="list">
                <For each={list()}>
                  {(a) => (
                    <li class="section section--boxed">
                      <h3 class="heading-m">{a.name}</h3>
                      <p class="break-anywhere">
                        {a.email}
                        <br />
                        {a.isSiteAdmin ? 'Site administrator' : 'Not a site administrator'};{' '}
                        {plural(a.signIns, 'current sign-in')}
                      </p>
                      <div class="button-group">
                        <Show
                          when={a.isSiteAdmin}
                          fallback={
                            <Button
                              variant="secondary"
                              busy={actions.busy() === `admin-${a.id}`}
                              onClick={() => void setAdmin(a, true)}
                            >
                              Make {a.name} a site administrator
                            </Button>
                          }
                        >
                          <ConfirmAction
                            label="Revoke site administration"
                            accessibleLabel={`Revoke site administration from ${a.name}`}
                            question={<>Revoke {a.name}'s rights as a site administrator?</>}
                            confirmLabel="Yes, revoke them"
                            busy={actions.busy() === `admin-${a.id}`}
                            onConfirm={() => setAdmin(a, false)}
                          />
                        </Show>
                        <Show when={a.signIns > 0}>
                          <ConfirmAction
                            label="End sign-ins"
                            accessibleLabel={`End sign-ins of ${a.name}`}
                            question={<>End every sign-in of {a.name}? They will have to sign in again.</>}
                            confirmLabel="Yes, end their sign-ins"
                            busy={actions.busy() === `sign-ins-${a.id}`}
                            onConfirm={() => endSignIns(a)}
                          />
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}
