import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { findSyntaxError, type SyntaxIssue } from './findSyntaxError.js';
import { grammarForFence, grammars as defaultGrammars, type GrammarSpec } from './grammars.js';

const require = createRequire(import.meta.url);
let runtime: Promise<void> | undefined;

/**
 * Parses code with real tree-sitter grammars (WebAssembly, from installed packages).
 * Each grammar is loaded once, on first use.
 */
export class SyntaxChecker {
  private readonly parsers = new Map<GrammarSpec, Promise<Parser>>();

  constructor(private readonly grammars: readonly GrammarSpec[] = defaultGrammars) {}

  /** The grammar for a fence language, if there is one. */
  grammarFor(language: string): GrammarSpec | undefined {
    return grammarForFence(language, this.grammars);
  }

  /** The first syntax error in `code`, or undefined when it parses cleanly. Throws for a language without a grammar. */
  async check(language: string, code: string): Promise<SyntaxIssue | undefined> {
    const grammar = this.grammarFor(language);
    if (!grammar) throw new Error(`no grammar for language "${language}"`);
    const parser = await this.parserFor(grammar);
    const source = grammar.sessions ? sessionCommands(code) : code;
    const issue = parse(parser, grammar, source);
    if (!issue) return undefined;
    for (const [before, after] of grammar.fragmentOf ?? []) {
      if (!parse(parser, grammar, before + source + after)) return undefined;
    }
    return issue;
  }

  /** Frees the parsers. */
  async close(): Promise<void> {
    const parsers = [...this.parsers.values()];
    this.parsers.clear();
    for (const parser of await Promise.allSettled(parsers))
      if (parser.status === 'fulfilled') parser.value.delete();
  }

  private parserFor(grammar: GrammarSpec): Promise<Parser> {
    let parser = this.parsers.get(grammar);
    if (!parser) {
      parser = loadParser(grammar);
      this.parsers.set(grammar, parser);
    }
    return parser;
  }
}

function parse(parser: Parser, grammar: GrammarSpec, code: string): SyntaxIssue | undefined {
  const tree = parser.parse(code);
  if (!tree) throw new Error(`the ${grammar.name} parser gave no tree`);
  try {
    return findSyntaxError(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** A shell session (`$ command` lines and their output) as its commands alone, each on its own row. */
function sessionCommands(code: string): string {
  const lines = code.split('\n');
  if (!lines.some((l) => /^\s*\$ /.test(l))) return code;
  return lines.map((l) => /^\s*\$ (.*)$/.exec(l)?.[1] ?? '').join('\n');
}

async function loadParser(grammar: GrammarSpec): Promise<Parser> {
  runtime ??= Parser.init();
  await runtime;
  const language = await Language.load(require.resolve(grammar.wasm));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
