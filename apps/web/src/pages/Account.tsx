import '../styles/account.css'
import { Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { EmailSection, PasswordSection, ProfileSection } from './account/Credentials'
import { DownloadSection, EraseSection } from './account/PersonalData'
import { PublicListingSection } from './account/PublicListing'
import { SignInsSection } from './account/SignIns'

export default function Account() {
  useTitle(() => 'Your account')
  const signIn = useSignIn()
  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="your account" />}>
        {(me) => (
          <>
            <Heading caption={me().email ?? undefined}>Your account</Heading>
            <ProfileSection />
            <SignInsSection />
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
