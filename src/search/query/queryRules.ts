import type { Query, QueryContext } from './Query.js';
import { backgroundLanguage } from './rules/backgroundLanguage.js';
import { chatterWords } from './rules/chatterWords.js';
import { codeIdentifiers } from './rules/codeIdentifiers.js';
import { negation } from './rules/negation.js';
import { questionFocus } from './rules/questionFocus.js';
import { spellingVariants } from './rules/spellingVariants.js';
import { typos } from './rules/typos.js';

/** A query rule: a small pure function from a query to a query, switchable by name in the options. */
export type QueryRule = (query: Query, context: QueryContext) => Query;

/**
 * The query rules in the order they run. `text` rules read the prose (what to focus on, which
 * languages are the subject) before it is split into words; `words` rules then refine the words.
 * Each one's worth on held-out topics is shown by `npm run eval -- --ablate`.
 */
export const QUERY_RULES = {
  backgroundLanguage: { stage: 'text', apply: backgroundLanguage },
  questionFocus: { stage: 'text', apply: questionFocus },
  chatterWords: { stage: 'words', apply: chatterWords },
  negation: { stage: 'words', apply: negation },
  spellingVariants: { stage: 'words', apply: spellingVariants },
  typos: { stage: 'words', apply: typos },
  codeIdentifiers: { stage: 'words', apply: codeIdentifiers },
} as const satisfies Record<string, { stage: 'text' | 'words'; apply: QueryRule }>;

export type QueryRuleName = keyof typeof QUERY_RULES;
export const QUERY_RULE_NAMES = Object.keys(QUERY_RULES) as QueryRuleName[];
