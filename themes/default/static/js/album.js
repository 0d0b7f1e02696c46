/* bantin default theme: the lightbox of an album page ("Thư viện ảnh"), loaded by album.html
   only. Without this script each thumbnail is a link to the photo's large copy, which the
   browser opens. With it, a click (or Enter) opens a modal <dialog> named after the album: the
   photo, chosen from the copies the build made for the width of the screen (the thumbnail's
   <picture> sources and srcset, sizes=100vw: a phone does not fetch the largest copy), its
   caption and "Ảnh 3/12", announced politely to screen readers; buttons "Ảnh trước",
   "Ảnh sau", "Đóng"; ←/→ move, Esc closes, Tab stays inside; a horizontal swipe moves; focus
   goes back to the thumbnail that opened it. No animation is needed: the only transition is
   a fade, off when the reader asks for reduced motion (site.css). */
(function () {
  "use strict";
  var grid = document.querySelector("[data-album]");
  if (!grid || typeof HTMLDialogElement !== "function") return;
  var links = Array.prototype.slice.call(grid.querySelectorAll("a.album-thumb"));
  if (!links.length) return;

  var current = 0;
  var opener = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(className, label, arrow, after) {
    var b = el("button", "lightbox-button " + className);
    b.type = "button";
    var mark = el("span", "lightbox-arrow", arrow);
    mark.setAttribute("aria-hidden", "true");
    var words = el("span", "lightbox-label", label);
    if (after) {
      b.appendChild(words);
      b.appendChild(mark);
    } else {
      b.appendChild(mark);
      b.appendChild(words);
    }
    return b;
  }

  var dialog = el("dialog", "lightbox");
  dialog.setAttribute("aria-label", grid.getAttribute("data-title") || document.title);
  var figure = el("figure", "lightbox-figure");
  var media = el("div", "lightbox-media");
  var status = el("figcaption", "lightbox-status");
  status.setAttribute("aria-live", "polite");
  var position = el("span", "lightbox-position");
  var caption = el("span", "lightbox-caption");
  status.appendChild(position);
  status.appendChild(caption);
  figure.appendChild(media);
  figure.appendChild(status);
  var controls = el("div", "lightbox-controls");
  var prev = button("lightbox-prev", "Ảnh trước", "‹ ", false);
  var next = button("lightbox-next", "Ảnh sau", " ›", true);
  var close = button("lightbox-close", "Đóng", "× ", false);
  controls.appendChild(prev);
  controls.appendChild(next);
  controls.appendChild(close);
  dialog.appendChild(figure);
  dialog.appendChild(controls);
  document.body.appendChild(dialog);

  /* The photo of a thumbnail, as large as the screen needs: its copies with sizes=100vw. */
  function picture(link) {
    var thumb = link.querySelector("img");
    var out = document.createElement("picture");
    var sources = link.querySelectorAll("source");
    for (var i = 0; i < sources.length; i++) {
      var s = document.createElement("source");
      s.type = sources[i].type;
      s.srcset = sources[i].getAttribute("srcset");
      s.sizes = "100vw";
      out.appendChild(s);
    }
    var img = document.createElement("img");
    img.className = "lightbox-image";
    var srcset = thumb && thumb.getAttribute("srcset");
    if (srcset) {
      img.srcset = srcset;
      img.sizes = "100vw";
    }
    img.src = link.href;
    img.alt = thumb ? thumb.alt : "";
    var w = thumb && thumb.getAttribute("width");
    var h = thumb && thumb.getAttribute("height");
    if (w && h) {
      img.width = Number(w);
      img.height = Number(h);
    }
    out.appendChild(img);
    return out;
  }

  function show(i) {
    current = (i + links.length) % links.length;
    var link = links[current];
    media.textContent = "";
    media.appendChild(picture(link));
    position.textContent = "Ảnh " + (current + 1) + "/" + links.length;
    var text = link.getAttribute("data-caption") || "";
    caption.textContent = text ? ": " + text : "";
    var single = links.length < 2;
    prev.hidden = single;
    next.hidden = single;
  }

  function open(i) {
    opener = links[i];
    show(i);
    dialog.showModal();
    close.focus();
  }

  links.forEach(function (link, i) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open(i);
    });
  });

  prev.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", function () { dialog.close(); });

  /* A click on the backdrop (the dialog itself, not its content) closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });

  dialog.addEventListener("close", function () {
    media.textContent = "";
    if (opener) opener.focus();
  });

  function focusable() {
    return Array.prototype.filter.call(dialog.querySelectorAll("button"), function (b) {
      return !b.hidden && !b.disabled;
    });
  }

  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight") {
      event.preventDefault();
      show(current + 1);
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      show(current - 1);
    } else if (event.key === "Tab") {
      /* The page behind is inert; this keeps Tab from leaving for the browser's own bar. */
      var items = focusable();
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      var at = items.indexOf(document.activeElement);
      if (event.shiftKey && (at <= 0)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === -1 || at === items.length - 1)) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  /* A horizontal swipe: to the left, the next photo; to the right, the previous one. */
  var startX = null;
  var startY = null;
  dialog.addEventListener("touchstart", function (event) {
    if (event.touches.length !== 1) {
      startX = null;
      return;
    }
    startX = event.touches[0].clientX;
    startY = event.touches[0].clientY;
  }, { passive: true });
  dialog.addEventListener("touchend", function (event) {
    if (startX === null || !event.changedTouches.length) return;
    var dx = event.changedTouches[0].clientX - startX;
    var dy = event.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) {
      show(current + (dx < 0 ? 1 : -1));
    }
  }, { passive: true });
})();
