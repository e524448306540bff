import { Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'
import { formatSize } from './upload'

/** The group's storage for files against its quota: for its chair and officers (and site admins). */
export function GroupStorage(props: { slug: string }) {
  const signIn = useSignIn()
  const maySee = () => signIn.can(props.slug)?.viewAudit
  const usage = createRead(
    'files.usage',
    () => maySee() && props.slug,
    (slug) => api.files.usage.query({ groupSlug: slug }),
  )
  const percent = () => {
    const u = usage.data()
    return u ? Math.min(100, Math.round((u.usedBytes / Math.max(1, u.quotaBytes)) * 100)) : 0
  }
  return (
    <Show when={maySee() && usage.data()}>
      {(u) => (
        <section class="side-section" aria-labelledby="storage-heading">
          <h2 id="storage-heading" class="heading-m">
            Storage for files
          </h2>
          <p>
            <label for="storage-meter">
              {formatSize(u().usedBytes)} of {formatSize(u().quotaBytes)} used ({percent()}%)
            </label>
          </p>
          <meter
            id="storage-meter"
            class="files-meter"
            min="0"
            max={u().quotaBytes}
            high={u().quotaBytes * 0.9}
            value={u().usedBytes}
          />
          <p class="hint">
            Every version of every file on the group's topics, sessions, documents and comments counts.
          </p>
        </section>
      )}
    </Show>
  )
}
