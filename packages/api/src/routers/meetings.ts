/**
 * Co-hosted sessions ("meetings" in the schema). Each procedure: a zod input and a call into
 * core, which checks the policy against the session itself.
 */
import {
  addAgendaItem,
  attachMinutes,
  calendarFeed,
  cancelMeeting,
  confirmInterest,
  createMeeting,
  getMeeting,
  INTEREST_RATE_RULES,
  listGroupMeetings,
  listMyMeetings,
  listSignups,
  markMeetingHeld,
  moveAgendaItem,
  registerInterest,
  removeAgendaItem,
  revokeCalendarFeed,
  rotateCalendarFeed,
  SIGNUP_CHOICES,
  scheduleMeeting,
  signUpForMeeting,
  updateAgendaItem,
  updateMeeting,
  withdrawSignup,
} from '@appg-hub/core'
import * as z from 'zod'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { slug } from './register'
import { cursor, itemId } from './topics'

const title = z
  .string()
  .trim()
  .min(1, 'Give the session a title.')
  .max(300, 'Keep the title under 300 characters.')
const description = z.string().max(20_000, 'Keep the description under 20,000 characters.')
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
const time = z.string().regex(/^\d{2}:\d{2}$/, 'Give the time as HH:MM.')
const place = z.string().max(300, 'Keep the place under 300 characters.').nullish()
const onlineUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Give an https:// link.')
  .nullish()
const visibility = z.enum(['participants', 'public'])
const capacity = z.number().int().min(1, 'Capacity is at least 1.').max(100_000).nullish()
const agendaTitle = z.string().trim().min(1, 'Give the agenda item a title.').max(300)
const speakers = z.string().max(1000).nullish()
const duration = z
  .number()
  .int()
  .min(0)
  .max(24 * 60, 'Keep an item under a day.')
const notes = z.string().max(5000).nullish()

export const meetingsRouter = router({
  create: authedProcedure
    .input(
      z.object({
        groupSlug: slug,
        title,
        description,
        date,
        startTime: time,
        endTime: time,
        place,
        onlineUrl,
        visibility,
        capacity,
        topicId: itemId.nullish(),
        /** Keeps the item to these of the topic's groups (slugs); absent: all of them, present and future. */
        groups: z.array(slug).max(50).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createMeeting(ctx.service(ctx.actor), input)),

  /** Public sessions can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: publicProcedure
    .input(z.object({ id: itemId }))
    .query(async ({ ctx, input }) => getMeeting(ctx.service(await ctx.getActor()), input.id)),

  update: authedProcedure
    .input(
      z.object({
        id: itemId,
        title: title.optional(),
        description: description.optional(),
        date: date.optional(),
        startTime: time.optional(),
        endTime: time.optional(),
        place,
        onlineUrl,
        visibility: visibility.optional(),
        capacity,
        topicId: itemId.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => updateMeeting(ctx.service(ctx.actor), input)),

  schedule: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => scheduleMeeting(ctx.service(ctx.actor), input)),

  cancel: authedProcedure
    .input(
      z.object({
        id: itemId,
        reason: z.string().trim().min(1, 'Say why the session is cancelled.').max(2000),
      }),
    )
    .mutation(({ ctx, input }) => cancelMeeting(ctx.service(ctx.actor), input)),

  markHeld: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => markMeetingHeld(ctx.service(ctx.actor), input)),

  listForGroup: publicProcedure
    .input(z.object({ slug, when: z.enum(['upcoming', 'past']), cursor }))
    .query(async ({ ctx, input }) => listGroupMeetings(ctx.service(await ctx.getActor()), input)),

  mine: authedProcedure
    .input(z.object({ when: z.enum(['upcoming', 'past']).optional(), cursor }).optional())
    .query(({ ctx, input }) => listMyMeetings(ctx.service(ctx.actor), input ?? {})),

  agenda: router({
    add: authedProcedure
      .input(z.object({ id: itemId, title: agendaTitle, speakers, durationMinutes: duration, notes }))
      .mutation(({ ctx, input }) => addAgendaItem(ctx.service(ctx.actor), input)),
    update: authedProcedure
      .input(
        z.object({
          id: itemId,
          itemId,
          title: agendaTitle.optional(),
          speakers,
          durationMinutes: duration.optional(),
          notes,
        }),
      )
      .mutation(({ ctx, input }) => updateAgendaItem(ctx.service(ctx.actor), input)),
    move: authedProcedure
      .input(z.object({ id: itemId, itemId, direction: z.enum(['up', 'down']) }))
      .mutation(({ ctx, input }) => moveAgendaItem(ctx.service(ctx.actor), input)),
    remove: authedProcedure
      .input(z.object({ id: itemId, itemId }))
      .mutation(({ ctx, input }) => removeAgendaItem(ctx.service(ctx.actor), input)),
  }),

  signUp: authedProcedure
    .input(z.object({ id: itemId, status: z.enum(SIGNUP_CHOICES) }))
    .mutation(({ ctx, input }) => signUpForMeeting(ctx.service(ctx.actor), input)),

  withdraw: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => withdrawSignup(ctx.service(ctx.actor), input)),

  /** The hosts' list of who signed up (the CSV is served at /sessions/:id/signups.csv). */
  signups: authedProcedure
    .input(z.object({ id: itemId }))
    .query(({ ctx, input }) => listSignups(ctx.service(ctx.actor), input)),

  /** A signed-out visitor's interest in a public session, confirmed by email. */
  registerInterest: publicProcedure
    .input(
      z.object({
        id: itemId,
        name: z.string().trim().min(1, 'Give your name.').max(200),
        email: z.string().trim().email('Give an email address we can write to.').max(254),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await rateLimit(ctx, [
        [INTEREST_RATE_RULES.perAddress, ctx.clientAddress],
        [INTEREST_RATE_RULES.perEmail, input.email.trim()],
      ])
      return registerInterest(ctx.service(null), input)
    }),

  confirmInterest: publicProcedure
    .input(z.object({ token: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) => confirmInterest(ctx.service(null), input)),

  attachMinutes: authedProcedure
    .input(z.object({ id: itemId, documentId: itemId }))
    .mutation(({ ctx, input }) => attachMinutes(ctx.service(ctx.actor), input)),

  /** My personal calendar feed: its address when first made (only a hash is kept). */
  calendarFeed: authedProcedure.mutation(({ ctx }) => calendarFeed(ctx.service(ctx.actor))),

  rotateCalendarFeed: authedProcedure.mutation(({ ctx }) => rotateCalendarFeed(ctx.service(ctx.actor))),

  revokeCalendarFeed: authedProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.service(ctx.actor))),
})
