import { stemmer } from 'stemmer';
import { usualSpelling } from './englishWords.js';
import { matchesOf } from './matchesOf.js';
import { isStopWord } from './stopWords.js';

/** One searchable unit of text. Read-only: a word's token is shared by every text that uses the word. */
export interface Token {
  /** The index term: a stem for words, the whole lowercased name for code identifiers. */
  readonly term: string;
  /** The word as written, lowercased (what typo correction compares). */
  readonly surface: string;
  /** A code identifier or exact name (`Task.Run`, `.Result`, `ConfigureAwait`, `--no-cache`, `flex-grow`) or a part of one. */
  readonly identifier: boolean;
  /** A function word or chat filler: ignored for scoring, kept for phrasing similarity. */
  readonly stop: boolean;
  /** The negated form of the word before it (`not-await` after "don't await"). */
  readonly negated?: boolean;
}

// `Task.Run`, `.Result`, `HttpClient.GetStringAsync()`, paths (`String::from`, `std::move`, `Person::name`);
// names with an inner capital (`ConfigureAwait`); long options; and hyphenated names.
const DOTTED_IDENTIFIER = /(?<![\w.:])(?:[A-Za-z_]\w*)?(?:(?:\.|::)[A-Za-z_]\w*)+/g;
const INNER_CAPITAL_IDENTIFIER = /(?<![\w.])[A-Za-z]*[a-z][A-Z]\w*/g;
// A command's long option (`--force-with-lease`, `--no-cache`): a name as exact as a function's.
const LONG_OPTION = /(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])/gi;
// A hyphenated name (`flex-grow`, `justify-content`, "callback-based", "re-render"): one term, as exact.
const HYPHENATED_NAME = /(?<![\w-])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)+(?![\w-])/gi;
// Words, with inner apostrophes ("don't") and a trailing # or + ("C#", "c++17"); "filter+map" is two words.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*(?:[#+]+(?![\p{L}#+]))?/gu;
// A lifetime or type variable (`'a`, `'static`, `<'a>`): a quote before a name that no quote closes
// ("'static — what is it?"), unlike a quoted word ('cannot borrow') or a character literal ('x').
const LIFETIME = /(?<![\p{L}\p{N}_'])'[A-Za-z_]\w*(?![\w'])/gu;
const CLOSING_QUOTE = /\S'(?![\p{L}\p{N}])/u;
/** How far after an opening quote its closing one is looked for, on the same line: a quoted phrase is short. */
const QUOTE_REACH = 200;
const MAY_HAVE_DOTTED = /(?:\.|::)[A-Za-z_]/;
const MEMBER_SEPARATOR = /\.|::/;
const MAY_HAVE_INNER_CAPITAL = /[a-z][A-Z]/;
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/**
 * Splits text into tokens. Code identifiers are kept whole (and also split into their parts,
 * so `GetStringAsync` matches both itself and "get string async"); words are stemmed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  addIdentifiers(text, tokens);
  let negated = 0;
  for (const match of matchesOf(text, WORD)) {
    const token = readWord(match[0]);
    tokens.push(token);
    if (NEGATIONS.has(token.surface)) {
      negated = NEGATION_REACH;
    } else if (negated > 0) {
      negated--;
      if (!token.stop) {
        tokens.push({
          term: negatedTerm(token.term),
          surface: token.surface,
          identifier: false,
          stop: false,
          negated: true,
        });
        negated = 0;
      }
    }
  }
  return tokens;
}

/** The code identifiers of a text, each once, with their parts. */
function addIdentifiers(text: string, tokens: Token[]): void {
  const seen = new Set<string>();
  // Cheap checks first: most text has no identifier.
  if (MAY_HAVE_DOTTED.test(text)) {
    for (const match of matchesOf(text, DOTTED_IDENTIFIER)) {
      if (!isLanguageLikeName(match[0])) addIdentifier(match[0], tokens, seen);
    }
  }
  if (MAY_HAVE_INNER_CAPITAL.test(text)) {
    for (const match of matchesOf(text, INNER_CAPITAL_IDENTIFIER)) addIdentifier(match[0], tokens, seen);
  }
  if (text.includes("'")) {
    for (const match of matchesOf(text, LIFETIME)) {
      const end = match.index + match[0].length;
      const rest = text.slice(end, end + QUOTE_REACH).split('\n', 1)[0]!;
      if (!CLOSING_QUOTE.test(rest)) addWhole(match[0].toLowerCase(), tokens, seen);
    }
  }
  if (text.includes('-')) {
    if (text.includes('--')) addWholeNames(text, LONG_OPTION, tokens, seen);
    addWholeNames(text, HYPHENATED_NAME, tokens, seen);
  }
}

/**
 * Names matched by `pattern`, each kept whole only: their words are read as words too ("flex", "grow"),
 * as every word of a text is.
 */
function addWholeNames(text: string, pattern: RegExp, tokens: Token[], seen: Set<string>): void {
  for (const match of matchesOf(text, pattern)) addWhole(match[0].toLowerCase(), tokens, seen);
}

/** Adds a whole name, lowercased, as an identifier token once per text; false when it was there already. */
function addWhole(whole: string, tokens: Token[], seen: Set<string>): boolean {
  if (!whole || seen.has(whole)) return false;
  seen.add(whole);
  tokens.push({ term: whole, surface: whole, identifier: true, stop: false });
  return true;
}

function addIdentifier(name: string, tokens: Token[], seen: Set<string>): void {
  if (!addWhole(name.replace(/^\./, '').toLowerCase(), tokens, seen)) return;
  const parts = name.split(MEMBER_SEPARATOR).filter(Boolean);
  for (const part of parts) {
    if (parts.length > 1) addIdentifier(part, tokens, seen);
    else for (const piece of part.match(CAMEL_PARTS) ?? []) tokens.push(readWord(piece));
  }
}

/** Negations that are words of their own too ("Skip and Take", "a missing dependency"): searched for as well. */
const NEGATING_WORDS: ReadonlySet<string> = new Set([
  'forgot',
  'forget',
  'forgetting',
  'skip',
  'skipping',
  'omit',
  'omitting',
  'missing',
]);
// "don't await", "without awaiting", "no await": the negated word is its own term, since
// "not awaiting" asks something else than "awaiting".
const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  "aren't",
  "wasn't",
  "won't",
  'wont',
  "can't",
  'cant',
  'cannot',
  ...NEGATING_WORDS,
]);
const NEGATION_REACH = 3;

export function negatedTerm(term: string): string {
  return `not-${term}`;
}

// Reading a word (lowercasing, stop-word lookups, stemming) dominates indexing time, and text
// repeats its words: each word as written is read once and its token shared.
const WORD_CACHE_LIMIT = 200_000;
const wordTokens = new Map<string, Token>();

/** The token of a word as written (it starts with a letter or digit, so is never empty). */
function readWord(written: string): Token {
  let token = wordTokens.get(written);
  if (token === undefined) {
    token = wordToken(written.toLowerCase().replace(/'s?$/, ''));
    if (wordTokens.size >= WORD_CACHE_LIMIT) wordTokens.clear();
    wordTokens.set(written, token);
  }
  return token;
}

function wordToken(word: string): Token {
  // A negation particle says nothing by itself; it lives on in the negated term (`not-await`).
  const stop = isStopWord(word) || (NEGATIONS.has(word) && !NEGATING_WORDS.has(word));
  // One spelling for index and question alike: "behaviour" and "behavior" are one term.
  const term = stop || /[#+]/.test(word) ? word : stemmer(usualSpelling(word.replace(/'/g, '')));
  return { term, surface: word, identifier: false, stop };
}

// `.NET`, `asp.net`, `node.js`, `e.g.`: names and abbreviations, not code.
function isLanguageLikeName(name: string): boolean {
  return /^(?:\.net|asp\.net|node\.js|vb\.net|e\.g|i\.e|etc)\.?$/i.test(name);
}
