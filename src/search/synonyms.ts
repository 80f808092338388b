import synonymData from './data/synonyms.json' with { type: 'json' };
import { stemmer } from 'stemmer';

/** Stem -> the stems of its synonyms (general programming English, from data/synonyms.json). */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of synonymData.groups) {
    const stems = [...new Set(group.map((w) => stemmer(w)))];
    for (const stem of stems) {
      const others = stems.filter((s) => s !== stem);
      map.set(stem, [...new Set([...(map.get(stem) ?? []), ...others])]);
    }
  }
  return map;
})();

export function synonymsOf(stem: string): readonly string[] {
  return SYNONYMS.get(stem) ?? [];
}
