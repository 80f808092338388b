/**
 * The languages code examples are written in, and the fence names (info strings) that mean each one:
 * the one list that the checker (which grammar parses a fence) and the search (what language a topic's
 * code is in) read. Ids are the search's language ids (`src/search/data/languages.json`), so that a fence
 * and a question's language name meet; the id is always one of its own fence names.
 */
export interface CodeLanguage {
  /** Canonical id (`csharp`). */
  id: string;
  /** How a person writes it (`C#`). */
  label: string;
  /** Lowercase fence names that mean it, the id first (`csharp`, `cs`, `c#`). */
  fences: readonly string[];
}

export const codeLanguages: readonly CodeLanguage[] = [
  { id: 'csharp', label: 'C#', fences: ['csharp', 'cs', 'c#', 'c-sharp'] },
  { id: 'fsharp', label: 'F#', fences: ['fsharp', 'fs', 'f#'] },
  { id: 'vbnet', label: 'VB.NET', fences: ['vbnet', 'vb', 'vb.net'] },
  { id: 'java', label: 'Java', fences: ['java'] },
  { id: 'kotlin', label: 'Kotlin', fences: ['kotlin', 'kt', 'kts'] },
  { id: 'scala', label: 'Scala', fences: ['scala', 'sc'] },
  { id: 'groovy', label: 'Groovy', fences: ['groovy', 'gradle'] },
  { id: 'javascript', label: 'JavaScript', fences: ['javascript', 'js', 'jsx', 'mjs', 'cjs', 'node', 'nodejs'] },
  { id: 'typescript', label: 'TypeScript', fences: ['typescript', 'ts', 'tsx', 'mts', 'cts'] },
  { id: 'python', label: 'Python', fences: ['python', 'py', 'python3', 'py3'] },
  { id: 'go', label: 'Go', fences: ['go', 'golang'] },
  { id: 'rust', label: 'Rust', fences: ['rust', 'rs'] },
  { id: 'c', label: 'C', fences: ['c', 'h'] },
  { id: 'cpp', label: 'C++', fences: ['cpp', 'c++', 'cc', 'cxx', 'hpp', 'hxx'] },
  { id: 'objectivec', label: 'Objective-C', fences: ['objectivec', 'objc', 'objective-c'] },
  { id: 'swift', label: 'Swift', fences: ['swift'] },
  { id: 'dart', label: 'Dart', fences: ['dart'] },
  { id: 'ruby', label: 'Ruby', fences: ['ruby', 'rb'] },
  { id: 'php', label: 'PHP', fences: ['php'] },
  { id: 'perl', label: 'Perl', fences: ['perl', 'pl'] },
  { id: 'lua', label: 'Lua', fences: ['lua'] },
  { id: 'r', label: 'R', fences: ['r'] },
  { id: 'julia', label: 'Julia', fences: ['julia', 'jl'] },
  { id: 'matlab', label: 'MATLAB', fences: ['matlab'] },
  { id: 'haskell', label: 'Haskell', fences: ['haskell', 'hs'] },
  { id: 'elixir', label: 'Elixir', fences: ['elixir', 'ex', 'exs'] },
  { id: 'erlang', label: 'Erlang', fences: ['erlang', 'erl'] },
  { id: 'clojure', label: 'Clojure', fences: ['clojure', 'clj', 'cljs'] },
  { id: 'zig', label: 'Zig', fences: ['zig'] },
  { id: 'sql', label: 'SQL', fences: ['sql', 'mysql', 'postgresql', 'postgres', 'psql', 'sqlite', 'plsql', 'tsql'] },
  { id: 'bash', label: 'Bash', fences: ['bash', 'sh', 'shell', 'zsh', 'ksh'] },
  { id: 'powershell', label: 'PowerShell', fences: ['powershell', 'ps1', 'pwsh'] },
  { id: 'html', label: 'HTML', fences: ['html', 'htm', 'xhtml'] },
  { id: 'css', label: 'CSS', fences: ['css', 'scss', 'sass', 'less'] },
  { id: 'dockerfile', label: 'Dockerfile', fences: ['dockerfile', 'docker'] },
  { id: 'makefile', label: 'Makefile', fences: ['makefile', 'make', 'mk'] },
];

const byFence = new Map<string, CodeLanguage>(codeLanguages.flatMap((l) => l.fences.map((f) => [f, l] as const)));

/** The language a fence name means (`CS`, `{.python}` and `language-js` included), if it is one listed. */
export function codeLanguageOf(fence: string): CodeLanguage | undefined {
  const name = fence
    .trim()
    .toLowerCase()
    .replace(/^\{\.?|\}$/g, '')
    .replace(/^language-/, '');
  return byFence.get(name);
}
