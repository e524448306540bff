/** Co-hosted sessions ("meetings" in the schema). */
import * as z from 'zod'
import { cursor, day, email, id, itemGroups, slug, title, topicId, visibility } from './common'
import { SIGNUP_CHOICES } from './limits'

const description = z.string().max(20_000, 'Keep the description under 20,000 characters.')
const time = z.string().regex(/^\d{2}:\d{2}$/, 'Give the time as HH:MM.')
const place = z.string().max(300, 'Keep the place under 300 characters.').nullish()
const onlineUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Give an https:// link.')
  .nullish()
const capacity = z.number().int().min(1, 'Capacity is at least 1.').max(100_000).nullish()
const when = z.enum(['upcoming', 'past'])

export const createSessionInput = z.object({
  groupSlug: slug,
  title: title('session'),
  description,
  date: day,
  startTime: time,
  endTime: time,
  place,
  onlineUrl,
  visibility,
  capacity,
  topicId,
  groups: itemGroups,
})

export const updateSessionInput = z.object({
  id,
  title: title('session').optional(),
  description: description.optional(),
  date: day.optional(),
  startTime: time.optional(),
  endTime: time.optional(),
  place,
  onlineUrl,
  visibility: visibility.optional(),
  capacity,
  topicId,
})

export const cancelSessionInput = z.object({
  id,
  reason: z.string().trim().min(1, 'Say why the session is cancelled.').max(2000),
})

export const groupSessionsInput = z.object({ slug, when, cursor })
export const mySessionsInput = z.object({ when: when.optional(), cursor }).optional()

const agendaTitle = title('agenda item')
const speakers = z.string().max(1000).nullish()
const wholeMinutes = 'Give the duration in whole minutes.'
const durationMinutes = z
  .number({ error: wholeMinutes })
  .int(wholeMinutes)
  .min(0, wholeMinutes)
  .max(24 * 60, 'Keep an item under a day.')
const notes = z.string().max(5000).nullish()

/** An agenda item's own fields, as its add and edit forms check them. */
export const agendaItemFields = z.object({ title: agendaTitle, speakers, durationMinutes, notes })
/** `id` is the session's, `itemId` the agenda item's. */
export const addAgendaItemInput = agendaItemFields.extend({ id })
export const updateAgendaItemInput = z.object({
  id,
  itemId: id,
  title: agendaTitle.optional(),
  speakers,
  durationMinutes: durationMinutes.optional(),
  notes,
})
export const moveAgendaItemInput = z.object({ id, itemId: id, direction: z.enum(['up', 'down']) })
export const agendaItemInput = z.object({ id, itemId: id })

export const sessionSignUpInput = z.object({ id, status: z.enum(SIGNUP_CHOICES) })

export const registerInterestInput = z.object({
  id,
  name: z.string().trim().min(1, 'Give your name.').max(200),
  email,
})
export const confirmInterestInput = z.object({ token: z.string().trim().min(1).max(100) })

export const attachMinutesInput = z.object({ id, documentId: id })
