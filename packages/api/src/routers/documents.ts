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
import { authedProcedure, publicProcedure, router } from '../trpc'

export const documentsRouter = router({
  create: authedProcedure
    .input(createDocumentInput)
    .mutation(({ ctx, input }) => createDocument(ctx.service(ctx.actor), input)),

  /** A published public document can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) => getDocument(ctx.service(await ctx.getActor()), input.id)),

  save: authedProcedure
    .input(saveDocumentInput)
    .mutation(({ ctx, input }) => saveDocument(ctx.service(ctx.actor), input)),

  history: publicProcedure
    .input(itemPageInput)
    .query(async ({ ctx, input }) => documentHistory(ctx.service(await ctx.getActor()), input)),

  revision: publicProcedure.input(revisionInput).query(async ({ ctx, input }) => {
    const actor = await ctx.getActor()
    await expensiveWork(ctx, actor)
    return getRevision(ctx.service(actor), input)
  }),

  diff: publicProcedure.input(diffInput).query(async ({ ctx, input }) => {
    const actor = await ctx.getActor()
    await expensiveWork(ctx, actor)
    return diffRevisions(ctx.service(actor), input)
  }),

  restore: authedProcedure
    .input(revisionInput)
    .mutation(({ ctx, input }) => restoreRevision(ctx.service(ctx.actor), input)),

  publish: authedProcedure
    .input(publishDocumentInput)
    .mutation(({ ctx, input }) => setPublished(ctx.service(ctx.actor), { ...input, published: true })),

  unpublish: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => setPublished(ctx.service(ctx.actor), { ...input, published: false })),

  listForGroup: publicProcedure
    .input(groupPageInput)
    .query(async ({ ctx, input }) => listGroupDocuments(ctx.service(await ctx.getActor()), input)),

  listForTopic: publicProcedure
    .input(topicDocumentsInput)
    .query(async ({ ctx, input }) => listTopicDocuments(ctx.service(await ctx.getActor()), input)),

  /** Polled every ~10 s by the editor: marks the caller present, answers who else is and the head. */
  presence: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => touchPresence(ctx.service(ctx.actor), input.id)),

  link: authedProcedure
    .input(linkDocumentInput)
    .mutation(({ ctx, input }) => linkDocument(ctx.service(ctx.actor), input)),

  unlink: authedProcedure
    .input(unlinkDocumentInput)
    .mutation(({ ctx, input }) => unlinkDocument(ctx.service(ctx.actor), input)),

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
