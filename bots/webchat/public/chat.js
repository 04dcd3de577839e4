// Lapor Anak web chat: the form works without this file; with it, messages go over fetch and the page stays, staff
// replies arrive over server-sent events, and files, voice notes and the location can be sent.
(function () {
  'use strict';
  var form = document.getElementById('chat-form');
  var log = document.getElementById('log');
  var options = document.getElementById('options');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var counter = document.getElementById('counter');
  var limitNote = document.getElementById('limit-note');
  var extras = document.getElementById('extras');
  var fileInput = document.getElementById('file');
  var attachButton = document.getElementById('attach');
  var recordButton = document.getElementById('record');
  var locationButton = document.getElementById('share-location');
  var exitLink = document.getElementById('quick-exit');
  var session = form.elements.namedItem('session');
  var KEY = 'laporAnakSession';
  var maxLength = Number(form.getAttribute('data-max-length')) || 4000;
  var maxBytes = Number(form.getAttribute('data-max-bytes')) || 20 * 1024 * 1024;
  var allowedTypes = (form.getAttribute('data-allowed-types') || '').split(',');
  var ui = JSON.parse(form.getAttribute('data-ui') || '{}');
  var language = form.getAttribute('data-language') || 'id';

  // One random id per tab, forgotten when the tab closes: the engine knows the visitor by nothing else.
  var id = sessionStorage.getItem(KEY);
  if (!id || !/^[a-f0-9-]{36}$/.test(id)) {
    id = crypto.randomUUID();
    sessionStorage.setItem(KEY, id);
  }
  session.value = id;

  function words() { return ui[language] || ui.id || {}; }
  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  function quickExit(event) {
    if (event) event.preventDefault();
    try { sessionStorage.clear(); } catch (e) { /* private mode */ }
    if (events) events.close();
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

  // The page's own words follow the conversation's language (the engine says which after each answer).
  function setLanguage(next) {
    if (next !== 'id' && next !== 'en') return;
    language = next;
    var w = words();
    document.documentElement.lang = next;
    input.placeholder = w.placeholder;
    sendButton.textContent = w.send;
    document.getElementById('text-label').textContent = w.label;
    exitLink.textContent = w.exit;
    attachButton.textContent = w.attach;
    locationButton.textContent = w.location;
    if (!recording) recordButton.textContent = w.record;
    document.getElementById('note-text').textContent = w.note;
    updateCounter();
  }

  function showReplies(replies) {
    replies.forEach(function (r) { add(r.text, r.staff ? 'bot staff' : 'bot', r.urgent); });
    var last = replies[replies.length - 1];
    if (last && last.language) setLanguage(last.language);
    return last;
  }

  function setBusy(busy) {
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
    Array.prototype.forEach.call(form.querySelectorAll('button, textarea'), function (el) { el.disabled = busy; });
  }

  function post(url, body) {
    setBusy(true);
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json(); })
      .then(function (data) {
        var replies = data.replies || [];
        // Danger heard: the emergency numbers stay pinned at the top from now on (emergency-block.ts).
        if (data.emergency || replies.some(function (r) { return r.urgent; })) showEmergency();
        showReplies(replies);
        showOptions(replies.length ? replies[replies.length - 1].options : []);
        // A stream refused (too many pages from this address before the conversation began) is not retried by the
        // browser: once an answer came, the conversation is under way and the stream is asked for again.
        if (events && events.readyState === 2) listen();
      })
      .catch(function () { add(words().offline, 'bot'); })
      .then(function () { setBusy(false); input.focus(); });
  }

  // The text box grows with what is written; the counter shows the limit, and over it we say so instead of cutting.
  function grow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, window.innerHeight * 0.4) + 'px';
  }
  function updateCounter() {
    var count = input.value.length;
    counter.textContent = count + ' / ' + maxLength + ' ' + words().counter;
    var over = count > maxLength;
    counter.classList.toggle('over', over);
    input.setAttribute('aria-invalid', over ? 'true' : 'false');
    if (over) {
      limitNote.textContent = fill(words().tooLong, { count: count, max: maxLength });
      limitNote.hidden = false;
    } else if (limitNote.getAttribute('data-kind') !== 'other') {
      limitNote.hidden = true;
    }
  }
  function note(text) {
    limitNote.textContent = text;
    limitNote.setAttribute('data-kind', 'other');
    limitNote.hidden = false;
    setTimeout(function () { limitNote.removeAttribute('data-kind'); }, 8000);
  }
  input.addEventListener('input', function () { grow(); updateCounter(); });
  // Enter sends, Shift+Enter starts a new line (without JavaScript the box is a plain textarea and the button sends).
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else sendButton.click();
    }
  });
  updateCounter();

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
      if (text.length > maxLength) {
        updateCounter();
        limitNote.hidden = false;
        input.focus();
        return;
      }
      body.text = text;
      add(text, 'me');
      input.value = '';
      grow();
      updateCounter();
    }
    post('/chat/api/messages', body);
  });

  // Files: the same types and size the server accepts; read as base64 and sent as JSON.
  function sendFile(blob, fileName, recorded) {
    var type = String(blob.type || '').split(';')[0].toLowerCase();
    if (allowedTypes.indexOf(type) < 0) return note(words().wrongType);
    if (blob.size > maxBytes) return note(fill(words().tooLarge, { maxMb: Math.floor(maxBytes / 1048576) }));
    var reader = new FileReader();
    reader.onload = function () {
      var data = String(reader.result).split(',')[1] || '';
      add('📎 ' + (fileName || type), 'me');
      post('/chat/api/upload', { sessionId: id, mimeType: type, fileName: fileName || undefined, recorded: recorded || undefined, data: data });
    };
    reader.onerror = function () { add(words().offline, 'bot'); };
    reader.readAsDataURL(blob);
  }
  attachButton.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (file) sendFile(file, file.name, false);
    fileInput.value = '';
  });

  // A voice note recorded in the page, in a format the server accepts (Chromium and Safari: audio/mp4; Firefox: ogg).
  var recorder = null;
  var recording = false;
  var recordType = null;
  if (window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    ['audio/ogg;codecs=opus', 'audio/mp4', 'audio/mpeg'].some(function (type) {
      if (allowedTypes.indexOf(type.split(';')[0]) >= 0 && MediaRecorder.isTypeSupported(type)) recordType = type;
      return recordType !== null;
    });
  }
  if (recordType) recordButton.hidden = false;
  recordButton.addEventListener('click', function () {
    if (recording && recorder) return recorder.stop();
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var chunks = [];
      recorder = new MediaRecorder(stream, { mimeType: recordType });
      recorder.ondataavailable = function (e) { if (e.data.size) chunks.push(e.data); };
      recorder.onstop = function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        recording = false;
        recordButton.textContent = words().record;
        recordButton.classList.remove('recording');
        sendFile(new Blob(chunks, { type: recordType.split(';')[0] }), null, true);
      };
      recorder.start();
      recording = true;
      recordButton.textContent = words().stopRecording;
      recordButton.classList.add('recording');
    }).catch(function () { note(words().microphoneDenied); });
  });

  // The location only when asked for, with the browser's own permission prompt.
  if (!navigator.geolocation) locationButton.hidden = true;
  locationButton.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      add('📍 ' + words().locationShared, 'me');
      post('/chat/api/messages', { sessionId: id, location: { latitude: position.coords.latitude, longitude: position.coords.longitude } });
    }, function () { note(words().locationDenied); }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
  extras.hidden = false;

  // Staff replies: pushed while the page is open; those sent while it was closed arrive when it connects again.
  var events = null;
  function listen() {
    if (!window.EventSource) return;
    events = new EventSource('/chat/api/events?sessionId=' + encodeURIComponent(id));
    events.addEventListener('replies', function (event) {
      try { showReplies(JSON.parse(event.data).replies || []); } catch (e) { /* a broken event is skipped */ }
    });
  }
  listen();
})();
