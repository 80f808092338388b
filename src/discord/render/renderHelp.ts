/** The help text, for `/help` and an empty mention. Pure. */
import { Colors, noMentions, type RenderedMessage } from './message.js';

export function renderHelp(options: { answerChannels?: boolean } = {}): RenderedMessage {
  const lines = [
    'I answer programming-concept questions from a curated knowledge base.',
    '',
    '**Ask me**',
    '• `/ask question:` — answers with the best-matching section; add `for:` to point it at someone.',
    '• `/lookup entry:` — start typing and pick a section from the list.',
    '• `/topics` — everything I know, topic by topic.',
    '• Right-click a message › **Apps** › **Find answer** — answers the question in that message.',
    '• Mention me with a question, or send me a DM.',
  ];
  if (options.answerChannels) {
    lines.push('• In answer channels I also reply to plain questions when I am confident.');
  }
  lines.push(
    '',
    '**Tips**',
    '• Name the concept ("what does `await` do?"). Paste code if it helps, with a sentence saying what you want to know.',
    '• Under an answer: related sections, 👍/👎 to tell me if it helped, and 🗑️ Dismiss (asker only).',
    '• On your message: 👆 means I answered that just above, ⏳ that you asked faster than I answer (ask again in a few seconds), 🔄 that I am restarting.',
  );
  return {
    embeds: [{ color: Colors.info, title: 'concept-bot help', description: lines.join('\n') }],
    components: [],
    allowed_mentions: noMentions(),
  };
}
