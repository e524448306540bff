/**
 * Documents co-edited by several groups. `save` answers with a discriminated union rather than an
 * error for a conflict, so that the client gets the three texts in an ordinary result:
 * `{ status: 'saved' | 'merged' | 'unchanged', revision, title }` or
 * `{ status: 'conflict', base, theirs, yours, baseRevisionId, headRevisionId, headNumber, … }`.
 */
import {
  createDocument,
  DOCUMENT_KINDS,
  diffRevisions,
  documentHistory,
  getDocument,
  getRevision,
  ITEM_TYPES,
  LINK_TYPES,
  linkDocument,
  listGroupDocuments,
  listTopicDocuments,
  MAX_DOCUMENT_CHARS,
  previewDocument,
  restoreRevision,
  saveDocument,
  setPublished,
  touchPresence,
  unlinkDocument,
} from '@appg-hub/core'
import * as z from 'zod'
import { expensiveWork } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { slug } from './register'
import { cursor, itemId } from './topics'

const title = z
  .string()
  .trim()
  .min(1, 'Give the document a title.')
  .max(300, 'Keep the title under 300 characters.')
const body = z.string().max(MAX_DOCUMENT_CHARS, 'Keep the document under a million characters.')
const visibility = z.enum(['participants', 'public'])
const number = z.number().int().min(1).max(1_000_000_000)

export const documentsRouter = router({
  create: authedProcedure
    .input(
      z.object({
        groupSlug: slug,
        kind: z.enum(DOCUMENT_KINDS),
        title,
        body,
        visibility,
        topicId: itemId.nullish(),
        /** Keeps the item to these of the topic's groups (slugs); absent: all of them, present and future. */
        groups: z.array(slug).max(50).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createDocument(ctx.service(ctx.actor), input)),

  /** A published public document can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: publicProcedure
    .input(z.object({ id: itemId }))
    .query(async ({ ctx, input }) => getDocument(ctx.service(await ctx.getActor()), input.id)),

  save: authedProcedure
    .input(z.object({ id: itemId, baseRevisionId: itemId, body, title: title.optional() }))
    .mutation(({ ctx, input }) => saveDocument(ctx.service(ctx.actor), input)),

  history: publicProcedure
    .input(z.object({ id: itemId, cursor }))
    .query(async ({ ctx, input }) => documentHistory(ctx.service(await ctx.getActor()), input)),

  revision: publicProcedure.input(z.object({ id: itemId, number })).query(async ({ ctx, input }) => {
    const actor = await ctx.getActor()
    await expensiveWork(ctx, actor)
    return getRevision(ctx.service(actor), input)
  }),

  diff: publicProcedure
    .input(z.object({ id: itemId, from: number, to: number }))
    .query(async ({ ctx, input }) => {
      const actor = await ctx.getActor()
      await expensiveWork(ctx, actor)
      return diffRevisions(ctx.service(actor), input)
    }),

  restore: authedProcedure
    .input(z.object({ id: itemId, number }))
    .mutation(({ ctx, input }) => restoreRevision(ctx.service(ctx.actor), input)),

  publish: authedProcedure
    .input(z.object({ id: itemId, visibility: visibility.optional() }))
    .mutation(({ ctx, input }) => setPublished(ctx.service(ctx.actor), { ...input, published: true })),

  unpublish: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => setPublished(ctx.service(ctx.actor), { ...input, published: false })),

  listForGroup: publicProcedure
    .input(z.object({ slug, cursor }))
    .query(async ({ ctx, input }) => listGroupDocuments(ctx.service(await ctx.getActor()), input)),

  listForTopic: publicProcedure
    .input(z.object({ topicId: itemId }))
    .query(async ({ ctx, input }) => listTopicDocuments(ctx.service(await ctx.getActor()), input)),

  /** Polled every ~10 s by the editor: marks the caller present, answers who else is and the head. */
  presence: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => touchPresence(ctx.service(ctx.actor), input.id)),

  link: authedProcedure
    .input(
      z.object({
        id: itemId,
        toType: z.enum(ITEM_TYPES),
        toId: itemId,
        linkType: z.enum(LINK_TYPES),
      }),
    )
    .mutation(({ ctx, input }) => linkDocument(ctx.service(ctx.actor), input)),

  unlink: authedProcedure
    .input(z.object({ id: itemId, linkId: itemId }))
    .mutation(({ ctx, input }) => unlinkDocument(ctx.service(ctx.actor), input)),

  /**
   * The editor's preview, rendered as the saved document will be. A POST (mutation) although it
   * changes nothing, because a 300 KB body does not fit in a query's URL. Signed-in only, and
   * charged as expensive work: rendering a million characters takes a while.
   */
  preview: authedProcedure.input(z.object({ body })).mutation(async ({ ctx, input }) => {
    await expensiveWork(ctx, ctx.actor)
    return previewDocument(input.body)
  }),
})
