import '../../styles/rules.css'
/**
 * The group's Register entry against the Guide to the Rules on APPGs (core register/rule-checks.ts):
 * shown on the group page to its officers and secretariat and the site administrator, when the
 * server's rights for the group say so (`viewRuleChecks`). The result is written out ("Fails"),
 * never told by colour alone.
 */
import { For, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { formatDate, plural } from '../../lib/format'
import { useSignIn } from '../../lib/sign-in'
import { api, type RuleCheck } from '../../lib/trpc'

const RESULT: Record<RuleCheck['result'], { label: string; badge: string }> = {
  pass: { label: 'Passes', badge: 'badge--green' },
  fail: { label: 'Fails', badge: 'badge--red' },
  not_known: { label: 'Not known', badge: 'badge--grey' },
}

/** The checks, each under an h3: its rule and citation, what the Register shows, the result, what to do. */
export function RuleCheckList(props: { checks: RuleCheck[] }) {
  return (
    <ul class="rule-checks">
      <For each={props.checks}>
        {(c) => (
          <li class="rule-check">
            <h3 class="heading-s rule-check__name">
              <strong class={`badge ${RESULT[c.result].badge}`}>{RESULT[c.result].label}</strong> {c.name}
            </h3>
            <dl class="summary-list summary-list--boxed rule-check__facts">
              <div class="summary-list__row">
                <dt class="summary-list__key">Rule</dt>
                <dd class="summary-list__value">
                  {c.cite}
                  <Show when={!c.confirmed}>
                    <span class="block hint-inline">
                      The figure could not be confirmed against the Guide’s own text.
                    </span>
                  </Show>
                </dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">
                  {c.id === 'notices.week' ? 'The hub shows' : 'The Register shows'}
                </dt>
                <dd class="summary-list__value">{c.shows}</dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">What to do</dt>
                <dd class="summary-list__value">{c.todo}</dd>
              </div>
            </dl>
          </li>
        )}
      </For>
    </ul>
  )
}

export function RuleChecks(props: { slug: string }) {
  const signIn = useSignIn()
  const maySee = () => signIn.can(props.slug)?.viewRuleChecks
  const read = createRead(
    'register.ruleChecks',
    () => maySee() && props.slug,
    (slug) => api.register.ruleChecks.query({ slug }),
  )
  const failing = () => read.data()?.checks.filter((c) => c.result === 'fail').length ?? 0
  return (
    <Show when={maySee() && read.data()}>
      {(r) => (
        <section class="section" aria-labelledby="rule-checks-heading">
          <h2 id="rule-checks-heading" class="heading-l">
            Rule checks
          </h2>
          <p>
            {failing() > 0 ? `${plural(failing(), 'check')} failing` : 'No check failing'}, against the Guide
            to the Rules on All-Party Parliamentary Groups
            {r().edition ? `, as the Register's edition of ${formatDate(r().edition!)} shows` : ''}. Only the
            group's officers and secretariat see this.
          </p>
          <RuleCheckList checks={r().checks} />
        </section>
      )}
    </Show>
  )
}
