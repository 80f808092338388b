import { codeLanguageOf } from '../knowledge/codeLanguages.js';

/**
 * Grammars the checker parses code examples with: one line a grammar, each a tree-sitter grammar from
 * npm, as WebAssembly resolved as a package path. `language` is a `codeLanguages` id, so every fence name
 * of that language selects it; `fences`, when given, narrows it to some of them (TSX beside TypeScript).
 * Code in any other language is counted and skipped.
 */
export interface GrammarSpec {
  name: string;
  language: string;
  wasm: string;
  fences?: readonly string[];
  /**
   * Code an example may be a fragment of (a function body, class members): when the code alone does not
   * parse, it is tried inside each of these `[before, after]` wrappers, and passes if one parses cleanly.
   */
  fragmentOf?: readonly (readonly [string, string])[];
  /** Shell sessions: when some lines start with a `$ ` prompt, only those commands are parsed. */
  sessions?: boolean;
}

const FUNCTION_BODY = (head: string) => [`${head} {\n`, '\n}'] as const;
const CLASS_BODY = ['class Fragment {\n', '\n}'] as const;

export const grammars: readonly GrammarSpec[] = [
  {
    name: 'C#',
    language: 'csharp',
    wasm: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
    fragmentOf: [CLASS_BODY],
  },
  { name: 'Python', language: 'python', wasm: 'tree-sitter-python/tree-sitter-python.wasm' },
  {
    name: 'JavaScript',
    language: 'javascript',
    wasm: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
    fragmentOf: [CLASS_BODY, FUNCTION_BODY('async function fragment()')],
  },
  {
    name: 'TSX',
    language: 'typescript',
    wasm: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
    fences: ['tsx'],
    fragmentOf: [CLASS_BODY, FUNCTION_BODY('async function fragment()')],
  },
  {
    name: 'TypeScript',
    language: 'typescript',
    wasm: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
    fragmentOf: [CLASS_BODY, FUNCTION_BODY('async function fragment()')],
  },
  {
    name: 'Rust',
    language: 'rust',
    wasm: 'tree-sitter-rust/tree-sitter-rust.wasm',
    fragmentOf: [FUNCTION_BODY('fn fragment()')],
  },
  {
    name: 'Go',
    language: 'go',
    wasm: 'tree-sitter-go/tree-sitter-go.wasm',
    fragmentOf: [FUNCTION_BODY('func fragment()')],
  },
  {
    name: 'Java',
    language: 'java',
    wasm: 'tree-sitter-java/tree-sitter-java.wasm',
    fragmentOf: [CLASS_BODY, ['class Fragment { void fragment() {\n', '\n} }']],
  },
  {
    name: 'C',
    language: 'c',
    wasm: 'tree-sitter-c/tree-sitter-c.wasm',
    fragmentOf: [FUNCTION_BODY('void fragment(void)')],
  },
  {
    name: 'C++',
    language: 'cpp',
    wasm: 'tree-sitter-cpp/tree-sitter-cpp.wasm',
    fragmentOf: [FUNCTION_BODY('void fragment()')],
  },
  { name: 'Ruby', language: 'ruby', wasm: 'tree-sitter-ruby/tree-sitter-ruby.wasm' },
  { name: 'Bash', language: 'bash', wasm: 'tree-sitter-bash/tree-sitter-bash.wasm', sessions: true },
];

/** The grammar for a fence name, if its language has one (`cs` -> C#, `tsx` -> TSX). */
export function grammarForFence(
  fence: string,
  list: readonly GrammarSpec[] = grammars,
): GrammarSpec | undefined {
  const language = codeLanguageOf(fence);
  if (!language) return undefined;
  const name = fence.trim().toLowerCase();
  return list.find((g) => g.language === language.id && (!g.fences || g.fences.includes(name)));
}
