/**
 * Markdown is rendered by the server's renderer only (components/Markdown.tsx loads it for previews);
 * what is left here is plain text: a comment's mentions shown as `@Name` where no HTML is rendered.
 */
export function plainMentions(source: string): string {
  return source.replace(/@\[([^\]\n]{1,120})\]\(person:[\w-]{1,64}\)/g, '@$1')
}
