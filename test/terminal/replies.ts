/** The first line of every kind of reply the terminal gives (src/terminal/formatAnswer.ts). */
export const REPLY =
  /^(?:(?!Related:)\S[^\n]* {2}\([^()\n]+\)|I'm not sure what you mean\. Did you mean:|I don't know that yet\.|I don't have an? [^\n]* topic yet\.|You're welcome!|Sorry that missed\.|Hi! I answer|That looks like code only|Ask me a question)/gm;

export function replyCount(text: string): number {
  return text.replace(/\r/g, '').match(REPLY)?.length ?? 0;
}
