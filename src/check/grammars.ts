/**
 * Grammars the checker parses code examples with: one line a grammar. `languages` are the
 * fence names (lowercase) that select it; `wasm` is a tree-sitter grammar resolved as a package path.
 * Code in any other language is counted and skipped.
 */
export interface GrammarSpec {
  name: string;
  languages: readonly string[];
  wasm: string;
}

export const grammars: readonly GrammarSpec[] = [
  { name: 'C#', languages: ['csharp', 'cs', 'c#'], wasm: 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm' },
];
