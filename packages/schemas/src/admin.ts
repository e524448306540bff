/** The site administrator's console: accounts and their rights, the whole audit log. */
import * as z from 'zod'
import { cursor, day, id, slug } from './common'

/** Accounts by name or email (two characters at least); empty lists the site administrators. */
export const searchAccountsInput = z.object({ q: z.string().max(200) })
export const siteAdminInput = z.object({ personId: id, siteAdmin: z.boolean() })
export const endSignInsInput = z.object({ personId: id })

/**
 * The audit log's filters, each optional: the actor's name (part of it), the action (its start,
 * such as "register." or "people.merge"), a group, and a range of days in UTC, both ends included.
 */
export const auditFilters = z
  .object({
    actor: z.string().trim().max(200).optional(),
    action: z
      .string()
      .trim()
      .max(100)
      .regex(/^[a-z_.]*$/, 'An action is written like "people.merge".')
      .optional(),
    group: z.union([slug, z.literal('')]).optional(),
    from: z.union([day, z.literal('')]).optional(),
    to: z.union([day, z.literal('')]).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The first day must not be after the last.',
    path: ['to'],
  })
export const auditLogInput = z.object({ filters: auditFilters.optional(), cursor })
