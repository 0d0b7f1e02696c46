#!/usr/bin/env node
// xss.mjs — proves in headless Chromium that no script an author smuggled into a built bantin site
// runs: opens pages, exercises every element, and reports every execution it saw.
//
//   node tests/browser/xss.mjs --root OUT --base-path /thu/ [--page tin-tuc/a/ ...] [--all]
//        [--concurrency 2] [--page-timeout 30000] [--budget 120000] [--settle 250]
//        [--max-trusted 400] [--max-tabs 120] [--marker RE] [--id RE] [--expect-text TEXT]
//        [--chromium PATH]
//
// OUT is served by static-server.mjs under --base-path. --page (relative to the base path, may
// carry a query such as tim-kiem/?q=...) is repeatable; --all adds every HTML file under OUT.
// --expect-text: each page's report says whether a <p> holding exactly TEXT was parsed (a
// sentinel at the end of an article: nothing an earlier payload left open swallowed the rest).
// Also a module: checkPages(options) runs the same check and gives the report (xss-corpus.mjs).
//
// Detection, all of it installed before any page script:
//   - alert/confirm/prompt/print are replaced, in every frame and popup, by recorders; native
//     dialogs that still open (a frame the init script did not reach) are recorded and dismissed;
//   - pages are served with `Content-Security-Policy-Report-Only: script-src 'self'
//     'report-sample'`: the browser reports every inline script, event handler, javascript: URL,
//     eval and script from elsewhere just before it runs it (and runs it), whatever the code
//     does — the theme's own script files are the only code that raises no report;
//   - a javascript: URL activated by a click or a form submission;
//   - any request to /__xss/<id> (the canary our payloads fetch) and a `window.__xss` left set.
// Uncaught errors, blocked navigations, popups and requests that would leave 127.0.0.1 are
// information only; so is print() called from the site's own script files (the theme's "In
// bài viết" button).
//
// Exercise, per page: load, wait (autofocus, animations, timers); in every frame, for every
// element, dispatch the event of each on* attribute it carries, focus() and click() it, toggle a
// <details>, requestSubmit() a form; then real mouse input, swept one viewport at a time over
// every element with a box: move to its first box and click there (a key typed into editable
// ones) — a point whose element was already done is skipped, and a target a click earlier in
// the sweep moved is retried on its own; Tab through the page; wait for timers again. Nothing
// leaves the page: links and forms that would navigate are cancelled in the page (javascript:
// URLs are let through so that they run and are seen), any other top-level navigation after the
// load is answered 204 (the page stays), popups are closed, and everything not on 127.0.0.1 is
// blocked. Each of --concurrency workers reuses one browser context for its pages.
//
// Attribution. Each execution carries the page, the sink (alert, dialog:alert, csp,
// javascript-url, canary, global), the message, the payload id found in it or in its element
// (`xss-…`, see --id), the element that was the context (the running <script>, the event's
// target, the frame's element, the javascript: link just activated, the script a report names,
// the element being exercised), the phase (load, settle, dispatch — only because the synthetic
// pass dispatched the event an on* attribute names —, synthetic, trusted, tab, timers) and,
// when the page's text holds markers (`xss-case-<n>`, see --marker), the case: the last marker
// before the code's own line in the served HTML, else before the context element in the DOM,
// else before the line holding a data: frame's address. Repeats of one firing are counted.
//
// The report is one JSON object on stdout: {ok, complete, pages: [{page, done, elements,
// exercised, executions, info, phaseMs, ms}], skipped, elements, exercised, executions,
// durationMs}. Exit status: 0 no execution and every page done, 1 an execution or a page not
// done (timeout, budget, or it navigated to another document), 2 bad arguments or setup.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { startServer } from './static-server.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));

export const CANARY = '/__xss/';
export const CSP = "script-src 'self' 'report-sample'";
export const DEFAULTS = {
  chromium: '/usr/bin/chromium',
  concurrency: 2,
  pageTimeout: 30000,
  budget: 120000,
  settle: 250,
  maxTrusted: 400,
  maxTabs: 120,
  marker: 'xss-case-(\\d+)',
  id: 'xss-[A-Za-z0-9_-]+',
};

// ---------------------------------------------------------------------------------------------
// In the page. Runs in every frame and popup before any of the page's own scripts.

function xssInit({ marker }) {
  const W = window;
  if (Object.prototype.hasOwnProperty.call(W, '__xssGuard')) return;
  Object.defineProperty(W, '__xssGuard', { value: true });
  const MARK = new RegExp(marker, 'g');
  const started = Date.now();

  const short = (s, n = 200) => (String(s).length > n ? `${String(s).slice(0, n)}…` : String(s));
  const asElement = (x) => {
    try {
      if (!x || typeof x.nodeType !== 'number') return null;
      return x.nodeType === 1 ? x : x.parentElement;
    } catch {
      return null;
    }
  };
  const describe = (el) => {
    el = asElement(el);
    if (!el) return null;
    let s = `<${el.localName}`;
    for (const a of Array.from(el.attributes || [])) {
      s += ` ${a.name}="${short(a.value, 80)}"`;
      if (s.length > 240) break;
    }
    return `${short(s, 240)}>`;
  };
  // The last marker before `node` in its document, in document order (text and comments).
  const caseIn = (doc, node) => {
    if (!doc || !node || !doc.contains(node)) return null;
    const walker = doc.createTreeWalker(doc, 1 | 4 | 128);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === node) break;
      if (n.nodeType !== 1 && n.data) {
        MARK.lastIndex = 0;
        for (let m = MARK.exec(n.data); m; m = MARK.exec(n.data)) last = m[1];
      }
    }
    return last;
  };
  // The marker before the element, or before the frame element holding its document.
  const caseOf = (el) => {
    let node = asElement(el);
    for (let depth = 0; node && depth < 8; depth += 1) {
      const found = caseIn(node.ownerDocument, node);
      if (found != null) return found;
      try {
        node = node.ownerDocument.defaultView.frameElement;
      } catch {
        node = null;
      }
    }
    return null;
  };
  W.__xssCaseOf = caseOf;
  W.__xssDescribe = describe;
  // For the trusted pass: the point to use for an element (its first box, near its start,
  // where an inline element that wraps has its text), and whether to type there.
  W.__xssPointOf = (el) => {
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { r, x: r.left + Math.min(r.width / 2, 40), y: r.top + Math.min(r.height / 2, 20) };
  };
  W.__xssPlan = (target) => ({
    editable: target.isContentEditable || target.localName === 'textarea'
      || (target.localName === 'input' && !/^(button|submit|reset|image|checkbox|radio|hidden)$/i.test(target.type || '')),
  });

  const top = (() => {
    try {
      return W.top.__xssGuard ? W.top : W;
    } catch {
      return W;
    }
  })();

  // Where the running code comes from: the current <script>, the event being handled, the
  // javascript: URL just activated, the element holding this frame, the element being
  // exercised — the first one known.
  const context = function __xssContext() {
    let el = null;
    let via = null;
    try {
      if (document.currentScript) {
        el = document.currentScript;
        via = 'script';
      }
    } catch { /* no script */ }
    if (!el) {
      const ev = W.event;
      const target = ev && asElement(ev.target);
      if (target) {
        el = target;
        via = `event:${ev.type}`;
      } else if (ev && ev.target === W && document.body) {
        el = document.body;
        via = `event:${ev.type}`;
      }
    }
    if (!el) {
      const act = top.__xssActivated;
      if (act && Date.now() - act.at < 2000) {
        el = act.el;
        via = act.via;
      }
    }
    if (!el) {
      try {
        if (W.frameElement) {
          el = W.frameElement;
          via = 'frame';
        }
      } catch { /* cross-origin */ }
    }
    if (!el && top.__xssCurrent) {
      el = top.__xssCurrent;
      via = 'exercised';
    }
    return { element: describe(el), case: caseOf(el), via };
  };

  const send = function __xssSendRecord(record) {
    const rec = {
      ...record,
      frameUrl: short(location.href, 300),
      stack: short(new Error().stack.split('\n').filter((l) => !/__xss|xssInit|^Error/.test(l)).slice(0, 5).join('\n'), 1200),
      ms: Date.now() - started,
      dispatched: !!top.__xssDispatching,
    };
    try {
      Object.assign(rec, context());
    } catch { /* keep what we have */ }
    try {
      if (typeof W.__xssReport === 'function') return void W.__xssReport(rec);
    } catch { /* fall through */ }
    try {
      top.__xssReport(rec);
    } catch {
      (top.__xssLost = top.__xssLost || []).push(rec);
    }
  };
  W.__xssSend = send;

  const install = (name, result) => {
    const sink = function __xssSink(...args) {
      send({ sink: name, message: short(args.map((a) => { try { return String(a); } catch { return '?'; } }).join(' '), 300) });
      return result;
    };
    try {
      Object.defineProperty(W, name, { value: sink, writable: true, configurable: true });
    } catch { /* leave it: the dialog listener still sees it */ }
  };
  install('alert', undefined);
  install('confirm', false);
  install('prompt', null);
  install('print', undefined);

  const urlOf = (el) => {
    let raw = null;
    try {
      raw = el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    } catch { /* no attributes */ }
    if (raw == null) return null;
    try {
      return new URL(raw, document.baseURI);
    } catch {
      return null;
    }
  };
  const activated = (el, via) => {
    top.__xssActivated = { el, via, at: Date.now() };
  };
  // Links and forms that would leave the page are cancelled; javascript: ones run (and count).
  W.addEventListener('click', (e) => {
    const start = asElement(e.target);
    const link = start && start.closest ? start.closest('a, area') : null;
    if (!link) return;
    const url = urlOf(link);
    if (!url) return;
    if (url.protocol === 'javascript:') {
      activated(link, 'javascript-url');
      send({ sink: 'javascript-url', message: short(url.href, 300), phaseEl: describe(link) });
      return;
    }
    e.preventDefault();
  }, true);
  W.addEventListener('submit', (e) => {
    const form = e.target;
    const submitter = e.submitter;
    let action = null;
    try {
      action = submitter && submitter.hasAttribute('formaction') ? submitter.formAction : form.action;
    } catch { /* keep null */ }
    let url = null;
    try {
      url = new URL(action, document.baseURI);
    } catch { /* not a URL */ }
    if (url && url.protocol === 'javascript:') {
      activated(submitter || form, 'javascript-url');
      send({ sink: 'javascript-url', message: short(url.href, 300) });
      return;
    }
    e.preventDefault();
  }, true);
  // The page is served with a report-only policy allowing only the site's own script files:
  // every inline script, event handler, javascript: URL, eval or foreign script the browser is
  // about to run is reported here first (and then runs), whatever the code does.
  const scriptsSeen = {};
  const onViolation = (e) => {
    if (e.disposition !== 'report' || !/^script-src/.test(e.effectiveDirective || e.violatedDirective || '')) return;
    let target = asElement(e.target);
    if (!target && e.blockedURI && e.blockedURI !== 'inline' && e.blockedURI !== 'eval') {
      // A script file refused (reported at the document): the n-th report for an address is
      // the n-th <script> with that address, in document order (the order they are fetched).
      const uri = e.blockedURI;
      const same = Array.from(document.getElementsByTagName('script')).filter((el) => {
        let src = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
        if (src == null) return false;
        try {
          src = new URL(src, document.baseURI).href;
        } catch {
          return false;
        }
        return /^[a-z-]+$/i.test(uri) ? src.toLowerCase().startsWith(`${uri.toLowerCase()}:`) : src === uri;
      });
      const n = scriptsSeen[uri] ?? 0;
      scriptsSeen[uri] = n + 1;
      target = same[Math.min(n, same.length - 1)] ?? null;
    }
    send({
      sink: 'csp',
      message: short(`${e.effectiveDirective} ${e.blockedURI}: ${e.sample || ''}`, 300),
      cspTarget: describe(target),
      cspCase: caseOf(target),
    });
  };
  document.addEventListener('securitypolicyviolation', onViolation, true);
}

// The synthetic pass, in one frame: every element gets the events its on* attributes name,
// focus(), click(), a <details> toggle, a form requestSubmit(). Yields now and then so that
// queued tasks (javascript: URLs, timers) run near the element that caused them.
async function syntheticPass({ limit }) {
  const W = window;
  const els = Array.from(document.querySelectorAll('*')).slice(0, limit);
  const yieldNow = () => new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
  let top = W;
  try {
    if (W.top.__xssGuard) top = W.top;
  } catch { /* cross-origin top */ }
  let done = 0;
  for (const el of els) {
    if (!el.isConnected) continue;
    top.__xssCurrent = el;
    done += 1;
    const events = [];
    for (const a of Array.from(el.attributes)) {
      if (a.name.length > 2 && a.name.slice(0, 2).toLowerCase() === 'on') events.push(a.name.slice(2).toLowerCase());
    }
    const onWindow = el.localName === 'body' || el.localName === 'frameset';
    // What runs now runs only because we dispatched the event (phase "dispatch"): an
    // ondrag, oncopy or onload on a <div> never fires by itself.
    top.__xssDispatching = true;
    for (const type of events) {
      try {
        el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
        if (onWindow) W.dispatchEvent(new Event(type, { cancelable: true }));
      } catch { /* an odd name */ }
    }
    top.__xssDispatching = false;
    try { el.focus({ preventScroll: true }); } catch { /* not focusable */ }
    const tag = el.localName;
    const skipClick = tag === 'html' || tag === 'body' || tag === 'head'
      || (tag === 'input' && /^(file|color|date|datetime-local|month|week|time)$/i.test(el.type || ''))
      || tag === 'select' || tag === 'option';
    try {
      if (!skipClick && typeof el.click === 'function') el.click();
      else if (!skipClick) el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    } catch { /* not clickable */ }
    if (tag === 'details') {
      try { el.open = !el.open; } catch { /* no */ }
    }
    if (tag === 'form') {
      try { el.requestSubmit(); } catch { /* invalid */ }
    }
    try { el.blur(); } catch { /* no */ }
    if (events.length || tag === 'a' || tag === 'area' || tag === 'form' || tag === 'button'
      || tag === 'input' || tag === 'details' || done % 25 === 0) {
      await yieldNow();
    }
  }
  top.__xssCurrent = null;
  return done;
}

// ---------------------------------------------------------------------------------------------
// In node.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/// Every HTML page under root, as paths below the base path (folders end in "/").
export function allPages(root) {
  const pages = [];
  const walk = (dir, rel) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${rel}${entry.name}/`);
      else if (entry.name === 'index.html') pages.push(rel);
      else if (entry.name.endsWith('.html')) pages.push(rel + entry.name);
    }
  };
  walk(root, '');
  return pages;
}

/// For the served HTML file of a page: its lines, and for each line (1-based) the last marker
/// at or above it.
function lineCases(root, basePath, pagePath, markerRe) {
  let rel = decodeURIComponent(pagePath.split(/[?#]/)[0]);
  if (rel.startsWith(basePath)) rel = rel.slice(basePath.length);
  let file = path.join(root, rel);
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
  } catch {
    return null;
  }
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = [''].concat(text.split('\n'));
  const cases = [null];
  let last = null;
  for (const line of lines.slice(1)) {
    const re = new RegExp(markerRe, 'g');
    for (let m = re.exec(line); m; m = re.exec(line)) last = m[1];
    cases.push(last);
  }
  return { lines, cases };
}

/// The text of an HTML line with its character references decoded (roughly: enough to find a
/// frame's address written in an attribute).
function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos|colon|lpar|rpar|sol|comma|equals|Tab|NewLine);?/gi, (all, ref) => {
    const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", colon: ':', lpar: '(', rpar: ')', sol: '/', comma: ',', equals: '=', tab: '\t', newline: '\n' };
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return all;
    }
  });
}

/// The line of the page that holds a frame's address (a data: frame cannot name its element).
function frameLine(lines, frameUrl) {
  let wanted = frameUrl;
  try {
    wanted = decodeURIComponent(frameUrl);
  } catch { /* keep it */ }
  wanted = wanted.slice(0, 80);
  if (wanted.length < 12) return null;
  for (let i = 1; i < lines.length; i += 1) {
    if (lines[i].includes(wanted.slice(0, 12)) || lines[i].includes('&')) {
      let line = unescapeHtml(lines[i]);
      try {
        line = decodeURIComponent(line);
      } catch { /* keep it */ }
      if (line.includes(wanted)) return i;
    }
  }
  return null;
}

/// The document line the code ran from, when the stack names the page itself: the outermost
/// such frame (the handler or script the run started from).
function stackLine(stack, pageUrl) {
  if (!stack) return null;
  const bare = pageUrl.split('#')[0];
  let found = null;
  for (const line of stack.split('\n')) {
    const m = line.match(/(https?:\/\/[^\s()]+?):(\d+):(\d+)\)*\s*$/);
    if (m && (m[1] === bare || m[1] === bare.split('?')[0])) found = Number(m[2]);
  }
  return found;
}

/// The frames of a page that can hold the page's or a payload's document: not Chromium's error
/// pages (a refused view-source: frame), which never answer an evaluation.
function scriptable(page) {
  return page.frames().filter((f) => f.url() && !/^(chrome-error|view-source|chrome):/.test(f.url()));
}

/// A browser context for one worker, reused page after page (setting one up costs more than a
/// small page): the recorder binding, the init script and the request filter are the context's;
/// each page and its popups report to the visit that opened it.
async function workerContext(browser, site, opts) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const visits = new Map();
  const visitOf = (page) => (page ? visits.get(page) : undefined);
  await context.exposeBinding('__xssReport', (source, rec) => visitOf(source.page)?.record(rec ?? {}));
  await context.addInitScript(xssInit, { marker: opts.marker });
  await context.route('**/*', (route, request) => {
    let page = null;
    try {
      page = request.frame().page();
    } catch { /* a worker's request */ }
    const visit = visitOf(page);
    let target;
    try {
      target = new URL(request.url());
    } catch {
      return route.continue().catch(() => {});
    }
    if (target.origin === site.origin && target.pathname.startsWith(CANARY)) {
      visit?.record({ sink: 'canary', url: target.pathname + target.search, message: target.pathname.slice(CANARY.length) });
      return route.fulfill({ status: 204 }).catch(() => {});
    }
    if ((target.protocol === 'http:' || target.protocol === 'https:') && target.origin !== site.origin) {
      visit?.note('externalRequests', `${request.resourceType()} ${target.href.slice(0, 200)}`);
      return route.abort('blockedbyclient').catch(() => {});
    }
    let mainNavigation = false;
    try {
      mainNavigation = request.isNavigationRequest() && request.frame() === page.mainFrame();
    } catch { /* no frame */ }
    if (mainNavigation && visit && !visit.state.allowNav) {
      // 204: the browser stays on the page; an aborted navigation would show an error page.
      visit.note('blockedNavigations', `${visit.state.phase}: ${request.url().slice(0, 200)}`);
      return route.fulfill({ status: 204 }).catch(() => {});
    }
    return route.continue().catch(() => {});
  });
  context.on('page', async (p) => {
    const opener = await p.opener().catch(() => null);
    const visit = visitOf(opener);
    if (!visit) return;
    // A popup: it reports to the visit of its opener; let it run a moment (a javascript: URL in
    // it would be recorded), then close it.
    visits.set(p, visit);
    visit.watch(p);
    setTimeout(() => {
      visit.note('popups', p.url().slice(0, 200));
      p.close({ runBeforeUnload: false }).catch(() => {});
      visits.delete(p);
    }, 500);
  });
  return { context, visits };
}

async function visit(worker, site, pagePath, opts, holder) {
  const started = Date.now();
  const url = site.url(pagePath);
  const idRe = new RegExp(opts.id);
  const result = {
    page: pagePath, ok: true, done: false, elements: 0, exercised: { synthetic: 0, trusted: 0, tabs: 0 },
    executions: [], info: { pageErrors: [], blockedNavigations: [], externalRequests: [], popups: [], dialogs: 0 },
    phaseMs: {},
  };
  holder.result = result;
  const state = { phase: 'load', allowNav: true, current: null, lines: undefined };
  let mark = Date.now();
  const phase = (name) => {
    const now = Date.now();
    result.phaseMs[state.phase] = now - mark;
    mark = now;
    state.phase = name;
  };
  const seen = new Map();
  const linesOf = () => {
    if (state.lines === undefined) state.lines = lineCases(site.root, site.basePath, new URL(url).pathname, opts.marker);
    return state.lines;
  };
  const note = (list, item, cap = 20) => {
    result.info[list] ??= [];
    if (result.info[list].length < cap) result.info[list].push(item);
  };
  const record = (rec) => {
    const caller = rec.stack?.split('\n')[0] ?? '';
    if (rec.sink === 'print' && /\bat .*https?:\/\/127\.0\.0\.1:\d+\/\S+\.m?js:\d+:\d+/.test(caller)) {
      note('siteScriptPrint', caller.trim(), 5);
      return;
    }
    // The payload's id: in what it said, else in the element it ran from.
    const text = [rec.message, rec.url, rec.sink === 'csp' ? rec.cspTarget : rec.element].filter(Boolean).join(' ');
    const exec = {
      page: pagePath,
      sink: rec.sink,
      message: rec.message ?? null,
      id: text.match(idRe)?.[0] ?? null,
      case: null,
      caseFrom: null,
      phase: state.phase === 'synthetic' && rec.dispatched ? 'dispatch' : state.phase,
      via: rec.via ?? null,
      element: rec.element ?? null,
      exercised: state.current?.element ?? null,
      frameUrl: rec.frameUrl ?? null,
      line: null,
      stack: rec.stack ?? null,
    };
    // (A report-only violation comes with no usable line: its element says where it is.)
    const line = rec.sink === 'csp' ? null : stackLine(rec.stack, url);
    if (rec.sink === 'csp') {
      exec.element = rec.cspTarget ?? exec.element;
      if (rec.cspCase != null) rec.case = rec.cspCase;
    }
    if (line) {
      exec.line = line;
      const c = linesOf()?.cases[line];
      if (c != null) {
        exec.case = c;
        exec.caseFrom = 'line';
      }
    }
    if (exec.case == null && rec.case != null) {
      exec.case = rec.case;
      exec.caseFrom = rec.via ?? 'element';
    }
    if (exec.case == null && rec.frameUrl && rec.frameUrl !== url && !/^about:/.test(rec.frameUrl) && linesOf()) {
      const at = frameLine(linesOf().lines, rec.frameUrl);
      if (at && linesOf().cases[at] != null) {
        exec.case = linesOf().cases[at];
        exec.caseFrom = 'frame address';
      }
    }
    if (exec.case == null && state.current?.case != null) {
      exec.case = state.current.case;
      exec.caseFrom = 'exercised';
    }
    // A payload on a timer can fire thousands of times: the same firing is counted, not kept.
    const key = [exec.case, exec.id, exec.sink, exec.phase, exec.message].join('\u0001');
    const same = seen.get(key);
    if (same) {
      same.count += 1;
    } else if (seen.size < opts.maxExecutionsPerPage) {
      exec.count = 1;
      seen.set(key, exec);
      result.executions.push(exec);
    } else {
      result.info.executionsDropped = (result.info.executionsDropped ?? 0) + 1;
    }
  };
  const watch = (p) => {
    p.on('dialog', (dialog) => {
      result.info.dialogs += 1;
      record({ sink: `dialog:${dialog.type()}`, message: dialog.message(), via: 'native dialog', frameUrl: p.url() });
      dialog.dismiss().catch(() => {});
    });
    p.on('pageerror', (err) => note('pageErrors', String(err.message).split('\n')[0].slice(0, 200)));
  };
  const self = { state, record, note, watch };

  const main = await worker.context.newPage();
  holder.page = main;
  worker.visits.set(main, self);
  watch(main);
  try {
    result.phaseMs.setup = Date.now() - mark;
    // A document of its own in the tab (a refresh to a javascript: URL leaves about:blank#blocked)
    // means the page was not exercised to the end.
    const target = new URL(url);
    main.on('framenavigated', (frame) => {
      if (frame !== main.mainFrame() || state.allowNav) return;
      let now;
      try {
        now = new URL(frame.url());
      } catch {
        now = { origin: '', pathname: frame.url() };
      }
      if (now.origin !== target.origin || now.pathname !== target.pathname) result.navigatedAway ??= frame.url().slice(0, 200);
    });
    await main.goto(url, { waitUntil: 'load', timeout: opts.pageTimeout });
    state.allowNav = false;
    phase('settle');
    await sleep(opts.settle);

    if (opts.inspect) result.inspect = await main.evaluate(opts.inspect).catch((err) => ({ error: String(err.message) }));
    if (opts.expectText) {
      // The text must be in a paragraph the parser saw as such: nothing before it (a payload
      // left open) swallowed the rest of the page.
      result.expectedText = await main.evaluate((text) => Array.from(document.querySelectorAll('p'))
        .some((p) => p.textContent.trim() === text), opts.expectText).catch(() => false);
    }

    // Synthetic pass, in every frame.
    phase('synthetic');
    for (const frame of scriptable(main)) {
      try {
        // A frame that never answers (an error page, a renderer stuck in a loop) must not take
        // the whole page's time.
        const evaluation = frame.evaluate(syntheticPass, { limit: opts.maxSynthetic });
        result.exercised.synthetic += await withTimeout(evaluation, frame === main.mainFrame() ? opts.pageTimeout : opts.frameTimeout, 'the synthetic pass');
      } catch (err) {
        note('pageErrors', `synthetic pass in ${frame.url().slice(0, 80)}: ${String(err.message).split('\n')[0]}`);
      }
    }
    result.elements = await main.evaluate(() => document.querySelectorAll('*').length).catch(() => 0);

    // Trusted pass: real mouse hover (and click), viewport by viewport.
    phase('trusted');
    await trustedPass(main, state, result, opts);

    // Tab through the page.
    phase('tab');
    state.current = null;
    await main.evaluate(() => {
      window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    }).catch(() => {});
    const focusable = await main.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex], [contenteditable], summary, iframe, object, embed, area, audio[controls], video[controls]').length).catch(() => 0);
    const tabs = Math.min(focusable + 5, opts.maxTabs);
    const cdp = await main.context().newCDPSession(main);
    const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
    const pressed = [];
    for (let i = 0; i < tabs; i += 1) {
      pressed.push(input(cdp, 'key', { type: 'rawKeyDown', ...tab }));
      pressed.push(input(cdp, 'key', { type: 'keyUp', ...tab }));
    }
    result.exercised.tabs = (await Promise.all(pressed)).filter((a) => a === true).length / 2;
    await cdp.detach().catch(() => {});

    // Timers, then globals left behind.
    phase('timers');
    await sleep(opts.settle);
    for (const frame of scriptable(main)) {
      const left = await withTimeout(frame.evaluate(() => {
        const out = {};
        try { if (window.__xss !== undefined) out.global = String(window.__xss); } catch { /* no */ }
        try { if (window.__xssLost) out.lost = window.__xssLost; } catch { /* no */ }
        return out;
      }), opts.frameTimeout, 'reading a frame').catch(() => ({}));
      if (left.global !== undefined) record({ sink: 'global', message: left.global, frameUrl: frame.url() });
      for (const rec of left.lost ?? []) record(rec);
    }
    phase('end');
    result.done = true;
  } finally {
    await main.close({ runBeforeUnload: false }).catch(() => {});
    worker.visits.delete(main);
    result.ms = Date.now() - started;
  }
  if (result.navigatedAway) {
    result.done = false;
    result.error = `the page left for ${result.navigatedAway}: what came after was not exercised`;
  }
  result.ok = result.done && result.executions.length === 0;
  return result;
}

/// One input event through the DevTools protocol: true, or why it failed.
function input(cdp, kind, params) {
  const method = kind === 'mouse' ? 'Input.dispatchMouseEvent' : 'Input.dispatchKeyEvent';
  return cdp.send(method, params).then(() => true, (err) => String(err.message).split('\n')[0].slice(0, 200));
}

/// The events of one trusted interaction at a point: the move (hover), a press and release (a
/// click; it also keeps Chromium from merging the moves, which would skip hovers), and a key
/// when the target is editable.
function interact(cdp, item) {
  const at = { x: item.x, y: item.y };
  const sent = [
    input(cdp, 'mouse', { type: 'mouseMoved', ...at }),
    input(cdp, 'mouse', { type: 'mousePressed', ...at, button: 'left', buttons: 1, clickCount: 1 }),
    input(cdp, 'mouse', { type: 'mouseReleased', ...at, button: 'left', buttons: 0, clickCount: 1 }),
  ];
  if (item.editable) {
    sent.push(input(cdp, 'key', { type: 'keyDown', key: 'x', code: 'KeyX', text: 'x', windowsVirtualKeyCode: 88 }));
    sent.push(input(cdp, 'key', { type: 'keyUp', key: 'x', code: 'KeyX', windowsVirtualKeyCode: 88 }));
  }
  return sent;
}

async function trustedPass(page, state, result, opts) {
  const ex = result.exercised;
  Object.assign(ex, { trusted: 0, trustedCovered: 0, trustedRetried: 0, trustedUnreached: 0 });
  const cdp = await page.context().newCDPSession(page);
  // Elements with a box, ordered by where they are on the page from the top, so that the page
  // is swept one viewport at a time. A listener notes which elements really got the press, to
  // retry those a change of layout made the sweep miss.
  const total = await page.evaluate((limit) => {
    const els = [];
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    for (const el of document.querySelectorAll('body *')) {
      const tag = el.localName;
      if (tag === 'select' || tag === 'option' || tag === 'script' || tag === 'style'
        || (tag === 'input' && /^(file|color|date|datetime-local|month|week|time)$/i.test(el.type || ''))) continue;
      const { r, y } = window.__xssPointOf(el);
      if (r.width < 1 || r.height < 1) continue;
      els.push({ el, y });
      if (els.length >= limit) break;
    }
    els.sort((a, b) => a.y - b.y);
    window.__xssEls = els.map((e) => e.el);
    window.__xssHit = new Set();
    window.__xssPlanned = [];
    window.__xssDown = new WeakSet();
    addEventListener('mousedown', (e) => window.__xssDown.add(e.target), true);
    return els.length;
  }, opts.maxTrusted).catch(() => 0);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  let next = 0;
  for (let round = 0; next < total && round < 200; round += 1) {
    // Bring the next element near the top and take it and every following one that is then in
    // the viewport. A point that hits an element already done is skipped: the same events at
    // the same target (an element's point often lands on a child already done; events bubble
    // to the parents).
    let batch;
    try {
      batch = await page.evaluate(({ from, height, width }) => {
        const els = window.__xssEls;
        if (els[from].isConnected) window.scrollBy({ top: window.__xssPointOf(els[from]).y - 20, behavior: 'instant' });
        const items = [];
        let covered = 0;
        let i = from;
        for (; i < els.length; i += 1) {
          const el = els[i];
          if (!el.isConnected) continue;
          const { r, x, y } = window.__xssPointOf(el);
          if (i > from && y >= height) break;
          if (x < 0 || x >= width || y < 0 || y >= height || r.width < 1 || r.height < 1) continue;
          const hit = document.elementFromPoint(x, y) || el;
          if (window.__xssHit.has(hit)) {
            covered += 1;
            continue;
          }
          window.__xssHit.add(hit);
          const todo = window.__xssPlan(hit);
          window.__xssPlanned.push({ el: hit, ...todo });
          items.push({ x, y, ...todo, element: window.__xssDescribe ? window.__xssDescribe(hit) : hit.localName,
            case: window.__xssCaseOf ? window.__xssCaseOf(hit) : null });
        }
        return { items, covered, end: Math.max(i, from + 1) };
      }, { from: next, height: viewport.height, width: viewport.width });
    } catch (err) {
      result.info.trustedStopped = String(err.message).split('\n')[0].slice(0, 200);
      break;
    }
    // Sent without waiting for each answer (in order on one session): a round trip per event
    // costs ~20 ms an element on two busy cores.
    const sent = batch.items.flatMap((item) => interact(cdp, item));
    state.current = batch.items.at(-1) ?? null;
    const failed = (await Promise.all(sent)).find((a) => a !== true);
    ex.trusted += batch.items.length;
    ex.trustedCovered += batch.covered;
    if (failed) {
      result.info.trustedStopped = failed;
      break;
    }
    next = batch.end;
  }
  // Targets that a click earlier in the sweep moved (a <details> closing, a text size change)
  // did not get their events: one at a time, scrolled to and checked first.
  const retry = await page.evaluate((cap) => {
    window.__xssRetry = window.__xssPlanned
      .filter((p) => p.el.isConnected && !window.__xssDown.has(p.el))
      .slice(0, cap);
    return window.__xssRetry.length;
  }, opts.maxRetries).catch(() => 0);
  for (let i = 0; i < retry; i += 1) {
    const item = await page.evaluate(({ i, height, width }) => {
      const p = window.__xssRetry[i];
      p.el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const { x, y } = window.__xssPointOf(p.el);
      if (x < 0 || x >= width || y < 0 || y >= height) return null;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === p.el || p.el.contains(hit))) return null;
      return { x, y, editable: p.editable, element: window.__xssDescribe ? window.__xssDescribe(p.el) : '',
        case: window.__xssCaseOf ? window.__xssCaseOf(p.el) : null };
    }, { i, height: viewport.height, width: viewport.width }).catch(() => null);
    if (!item) {
      ex.trustedUnreached += 1;
      continue;
    }
    state.current = item;
    await Promise.all(interact(cdp, item));
    ex.trustedRetried += 1;
  }
  state.current = null;
  await input(cdp, 'mouse', { type: 'mouseMoved', x: 1, y: 1 });
  await cdp.detach().catch(() => {});
}

/// Serves `root` and checks `pages`; returns the report object.
export async function checkPages(options) {
  const opts = { ...DEFAULTS, maxSynthetic: 5000, maxExecutionsPerPage: 2000, maxRetries: 60, frameTimeout: 5000, ...options };
  const started = Date.now();
  const { chromium } = require('playwright-core');
  const server = await startServer(opts.root, opts.basePath, {}, { 'Content-Security-Policy-Report-Only': CSP });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const site = { origin, root: opts.root, basePath: opts.basePath, url: (rel) => origin + opts.basePath + rel.replace(/^\//, '') };
  const browser = await chromium.launch({
    executablePath: opts.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const queue = [...opts.pages];
  const results = [];
  const skipped = [];
  const onPage = opts.onPage ?? (() => {});
  const work = async () => {
    let worker = null;
    while (queue.length) {
      const pagePath = queue.shift();
      if (Date.now() - started > opts.budget) {
        skipped.push(pagePath);
        continue;
      }
      let res;
      const holder = {};
      try {
        worker ??= await workerContext(browser, site, opts);
        res = await withTimeout(visit(worker, site, pagePath, opts, holder), opts.pageTimeout, pagePath);
      } catch (err) {
        // What the page recorded before it hung or failed still counts. The context may be
        // stuck with it: the next page gets a new one.
        await holder.page?.close({ runBeforeUnload: false }).catch(() => {});
        await worker?.context.close().catch(() => {});
        worker = null;
        res = holder.result ?? { page: pagePath, elements: 0, exercised: { synthetic: 0, trusted: 0, tabs: 0 },
          executions: [], info: {} };
        res.ok = false;
        res.done = false;
        res.error = String(err.message).split('\n')[0];
        res.ms = res.ms ?? opts.pageTimeout;
      }
      results.push(res);
      onPage(res);
    }
    await worker?.context.close().catch(() => {});
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, work));
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  results.sort((a, b) => opts.pages.indexOf(a.page) - opts.pages.indexOf(b.page));
  const executions = results.flatMap((r) => r.executions);
  const sum = (f) => results.reduce((n, r) => n + f(r), 0);
  const complete = skipped.length === 0 && results.every((r) => r.done);
  return {
    ok: complete && executions.length === 0,
    complete,
    pages: results.map(({ executions: e, ...rest }) => ({ ...rest, executions: e.length })),
    skipped,
    elements: sum((r) => r.elements),
    exercised: {
      synthetic: sum((r) => r.exercised.synthetic),
      trusted: sum((r) => r.exercised.trusted),
      tabs: sum((r) => r.exercised.tabs),
    },
    executions,
    durationMs: Date.now() - started,
  };
}

function usage(message) {
  console.error(`xss.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { pages: [], all: false };
  const numbers = { '--concurrency': 'concurrency', '--page-timeout': 'pageTimeout', '--budget': 'budget',
    '--settle': 'settle', '--max-trusted': 'maxTrusted', '--max-tabs': 'maxTabs' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--all') {
      args.all = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag} needs a value`);
    i += 1;
    if (numbers[flag]) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) usage(`${flag} needs a number`);
      args[numbers[flag]] = n;
      continue;
    }
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--page': args.pages.push(value.replace(/^\//, '')); break;
      case '--chromium': args.chromium = value; break;
      case '--marker': args.marker = value; break;
      case '--id': args.id = value; break;
      case '--expect-text': args.expectText = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  if (!args.root || !statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) usage('--root must be a built site');
  if (!args.basePath?.startsWith('/') || !args.basePath.endsWith('/')) usage('--base-path must start and end with "/"');
  if (args.all) for (const p of allPages(args.root)) if (!args.pages.includes(p)) args.pages.push(p);
  if (!args.pages.length) usage('give --page or --all');
  return args;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  try {
    require.resolve('playwright-core');
  } catch {
    usage('playwright-core is not installed; run bash tests/setup.sh');
  }
  const report = await checkPages(args);
  // Written before exiting: a pipe takes large writes asynchronously.
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(report.ok ? 0 : 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`xss.mjs: ${err.stack || err}`);
    process.exit(2);
  });
}
