import type { Query } from '../Query.js';

// "for a c++ dev", "as a Java developer", "I know Python", "used to Go", "my background is Rust",
// "I mostly write Python".
const BACKGROUND_BEFORE =
  /\b(?:for an?|as an?|i know|i'm used to|im used to|i am used to|used to|i come from|i came from|coming from|background in|background is|experience in|experienced in|i'm an?|im an?|i am an?|i (?:mostly |mainly |usually |normally )?(?:write|code in|work in))\s+(?:\w+\s+)?$/i;
// "C++ dev here", "Java developer", "python background", "in Java I'd", "the Python equivalent".
const BACKGROUND_AFTER =
  /^\s*(?:[\w.#+-]+\s+)?(?:dev|devs|developer|developers|programmer|programmers|guy|person|user|users|background|folks|people|world|land|mindset|here|brain)\b|^\s*,?\s*(?:i'd|i would|i'd just|we'd|we would|you'd|you would|i usually|we usually|i just)\b/i;

// The language a question asks for the equivalent in: "what's the JS version", "the Kotlin equivalent
// of", "how do I do that in python", "is there an equivalent in Go", "how do I write that as a Java
// stream". Such a language is the subject, whatever stands before it ("as a").
const TARGET_BEFORE =
  /\b(?:(?:equivalent|version|counterpart|alternative)\s+(?:in|for|of)|(?:do|write|get|achieve|express)\s+(?:that|this|it|the same(?: thing)?)\s+(?:in|with|as(?:\s+an?)?))\s+$/i;
const TARGET_AROUND = {
  before: /\bthe\s+$/i,
  after: /^\s*(?:[\w.#+-]+\s+)?(?:equivalent|version|counterpart|way)\b/i,
};

/**
 * A language named as the asker's background is not the subject: "borrow checker explained for a
 * c++ dev" asks about Rust, "coming from Java, how do C# tasks work" about C#. Such mentions only
 * compare, so they restrict no topic, and the background phrase itself ("coming from Java", "for a
 * c++ dev") is taken out of the question's words. A question asking for another language's equivalent
 * ("In C# I'd use Task.WhenAll, what's the JS version?") names every other language as background.
 */
export function backgroundLanguage(query: Query): Query {
  let prose = query.prose;
  const isTarget = (mention: (typeof query.languages)[number]) => {
    const before = query.prose.slice(Math.max(0, mention.start - 40), mention.start);
    const after = query.prose.slice(mention.end, mention.end + 20);
    return (
      TARGET_BEFORE.test(before) || (TARGET_AROUND.before.test(before) && TARGET_AROUND.after.test(after))
    );
  };
  const targets = new Set(query.languages.filter(isTarget).map((m) => m.language));
  const languages = query.languages.map((mention) => {
    if (targets.has(mention.language)) return { ...mention, comparative: false };
    if (targets.size > 0) return { ...mention, comparative: true };
    const before = query.prose.slice(Math.max(0, mention.start - 40), mention.start);
    const after = query.prose.slice(mention.end, mention.end + 30);
    const lead = BACKGROUND_BEFORE.exec(before);
    const tail = BACKGROUND_AFTER.exec(after);
    if (!lead && !tail) return mention;
    const start = lead ? mention.start - before.length + lead.index : mention.start;
    const end = tail ? mention.end + tail[0].length : mention.end;
    prose = prose.slice(0, start) + ' '.repeat(end - start) + prose.slice(end);
    return { ...mention, comparative: true };
  });
  return { ...query, prose, languages };
}
