import languageData from './data/languages.json' with { type: 'json' };

interface LanguageEntry {
  names: string[];
  ambiguous?: string[];
  fences?: string[];
  commonWordAtSentenceStart?: string[];
}

const LANGUAGES = languageData.languages as Record<string, LanguageEntry>;

interface NamePattern {
  language: string;
  pattern: RegExp;
  ambiguous: boolean;
  commonAtSentenceStart: boolean;
}

const NAME_PATTERNS: NamePattern[] = Object.entries(LANGUAGES).flatMap(([language, entry]) =>
  entry.names.map((name) => ({
    language,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}_.#+])${escapeRegExp(name).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}_#+]|\\.[\\p{L}])`,
      'giu',
    ),
    ambiguous: entry.ambiguous?.includes(name) ?? false,
    commonAtSentenceStart: entry.commonWordAtSentenceStart?.includes(name) ?? false,
  })),
);

const LANGUAGE_CONTEXT_BEFORE = /\b(?:in|with|using|for|of|from|vs\.?|versus|and)\s+$/i;

/** Canonical ids of the programming languages a text names (`"errors in Go?"` -> `go`). */
export function languagesMentioned(text: string): Set<string> {
  const found = new Set<string>();
  for (const name of NAME_PATTERNS) {
    for (const match of text.matchAll(name.pattern)) {
      if (readsAsLanguage(name, text, match.index, match[0])) {
        found.add(name.language);
        break;
      }
    }
  }
  return found;
}

/** Spans of a text that name a language, so scoring can leave them out. */
export function languageNameSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const name of NAME_PATTERNS) {
    for (const match of text.matchAll(name.pattern)) {
      if (readsAsLanguage(name, text, match.index, match[0]))
        spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}

/** The canonical language for a name, alias or code-fence tag (`C#`, `cs`, `dotnet` -> `csharp`). */
export function canonicalLanguage(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (key in LANGUAGES) return key;
  for (const [language, entry] of Object.entries(LANGUAGES)) {
    if (entry.names.includes(key) || entry.fences?.includes(key)) return language;
  }
  return undefined;
}

function readsAsLanguage(name: NamePattern, text: string, index: number, written: string): boolean {
  if (!name.ambiguous) return true;
  const before = text.slice(0, index);
  if (LANGUAGE_CONTEXT_BEFORE.test(before)) return true;
  const capitalised = written[0] !== written[0]!.toLowerCase();
  const startsSentence = /(?:^|[.!?]\s*)$/.test(before);
  return capitalised && !(startsSentence && name.commonAtSentenceStart);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
