/**
 * Section id from a title: lowercase, Markdown and punctuation dropped,
 * runs of spaces and hyphens become one hyphen (`` `await` keyword `` -> `await-keyword`).
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-|-$/g, '');
}
