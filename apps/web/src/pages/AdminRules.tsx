/**
 * For the site administrator: every registered group failing one of the rule checks against the
 * Guide to the Rules on APPGs, with the checks it fails (core register/rule-reads.ts).
 */
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { RuleCheckList } from '../components/group/RuleChecks'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

export default function AdminRules() {
  useTitle(() => 'Groups failing a rule check')
  const signIn = useSignIn()
  const groups = createRead(
    'register.failingRuleChecks',
    () => signIn.me()?.isSiteAdmin === true,
    () => api.register.failingRuleChecks.query(),
  )
  /** How many groups fail each check, in the order of the first group that fails it. */
  const counts = () => {
    const byName = new Map<string, number>()
    for (const g of groups.data() ?? [])
      for (const c of g.failing) byName.set(c.name, (byName.get(c.name) ?? 0) + 1)
    return [...byName.entries()].sort((a, b) => b[1] - a[1])
  }
  return (
    <AdminOnly>
      <Heading caption="Site administration">Groups failing a rule check</Heading>
      <p>
        Registered groups whose Register entry fails a rule of the Guide to the Rules on All-Party
        Parliamentary Groups. Checks the Register cannot answer ("not known") are left out; each group's
        officers see all its checks on the group's page.
      </p>
      <Show when={!groups.error()} fallback={<PageError error={groups.error()} />}>
        <Show when={groups.data()} fallback={<Loading label="Checking the groups…" />}>
          {(list) => (
            <>
              <p>{plural(list().length, 'group')} failing at least one check.</p>
              <Show when={counts().length > 0}>
                <ul class="list list--bullet">
                  <For each={counts()}>
                    {([name, n]) => (
                      <li>
                        {name}: {plural(n, 'group')}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <ul class="list">
                <For each={list()}>
                  {(group) => (
                    <li class="section section--boxed">
                      <h2 class="heading-m">
                        <A href={`/groups/${group.slug}`}>{group.title}</A>
                      </h2>
                      <RuleCheckList checks={group.failing} />
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </AdminOnly>
  )
}
