import { normalizeText } from '../search/normalizeText.js';
import { tokenize } from '../search/tokenize.js';

/** Questions similar enough to count as one: the Jaccard overlap of their content words. */
export const DEFAULT_SIMILARITY = 0.5;

export interface QuestionVariant {
  /** The question as most often written. */
  text: string;
  count: number;
}

export interface QuestionGroup<T> {
  /** The most asked wording of the group. */
  representative: string;
  count: number;
  /** Distinct wordings, most asked first (the representative first). */
  variants: QuestionVariant[];
  /** The items grouped (for counting by kind, user, ...). */
  items: T[];
}

/**
 * Groups paraphrases greedily. Questions are normalised (case, punctuation, spacing) and reduced to
 * stemmed content words; the most asked wording seeds a group, and each next wording joins the group
 * whose seed it overlaps most (Jaccard at least `similarity`), else seeds a new one.
 */
export function groupQuestions<T>(
  items: readonly T[],
  questionOf: (item: T) => string,
  similarity = DEFAULT_SIMILARITY,
): QuestionGroup<T>[] {
  const byWording = new Map<string, { items: T[]; spellings: Map<string, number> }>();
  for (const item of items) {
    const question = normalizeText(questionOf(item));
    const key = wordingKey(question);
    const entry = byWording.get(key) ?? { items: [] as T[], spellings: new Map<string, number>() };
    entry.items.push(item);
    entry.spellings.set(question, (entry.spellings.get(question) ?? 0) + 1);
    byWording.set(key, entry);
  }

  const wordings = [...byWording.values()].map(({ items: its, spellings }) => {
    const text = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    return { text, items: its, terms: contentTerms(text) };
  });
  wordings.sort((a, b) => b.items.length - a.items.length || a.text.localeCompare(b.text));

  const groups: { seed: Set<string>; group: QuestionGroup<T> }[] = [];
  for (const wording of wordings) {
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const candidate of groups) {
      const score = jaccard(candidate.seed, wording.terms);
      if (score >= similarity && score > bestScore) [best, bestScore] = [candidate, score];
    }
    const variant = { text: wording.text, count: wording.items.length };
    if (best) {
      best.group.count += variant.count;
      best.group.variants.push(variant);
      best.group.items.push(...wording.items);
    } else {
      groups.push({
        seed: wording.terms,
        group: {
          representative: wording.text,
          count: variant.count,
          variants: [variant],
          items: [...wording.items],
        },
      });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count);
}

/** Stemmed content words of a question (function words and chat filler dropped). */
export function contentTerms(question: string): Set<string> {
  return new Set(
    tokenize(question)
      .filter((t) => !t.stop)
      .map((t) => t.term),
  );
}

/** Overlap of two term sets; two empty sets (a question of only filler words) are only alike if equal wordings. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

function wordingKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#+.\s]|\.(?!\w)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
