/**
 * The Word converter in this process: on Node, and inside the word Worker on Cloudflare. Not part
 * of the `files` index, so that the main Worker's bundle leaves the converting libraries out.
 */
import { markdownToWordFile } from './markdown-to-word'
import type { WordConverter } from './word-conversion'
import { wordToMarkdown } from './word-to-markdown'

export const localWordConverter: WordConverter = {
  toMarkdown: wordToMarkdown,
  toWord: markdownToWordFile,
}
