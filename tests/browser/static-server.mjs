// static-server.mjs — serves a built site on 127.0.0.1 the way a static host does, for the
// browser tests (check.mjs, features.mjs, lighthouse.mjs). Only paths under the base path exist;
// folders answer with their index.html; a folder URL without its trailing slash redirects; a
// missing file gets the site's own 404.html with status 404. `routes` maps extra URL paths to
// handlers (req, res), for test endpoints such as a broken visitor counter. `htmlHeaders` are
// added to every HTML answer (xss.mjs adds a report-only Content-Security-Policy).
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.pdf': 'application/pdf',
  // The CMS at admin/ (Decap CMS): its configuration and its image encoder.
  '.yml': 'text/yaml; charset=utf-8', '.wasm': 'application/wasm',
};

// Maps a URL path to a file under root the way a static host does: only below the base path,
// folders answer with their index.html, a folder URL without its trailing slash redirects.
function resolveFile(root, basePath, urlPath) {
  if (!urlPath.startsWith(basePath)) return { status: 404 };
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(basePath.length));
  } catch {
    return { status: 400 };
  }
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return { status: 404 };
  }
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) return { status: 301, location: `${urlPath}/` };
    return resolveFile(root, basePath, `${urlPath}index.html`);
  }
  return { status: 200, file };
}

export function startServer(root, basePath, routes = {}, htmlHeaders = {}) {
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    if (Object.hasOwn(routes, urlPath)) {
      routes[urlPath](req, res);
      return;
    }
    const found = resolveFile(root, basePath, urlPath);
    if (found.status === 301) {
      res.writeHead(301, { Location: found.location }).end();
      return;
    }
    if (found.status !== 200) {
      // Serve the site's own 404 page, as a static host does, but keep the status.
      let body = 'not found';
      try { body = readFileSync(path.join(root, '404.html')); } catch { /* plain text then */ }
      res.writeHead(found.status, { 'Content-Type': 'text/html; charset=utf-8', ...htmlHeaders }).end(body);
      return;
    }
    const type = TYPES[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
    const extra = type.startsWith('text/html') ? htmlHeaders : {};
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(found.file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

