import '../styles/account.css'
import { A } from '@solidjs/router'
import { Heading } from '../components/Heading'
import { useTitle } from '../lib/page'

/** What the hub keeps about people, why, and for how long. */
export default function Privacy() {
  useTitle(() => 'Privacy')
  return (
    <>
      <Heading caption="APPG Hub">What we keep, why, and for how long</Heading>
      <div class="reading">
        <h2 class="heading-l">From the Register</h2>
        <p>
          Group details, officers, secretariats, benefits and published membership lists come from the House
          of Commons Register of All-Party Parliamentary Groups (Open Parliament Licence v3.0). They are
          public, and we keep them as long as the Register does, marking groups that leave it as no longer
          registered.
        </p>
        <h2 class="heading-l">Your account</h2>
        <ul class="list list--bullet">
          <li>
            <strong>Name, email address, organisation</strong>: to sign you in, show who wrote what, and send
            you the emails you chose. Kept until you erase your account.
          </li>
          <li>
            <strong>Password</strong>: only as a scrypt hash, which cannot be turned back into the password.
          </li>
          <li>
            <strong>Sessions</strong> (when and in which browser you signed in): to keep you signed in and let
            you sign out other devices. A session ends after 14 days without use and after 60 days at the
            most.
          </li>
          <li>
            <strong>Your groups and roles</strong>: to decide what you may see and do. Kept while you are in a
            group.
          </li>
        </ul>
        <h2 class="heading-l">What you do</h2>
        <ul class="list list--bullet">
          <li>
            <strong>Comments, document revisions, session sign-ups, invitations</strong>: the work of your
            groups. Kept with the groups' work; if you erase your account they stay under a pseudonym.
          </li>
          <li>
            <strong>Notifications and emails</strong>: to tell you what happened. You choose immediate emails,
            a daily digest or none.
          </li>
          <li>
            <strong>The audit log</strong>: who did what, when, for the groups' accountability. Append-only;
            it never holds passwords or secret links. A group's officers see their group's log.
          </li>
          <li>
            <strong>Rate-limit counters</strong> (attempts per account or address): to stop password guessing.
            They reset within the hour.
          </li>
        </ul>
        <h2 class="heading-l">Your rights</h2>
        <p>
          On <A href="/account">your account page</A> you can download everything the hub holds about you, and
          erase your account. The hub is not an official Parliament service; All-Party Parliamentary Groups
          are informal, cross-party groups.
        </p>
      </div>
    </>
  )
}
