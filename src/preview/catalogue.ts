import path from 'node:path';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import { lookupValue } from '../answer/LookupIndex.js';
import type { Answer, AnswerKind } from '../answer/types.js';
import type { Section, Topic } from '../knowledge/types.js';
import { previewAnswer, previewSection, type PreviewMessage } from './renderPreviewMessage.js';

export interface CatalogueSection {
  id: string;
  title: string;
  /** `topicId/sectionId`, also the section's anchor on the page. */
  value: string;
  /** The section's first sample question (its title when it has none), and what the engine made of it. */
  sample: {
    question: string;
    kind: AnswerKind;
    /** Whether the engine answers the sample question with this very section. */
    answersItself: boolean;
    /** `topicId/sectionId` and title of the section the engine answered with, if another one. */
    answeredWith: { value: string; title: string } | null;
    confidence: number | null;
  };
  /**
   * The Discord message for this section: the bot's real reply to the sample question when that
   * reply is this section, else the section as shown when picked by name.
   */
  message: PreviewMessage;
}

export interface CatalogueTopic {
  id: string;
  title: string;
  /** The topic file, relative to the working directory when inside it. */
  file: string;
  sections: CatalogueSection[];
}

/** Every section of every topic, rendered as the bot's Discord answer. */
export function buildCatalogue(engine: ConceptEngine): CatalogueTopic[] {
  return engine.knowledge.topics.map((topic) => ({
    id: topic.id,
    title: topic.title,
    file: displayPath(topic.file),
    sections: topic.sections.map((section) => catalogueSection(engine, topic, section)),
  }));
}

function catalogueSection(engine: ConceptEngine, topic: Topic, section: Section): CatalogueSection {
  const value = lookupValue(topic, section);
  const question = section.questions[0] ?? section.title;
  const answer = engine.ask(question);
  const answersItself = answer.kind === 'answer' && answer.match !== null && isSection(answer.match, value);
  const best = answer.match ?? answer.suggestions[0] ?? null;
  return {
    id: section.id,
    title: section.title,
    value,
    sample: {
      question,
      kind: answer.kind,
      answersItself,
      answeredWith:
        answer.match && !answersItself
          ? {
              value: lookupValue(answer.match.topic, answer.match.section),
              title: answer.match.section.title,
            }
          : null,
      confidence: answer.kind === 'none' || !best ? null : best.confidence,
    },
    message: answersItself ? previewAnswer(answer) : previewSection(topic, section, related(answer, value)),
  };
}

/** What the engine ranks beside the section for its sample question: its "related" buttons. */
function related(answer: Answer, value: string) {
  return [...(answer.match ? [answer.match] : []), ...answer.suggestions].filter((r) => !isSection(r, value));
}

function isSection(entry: { topic: Topic; section: Section }, value: string): boolean {
  return lookupValue(entry.topic, entry.section) === value;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
