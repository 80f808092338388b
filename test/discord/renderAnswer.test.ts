import { beforeAll, describe, expect, it } from 'vitest';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import type { Answer, RankedSection } from '../../src/answer/types.js';
import type { Section, Topic } from '../../src/knowledge/types.js';
import { parseCustomId } from '../../src/discord/render/customIds.js';
import {
  checkLimits,
  fitDescriptions,
  renderAnswer,
  renderSection,
  sectionMarkdown,
} from '../../src/discord/render/renderAnswer.js';
import { embedSize } from '../../src/discord/render/message.js';
import { renderHelp } from '../../src/discord/render/renderHelp.js';
import { renderTopics } from '../../src/discord/render/renderTopics.js';
import {
  renderCodeOnly,
  renderDmLimited,
  renderDuplicatePointer,
  renderLimited,
  renderRestarting,
  renderComplaint,
  renderSmallTalk,
  renderThanks,
  renderUncoveredLanguage,
} from '../../src/discord/render/renderNotices.js';
import { REAL_KNOWLEDGE } from './harness.js';

const ASKER = '111111111111111111';
const OTHER = '222222222222222222';

function section(id: string, overrides: Partial<Section> = {}): Section {
  return {
    id,
    title: id.replace(/-/g, ' '),
    titleMarkdown: id.replace(/-/g, ' '),
    points: ['A point.'],
    code: [],
    line: 1,
    keywords: [],
    questions: [],
    ...overrides,
  };
}

function topic(id: string, sections: Section[], overrides: Partial<Topic> = {}): Topic {
  return {
    id,
    title: `Topic ${id}`,
    language: 'csharp',
    aliases: [],
    intro: '',
    sections,
    file: `${id}.md`,
    ...overrides,
  };
}

const ranked = (t: Topic, s: Section, confidence: number): RankedSection => ({
  topic: t,
  section: s,
  confidence,
  bestPoint: s.points.length ? 0 : null,
});

function fences(text: string): number {
  return (text.match(/```/g) ?? []).length;
}

describe('renderAnswer', () => {
  let engine: ConceptEngine;
  beforeAll(async () => {
    engine = await loadEngine(REAL_KNOWLEDGE);
  });

  it('renders a confident answer: title, points, fenced code, footer, buttons, no pings', () => {
    const answer = engine.ask('what does await do?');
    expect(answer.kind).toBe('answer');
    const msg = renderAnswer(answer, { askerId: ASKER, key: 'k1' });
    expect(checkLimits(msg)).toEqual([]);
    const embed = msg.embeds[0]!;
    expect(embed.title).toBe('`await` keyword');
    expect(embed.description).toContain('- Pauses the `async` method');
    expect(embed.description).toContain('```csharp\n');
    expect(embed.footer?.text).toMatch(/^C# async\/await · \d+% match$/);
    expect(msg.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
    expect(msg.content).toBeUndefined();
    const ids = msg.components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    const actions = ids.map((id) => parseCustomId(id)?.action);
    expect(actions.filter((a) => a === 'show').length).toBeLessThanOrEqual(3);
    expect(actions).toContain('good');
    expect(actions).toContain('bad');
    expect(ids).toContain(`cb:dismiss:k1:${ASKER}`);
  });

  it('points the answer at a user, who alone may be pinged', () => {
    const msg = renderAnswer(engine.ask('what does await do?'), { askerId: ASKER, forUserId: OTHER });
    expect(msg.content).toBe(`Suggested for <@${OTHER}>`);
    expect(msg.allowed_mentions).toEqual({ parse: [], users: [OTHER], roles: [], replied_user: false });
  });

  it('renders "did you mean" with one button per offer', () => {
    const t = topic('t', [section('alpha'), section('beta'), section('gamma'), section('delta')]);
    const answer: Answer = {
      question: 'q',
      kind: 'suggest',
      match: null,
      suggestions: t.sections.map((s, i) => ranked(t, s, 0.4 - i * 0.05)),
      reason: null,
      unknownLanguages: [],
    };
    const msg = renderAnswer(answer, { askerId: ASKER });
    expect(checkLimits(msg)).toEqual([]);
    expect(msg.embeds[0]?.title).toBe('Did you mean…');
    const picks = msg.components[0]!.components;
    expect(picks).toHaveLength(3);
    expect(picks.map((b) => ('label' in b ? b.label : ''))).toEqual(['alpha', 'beta', 'gamma']);
    expect(picks.every((b) => 'custom_id' in b && b.custom_id.startsWith('cb:pick:-:t/'))).toBe(true);
  });

  it('renders no match as "I don\'t know that yet" with a pointer to /topics, pinging nobody', () => {
    const answer: Answer = {
      question: 'banana bread',
      kind: 'none',
      match: null,
      suggestions: [],
      reason: 'not-covered',
      unknownLanguages: [],
    };
    const msg = renderAnswer(answer, { askerId: ASKER, forUserId: OTHER });
    expect(msg.content).toContain("I don't know that yet");
    expect(msg.content).toContain('/topics');
    expect(msg.allowed_mentions.users).toEqual([]);
  });

  it('splits and trims a huge section within every limit, fences balanced', () => {
    const hugeCode = Array.from({ length: 900 }, (_, i) => `Console.WriteLine("line ${i}");`).join('\n');
    const s = section('huge', {
      title: 'H'.repeat(400),
      titleMarkdown: `**${'H'.repeat(400)}**`,
      points: Array.from({ length: 200 }, (_, i) => `Point ${i}: ${'lorem ipsum '.repeat(8)}`),
      code: [{ language: 'csharp', code: hugeCode, line: 1 }],
    });
    const t = topic('big', [s], { title: 'T'.repeat(3000) });
    const related = Array.from({ length: 6 }, (_, i) =>
      ranked(topic(`other-${'x'.repeat(80)}-${i}`, []), section(`s-${'y'.repeat(90)}`), 0.3),
    );
    const msg = renderSection(
      { topic: t, section: s },
      { askerId: ASKER, confidence: 0.9, related, showQuestion: true, question: 'q'.repeat(6000) },
    );
    expect(checkLimits(msg)).toEqual([]);
    const total = msg.embeds.reduce((n, e) => n + embedSize(e), 0);
    expect(total).toBeLessThanOrEqual(6000);
    for (const e of msg.embeds) expect(fences(e.description ?? '') % 2).toBe(0);
    expect(msg.embeds.at(-1)?.description).toContain('trimmed');
  });

  it('puts a long-but-fitting section across embeds without trimming', () => {
    const s = section('long', {
      points: Array.from({ length: 45 }, (_, i) => `Point ${i}: ${'word '.repeat(20)}`),
    });
    const md = sectionMarkdown(topic('t', [s]), s);
    expect(md.length).toBeGreaterThan(4096);
    expect(md.length).toBeLessThan(5500);
    const pieces = fitDescriptions(md, 5800);
    expect(pieces.length).toBe(2);
    expect(pieces.join('\n')).toContain('Point 44');
  });

  it('guards fences in code that itself contains ```', () => {
    const s = section('meta', { code: [{ language: 'markdown', code: '```js\nx\n```', line: 1 }] });
    const md = sectionMarkdown(topic('t', [s]), s);
    expect(fences(md)).toBe(2);
  });

  it('encodes long entry values as hashed refs within 100 characters', () => {
    const longTopic = topic('t'.repeat(90), [section('s'.repeat(90))]);
    const msg = renderSection(
      { topic: longTopic, section: longTopic.sections[0]! },
      { askerId: ASKER, key: 'abcdefghijkl' },
    );
    expect(checkLimits(msg)).toEqual([]);
    const ids = msg.components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(ids.some((id) => /^cb:good:abcdefghijkl:#[0-9a-z]+$/.test(id))).toBe(true);
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    const msg = renderAnswer(engine.ask('async void'), { askerId: ASKER });
    expect(JSON.parse(JSON.stringify(msg))).toEqual(msg);
  });
});

describe('other renderers', () => {
  it('help, limit, chatter and pointer notices ping nobody and fit', () => {
    const many = { titles: Array.from({ length: 30 }, (_, i) => `Topic ${i} @everyone`) };
    for (const msg of [
      renderHelp({ answerChannels: true }),
      renderLimited(4200),
      renderDmLimited(4200),
      renderThanks(),
      renderSmallTalk(many),
      renderComplaint(many),
      renderComplaint(many, { noted: true }),
      renderUncoveredLanguage(['Java'], many),
      renderCodeOnly(),
      renderRestarting(),
      renderDuplicatePointer(
        { topic: topic('t', []), section: section('s') },
        'https://discord.com/channels/1/2/3',
      ),
    ]) {
      expect(checkLimits(msg)).toEqual([]);
      expect(msg.allowed_mentions.parse).toEqual([]);
    }
    expect(renderLimited(4200).content).toContain('5 seconds');
    expect(renderLimited(800).content).toContain('1 second.');
  });

  it('names what the bot knows and the language it lacks', () => {
    const one = { titles: ['C# async/await'], example: 'does await block the thread?' };
    expect(renderUncoveredLanguage(['Java'], one).content).toMatch(
      /^📚 I don't have a Java topic yet; I know \*\*C# async\/await\*\*\./,
    );
    expect(renderUncoveredLanguage(['Java', 'Kotlin'], one).content).toContain('a Java or Kotlin topic');
    expect(renderSmallTalk(one).content).toContain('I know **C# async/await**');
    expect(renderComplaint(one).content).toMatch(/^😕 Sorry that missed\. Ask again with the exact term/);
    expect(renderComplaint(one).content).toContain('`/lookup` (I know **C# async/await**)');
    expect(renderComplaint(one).content).toContain('👎 **Not helpful**');
    expect(renderComplaint(one, { noted: true }).content).toContain("I've noted that answer as not helpful");
    expect(renderSmallTalk(one).content).toContain('“does await block the thread?”');
    const three = { titles: ['A', 'B', 'C'] };
    expect(renderSmallTalk(three).content).toContain('**A**, **B** and **C**');
    const six = { titles: ['A', 'B', 'C', 'D', 'E', 'F'] };
    expect(renderSmallTalk(six).content).toContain('**A**, **B**, **C**, **D** and 2 more');
  });

  it('pages /topics and caps the number of messages', () => {
    const topics = Array.from({ length: 200 }, (_, i) =>
      topic(
        `topic-${i}`,
        Array.from({ length: 50 }, (_, j) => section(`section-${i}-${j}`)),
      ),
    );
    const pages = renderTopics(topics);
    expect(pages).toHaveLength(5);
    for (const p of pages) expect(checkLimits(p)).toEqual([]);
    expect(pages[0]?.embeds[0]?.title).toBe('200 topics, 10000 sections');
    expect(pages[4]?.embeds[0]?.footer?.text).toContain('/lookup');
    const small = renderTopics([topic('one', [section('a'), section('b')])]);
    expect(small).toHaveLength(1);
    expect(small[0]?.embeds[0]?.description).toContain('`a` · `b`');
  });
});
