import '../styles/account.css'
import { Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { useTitle } from '../lib/page'
import { useSession } from '../lib/session'
import { EmailSection, PasswordSection, ProfileSection } from './account/Credentials'
import { DownloadSection, EraseSection } from './account/PersonalData'
import { PublicListingSection } from './account/PublicListing'
import { SessionsSection } from './account/Sessions'

export default function Account() {
  useTitle(() => 'Your account')
  const session = useSession()
  return (
    <Show when={session.ready()} fallback={<Loading />}>
      <Show when={session.me()} fallback={<PageError code="UNAUTHORIZED" what="your account" />}>
        {(me) => (
          <>
            <Heading caption={me().email ?? undefined}>Your account</Heading>
            <ProfileSection />
            <SessionsSection />
            <PasswordSection />
            <EmailSection />
            <PublicListingSection />
            <DownloadSection />
            <EraseSection />
          </>
        )}
      </Show>
    </Show>
  )
}
