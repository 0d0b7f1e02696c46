// Old addresses with a query string (/?p=123, /index.php?page_id=5, from the portal the site
// replaced) cannot be files on a static host: it serves them the home page or the 404 page,
// which load this file when the site has such addresses (`redirect_map` in docs/themes.md).
// It reads the redirect map (redirects.json: "path?query" below the base path → new address)
// and sends the reader on. A file, not an inline script, so the site can run under a strict
// Content-Security-Policy; the map is fetched only when the address has a query string.
(function () {
  'use strict';
  var script = document.currentScript;
  var search = window.location.search;
  if (!script || !search || search === '?') return;
  var map = script.getAttribute('data-map');
  var base = (script.getAttribute('data-base') || '/').replace(/\/+$/, '');
  var path = window.location.pathname;
  if (base && path.indexOf(base) === 0) path = path.slice(base.length);
  if (path === '') path = '/';
  var query = search.slice(1);
  // As written, then the other trailing-slash form (a host may add or drop it), then decoded.
  var keys = [path + '?' + query];
  var other = /\/$/.test(path) ? path.replace(/\/+$/, '') : path + '/';
  if (other) keys.push(other + '?' + query);
  try {
    keys.push(decodeURIComponent(path) + '?' + decodeURIComponent(query));
  } catch (e) { /* a malformed escape: the forms above only */ }
  if (!map || typeof window.fetch !== 'function') return;
  window.fetch(map, { credentials: 'same-origin' })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (redirects) {
      for (var i = 0; i < keys.length; i++) {
        var to = Object.prototype.hasOwnProperty.call(redirects, keys[i]) ? redirects[keys[i]] : null;
        // Only the site's own paths and web addresses, never another scheme.
        if (typeof to === 'string' && /^(\/(?!\/)|https?:\/\/)/.test(to)) {
          window.location.replace(to);
          return;
        }
      }
    })
    .catch(function () { /* no map: the page stays as it is */ });
}());
