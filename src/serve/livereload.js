// bantin serve: reloads the page when the site is rebuilt. Injected only by the dev server.
(function () {
  var source = new EventSource("/__bantin/events");
  source.onmessage = function (event) {
    if (event.data === "reload") {
      location.reload();
    }
  };
})();
