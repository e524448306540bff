/** Accounts: signing up and in, passwords, sign-ins, the email address. */
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

export const endSignInInput = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'That is not a sign-in.') })

export const changePasswordInput = z.object({ currentPassword: password, newPassword })

export const requestPasswordResetInput = z.object({ email })

const resetToken = linkToken('This link is not valid. Ask for a new one.')
/** Whether an emailed link can still be used, asked before the form is shown. */
export const checkResetLinkInput = z.object({ token: resetToken })
export const resetPasswordInput = z.object({ token: resetToken, password: newPassword })

export const changeEmailInput = z.object({ password, newEmail: email })
