/** The building blocks every input uses: each rule, and its message, written once. */
import * as z from 'zod'
import { ITEM_TYPES, MAX_PAGE_SIZE, PASSWORD_MAX_LENGTH, VISIBILITIES } from './limits'

/** A row's id (a UUID, or a Register id). */
export const id = z.string().trim().min(1).max(36)

export const slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9-]+$/, 'A group is named by its slug, such as "cancer".')

/** An opaque keyset cursor from the previous page; absent for the first. */
export const cursor = z.string().max(500).nullish()

/** A keyset page's input: the cursor and, where the caller may choose it, the page size. */
export function pageInput(maxPageSize = MAX_PAGE_SIZE) {
  return { cursor, limit: z.number().int().min(1).max(maxPageSize).optional() }
}

export const email = z.string().trim().email('Enter an email address such as name@example.org.').max(254)
export const password = z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH)
/** A new password: its strength is judged by the server (zxcvbn), with its own message. */
export const newPassword = z.string().max(PASSWORD_MAX_LENGTH)
/** A one-time token from an emailed link (base32). */
export function linkToken(message: string) {
  return z.string().regex(/^[a-z2-7]{32}$/, message)
}

export const itemType = z.enum(ITEM_TYPES)
export const visibility = z.enum(VISIBILITIES)
/** A message sent with an invitation, a reply, a reason. */
export const words = z.string().max(2000, 'Keep it under 2,000 characters.')
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')

export function title(noun: string) {
  return z
    .string()
    .trim()
    .min(1, `Give the ${noun} a title.`)
    .max(300, 'Keep the title under 300 characters.')
}

/** Keeps a new item to these of the topic's groups (slugs); absent: all of them, present and future. */
export const itemGroups = z.array(slug).max(50).nullish()
/** The topic a new session or document belongs to. */
export const topicId = id.nullish()
/** The item a procedure acts on, by `id`. */
export const byId = z.object({ id })
export const bySlug = z.object({ slug })
/** A page of a group's list (topics, sessions, documents, audit events). */
export const groupPageInput = z.object({ slug, cursor })
/** A page of an item's list (a document's history). */
export const itemPageInput = z.object({ id, cursor })
