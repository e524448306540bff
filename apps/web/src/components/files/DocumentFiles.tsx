import { AttachmentsPanel } from './AttachmentsPanel'
import { WordExportLink } from './WordImport'

/** The document page's files: "Download as Word" and the document's attachments. */
export function DocumentFiles(props: { documentId: string }) {
  return (
    <>
      <p class="files-export">
        <WordExportLink documentId={props.documentId} />
      </p>
      <AttachmentsPanel targetType="document" targetId={props.documentId} />
    </>
  )
}
