import intentData from './data/intents.json' with { type: 'json' };

const INTENTS: readonly { word: string; patterns: RegExp[] }[] = Object.entries(intentData.intents).map(
  ([word, patterns]) => ({ word, patterns: patterns.map((p) => new RegExp(p, 'i')) }),
);

/**
 * The intent words a question's shape carries ("what is X for?" asks for a purpose), from
 * data/intents.json: general English, so they hold for any topic.
 */
export function questionIntents(text: string): string[] {
  return INTENTS.filter(({ patterns }) => patterns.some((p) => p.test(text))).map((i) => i.word);
}
