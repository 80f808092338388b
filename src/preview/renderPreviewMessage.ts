import type { Answer, RankedSection } from '../answer/types.js';
import { renderAnswer, renderSection, type RenderedMessage } from '../discord/render/renderAnswer.js';
import type { Section, Topic } from '../knowledge/types.js';

/** The Discord message JSON the preview shows: exactly what the bot sends. */
export type PreviewMessage = RenderedMessage;

/** Stands in for the user who asked (Dismiss buttons carry the asker's id). */
export const PREVIEW_USER_ID = '100000000000000001';

/** The bot's reply to a question, rendered by the Discord adapter's own renderer. */
export function previewAnswer(answer: Answer): PreviewMessage {
  return renderAnswer(answer, { askerId: PREVIEW_USER_ID });
}

/** A section as the bot shows it when picked by name (no match confidence in the footer). */
export function previewSection(topic: Topic, section: Section, related: RankedSection[]): PreviewMessage {
  return renderSection({ topic, section }, { askerId: PREVIEW_USER_ID, related });
}
