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
        <h2 class="heading-l">What is public, and where it comes from</h2>
        <p>
          A group's public page shows the group's entry in the House of Commons Register of All-Party
          Parliamentary Groups exactly as the edition named on the page lists it, with a link to its source
          (Open Parliament Licence v3.0): purpose and category, officers with their Register titles and
          parties, the registered contact and public enquiry point, the secretariat, registrable benefits, the
          annual general meeting, and the membership lists published for the group (from mySociety's
          compilation of the Register). We keep these as long as the Register does, marking groups that leave
          it as no longer registered.
        </p>
        <p>
          Nothing from the hub is on a public page unless you choose it: not your account, your email address,
          your role on the hub or the groups you take part in. Who takes part in a group on the hub (name and
          hub role) is shown only to signed-in people of that group and of the groups working with it on a
          shared topic, session or document, and to the site administrator. On{' '}
          <A href="/account">your account page</A> you can choose to be listed publicly: then your name and
          hub role appear on the public pages of your groups, apart from the Register's lists, until you turn
          it off. Items your groups publish (a public topic or session) are public as their notice says.
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
