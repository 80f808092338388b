import { codeLanguageOf } from '../knowledge/codeLanguages.js';
import languageData from './data/languages.json' with { type: 'json' };
import { matchesOf } from './matchesOf.js';

interface LanguageEntry {
  label: string;
  names: string[];
  ambiguous?: string[];
  /** Fences that mean this subject rather than their code language (`jsx`: React); the rest are in codeLanguages.ts. */
  fences?: string[];
  commonWordAtSentenceStart?: string[];
  plainWordBefore?: string[];
  implies?: string[];
  incidental?: boolean;
}

const LANGUAGES = languageData.languages as Record<string, LanguageEntry>;

interface LanguageName {
  language: string;
  ambiguous: boolean;
  commonAtSentenceStart: boolean;
  /** Words that, right after the name, show it is the plain word ("go to"). */
  plainWordBefore: ReadonlySet<string>;
}

/** Every name, lowercased with single spaces, to what it names. */
const NAMES = new Map<string, LanguageName>(
  Object.entries(LANGUAGES).flatMap(([language, entry]) =>
    entry.names.map((name): [string, LanguageName] => [
      name,
      {
        language,
        ambiguous: entry.ambiguous?.includes(name) ?? false,
        commonAtSentenceStart: entry.commonWordAtSentenceStart?.includes(name) ?? false,
        plainWordBefore: new Set(entry.plainWordBefore ?? []),
      },
    ]),
  ),
);

// One pass over the text for all names; longer names first so `c#` wins over `c`.
const ANY_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}_.#+])(?:${[...NAMES.keys()]
    .sort((x, y) => y.length - x.length)
    .map((name) => escapeRegExp(name).replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}_#+]|\\.[\\p{L}])`,
  'giu',
);

const LANGUAGE_CONTEXT_BEFORE = /\b(?:in|with|using|for|of|from|vs\.?|versus|and)\s+$/i;
/** An ambiguous name glued to the word before by a hyphen is part of that word: "ctrl-C", "pre-Go". */
const GLUED_TO_WORD_BEFORE = /[\p{L}\p{N}]-$/u;
/** Words after an ambiguous name that show it names a language ("the go equivalent", "rust developers"). */
const LANGUAGE_CONTEXT_AFTER =
  /^\s+(?:equivalent|version|counterpart|developers?|devs?|programmers?|code|syntax|compiler)\b/i;

export interface LanguageMention {
  language: string;
  start: number;
  end: number;
  /** Named for comparison ("like JavaScript", "coming from Java"), not as the subject. */
  comparative: boolean;
}

// Words that make the language after them a point of comparison. Not "vs": "Java annotations vs Python
// decorators" asks about both sides.
const COMPARISON_BEFORE =
  /\b(?:like|unlike|than|from|compared (?:to|with)|similar to|coming from|unlike in|like in|same as(?: in)?)\s+$/i;

function mentions(text: string): LanguageMention[] {
  const found: LanguageMention[] = [];
  const add = (language: string, start: number, end: number) =>
    found.push({ language, start, end, comparative: COMPARISON_BEFORE.test(text.slice(0, start)) });
  for (const match of matchesOf(text, ANY_NAME)) {
    const name = NAMES.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (name && readsAsLanguage(name, text, match.index, match[0])) {
      add(name.language, match.index, match.index + match[0].length);
    }
  }
  for (const match of matchesOf(text, WORD)) {
    const language = misspeltLanguage(match[0].toLowerCase());
    if (language) add(language, match.index, match.index + match[0].length);
  }
  return found;
}

const WORD = /[\p{L}]{6,}/gu;

/**
 * Long, unambiguous names, matched through one slip of the keyboard: two neighbouring letters swapped
 * ("pyhton"), one letter missing ("javscript") or one extra. A changed letter is not accepted: it makes
 * real words ("closure", "clutter"). Every swapped and shortened form is listed once, so a lookup is a get.
 */
const SLIPS: ReadonlyMap<string, string> = (() => {
  const slips = new Map<string, string>();
  for (const [name, { language, ambiguous }] of NAMES) {
    if (ambiguous || !/^[a-z]{6,}$/.test(name)) continue;
    for (let i = 0; i < name.length; i++) {
      slips.set(name.slice(0, i) + name.slice(i + 1), language);
      if (i + 1 < name.length)
        slips.set(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2), language);
    }
  }
  for (const name of NAMES.keys()) slips.delete(name);
  return slips;
})();
const SLIP_NAMES = new Map(
  [...NAMES].filter(([name, { ambiguous }]) => !ambiguous && /^[a-z]{6,}$/.test(name)),
);

// Most long words name no language, and texts repeat their words: each word is checked once.
const SLIP_CACHE_LIMIT = 50_000;
const slipsChecked = new Map<string, string | null>();

function misspeltLanguage(word: string): string | undefined {
  let language = slipsChecked.get(word);
  if (language === undefined) {
    language = slipOf(word) ?? null;
    if (slipsChecked.size >= SLIP_CACHE_LIMIT) slipsChecked.clear();
    slipsChecked.set(word, language);
  }
  return language ?? undefined;
}

function slipOf(word: string): string | undefined {
  if (NAMES.has(word)) return undefined;
  const direct = SLIPS.get(word);
  if (direct) return direct;
  // One extra letter: dropping it gives the name.
  for (let i = 0; i < word.length; i++) {
    const name = SLIP_NAMES.get(word.slice(0, i) + word.slice(i + 1));
    if (name) return name.language;
  }
  return undefined;
}

/** Canonical ids of the programming languages a text names (`"errors in Go?"` -> `go`). */
export function languagesMentioned(text: string): Set<string> {
  return new Set(mentions(text).map((m) => m.language));
}

/** Where a text names languages: read once, then used for routing and blanking alike. */
export function languageMentionsIn(text: string): readonly LanguageMention[] {
  return mentions(text);
}

/**
 * The languages a question is asking about, for routing: every language it names, unless it names
 * them only to compare ("single-threaded like JavaScript"), which restricts nothing.
 */
export function languagesAskedAbout(
  text: string,
  found: readonly LanguageMention[] = mentions(text),
): Set<string> {
  return found.some((m) => !m.comparative) ? new Set(found.map((m) => m.language)) : new Set();
}

/** Language names route a question to a topic; they say nothing about which section answers it. */
export function withoutLanguageNames(
  text: string,
  found: readonly LanguageMention[] = mentions(text),
): string {
  const spans = found.map((m) => [m.start, m.end] as const).sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * The language a name or a code fence means (`C#`, `py`, `jsx` -> react): a name people write for it,
 * a fence that means a subject (languages.json), or else the code language the fence is listed under
 * (knowledge/codeLanguages.ts) where the search knows that language.
 */
export function canonicalLanguage(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (key in LANGUAGES) return key;
  for (const [language, entry] of Object.entries(LANGUAGES)) {
    if (entry.names.includes(key) || entry.fences?.includes(key)) return language;
  }
  const code = codeLanguageOf(key)?.id;
  return code !== undefined && code in LANGUAGES ? code : undefined;
}

function readsAsLanguage(name: LanguageName, text: string, index: number, written: string): boolean {
  if (!name.ambiguous) return true;
  const before = text.slice(0, index);
  if (GLUED_TO_WORD_BEFORE.test(before)) return false;
  if (LANGUAGE_CONTEXT_BEFORE.test(before)) return true;
  if (LANGUAGE_CONTEXT_AFTER.test(text.slice(index + written.length, index + written.length + 20)))
    return true;
  const capitalised = written[0] !== written[0]!.toLowerCase();
  const startsSentence = /(?:^|[.!?]\s*)$/.test(before);
  if (!capitalised && before.trim() === '') {
    // The first word of a message names its subject ("rust futures?", "go error handling"), unless it is the plain word.
    const next = /^\s*([\p{L}']+)/u.exec(text.slice(index + written.length))?.[1]?.toLowerCase();
    return next !== undefined && !name.plainWordBefore.has(next);
  }
  return capitalised && !(startsSentence && name.commonAtSentenceStart);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LABELS: ReadonlySet<string> = new Set(
  Object.entries(LANGUAGES).flatMap(([language, entry]) => [language, entry.label.toLowerCase()]),
);

/** Whether a word is a language's own name (`java`, `c#`, `go`) rather than a tool named after it (`asyncio`). */
export function isLanguageLabel(word: string): boolean {
  return LABELS.has(word.toLowerCase());
}

/** How a person writes a language's name (`csharp` -> `C#`); the id itself for an unknown one. */
export function languageLabel(language: string): string {
  return LANGUAGES[language]?.label ?? language;
}

/** Whether a question about `asked` may be answered by a topic about `about` (the same, or one implies the other). */
export function languagesRelated(asked: string, about: string): boolean {
  return (
    asked === about ||
    (LANGUAGES[asked]?.implies?.includes(about) ?? false) ||
    (LANGUAGES[about]?.implies?.includes(asked) ?? false)
  );
}

/** A language whose code shows up in topics about other things (shell): its fences do not make a topic about it. */
export function isIncidentalLanguage(language: string): boolean {
  return LANGUAGES[language]?.incidental ?? false;
}
