/** Accounts: signing up and in, passwords, sessions, the email address. */
import * as z from 'zod'
import { email, linkToken, newPassword, password } from './common'
import { PERSON_KINDS } from './limits'

export const signUpInput = z.object({
  email,
  password,
  displayName: z.string().trim().min(1, 'Enter your name.').max(200),
  organisation: z.string().trim().max(300).optional(),
  kind: z.enum(PERSON_KINDS).optional(),
})

export const signInInput = z.object({ email, password })

export const endSessionInput = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'That is not a session.') })

export const changePasswordInput = z.object({ currentPassword: password, newPassword })

export const requestPasswordResetInput = z.object({ email })

export const resetPasswordInput = z.object({
  token: linkToken('This link is not valid. Ask for a new one.'),
  password: newPassword,
})

export const changeEmailInput = z.object({ password, newEmail: email })
