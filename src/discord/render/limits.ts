/**
 * Discord's size limits (API v10), in one place. Lengths are checked with `String.length`
 * (UTF-16 units), which is never less than the code points Discord counts: safe by construction.
 */
export const DiscordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  optionDescription: 100,
  /** Slash-command string options accept at most 6000 characters. */
  stringOption: 6000,
} as const;

/** Limits this bot chooses for itself, within Discord's. */
export const BotLimits = {
  /** Longest question passed to the engine; longer text is cut at a word boundary. */
  questionChars: 1000,
  /** `/ask question:` max length. */
  askOption: 500,
  /** `/lookup entry:` max length (an autocomplete value is at most 100). */
  lookupOption: 200,
  /** "Related" or "did you mean" buttons under an answer. */
  relatedButtons: 3,
  /** Messages `/topics` may send (first reply + follow-ups). */
  topicsMessages: 5,
  /** Characters of embed text `/topics` puts in one message. */
  topicsPage: 4000,
} as const;
