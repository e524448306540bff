import { A } from '@solidjs/router'
import { Show } from 'solid-js'
import { DashboardTopics } from '../components/DashboardTopics'
import { Heading } from '../components/Heading'
import { WaitingConsents } from '../components/publication/WaitingConsents'
import { PageError } from '../components/Status'
import { MySessions } from '../components/sessions/MySessions'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'

/**
 * Every space of joint work I take part in, across my groups: the topics (each the shared space of
 * a partnership, with its sessions and documents), what waits for my group's consent to publish,
 * and my sessions.
 */
export default function JointWork() {
  useTitle(() => 'Joint work')
  const signIn = useSignIn()
  return (
    <Show when={signIn.ready()}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="your joint work" />}>
        <Heading caption="Across my groups">Joint work</Heading>
        <p class="lead">
          Each topic is the shared space of the groups that accepted it: its sessions and documents belong to
          all of them, and nothing of it is public until an officer of every group has consented. Start one
          from a group you belong to on your <A href="/dashboard">dashboard</A>.
        </p>
        <WaitingConsents />
        <DashboardTopics />
        <MySessions />
      </Show>
    </Show>
  )
}
