import { describe, expect, it } from 'vitest'
import { digestEmail, immediateEmail } from '../notifications/email'
import { emailHtml } from './html'

describe('the HTML part of an email', () => {
  it('is a small English document with the subject as its title', () => {
    const html = emailHtml('Reset your <APPG Hub> password', 'Hello.')
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<title>Reset your &lt;APPG Hub&gt; password</title>')
    expect(html).toContain('<p>Hello.</p>')
    expect(html).not.toMatch(/<img|<script|<style/)
  })

  it('says what the text says: paragraphs, line breaks, escaped text, addresses as links', () => {
    const html = emailHtml(
      'S',
      'First line\nsecond line & <b>more</b>\n\nChoose a new password here: https://hub.example.org/reset-password/abc.\n\n\n“A quote”',
    )
    expect(html).toContain('<p>First line<br>\nsecond line &amp; &lt;b&gt;more&lt;/b&gt;</p>')
    expect(html).toContain(
      '<p>Choose a new password here: <a href="https://hub.example.org/reset-password/abc">https://hub.example.org/reset-password/abc</a>.</p>',
    )
    expect(html).toContain('<p>“A quote”</p>')
  })

  it('makes a digest a list, each item with its link', () => {
    const email = digestEmail(
      'a@example.org',
      [
        { text: 'Sam replied', excerpt: 'Yes', path: '/topics/1', createdAt: '2026-12-08T09:30:00.000Z' },
        { text: 'Ann mentioned you', excerpt: null, path: null, createdAt: '2026-12-08T10:00:00.000Z' },
      ],
      'https://hub.example.org',
    )
    const html = emailHtml(email.subject, email.body)
    expect(html).toMatch(/<ul>\n<li>Sam replied[^<]*<br>\n<a href="https:\/\/hub\.example\.org\/topics\/1">/)
    expect(html).toContain('<li>Ann mentioned you</li>')
    expect(html).toContain('<p>Your APPG Hub digest: 2 notifications since the last one.</p>')
  })

  it('keeps an immediate email’s link as a link', () => {
    const email = immediateEmail(
      'a@example.org',
      { kind: 'comment', text: 'Sam commented', excerpt: 'Looks good', path: '/topics/9' },
      'https://hub.example.org',
    )
    expect(emailHtml(email.subject, email.body)).toContain(
      'Open it: <a href="https://hub.example.org/topics/9">',
    )
  })
})
