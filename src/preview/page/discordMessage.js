/**
 * A Discord message as the client shows it, from the message JSON the bot sends
 * (`content`, `embeds`, `components`): author line, content, embeds and button rows.
 */
import { el, renderInline, renderMarkdown } from './markdown.js';

export const BOT_NAME = 'concept-bot';
const DEFAULT_EMBED_COLOR = '#1e1f22';

/** Button styles by their API number. */
const BUTTON_STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

export function renderBotMessage(message, options = {}) {
  const body = el('div', 'msg-body', authorLine(BOT_NAME, true));
  if (message.content) body.append(el('div', 'msg-content', renderMarkdown(message.content, options)));
  for (const embed of message.embeds ?? []) body.append(renderEmbed(embed, options));
  const rows = (message.components ?? []).map(renderRow).filter(Boolean);
  if (rows.length > 0) body.append(el('div', 'msg-components', ...rows));
  return el('article', 'msg', avatar('cb', 'bot'), body);
}

export function renderUserMessage(name, text) {
  const body = el('div', 'msg-body', authorLine(name, false), el('div', 'msg-content', text));
  return el('article', 'msg', avatar(name.slice(0, 1).toUpperCase(), 'user'), body);
}

function avatar(initials, kind) {
  const node = el('div', `msg-avatar msg-avatar--${kind}`, initials);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function authorLine(name, isBot) {
  const line = el('div', 'msg-header', el('span', isBot ? 'msg-author msg-author--bot' : 'msg-author', name));
  if (isBot) line.append(el('span', 'msg-tag', 'APP'));
  line.append(el('span', 'msg-time', 'Today'));
  return line;
}

function renderEmbed(embed, options) {
  const box = el('div', 'embed');
  box.style.borderLeftColor = typeof embed.color === 'number' ? hexColor(embed.color) : DEFAULT_EMBED_COLOR;
  if (embed.author?.name) box.append(el('div', 'embed-author', embed.author.name));
  if (embed.title) {
    const title = el('div', 'embed-title', renderInline(embed.title, options));
    if (embed.url) title.title = embed.url;
    box.append(title);
  }
  if (embed.description)
    box.append(el('div', 'embed-description', renderMarkdown(embed.description, options)));
  if (embed.fields?.length) {
    const fields = el('div', 'embed-fields');
    for (const field of embed.fields) {
      fields.append(
        el(
          'div',
          field.inline ? 'embed-field embed-field--inline' : 'embed-field',
          el('div', 'embed-field-name', renderInline(field.name, options)),
          el('div', 'embed-field-value', renderMarkdown(field.value, options)),
        ),
      );
    }
    box.append(fields);
  }
  if (embed.footer?.text || embed.timestamp) {
    const parts = [embed.footer?.text, embed.timestamp && new Date(embed.timestamp).toLocaleString()];
    box.append(el('div', 'embed-footer', parts.filter(Boolean).join(' • ')));
  }
  return box;
}

function renderRow(row) {
  if (row.type !== 1 || !Array.isArray(row.components)) return null;
  return el('div', 'msg-row', ...row.components.map(renderComponent));
}

function renderComponent(component) {
  if (component.type !== 2) {
    return el('div', 'dc-select', component.placeholder ?? 'Make a selection');
  }
  const style = BUTTON_STYLES[component.style] ?? 'secondary';
  const button = el('button', `dc-button dc-button--${style}`);
  button.type = 'button';
  button.disabled = Boolean(component.disabled);
  const id = component.custom_id ?? component.customId ?? component.url;
  if (id) button.title = id;
  if (component.emoji) {
    const emoji = component.emoji.id ? `:${component.emoji.name}:` : component.emoji.name;
    button.append(el('span', 'dc-button-emoji', emoji ?? ''));
  }
  if (component.label) button.append(el('span', 'dc-button-label', component.label));
  if (style === 'link') button.append(el('span', 'dc-button-external', '↗'));
  return button;
}

function hexColor(color) {
  return `#${color.toString(16).padStart(6, '0')}`;
}
