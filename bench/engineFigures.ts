import { performance } from 'node:perf_hooks';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { percentile } from './percentile.js';

/** What one knowledge base costs the engine: build time, per-question latency, memory. */
export interface EngineFigures {
  sections: number;
  /** The first build of this knowledge in the process, then the median of three (hot reloads run warm). */
  firstBuildMs: number;
  medianBuildMs: number;
  /** Latency over `questions.length` questions, each asked once of the first engine after the warm-up. */
  askP50Ms: number;
  askP99Ms: number;
  /**
   * The same with each question's best time over the three engines (each with its own fresh caches):
   * what the engine costs with the shared machine's scheduling and GC pauses mostly filtered out.
   */
  steadyP50Ms: number;
  steadyP99Ms: number;
  questions: number;
  /** Heap the engine holds once built, and once it has answered every question (parts built lazily, caches). */
  indexHeapBytes: number;
  heapAfterQuestionsBytes: number;
  rssBytes: number;
}

const BUILDS = 3;

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Builds an engine over `knowledge` three times, and asks each one every question once, after
 * `warmUp` questions that are not counted (the JIT's warm-up; they should differ from the measured
 * ones, so that the typo cache does not flatter the figures). Heap figures are the first engine's,
 * exact with `--expose-gc`.
 */
export function measureEngine(
  knowledge: KnowledgeBase,
  questions: readonly string[],
  warmUp: readonly string[],
): EngineFigures {
  const builds: number[] = [];
  const passes: number[][] = [];
  let heap = { index: 0, afterQuestions: 0, rss: 0, sections: 0 };
  for (let i = 0; i < BUILDS; i++) {
    const heapBefore = heapUsed();
    const start = performance.now();
    const engine = ConceptEngine.build(knowledge);
    builds.push(performance.now() - start);
    const indexHeap = heapUsed() - heapBefore;
    for (const question of warmUp) engine.ask(question);
    passes.push(answerLatencies(engine, questions));
    if (i === 0) {
      heap = {
        index: indexHeap,
        afterQuestions: heapUsed() - heapBefore,
        rss: process.memoryUsage().rss,
        sections: engine.sectionCount,
      };
    }
  }
  const steady = questions.map((_, q) => Math.min(...passes.map((times) => times[q]!)));
  return {
    sections: heap.sections,
    firstBuildMs: builds[0]!,
    medianBuildMs: percentile(builds, 50),
    askP50Ms: percentile(passes[0]!, 50),
    askP99Ms: percentile(passes[0]!, 99),
    steadyP50Ms: percentile(steady, 50),
    steadyP99Ms: percentile(steady, 99),
    questions: questions.length,
    indexHeapBytes: heap.index,
    heapAfterQuestionsBytes: heap.afterQuestions,
    rssBytes: heap.rss,
  };
}

/** How long the engine takes to answer each question, in ms, in order. */
export function answerLatencies(engine: ConceptEngine, questions: readonly string[]): number[] {
  const times: number[] = [];
  for (const question of questions) {
    const asked = performance.now();
    engine.ask(question);
    times.push(performance.now() - asked);
  }
  return times;
}
