import { AttachmentsPanel } from './AttachmentsPanel'
import { WordExportLink } from './WordImport'

/** The document page's files: its attachments, and the document itself as a Word file. */
export function DocumentFiles(props: { documentId: string }) {
  return (
    <AttachmentsPanel
      targetType="document"
      targetId={props.documentId}
      extra={<WordExportLink documentId={props.documentId} />}
    />
  )
}
