import Fuse from 'fuse.js';
import type { Section, Topic } from '../knowledge/types.js';
import type { LookupEntry } from './types.js';

interface LookupRecord extends LookupEntry {
  title: string;
  topicTitle: string;
  keywords: string[];
}

/** Typed lookup of sections by title (autocomplete), with fuse.js token search over the labels. */
export class LookupIndex {
  private readonly records: LookupRecord[];
  private readonly byValue = new Map<string, LookupRecord>();
  private fuseIndex: Fuse<LookupRecord> | undefined;

  constructor(entries: readonly { topic: Topic; section: Section }[]) {
    this.records = entries.map(({ topic, section }) => ({
      topic,
      section,
      label: lookupLabel(topic, section),
      value: lookupValue(topic, section),
      title: section.title,
      topicTitle: topic.title,
      keywords: section.keywords,
    }));
    for (const record of this.records) this.byValue.set(record.value, record);
  }

  // Built on the first lookup: engine builds (start-up, hot reload) stay fast.
  private get fuse(): Fuse<LookupRecord> {
    return (this.fuseIndex ??= new Fuse(this.records, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'topicTitle', weight: 1 },
        { name: 'keywords', weight: 1 },
      ],
      useTokenSearch: true,
      ignoreLocation: true,
      threshold: 0.35,
    }));
  }

  search(text: string, limit: number): LookupEntry[] {
    const query = text.trim().slice(0, 100);
    const found = query
      ? this.fuse.search(query, { limit }).map((r) => r.item)
      : this.records.slice(0, limit);
    return found.map(({ topic, section, label, value }) => ({ topic, section, label, value }));
  }

  find(value: string): { topic: Topic; section: Section } | undefined {
    const record = this.byValue.get(value.trim());
    return record && { topic: record.topic, section: record.section };
  }
}

export function lookupValue(topic: Topic, section: Section): string {
  return `${topic.id}/${section.id}`;
}

export function lookupLabel(topic: Topic, section: Section): string {
  return `${topic.title} › ${section.title}`;
}
