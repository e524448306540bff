/**
 * Sending the outbox by SMTP (Node only): `SMTP_URL` such as `smtp://user:pass@host:587`
 * (`smtps://` for implicit TLS; STARTTLS is used when the server offers it), and `MAIL_FROM`
 * such as `APPG Hub <hub@example.org>`.
 */
import type { MailTransport } from '@appg-hub/core'
import nodemailer from 'nodemailer'

export interface SmtpSettings {
  url: string
  from: string
}

/** The SMTP settings from the environment, or null when `SMTP_URL` is not set (mail stays in the outbox). */
export function smtpSettingsFrom(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const url = env.SMTP_URL?.trim()
  if (!url) return null
  if (!/^smtps?:\/\//.test(url))
    throw new Error('SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:pass@host:587)')
  const host = new URL((env.PUBLIC_URL ?? 'http://localhost').replace(/\/$/, '')).hostname
  return { url, from: env.MAIL_FROM?.trim() || `APPG Hub <no-reply@${host}>` }
}

export function createSmtpTransport(settings: SmtpSettings): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(settings.url)
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text })
    },
    close() {
      transporter.close()
    },
  }
}
