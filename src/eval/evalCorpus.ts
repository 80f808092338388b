import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { importCapture } from '../import/importCapture.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import type { KnowledgeBase, Topic } from '../knowledge/types.js';
import { readLabelledQuestions, type LabelledQuestion } from './evaluate.js';
import { readJsonlFolder } from './readJsonlFolder.js';

/** Where the evaluation corpus lives: raw captures, the shipped knowledge, and the blind question sets. */
export const EVAL_CORPUS = {
  captures: 'test/fixtures/corpus',
  knowledge: 'knowledge',
  questions: 'test/eval/blind',
};

/** Each blind question in another asker's words (`{topic, original, question}` lines), for learning from use. */
export const PARAPHRASES = 'test/eval/paraphrases';

/** The paraphrases in a folder, by original question; empty when there is no such folder. */
export async function readParaphrases(dir: string = PARAPHRASES): Promise<Map<string, string>> {
  const lines = (await readJsonlFolder(dir)) as { original: string; question: string }[];
  return new Map(lines.map(({ original, question }) => [original, question]));
}

export interface EvalCorpus {
  /** The shipped topics, then every capture imported as the importer would, with no enrichment. */
  knowledge: KnowledgeBase;
  /** Every blind question, labelled, with the topic it was written for (or `off-topic`). */
  questions: LabelledQuestion[];
  /** Ids of the shipped (possibly enriched) topics. */
  shippedTopicIds: string[];
}

/** Loads the corpus: captures are imported in memory (what `npm run import` writes), never hand-edited. */
export async function loadEvalCorpus(where: typeof EVAL_CORPUS = EVAL_CORPUS): Promise<EvalCorpus> {
  const shipped = await loadKnowledge(where.knowledge);
  const captureFiles = (await readdir(where.captures)).filter((f) => f.endsWith('.txt')).sort();
  const imported = await Promise.all(
    captureFiles.map(async (file) => {
      const bytes = await readFile(path.join(where.captures, file));
      const topic = importCapture(bytes, file).topic;
      return { ...topic, id: path.basename(file, '.txt') };
    }),
  );
  const questionFiles = (await readdir(where.questions)).filter((f) => f.endsWith('.jsonl')).sort();
  const questions = (
    await Promise.all(questionFiles.map((f) => readLabelledQuestions(path.join(where.questions, f))))
  ).flat();
  return {
    knowledge: { topics: [...shipped.topics, ...imported] },
    questions,
    shippedTopicIds: shipped.topics.map((t) => t.id),
  };
}

/** A topic with its enrichment (keywords and sample questions) taken out: what a plain paste gives. */
export function withoutEnrichment(topic: Topic): Topic {
  return { ...topic, sections: topic.sections.map((s) => ({ ...s, keywords: [], questions: [] })) };
}
