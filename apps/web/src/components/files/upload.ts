/**
 * Sending a file to the hub: the raw bytes as the body with the name in `X-File-Name`, through
 * XMLHttpRequest because fetch reports no upload progress. The server streams it to storage.
 */
import type { AttachmentTarget } from './types'

export interface UploadedFile {
  id: string
  chainId: string
  version: number
  name: string
  size: number
  mediaType: string
}

export class UploadError extends Error {}

/** The URL path segment for each target ("session" reads better than the schema's "meeting"). */
const PATH: Record<AttachmentTarget, string> = {
  topic: 'topic',
  meeting: 'session',
  document: 'document',
  comment: 'comment',
}

function send<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string } } | null
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T)
      else reject(new UploadError(body?.error?.message ?? `The upload failed (${xhr.status}).`))
    }
    xhr.onerror = () =>
      reject(new UploadError('The upload was interrupted. Check your connection and try again.'))
    xhr.send(file)
  })
}

export async function uploadAttachment(
  target: AttachmentTarget,
  targetId: string,
  file: File,
  onProgress: (fraction: number) => void,
  replaces?: string,
): Promise<UploadedFile> {
  const query = replaces ? `?replaces=${encodeURIComponent(replaces)}` : ''
  const { file: uploaded } = await send<{ file: UploadedFile }>(
    `/files/${PATH[target]}/${encodeURIComponent(targetId)}${query}`,
    file,
    onProgress,
  )
  return uploaded
}

export interface WordImport {
  id: string
  title: string
  report: string[]
}

export function importWord(
  params: { group: string; kind: string; visibility: string; topic?: string | null },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<WordImport> {
  const query = new URLSearchParams({ group: params.group, kind: params.kind, visibility: params.visibility })
  if (params.topic) query.set('topic', params.topic)
  return send<WordImport>(`/documents/import-word?${query}`, file, onProgress)
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
