import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { chatterReason } from '../search/chatter.js';
import { languageLabel, languagesAskedAbout } from '../search/languageMentions.js';
import { contentTerms } from './groupQuestions.js';

/** What a message the bot could not answer well tells a maintainer. */
export type QuestionClass =
  /** Thanks or small talk ("thanks!", "cheers mate"): nothing to write. */
  | { kind: 'chatter' }
  /** Asks about a language no topic covers: by display name (`Java`). */
  | { kind: 'other-language'; languages: string[] }
  /** A word or two with no question in it ("valorant"): shown apart, never grouped with questions. */
  | { kind: 'fragment' }
  /** A question the knowledge lacks; `languages` it names, by display name, keep it apart from others. */
  | { kind: 'question'; languages: string[] };

const QUESTION_SHAPE =
  /\?|^[\s\p{P}]*(?:how|what|whats|what's|why|when|where|which|who|can|could|should|would|does|do|did|is|are|explain|difference|vs|versus)\b/iu;

/**
 * Classifies a logged question with the engine's own reading of it (the chatter and language rules it
 * answers by), so that the report's "what to write next" holds questions only, each with its language.
 */
export function classifyQuestion(question: string, engine: ConceptEngine): QuestionClass {
  if (chatterReason(question)) return { kind: 'chatter' };
  const answer = engine.ask(question);
  if (answer.reason === 'thanks' || answer.reason === 'complaint' || answer.reason === 'small-talk')
    return { kind: 'chatter' };
  if (answer.unknownLanguages.length > 0)
    return { kind: 'other-language', languages: [...answer.unknownLanguages].sort() };
  if (
    !QUESTION_SHAPE.test(question) &&
    contentTerms(question).size <= 2 &&
    answer.suggestions.length === 0 &&
    !answer.match
  ) {
    return { kind: 'fragment' };
  }
  return { kind: 'question', languages: [...languagesAskedAbout(question)].map(languageLabel).sort() };
}
