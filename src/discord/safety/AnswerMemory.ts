/**
 * The last answers given, by the short key their buttons carry and by the message they were posted
 * as: lets feedback, "did you mean" picks and a complaint replying to an answer report the question
 * that was asked. Bounded (oldest forgotten first); lost on restart, which only means later feedback is
 * logged without its question.
 */
export interface RememberedAnswer {
  question: string;
  askerId: string;
  /** `topicId/sectionId` shown, when a section was shown. */
  entry?: string;
}

export class AnswerMemory {
  private readonly answers = new Map<string, RememberedAnswer>();
  /** Posted message id -> key of the answer it shows. */
  private readonly posts = new Map<string, string>();
  private counter = 0;

  constructor(private readonly capacity = 5_000) {}

  /** Stores an answer and returns its new key (≤ 12 chars of [0-9a-z]). */
  remember(answer: RememberedAnswer): string {
    this.counter = (this.counter + 1) % 36 ** 6;
    const key = (Date.now() % 36 ** 4).toString(36).padStart(4, '0') + this.counter.toString(36);
    this.keep(this.answers, key, answer);
    return key;
  }

  get(key: string): RememberedAnswer | undefined {
    return this.answers.get(key);
  }

  /** Records that the answer stored under `key` was posted as message `messageId`. */
  posted(key: string, messageId: string): void {
    this.keep(this.posts, messageId, key);
  }

  /** Sets `key` in `map`, forgetting its oldest entry beyond capacity. */
  private keep<V>(map: Map<string, V>, key: string, value: V): void {
    map.set(key, value);
    if (map.size > this.capacity) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }

  /** The answer a posted message shows, while it is remembered. */
  ofMessage(messageId: string): RememberedAnswer | undefined {
    const key = this.posts.get(messageId);
    return key === undefined ? undefined : this.answers.get(key);
  }
}
