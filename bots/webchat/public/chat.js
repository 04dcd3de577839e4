// Lapor Anak web chat: the form works without this file; with it, messages go over fetch and the page stays.
(function () {
  'use strict';
  var form = document.getElementById('chat-form');
  var log = document.getElementById('log');
  var options = document.getElementById('options');
  var input = document.getElementById('text');
  var exitLink = document.getElementById('quick-exit');
  var session = form.elements.namedItem('session');
  var KEY = 'laporAnakSession';

  // One random id per tab, forgotten when the tab closes: the engine knows the visitor by nothing else.
  var id = sessionStorage.getItem(KEY);
  if (!id || !/^[a-f0-9-]{36}$/.test(id)) {
    id = crypto.randomUUID();
    sessionStorage.setItem(KEY, id);
  }
  session.value = id;

  function quickExit(event) {
    if (event) event.preventDefault();
    try { sessionStorage.clear(); } catch (e) { /* private mode */ }
    document.title = '';
    document.body.textContent = '';
    // replace(): the chat is not left behind in the tab's history for the back button.
    window.location.replace(exitLink.getAttribute('data-exit-url'));
  }
  exitLink.addEventListener('click', quickExit);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') quickExit(event);
  });

  function add(text, who, urgent) {
    var li = document.createElement('li');
    li.className = 'msg ' + who + (urgent ? ' urgent' : '');
    li.textContent = text;
    log.appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  function showOptions(list) {
    options.textContent = '';
    (list || []).forEach(function (option, i) {
      var button = document.createElement('button');
      button.type = 'submit';
      button.name = 'choice';
      button.value = option.value;
      button.textContent = (i + 1) + '. ' + option.label;
      options.appendChild(button);
    });
  }

  function setBusy(busy) {
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
    Array.prototype.forEach.call(form.querySelectorAll('button, input[type=text]'), function (el) { el.disabled = busy; });
  }

  // Danger heard: pin the numbers, and look every 10 s for word that a person has the alert (webchat-routes.ts).
  var noticeTimer = null;
  function showEmergency() {
    document.getElementById('emergency').hidden = false;
    if (noticeTimer) return;
    noticeTimer = setInterval(function () {
      fetch('/chat/api/notices', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: id }) })
        .then(function (res) { return res.json(); })
        .then(function (data) { (data.replies || []).forEach(function (r) { add(r.text, 'bot'); }); })
        .catch(function () { /* offline for a moment: the next look or message brings it */ });
    }, 10000);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var submitter = event.submitter;
    var body = { sessionId: id };
    if (submitter && submitter.name === 'choice') {
      body.choice = submitter.value;
      add(submitter.textContent, 'me');
    } else {
      var text = input.value.trim();
      if (!text) return;
      body.text = text;
      add(text, 'me');
      input.value = '';
    }
    setBusy(true);
    fetch('/chat/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json(); })
      .then(function (data) {
        var replies = data.replies || [];
        // Danger heard: the emergency numbers stay pinned at the top from now on (emergency-block.ts).
        if (data.emergency || replies.some(function (r) { return r.urgent; })) showEmergency();
        replies.forEach(function (r) { add(r.text, 'bot', r.urgent); });
        showOptions(replies.length ? replies[replies.length - 1].options : []);
      })
      .catch(function () { add('Koneksi terputus. Coba kirim lagi sebentar lagi.', 'bot'); })
      .then(function () { setBusy(false); input.focus(); });
  });
})();
