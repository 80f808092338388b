import type { Query } from '../Query.js';

// "for a c++ dev", "as a Java developer", "I know Python", "used to Go", "my background is Rust".
const BACKGROUND_BEFORE =
  /\b(?:for an?|as an?|i know|i'm used to|im used to|i am used to|used to|i come from|i came from|coming from|background in|background is|experience in|experienced in|i'm an?|im an?|i am an?)\s+(?:\w+\s+)?$/i;
// "C++ dev here", "Java developer", "python background", "in Java I'd", "the Python equivalent".
const BACKGROUND_AFTER =
  /^\s*(?:[\w.#+-]+\s+)?(?:dev|devs|developer|developers|programmer|programmers|guy|person|user|users|background|folks|people|world|land|mindset|here|brain)\b|^\s*,?\s*(?:i'd|i would|i'd just|we'd|we would|you'd|you would|i usually|we usually|i just)\b/i;

/**
 * A language named as the asker's background is not the subject: "borrow checker explained for a
 * c++ dev" asks about Rust, "coming from Java, how do C# tasks work" about C#. Such mentions only
 * compare, so they restrict no topic, and the background phrase itself ("coming from Java", "for a
 * c++ dev") is taken out of the question's words.
 */
export function backgroundLanguage(query: Query): Query {
  let prose = query.prose;
  const languages = query.languages.map((mention) => {
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
