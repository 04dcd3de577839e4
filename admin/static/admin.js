// Light progressive enhancement: SLA countdowns and the live intake queue. Every page works without it.
(function () {
  function countdown() {
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var ms = Date.parse(el.getAttribute('data-due')) - Date.now();
      var over = ms < 0; ms = Math.abs(ms);
      var h = Math.floor(ms / 3600000), m = Math.floor((ms % 3600000) / 60000), s = Math.floor((ms % 60000) / 1000);
      el.textContent = (over ? '-' : '') + h + 'j ' + m + 'm ' + s + 'd';
      el.classList.toggle('overdue', over);
    });
  }
  setInterval(countdown, 1000); countdown();

  var rows = document.getElementById('queue-rows');
  if (rows && window.EventSource) {
    var source = new EventSource('/intake/stream');
    // The session ended (signed out, here or everywhere): the stream stops; show the sign-in page.
    source.addEventListener('signed_out', function () { source.close(); window.location.href = '/login'; });
    source.addEventListener('changed', function () {
      fetch('/intake/rows' + window.location.search, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { rows.innerHTML = html; countdown(); })
        .catch(function () { /* the next change tries again */ });
    });
  }
})();
