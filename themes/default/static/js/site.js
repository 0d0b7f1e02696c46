// Progressive enhancements for the default theme; pages work fully without this file.
// Kept free of inline handlers so the site can run under a strict Content-Security-Policy.
(function () {
  'use strict';

  // Storage can be switched off or full (private windows); every use goes through these.
  function load(store, key) {
    try { return window[store].getItem(key); } catch (e) { return null; }
  }
  function save(store, key, value) {
    try { window[store].setItem(key, value); } catch (e) { /* not remembered, still works */ }
  }

  // "In bài viết": the button ships hidden, since without script it could do nothing.
  var printButtons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < printButtons.length; i++) {
    printButtons[i].hidden = false;
    printButtons[i].addEventListener('click', function () {
      window.print();
    });
  }

  // Wide tables scroll sideways on phones; a scroll box must be reachable by keyboard
  // (WCAG 2.1.1), so only the ones that actually overflow become focusable.
  var tables = document.querySelectorAll('.article-content table');
  function markScrollable() {
    for (var j = 0; j < tables.length; j++) {
      if (tables[j].scrollWidth > tables[j].clientWidth) {
        tables[j].tabIndex = 0;
      } else {
        tables[j].removeAttribute('tabindex');
      }
    }
  }
  if (tables.length) {
    markScrollable();
    window.addEventListener('resize', markScrollable);
  }

  // Text size (A− A A+): a step from -2 to +3 of 12.5 % each, remembered on this device.
  var SIZE_KEY = 'bantin-co-chu';
  var sizeGroup = document.querySelector('[data-text-size]');
  function applySize(step) {
    document.documentElement.style.setProperty('--text-scale', String(1 + step * 0.125));
    if (!sizeGroup) return;
    var buttons = sizeGroup.querySelectorAll('button');
    for (var k = 0; k < buttons.length; k++) {
      var b = buttons[k];
      var s = Number(b.getAttribute('data-step'));
      b.disabled = (s === -1 && step <= -2) || (s === 1 && step >= 3);
      if (s === 0) b.setAttribute('aria-pressed', String(step === 0));
    }
  }
  var step = Number(load('localStorage', SIZE_KEY));
  if (!Number.isInteger(step) || step < -2 || step > 3) step = 0;
  applySize(step);
  if (sizeGroup) {
    sizeGroup.hidden = false;
    sizeGroup.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-step]');
      if (!button) return;
      var change = Number(button.getAttribute('data-step'));
      step = change === 0 ? 0 : Math.max(-2, Math.min(3, step + change));
      save('localStorage', SIZE_KEY, String(step));
      applySize(step);
    });
  }

  // Sharing without third-party scripts: Facebook is a plain link; Zalo goes through the
  // phone's share sheet (where the Zalo app is) or, on computers, a copied link to paste.
  var status = document.querySelector('[data-share-status]');
  function say(text) {
    if (status) status.textContent = text;
  }
  function copy(url, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { say(done); },
        function () { say('Không sao chép được, hãy chép địa chỉ trên thanh trình duyệt.'); });
    } else {
      say('Không sao chép được, hãy chép địa chỉ trên thanh trình duyệt.');
    }
  }
  var copyButton = document.querySelector('[data-copy-link]');
  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener('click', function () {
      copy(copyButton.getAttribute('data-url'), 'Đã sao chép liên kết.');
    });
  }
  var zaloButton = document.querySelector('[data-share-zalo]');
  if (zaloButton) {
    zaloButton.hidden = false;
    zaloButton.addEventListener('click', function () {
      var url = zaloButton.getAttribute('data-url');
      if (navigator.share) {
        navigator.share({ title: zaloButton.getAttribute('data-title'), url: url })
          .catch(function () { /* the reader closed the share sheet */ });
      } else {
        copy(url, 'Đã sao chép liên kết, hãy dán vào Zalo để chia sẻ.');
      }
    });
  }

  // "Thống kê truy cập" (contract: docs/counter.md). One POST records this page view and
  // answers the counts. Without an endpoint the box says so and nothing is sent; when the
  // service fails or answers something else, the box says the numbers are unavailable and
  // this browser session sends nothing more. Numbers are never invented.
  var box = document.querySelector('[data-counter][data-endpoint]');
  var OFF_KEY = 'bantin-dem-tat';
  var SESSION_KEY = 'bantin-phien';
  function counterFailed(note) {
    save('sessionStorage', OFF_KEY, '1');
    note.textContent = 'Chưa lấy được số liệu truy cập.';
  }
  function sessionId() {
    var id = load('sessionStorage', SESSION_KEY);
    if (id && /^[0-9a-f]{16,64}$/.test(id)) return id;
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    id = Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
    save('sessionStorage', SESSION_KEY, id);
    return id;
  }
  function validCounts(data) {
    var names = ['online', 'today', 'week', 'month', 'total'];
    if (!data || typeof data !== 'object') return false;
    for (var n = 0; n < names.length; n++) {
      var v = data[names[n]];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return false;
    }
    return true;
  }
  if (box) {
    var note = box.querySelector('[data-counter-note]');
    var list = box.querySelector('.counter-list');
    if (load('sessionStorage', OFF_KEY)) {
      note.textContent = 'Chưa lấy được số liệu truy cập.';
    } else if (!window.fetch || !window.crypto || !list) {
      note.textContent = 'Trình duyệt này không hiển thị được số liệu truy cập.';
    } else {
      note.textContent = 'Đang tải số liệu truy cập…';
      var controller = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (controller) controller.abort(); }, 8000);
      fetch(box.getAttribute('data-endpoint'), {
        method: 'POST',
        // text/plain keeps this a "simple" request: no CORS preflight for a service elsewhere.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ session: sessionId(), page: location.pathname }),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      }).then(function (data) {
        clearTimeout(timer);
        if (!validCounts(data)) throw new Error('not the counter contract');
        var format = new Intl.NumberFormat('vi-VN');
        var cells = list.querySelectorAll('[data-count]');
        for (var c = 0; c < cells.length; c++) {
          cells[c].textContent = format.format(data[cells[c].getAttribute('data-count')]);
        }
        list.hidden = false;
        note.hidden = true;
      }).catch(function () {
        clearTimeout(timer);
        counterFailed(note);
      });
    }
  }
})();
