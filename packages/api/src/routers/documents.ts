/**
 * Documents co-edited by several groups. `save` answers with a discriminated union rather than an
 * error for a conflict, so that the client gets the three texts in an ordinary result:
 * `{ status: 'saved' | 'merged' | 'unchanged', revision, title }` or
 * `{ status: 'conflict', base, theirs, yours, baseRevisionId, headRevisionId, headNumber, … }`.
 */
import {
  createDocument,
  diffRevisions,
  documentHistory,
  getDocument,
  getRevision,
  linkDocument,
  listGroupDocuments,
  listTopicDocuments,
  previewDocument,
  restoreRevision,
  saveDocument,
  setPublished,
  touchPresence,
  unlinkDocument,
} from '@appg-hub/core'
import {
  byId,
  createDocumentInput,
  diffInput,
  groupPageInput,
  itemPageInput,
  linkDocumentInput,
  previewInput,
  publishDocumentInput,
  revisionInput,
  saveDocumentInput,
  topicDocumentsInput,
  unlinkDocumentInput,
} from '@appg-hub/schemas'
import { expensiveWork } from '../rate-limit'
import { authedProcedure, readerProcedure, router } from '../trpc'

export const documentsRouter = router({
  create: authedProcedure
    .input(createDocumentInput)
    .mutation(({ ctx, input }) => createDocument(ctx.core, input)),

  /** A published public document can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: readerProcedure.input(byId).query(({ ctx, input }) => getDocument(ctx.core, input.id)),

  save: authedProcedure.input(saveDocumentInput).mutation(({ ctx, input }) => saveDocument(ctx.core, input)),

  history: readerProcedure.input(itemPageInput).query(({ ctx, input }) => documentHistory(ctx.core, input)),

  revision: readerProcedure.input(revisionInput).query(async ({ ctx, input }) => {
    await expensiveWork(ctx, ctx.actor)
    return getRevision(ctx.core, input)
  }),

  diff: readerProcedure.input(diffInput).query(async ({ ctx, input }) => {
    await expensiveWork(ctx, ctx.actor)
    return diffRevisions(ctx.core, input)
  }),

  restore: authedProcedure
    .input(revisionInput)
    .mutation(({ ctx, input }) => restoreRevision(ctx.core, input)),

  publish: authedProcedure
    .input(publishDocumentInput)
    .mutation(({ ctx, input }) => setPublished(ctx.core, { ...input, published: true })),

  unpublish: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => setPublished(ctx.core, { ...input, published: false })),

  listForGroup: readerProcedure
    .input(groupPageInput)
    .query(({ ctx, input }) => listGroupDocuments(ctx.core, input)),

  listForTopic: readerProcedure
    .input(topicDocumentsInput)
    .query(({ ctx, input }) => listTopicDocuments(ctx.core, input)),

  /** Polled every ~10 s by the editor: marks the caller present, answers who else is and the head. */
  presence: authedProcedure.input(byId).mutation(({ ctx, input }) => touchPresence(ctx.core, input.id)),

  link: authedProcedure.input(linkDocumentInput).mutation(({ ctx, input }) => linkDocument(ctx.core, input)),

  unlink: authedProcedure
    .input(unlinkDocumentInput)
    .mutation(({ ctx, input }) => unlinkDocument(ctx.core, input)),

  /**
   * The editor's preview, rendered as the saved document will be. A POST (mutation) although it
   * changes nothing, because a 300 KB body does not fit in a query's URL. Signed-in only, and
   * charged as expensive work: rendering a million characters takes a while.
   */
  preview: authedProcedure.input(previewInput).mutation(async ({ ctx, input }) => {
    await expensiveWork(ctx, ctx.actor)
    return previewDocument(input.body)
  }),
})
