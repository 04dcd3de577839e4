import type { OutboundMessage } from '../../src/intake/messages';
import { UI_TEXT, uiTextForScript, type UiLanguage } from './ui-text';

// The web chat page. Works without JavaScript: the form posts to /chat and the answer comes back as a new page;
// with JavaScript (public/chat.js) the same form talks to /chat/api/messages and the page stays, staff replies arrive
// over /chat/api/events, and files and the location can be sent (those need JavaScript).

export interface PageInput {
  sessionId: string;
  unitName: string;
  exitUrl: string;
  /** What the visitor just sent (no-JS fallback only). */
  said?: string;
  replies: OutboundMessage[];
  /** INTAKE_MAX_TEXT_LENGTH: the counter's limit; longer texts get a calm message, never a silent cut. */
  maxTextLength: number;
  /** MEDIA_ALLOWED_TYPES and MEDIA_MAX_BYTES, checked again by the server. */
  media: { allowedTypes: readonly string[]; maxBytes: number };
  /** The emergency block (emergency-block.ts), pinned in the sticky header: hidden until danger is heard. */
  pinned?: string;
}

export function renderChatPage(input: PageInput): string {
  const { sessionId, unitName, exitUrl, said, replies, pinned } = input;
  const last = replies.at(-1);
  const language: UiLanguage = [...replies].reverse().find((r) => r.language)?.language ?? 'id';
  const ui = UI_TEXT[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Lapor Anak</title>
<link rel="stylesheet" href="/chat/static/chat.css">
</head>
<body>
<header class="top">
  <p class="brand">Lapor Anak · ${escapeHtml(unitName)}</p>
  <a id="quick-exit" class="quick-exit" href="${escapeHtml(exitUrl)}" data-exit-url="${escapeHtml(exitUrl)}" rel="noreferrer">${escapeHtml(ui.exit)}</a>
${pinned ?? ''}
</header>
<main>
  <h1 class="visually-hidden">Percakapan pengaduan</h1>
  <ol id="log" class="log" aria-live="polite" aria-relevant="additions">
${said ? `    <li class="msg me">${escapeHtml(said)}</li>\n` : ''}${replies.map((r) => `    <li class="msg bot${r.urgent ? ' urgent' : ''}">${escapeHtml(r.text)}</li>`).join('\n')}
  </ol>
  <form id="chat-form" class="composer" method="post" action="/chat" data-language="${language}" data-max-length="${input.maxTextLength}"
    data-allowed-types="${escapeHtml(input.media.allowedTypes.join(','))}" data-max-bytes="${input.media.maxBytes}" data-ui="${escapeHtml(JSON.stringify(uiTextForScript()))}">
    <input type="hidden" name="session" value="${escapeHtml(sessionId)}">
    <label for="text" id="text-label" class="visually-hidden">${escapeHtml(ui.label)}</label>
    <div class="row">
      <textarea id="text" name="text" rows="1" autocomplete="off" placeholder="${escapeHtml(ui.placeholder)}" aria-describedby="counter limit-note" ${replies.length ? '' : 'autofocus'}></textarea>
      <button type="submit" id="send" class="send">${escapeHtml(ui.send)}</button>
    </div>
    <div class="meta">
      <span id="counter" class="counter" aria-live="off">0 / ${input.maxTextLength}</span>
      <p id="limit-note" class="limit-note" role="status" hidden></p>
    </div>
    <div id="extras" class="extras" hidden>
      <input id="file" type="file" accept="${escapeHtml(input.media.allowedTypes.join(','))}" class="visually-hidden" tabindex="-1">
      <button type="button" id="attach" class="extra">${escapeHtml(ui.attach)}</button>
      <button type="button" id="record" class="extra" hidden>${escapeHtml(ui.record)}</button>
      <button type="button" id="share-location" class="extra">${escapeHtml(ui.location)}</button>
    </div>
    <div id="options" class="options">
${(last?.options ?? []).map((o, i) => `      <button type="submit" name="choice" value="${escapeHtml(o.value)}">${i + 1}. ${escapeHtml(o.label)}</button>`).join('\n')}
    </div>
  </form>
  <p class="note"><span id="note-text">${escapeHtml(ui.note)}</span> <a href="tel:112">112</a>.</p>
</main>
<script src="/chat/static/chat.js" defer></script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
