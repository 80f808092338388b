/** The small talk LLMs wrap a breakdown in: it is not content and has no place in a topic. */

const INTERJECTION =
  /^(?:sure(?: thing)?|certainly|of course|absolutely|(?:great|good|excellent|interesting|nice) question|okay|ok|alright|all right|no problem|gladly|happy to help|you bet|yes|yeah|here you go)\s*[!.,]+\s*/i;

/** `Sure! Here is a breakdown…` -> `Here is a breakdown…`; `Sure!` alone -> ''. */
export function stripInterjection(markdown: string): string {
  const rest = markdown.replace(INTERJECTION, '');
  if (rest === markdown) return markdown;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

const CLOSER =
  /^[^\p{L}\p{N}]*(?:i hope|hope (?:this|that|it|you|these)|let me know|feel free|happy \p{L}+ing\b|if you(?:'d| would)? (?:have|need|want|like)(?: any)? (?:more|other|further|additional|help|anything|me\b|questions|examples?|an example|to (?:see|learn|know|go|dive|explore|try))|would you like|do you want|want me to|shall i|should i|any (?:other |more |further )?questions|is there anything|good luck|enjoy\b|cheers\b|glad (?:i could|to) help|thanks(?!\s+to\b)|thank you)\b/iu;

/** Phrases that close a message wherever they stand in it. */
const SIGN_OFF =
  /^[^\p{L}\p{N}]*(?:i hope (?:this|that|it) helps|hope (?:this|that|it) helps|let me know|feel free to|happy \p{L}+ing\b|good luck|glad (?:i could|to) help)/iu;

/** Whether any sentence of a text signs off ("Let me know if…", "Hope this helps!"): chatter wherever it stands. */
export function hasSignOff(plainText: string): boolean {
  return plainText
    .trim()
    .split(/(?<=[.!?])\s+/)
    .some((sentence) => SIGN_OFF.test(sentence));
}

/**
 * A closing remark such as "Hope this helps!" or "Let me know if you have questions.", as plain text:
 * its first sentence is one, or it is at most two sentences and its last one signs off.
 */
export function isCloser(plainText: string): boolean {
  const sentences = plainText.trim().split(/(?<=[.!?])\s+/);
  if (CLOSER.test(sentences[0] ?? '')) return true;
  return sentences.length <= 2 && SIGN_OFF.test(sentences[sentences.length - 1] ?? '');
}

const EXAMPLE_LABEL =
  /^(?:(?:here(?:'|’)?s|here is|below is|see)\s+)?(?:(?:an?|the)\s+)?(?:(?:quick|simple|short|full|complete|basic|practical|small|minimal|code|usage)\s+)*(example(?:\s+(?:usage|code|program))?)(?:\s+(?:of|for|in|using)\s+[^:]{1,40})?\s*:$/i;

/** `Example:` / `Here's a quick example:` before a code block -> the title for that block (`Example`). */
export function exampleTitle(plainText: string): string | undefined {
  const found = EXAMPLE_LABEL.exec(plainText.trim());
  if (!found) return undefined;
  const label = found[1]!;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
