import type { Node } from 'web-tree-sitter';

/** Where a parse went wrong, relative to the parsed code (0-based row and column). */
export interface SyntaxIssue {
  row: number;
  column: number;
  /** `missing ";"` or `unexpected "}"`. */
  problem: string;
}

/** The first ERROR or MISSING node of a tree in document order, described; undefined when it parsed cleanly. */
export function findSyntaxError(root: Node): SyntaxIssue | undefined {
  if (!root.hasError) return undefined;
  const found = firstBroken(root);
  if (!found) return { row: 0, column: 0, problem: 'syntax error' };
  const { row, column } = found.startPosition;
  if (found.isMissing) return { row, column, problem: `missing ${JSON.stringify(found.type)}` };
  return { row, column, problem: describeUnexpected(found) };
}

function firstBroken(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child && firstBroken(child);
    if (found) return found;
  }
  return undefined;
}

function describeUnexpected(error: Node): string {
  const text = error.text.trim().split('\n')[0]!.trim();
  if (!text) return 'syntax error';
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `unexpected ${JSON.stringify(shown)}`;
}
