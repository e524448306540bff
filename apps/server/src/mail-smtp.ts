/**
 * Sending the outbox by SMTP (Node only): `SMTP_URL` such as `smtp://user:pass@host:587`
 * (`smtps://` for implicit TLS; STARTTLS is used when the server offers it), and `MAIL_FROM`
 * such as `APPG Hub <hub@example.org>`.
 */
import type { MailTransport } from '@appg-hub/core'
import nodemailer from 'nodemailer'
import type { NodeSettings } from './config'

export interface SmtpSettings {
  url: string
  from: string
}

/** The SMTP settings (SMTP_URL, MAIL_FROM), or null when `SMTP_URL` is not set (mail stays in the outbox). */
export function smtpSettingsFrom(settings: NodeSettings): SmtpSettings | null {
  const url = settings.settings.SMTP_URL
  if (!url) return null
  const host = new URL(settings.config.publicUrl).hostname
  return { url, from: settings.settings.MAIL_FROM || `APPG Hub <no-reply@${host}>` }
}

export function createSmtpTransport(settings: SmtpSettings): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(settings.url)
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      })
    },
    close() {
      transporter.close()
    },
  }
}
