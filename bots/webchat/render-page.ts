import type { OutboundMessage } from '../../src/intake/messages';

// The web chat page. Works without JavaScript: the form posts to /chat and the answer comes back as a new page;
// with JavaScript (public/chat.js) the same form talks to /chat/api/messages and the page stays put.

export interface PageInput {
  sessionId: string;
  unitName: string;
  exitUrl: string;
  /** What the visitor just sent (no-JS fallback only). */
  said?: string;
  replies: OutboundMessage[];
  /** The emergency block (emergency-block.ts), pinned in the sticky header: hidden until danger is heard. */
  pinned?: string;
}

export function renderChatPage(input: PageInput): string {
  const { sessionId, unitName, exitUrl, said, replies, pinned } = input;
  const last = replies.at(-1);
  return `<!doctype html>
<html lang="id">
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
  <a id="quick-exit" class="quick-exit" href="${escapeHtml(exitUrl)}" data-exit-url="${escapeHtml(exitUrl)}" rel="noreferrer">Keluar cepat (Esc)</a>
${pinned ?? ''}
</header>
<main>
  <h1 class="visually-hidden">Percakapan pengaduan</h1>
  <ol id="log" class="log" aria-live="polite" aria-relevant="additions">
${said ? `    <li class="msg me">${escapeHtml(said)}</li>\n` : ''}${replies.map((r) => `    <li class="msg bot${r.urgent ? ' urgent' : ''}">${escapeHtml(r.text)}</li>`).join('\n')}
  </ol>
  <form id="chat-form" class="composer" method="post" action="/chat">
    <input type="hidden" name="session" value="${escapeHtml(sessionId)}">
    <label for="text" class="visually-hidden">Pesan Anda</label>
    <div class="row">
      <input id="text" name="text" type="text" autocomplete="off" maxlength="4000" placeholder="Tulis pesan… (mis. halo)" ${replies.length ? '' : 'autofocus'}>
      <button type="submit" class="send">Kirim</button>
    </div>
    <div id="options" class="options">
${(last?.options ?? []).map((o, i) => `      <button type="submit" name="choice" value="${escapeHtml(o.value)}">${i + 1}. ${escapeHtml(o.label)}</button>`).join('\n')}
    </div>
  </form>
  <p class="note">Anonim kecuali Anda memilih memberi kontak. Darurat: <a href="tel:112">112</a>.</p>
</main>
<script src="/chat/static/chat.js" defer></script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
