import type { api } from '../../lib/trpc'

type Api = typeof api
export type AttachmentTarget = Parameters<Api['files']['list']['query']>[0]['targetType']
/** A list of files as the panel shows it (`files.list`'s answer). */
export type Files = Awaited<ReturnType<Api['files']['list']['query']>>
export type Attachment = Files['items'][number]
