import { slugify } from '../knowledge/slug.js';

/**
 * The file name (without `.md`) for a topic title, which is also its topic id: the section-id slug,
 * except that a `#` or `+` right after a word is spelled out, so languages keep their names
 * (`async and await in C#` -> `async-and-await-in-csharp`, `C++ templates` -> `cplusplus-templates`),
 * cut to at most `MAX_SLUG_BYTES`.
 */
export function fileSlug(title: string): string {
  const slug = slugify(
    title.replace(/(?<=[\p{L}\p{N}])#/gu, 'sharp').replace(/(?<=[\p{L}\p{N}+])\+/gu, 'plus'),
  );
  return shorten(slug, MAX_SLUG_BYTES);
}

/** Longest file name the importer makes, in UTF-8 bytes: file systems allow 255, and a temporary name adds to it. */
export const MAX_SLUG_BYTES = 80;

/** A slug cut to `max` UTF-8 bytes, at a hyphen when there is one in its second half. */
function shorten(slug: string, max: number): string {
  if (Buffer.byteLength(slug) <= max) return slug;
  let cut = '';
  for (const char of slug) {
    if (Buffer.byteLength(cut + char) > max) break;
    cut += char;
  }
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > cut.length / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}
