/**
 * Which sections each channel was shown recently, so a channel never gets the same section twice within
 * the duplicate window; the second asker is pointed at the first answer instead. `seconds = 0` disables it.
 */
export interface RecentPost {
  at: number;
  /** Link to the message, once known. */
  link: string | undefined;
}

export class RecentPosts {
  private readonly posts = new Map<string, RecentPost>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  private static key(channelId: string, entry: string): string {
    return `${channelId}\u0000${entry}`;
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

  /** Records a post (claiming the slot before the send completes avoids racing duplicates). */
  remember(channelId: string, entry: string, link?: string): RecentPost {
    const post: RecentPost = { at: this.now(), link };
    if (this.seconds <= 0) return post;
    this.posts.set(RecentPosts.key(channelId, entry), post);
    if (this.posts.size > 5_000) this.prune();
    return post;
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
