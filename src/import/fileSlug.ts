import { slugify } from '../knowledge/slug.js';

/**
 * The file name (without `.md`) for a topic title, which is also its topic id: the section-id slug,
 * except that a `#` or `+` right after a word is spelled out, so languages keep their names
 * (`async and await in C#` -> `async-and-await-in-csharp`, `C++ templates` -> `cplusplus-templates`).
 */
export function fileSlug(title: string): string {
  return slugify(title.replace(/(?<=[\p{L}\p{N}])#/gu, 'sharp').replace(/(?<=[\p{L}\p{N}+])\+/gu, 'plus'));
}
