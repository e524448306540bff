/**
 * The page of one topic, session or document (and a document's print view): it reads the item named by
 * the address once the session is known (so that what the page offers matches who is signed in), names
 * the browser tab after it, and says why when it cannot be shown. Signed out, an item for its groups only
 * looks like no item at all, so the page offers to sign in rather than saying it was not found.
 */
import { useParams } from '@solidjs/router'
import { type Accessor, type JSX, Show } from 'solid-js'
import { createRead } from '../lib/data'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { Loading, PageError } from './Status'

export type ItemKind = 'topic' | 'session' | 'document'

const NAMES: Record<ItemKind, string> = { topic: 'Topic', session: 'Session', document: 'Document' }

export function ItemPage<T extends { title: string }>(props: {
  kind: ItemKind
  /** The read's name (its procedure), shared with the route's preload (lib/preload.ts). */
  read: string
  fetch: (id: string) => Promise<T>
  /** `item` is an accessor: the page follows the item when it is read again (after a write). */
  children: (item: Accessor<T>, refetch: () => Promise<void>) => JSX.Element
}) {
  const params = useParams<{ id: string }>()
  const signIn = useSignIn()
  const item = createRead(props.read, () => signIn.ready() && params.id, props.fetch)
  useTitle(() => item.data()?.title ?? (item.error() ? null : NAMES[props.kind]))
  return (
    <Show when={!item.error()} fallback={<PageError error={item.error()} item what={`this ${props.kind}`} />}>
      <Show when={item.data()} fallback={<Loading label={`Loading the ${props.kind}…`} />}>
        {(data) => props.children(data, item.refetch)}
      </Show>
    </Show>
  )
}
