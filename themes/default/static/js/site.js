// Progressive enhancements for the default theme; pages work fully without this file.
// Kept free of inline handlers so the site can run under a strict Content-Security-Policy.
(function () {
  'use strict';

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
})();
