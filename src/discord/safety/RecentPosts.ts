/**
 * Which sections each channel was shown recently, so a channel never gets the same section twice within
 * the duplicate window; the second asker is pointed at the first answer instead. `seconds = 0` disables it.
 *
 * It also counts the messages each channel has seen (`saw`), so a pointer can tell whether the earlier
 * answer is still on screen (a reaction is enough) or has scrolled away (a reply with its link helps).
 */
export interface RecentPost {
  at: number;
  /** Link to the message, once known. */
  link: string | undefined;
  /** The channel's message count when the answer was posted. */
  seq: number;
}

export const RECENT_POSTS_DEFAULTS = {
  /** Messages after an answer beyond which it counts as scrolled out of view. */
  scrollAwayMessages: 8,
  /** Posts and channels remembered before old ones are forgotten. */
  maxPosts: 5_000,
  maxChannels: 10_000,
} as const;

export class RecentPosts {
  private readonly posts = new Map<string, RecentPost>();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
    private readonly scrollAwayMessages: number = RECENT_POSTS_DEFAULTS.scrollAwayMessages,
  ) {}

  private static key(channelId: string, entry: string): string {
    return `${channelId}\u0000${entry}`;
  }

  /** Counts one message seen in `channelId` (anyone's, the bot's own included). */
  saw(channelId: string): void {
    const count = (this.counts.get(channelId) ?? 0) + 1;
    this.counts.delete(channelId);
    this.counts.set(channelId, count);
    if (this.counts.size > RECENT_POSTS_DEFAULTS.maxChannels) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
  }

  /** Messages seen in `channelId` so far. */
  seen(channelId: string): number {
    return this.counts.get(channelId) ?? 0;
  }

  /** The earlier post of `entry` in `channelId` within the window, if any. */
  find(channelId: string, entry: string): RecentPost | undefined {
    if (this.seconds <= 0) return undefined;
    const key = RecentPosts.key(channelId, entry);
    const post = this.posts.get(key);
    if (!post) return undefined;
    if (this.now() - post.at >= this.seconds * 1000) {
      this.posts.delete(key);
      return undefined;
    }
    return post;
  }

  /** Whether `post` has scrolled out of view: its link is known and enough messages came after it. */
  scrolledAway(channelId: string, post: RecentPost): boolean {
    return post.link !== undefined && this.seen(channelId) - post.seq > this.scrollAwayMessages;
  }

  /** Records a post (claiming the slot before the send completes avoids racing duplicates). */
  remember(channelId: string, entry: string, link?: string): RecentPost {
    const post: RecentPost = { at: this.now(), link, seq: this.seen(channelId) };
    if (this.seconds <= 0) return post;
    this.posts.set(RecentPosts.key(channelId, entry), post);
    if (this.posts.size > RECENT_POSTS_DEFAULTS.maxPosts) this.prune();
    return post;
  }

  /** The claimed answer is now in the channel at `link`. */
  posted(channelId: string, post: RecentPost, link: string): void {
    post.link = link;
    post.seq = this.seen(channelId);
  }

  /** Forgets a claim whose post failed. */
  forget(channelId: string, entry: string, post: RecentPost): void {
    const key = RecentPosts.key(channelId, entry);
    if (this.posts.get(key) === post) this.posts.delete(key);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, post] of this.posts) if (now - post.at >= this.seconds * 1000) this.posts.delete(key);
  }
}
