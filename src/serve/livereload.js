// bantin serve: reloads the page when the site is rebuilt. Injected only by the dev server.
(function () {
  // The preview counts its own visits (src/serve/counter.rs), so the "Thống kê truy cập" box
  // works before the site has a counting service, and previews never reach the real one.
  // This script runs before the theme's deferred site.js reads the attribute.
  var box = document.querySelector("[data-counter]");
  if (box) {
    box.setAttribute("data-endpoint", "/__bantin/counter");
  }
  var source = new EventSource("/__bantin/events");
  source.onmessage = function (event) {
    if (event.data === "reload") {
      location.reload();
    }
  };
})();
