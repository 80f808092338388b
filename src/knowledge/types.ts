/** The typed model of the knowledge base: what the loader produces and everything else reads. */

export interface CodeExample {
  /** Language of the fence (`csharp`), falling back to the topic's language. */
  language: string;
  /** Whether the fence named its language itself (false: `language` is the topic's). */
  tagged?: boolean;
  code: string;
  /** 1-based line of the opening fence in the topic file. */
  line: number;
}

export interface SectionEnrichment {
  /** Extra words people use for this section that its text does not contain. */
  keywords: string[];
  /** Questions, as users would ask them, that this section answers. */
  questions: string[];
  /**
   * Questions this section reads as if it answers but does not (its answer to them was marked not
   * helpful): asked in these words again, it is not given as their answer.
   */
  notFor?: string[];
}

export interface Section extends SectionEnrichment {
  /** Slug of the title, unique within its topic (`await-keyword`). */
  id: string;
  /** Plain-text title (`await keyword`). */
  title: string;
  /** Title as written, Markdown kept (`` `await` keyword ``). */
  titleMarkdown: string;
  /** The points, each as Markdown. */
  points: string[];
  /** 1-based line of each point in the topic file, when read from one (for `npm run check`). */
  pointLines?: number[];
  code: CodeExample[];
  /** 1-based line of the section's title in the topic file. */
  line: number;
}

export interface Topic {
  /** File name without `.md`. */
  id: string;
  title: string;
  /** Default language for code fences without one, and the language the topic is about. */
  language: string | undefined;
  /** Other names people use for the topic or its language (`c#`, `dotnet`). */
  aliases: string[];
  /** The intro line as written, Markdown kept. */
  intro: string;
  /** 1-based line of the intro in the topic file, when it has one. */
  introLine?: number;
  sections: Section[];
  /** Path of the file it was read from. */
  file: string;
}

export interface KnowledgeBase {
  topics: Topic[];
}
