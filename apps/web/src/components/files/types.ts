import type { api } from '../../lib/trpc'

type Api = typeof api
export type AttachmentTarget = Parameters<Api['files']['list']['query']>[0]['targetType']
export type FileList = Awaited<ReturnType<Api['files']['list']['query']>>
export type Attachment = FileList['items'][number]
