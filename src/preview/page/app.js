/* global document, window, fetch, history, location, AbortController, URLSearchParams, setTimeout, clearTimeout, setInterval */
/**
 * The knowledge preview page: every section as the bot's Discord answer, and a search box that
 * runs the real matcher through `GET /api/ask`. It follows edits of the knowledge (`GET /api/status`),
 * and while an edit does not load it shows the problems above the last good knowledge.
 */
import { renderBotMessage, renderUserMessage } from './discordMessage.js';
import { el } from './markdown.js';

const ASK_DELAY_MS = 200;
const STATUS_POLL_MS = 2000;
const LIMITS = { title: 256, description: 4096, total: 6000, content: 2000 };
const KIND_LABELS = { answer: 'Answer', suggest: 'Did you mean', none: 'No answer' };

const $ = (selector) => document.querySelector(selector);

let shownVersion = null;

window.addEventListener('DOMContentLoaded', () => {
  setUpSearch();
  loadKnowledge();
  setInterval(followEdits, STATUS_POLL_MS);
});

/** Re-reads the knowledge when it changed since it was shown (a reload, or an edit that was rejected). */
async function followEdits() {
  try {
    const { version } = await getJson('/api/status');
    if (shownVersion !== null && version !== shownVersion) {
      await loadKnowledge();
      const question = $('#question').value.trim();
      if (question) ask(question);
    }
  } catch {
    // The server is gone or restarting: try again at the next tick.
  }
}

/** The problems of an edit that does not load, above the last good knowledge. */
function showKnowledgeError(error) {
  const box = $('#knowledge-error');
  box.hidden = !error;
  if (!error) return box.replaceChildren();
  const lines = error.problems.map((p) => `${p.line > 0 ? `${p.file}:${p.line}` : p.file}: ${p.problem}`);
  box.replaceChildren(
    el('strong', '', 'The last edit does not load; this is the last good knowledge.'),
    el('pre', 'status-error', lines.join('\n')),
  );
}

async function loadKnowledge() {
  const status = $('#status');
  try {
    const knowledge = await getJson('/api/knowledge');
    shownVersion = knowledge.version;
    showKnowledgeError(knowledge.error);
    const { thresholds } = knowledge;
    if (knowledge.label) $('#knowledge-label').textContent = knowledge.label;
    $('#toc').replaceChildren(...knowledge.topics.map(tocTopic));
    $('#catalogue').replaceChildren(...knowledge.topics.map(catalogueTopic));
    const sections = knowledge.topics.reduce((n, topic) => n + topic.sections.length, 0);
    status.textContent =
      `${plural(knowledge.topics.length, 'topic')} · ${plural(sections, 'section')} · ` +
      `the bot answers at ${percent(thresholds.answer)} confidence or more, ` +
      `and offers "did you mean" from ${percent(thresholds.suggest)}.`;
    status.className = 'status';
  } catch (error) {
    status.replaceChildren('Could not load the knowledge:', el('pre', 'status-error', error.message));
    status.className = 'status status--error';
  }
}

function tocTopic(topic) {
  const links = topic.sections.map((section) => {
    const link = el('a', 'toc-link', section.title);
    link.href = `#${section.value}`;
    return el('li', '', link);
  });
  return el('div', 'toc-topic', el('div', 'toc-title', topic.title), el('ol', 'toc-list', ...links));
}

function catalogueTopic(topic) {
  const header = el(
    'header',
    'topic-header',
    el('h2', 'topic-title', topic.title),
    el('span', 'topic-meta', `${topic.file} · ${plural(topic.sections.length, 'section')}`),
  );
  const box = el('section', 'topic', header, ...topic.sections.map(sectionPreview));
  box.dataset.topic = topic.id;
  return box;
}

function sectionPreview(section) {
  const anchor = el('a', 'preview-anchor', `#${section.id}`);
  anchor.href = `#${section.value}`;
  const meta = el('div', 'preview-meta', anchor, sampleNote(section.sample), sizeNote(section.message));
  const box = el('div', 'preview', meta, renderBotMessage(section.message));
  box.id = section.value;
  box.dataset.section = section.value;
  return box;
}

/** How the engine does on the section's own sample question; flagged when it picks something else. */
function sampleNote(sample) {
  const question = `“${sample.question}”`;
  if (sample.answersItself) {
    return el('span', 'preview-sample', `answer to ${question} · ${percent(sample.confidence)}`);
  }
  const outcome = sample.answeredWith
    ? `is answered with ${sample.answeredWith.title}`
    : sample.kind === 'suggest'
      ? `only gets "did you mean" (${percent(sample.confidence)})`
      : 'gets no answer';
  return el('span', 'preview-sample preview-sample--miss', `${question} ${outcome}; shown as picked by name`);
}

/** Embed size against Discord's limits, flagged when over. */
function sizeNote(message) {
  const problems = [];
  let total = 0;
  for (const embed of message.embeds ?? []) {
    const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    const size =
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.author?.name ?? '').length +
      fields;
    total += size;
    if ((embed.title ?? '').length > LIMITS.title) problems.push(`title over ${LIMITS.title}`);
    if ((embed.description ?? '').length > LIMITS.description) {
      problems.push(`description over ${LIMITS.description}`);
    }
  }
  if (total > LIMITS.total) problems.push(`embeds over ${LIMITS.total}`);
  if ((message.content ?? '').length > LIMITS.content) problems.push(`content over ${LIMITS.content}`);
  const text = `${total.toLocaleString('en')} / ${LIMITS.total.toLocaleString('en')} embed chars`;
  return el(
    'span',
    problems.length ? 'preview-size preview-size--over' : 'preview-size',
    problems.length ? `${text} · ${problems.join(', ')}` : text,
  );
}

function setUpSearch() {
  const form = $('#search');
  const input = $('#question');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => ask(input.value), ASK_DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    ask(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    ask(initial);
  }
}

let pending = null;

async function ask(text) {
  const question = text.trim();
  history.replaceState(null, '', question ? `?q=${encodeURIComponent(question)}` : location.pathname);
  pending?.abort();
  const box = $('#answer');
  if (!question) {
    box.hidden = true;
    box.replaceChildren();
    delete box.dataset.kind;
    delete box.dataset.question;
    return;
  }
  pending = new AbortController();
  try {
    showAnswer(await getJson(`/api/ask?q=${encodeURIComponent(question)}`, pending.signal));
  } catch (error) {
    if (error.name === 'AbortError') return;
    box.dataset.kind = 'error';
    box.dataset.question = question;
    box.replaceChildren(el('p', 'status status--error', `The search failed: ${error.message}`));
    box.hidden = false;
  }
}

function showAnswer(result) {
  const box = $('#answer');
  const head = el('div', 'ask-head', el('span', `kind kind--${result.kind}`, KIND_LABELS[result.kind]));
  if (result.confidence !== null) {
    head.append(el('span', 'confidence', `${percent(result.confidence)} confidence`));
  } else {
    head.append(
      el('span', 'confidence', `below ${percent(result.thresholds.suggest)}: nothing close enough`),
    );
  }
  if (result.match) {
    const jump = el('a', 'ask-jump', `${result.match.topicTitle} › ${result.match.title}`);
    jump.href = `#${result.match.topic}/${result.match.id}`;
    head.append(jump);
  }
  box.replaceChildren(
    head,
    el('div', 'ask-chat', renderUserMessage('you', result.question), renderBotMessage(result.message)),
  );
  box.dataset.kind = result.kind;
  box.dataset.question = result.question;
  box.hidden = false;
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

function percent(value) {
  return `${Math.round(value * 100)}%`;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
