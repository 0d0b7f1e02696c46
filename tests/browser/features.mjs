#!/usr/bin/env node
// features.mjs — drives the reader features of a built bantin site in headless Chromium.
//
//   node tests/browser/features.mjs --root OUT --base-path /lhhn-angiang/ --check search
//        [--check counter-off] [--check counter-broken] [--check text-size] [--check keyboard]
//        [--check axe --page / --page /tin-tuc/x/ ...] [--check album --page /thu-vien-anh/x/]
//        [--serve-url URL --check counter-live]
//        [--serve-url URL --check overlay]
//        [--chromium /usr/bin/chromium]
//
// OUT is served by tests/browser/static-server.mjs under --base-path, plus two test endpoints a
// site can name as its visitor counter: /__test/counter-garbage (200 with a body that is not the
// counter's JSON) and /__test/counter-500 (a server error). --serve-url is a running
// `bantin serve` (for counter-live, whose numbers come from the server's own endpoint, and for
// overlay, which reads the error overlay a broken build puts over the last good page).
//
// Every check runs in a fresh browser context and fails on any console error, uncaught
// exception or failed same-origin request, besides its own assertions. The report is one JSON
// object on stdout: {ok, results: [{check, ok, problems, details}]}.
// Exit status: 0 all checks passed, 1 one failed, 2 bad arguments or setup.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './static-server.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const CHECKS = ['search', 'counter-off', 'counter-broken', 'counter-live', 'overlay', 'text-size', 'keyboard', 'axe', 'album'];

function usage(message) {
  console.error(`features.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { checks: [], pages: [], chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--check': args.checks.push(value); break;
      case '--page': args.pages.push(value); break;
      case '--serve-url': args.serveUrl = value; break;
      case '--chromium': args.chromium = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  for (const c of args.checks) if (!CHECKS.includes(c)) usage(`unknown check ${c}`);
  if (!args.checks.length) usage(`give at least one --check (${CHECKS.join(', ')})`);
  if (!args.root || !statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) usage('--root must be a built site');
  if (!args.basePath?.startsWith('/') || !args.basePath.endsWith('/')) usage('--base-path must start and end with "/"');
  for (const c of ['counter-live', 'overlay']) {
    if (args.checks.includes(c) && !args.serveUrl) usage(`${c} needs --serve-url`);
  }
  return args;
}

/// Vietnamese-aware comparison form for assertions: NFC and lower case.
const nfc = (s) => s.normalize('NFC').toLowerCase();

/// The plain text of an article as built, read from disk: its <article> element only (title,
/// lead, body, tags), not the header, sidebar or footer every page shares.
function pageText(root, basePath, href) {
  const rel = decodeURIComponent(new URL(href, 'http://x').pathname).slice(basePath.length);
  const html = readFileSync(path.join(root, rel, 'index.html'), 'utf8');
  const start = html.indexOf('<article class="article"');
  const end = html.indexOf('</article>', start);
  const own = start >= 0 && end > start ? html.slice(start, end) : html;
  return nfc(own.replace(/<[^>]+>/g, ' '));
}

/// A fresh context and page that record what went wrong. `network` collects, instead of
/// failing on, the one line Chromium itself logs when a request to `quietUrl` fails
/// ("Failed to load resource: …"): the browser writes it for any failed request, no page script
/// can prevent it, and it is not the page's own error.
async function open(browser, origin, quietUrl = null, device = { viewport: { width: 1280, height: 900 } }) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const network = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (quietUrl && msg.location()?.url === quietUrl && msg.text().startsWith('Failed to load resource:')) {
      network.push(msg.text());
    } else {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req) => requests.push({ url: req.url(), method: req.method() }));
  page.on('requestfailed', (req) => {
    // A request the browser gave up because the page moved on (a search result opened while
    // the results' photos still load, on a busy machine) is not the site's failure.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (req.url().startsWith(origin)) problems.push(`request failed: ${req.url()}`);
  });
  return { context, page, problems, requests, network };
}

// Opens the preview's page. In two CI runs (issues 18 and 19) Chromium got no DOMContentLoaded
// from the preview within 60 s while other browser tests ran beside it; it never happened when
// the test ran alone or in a loop beside others.
// So on a timeout the server is asked directly (outside the browser) how fast it answers the
// same address, and the browser tries once more: a preview that does not answer fails both, and
// the report says which it was (`details.preview_goto`).
async function gotoPreview(page, url, details) {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    return;
  } catch (err) {
    const started = Date.now();
    let probe;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
      const body = await res.text();
      probe = { status: res.status, bytes: body.length, ms: Date.now() - started };
    } catch (e) {
      probe = { error: String(e), ms: Date.now() - started };
    }
    details.preview_goto = { first: String(err).split('\n')[0], probe };
  }
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
}

const checks = {
  // The header box → /tim-kiem/?q=huu+nghi lists articles holding "hữu nghị"; a result opens;
  // "đường" lists the articles with that exact word before those with dương/đương/dưỡng.
  async search({ browser, site, args }) {
    const { context, page, problems } = await open(browser, site.origin);
    const details = {};
    await page.goto(site.url(''));
    await page.fill('#o-tim-kiem', 'huu nghi');
    await Promise.all([page.waitForURL(/tim-kiem\/\?q=huu/), page.press('#o-tim-kiem', 'Enter')]);
    const results = async () => {
      await page.waitForSelector('#search-results[data-search-state="done"]', { timeout: 15000 });
      // "Xem thêm kết quả" until every result is on the page.
      for (let i = 0; i < 50 && await page.isVisible('#search-more'); i += 1) {
        const before = await page.$$eval('#search-results > li', (items) => items.length);
        await page.click('#search-more');
        await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
      }
      return page.$$eval('#search-results > li', (items) => items.map((item) => ({
        href: item.querySelector('a')?.href ?? '',
        title: item.querySelector('a')?.textContent.trim() ?? '',
        marks: Array.from(item.querySelectorAll('mark'), (m) => m.textContent),
      })));
    };
    const found = await results();
    details.huuNghi = found.length;
    if (found.length < 3) problems.push(`"huu nghi" found ${found.length} articles, expected many`);
    for (const r of found) {
      if (!pageText(args.root, args.basePath, r.href).includes('hữu nghị')) {
        problems.push(`"huu nghi" listed ${r.href}, which does not contain "hữu nghị"`);
      }
    }
    if (found.length && !found.some((r) => r.marks.some((m) => /^h[ữu]u$|^ngh[ịi]$/i.test(nfc(m)) || /hữu nghị/i.test(nfc(m))))) {
      problems.push('no result highlights the matched words with <mark>');
    }
    const status = await page.textContent('#search-status');
    details.status = status;
    if (found.length && !status.includes(String(found.length)) && !/\d/.test(status)) {
      problems.push(`the status line does not give the number of results: ${status}`);
    }
    if (found.length) {
      const first = found[0];
      await Promise.all([page.waitForURL(first.href), page.click('#search-results > li a')]);
      const h1 = nfc(await page.textContent('h1'));
      details.opened = { url: page.url(), h1 };
      if (h1.trim() !== nfc(first.title)) problems.push(`clicking "${first.title}" opened a page titled "${h1}"`);
    }

    // Exact tone first. The index folds "đường" to "duong", which also matches dương, đương…
    await page.goto(site.url('tim-kiem/?q=' + encodeURIComponent('đường')));
    const road = await results();
    const exact = road.map((r) => /(^|[^\p{L}])đường([^\p{L}]|$)/u.test(pageText(args.root, args.basePath, r.href)));
    details.duong = exact;
    const firstOther = exact.indexOf(false);
    if (firstOther === -1 || !exact.includes(true)) {
      problems.push(`"đường" should list both exact and other-tone matches, got ${JSON.stringify(exact)}`);
    } else if (exact.slice(firstOther).includes(true)) {
      problems.push(`"đường": an article without the exact word ranks above one with it: ${JSON.stringify(exact)}`);
    }

    // Typed in NFD (as some Vietnamese keyboards send it), the query finds the same articles.
    await page.goto(site.url('tim-kiem/?q=' + encodeURIComponent('hữu nghị'.normalize('NFD'))));
    const nfd = await results();
    details.nfd = nfd.length;
    if (nfd.length < 3) problems.push(`the NFD query "hữu nghị" found ${nfd.length} articles`);
    await context.close();
    return { problems, details };
  },

  // No endpoint: the box says no counter is connected, and nothing is sent anywhere.
  async ['counter-off']({ browser, site }) {
    const { context, page, problems, requests } = await open(browser, site.origin);
    await page.goto(site.url(''));
    await page.waitForLoadState('networkidle');
    const note = await page.textContent('[data-counter] .counter-note');
    const listVisible = await page.isVisible('[data-counter] .counter-list');
    if (!/chưa kết nối/.test(note)) problems.push(`the counter box says "${note}"`);
    if (listVisible) problems.push('the counter shows numbers without a counting service');
    const posts = requests.filter((r) => r.method !== 'GET');
    if (posts.length) problems.push(`requests sent without a counter: ${JSON.stringify(posts)}`);
    await context.close();
    return { problems, details: { note } };
  },

  // An endpoint that answers garbage, an error or nothing: the honest fallback, no console
  // error from the page, and no further request in the same browser session.
  async ['counter-broken']({ browser, site }) {
    const home = readFileSync(path.join(site.root, 'index.html'), 'utf8');
    const target = home.match(/data-endpoint="([^"]+)"/)?.[1];
    if (!target) return { problems: ['the site under test has no counter endpoint'], details: {} };
    const absolute = new URL(target.replace(/&amp;/g, '&'), site.url('')).href;
    const { context, page, problems, requests, network } = await open(browser, site.origin, absolute);
    await page.goto(site.url(''));
    await page.waitForFunction(() => /Chưa lấy được/.test(document.querySelector('[data-counter] .counter-note')?.textContent ?? ''), null, { timeout: 15000 })
      .catch(() => problems.push('the box never showed the fallback'));
    const shown = await page.isVisible('[data-counter] .counter-list');
    if (shown) problems.push('numbers shown from a broken counter');
    const hits = () => requests.filter((r) => r.url === absolute).length;
    const first = hits();
    await page.goto(site.url('luu-tru/'));
    await page.waitForLoadState('networkidle');
    const note = await page.textContent('[data-counter] .counter-note');
    if (!/Chưa lấy được/.test(note)) problems.push(`on the next page the box says "${note}"`);
    if (hits() !== first) problems.push(`the next page asked the broken counter again (${hits()} requests)`);
    if (first !== 1) problems.push(`the first page sent ${first} counter requests, expected 1`);
    await context.close();
    if (network.length > first) problems.push(`more browser network errors than counter requests: ${network}`);
    return { problems, details: { endpoint: absolute, requests: first, note, browserNetworkLog: network } };
  },

  // bantin serve counts the preview's visits; the box shows its numbers.
  async ['counter-live']({ browser, args }) {
    const origin = new URL(args.serveUrl).origin;
    const { context, page, problems } = await open(browser, origin);
    // The box is what is checked, not the page's every resource: wait for the document, then
    // for the box (the full "load" event has run past 30 s on a 2-core machine under load).
    const opened = {};
    await gotoPreview(page, args.serveUrl, opened);
    await page.waitForSelector('[data-counter] .counter-list:not([hidden])', { timeout: 30000 })
      .catch(() => problems.push('the counter box never showed numbers'));
    const shown = await page.$$eval('[data-count]', (cells) => Object.fromEntries(
      cells.map((c) => [c.getAttribute('data-count'), c.textContent.trim()])));
    const server = await page.evaluate(async () => (await fetch('/__bantin/counter')).json());
    for (const key of ['online', 'today', 'week', 'month', 'total']) {
      const n = Number(String(shown[key]).replace(/\./g, ''));
      if (!Number.isInteger(n) || n < 1) problems.push(`"${key}" shows ${shown[key]}`);
      if (n !== server[key]) problems.push(`"${key}" shows ${shown[key]} but the server counts ${server[key]}`);
    }
    await context.close();
    return { problems, details: { shown, server, ...opened } };
  },

  // The preview of a broken site: the last good page, and over it an alert that a person sees
  // and a screen reader announces, with the build's errors. The details give its heading and
  // text as shown (for the caller to check their language) and the page's own heading under it.
  async overlay({ browser, args }) {
    const origin = new URL(args.serveUrl).origin;
    const { context, page, problems } = await open(browser, origin);
    const opened = {};
    await gotoPreview(page, args.serveUrl, opened);
    const overlay = page.locator('#bantin-error');
    await overlay.waitFor({ state: 'visible', timeout: 30000 })
      .catch(() => problems.push('no visible #bantin-error overlay'));
    const details = await page.evaluate(() => {
      const box = document.getElementById('bantin-error');
      if (!box) return { found: false };
      const rect = box.getBoundingClientRect();
      return {
        found: true,
        role: box.getAttribute('role'),
        lang: box.getAttribute('lang') || document.documentElement.lang,
        heading: (box.querySelector('p, h1, h2')?.innerText || '').trim(),
        text: box.innerText,
        covers: rect.width >= window.innerWidth * 0.9 && rect.height >= window.innerHeight * 0.9,
        pageTitle: document.title,
      };
    });
    if (details.found && details.role !== 'alert') problems.push(`the overlay's role is ${details.role}, not alert`);
    if (details.found && !details.covers) problems.push('the overlay does not cover the page');
    await context.close();
    return { problems, details: { ...details, ...opened } };
  },

  // A−/A/A+ changes the article text size, is remembered across pages, A resets.
  async ['text-size']({ browser, site, args }) {
    const { context, page, problems } = await open(browser, site.origin);
    const article = firstArticle(args);
    await page.goto(site.url(article));
    const size = () => page.$eval('.article-content p', (p) => parseFloat(getComputedStyle(p).fontSize));
    const before = await size();
    await page.click('[data-text-size] [data-step="1"]');
    await page.click('[data-text-size] [data-step="1"]');
    const bigger = await size();
    await page.reload();
    const remembered = await size();
    await page.click('[data-text-size] [data-step="0"]');
    const reset = await size();
    const details = { before, bigger, remembered, reset };
    if (!(bigger > before * 1.2)) problems.push(`A+ twice: ${before}px → ${bigger}px`);
    if (Math.abs(remembered - bigger) > 0.01) problems.push(`after a reload the size is ${remembered}px, not ${bigger}px`);
    if (Math.abs(reset - before) > 0.01) problems.push(`"A" gave ${reset}px, not ${before}px`);
    await context.close();
    return { problems, details };
  },

  // Everything is reachable by keyboard: the skip link comes first and moves focus into the
  // main column; Tab reaches the search box, the text-size and share controls.
  async keyboard({ browser, site, args }) {
    const { context, page, problems } = await open(browser, site.origin);
    await page.goto(site.url(firstArticle(args)));
    const seen = [];
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const el = document.activeElement;
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}|${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}`;
      }));
    }
    if (!seen[0]?.includes('Bỏ qua')) problems.push(`the first Tab stop is ${seen[0]}, not the skip link`);
    for (const want of ['#o-tim-kiem', 'tăng cỡ chữ', 'in bài viết', 'facebook', 'sao chép liên kết']) {
      if (!seen.some((s) => s.toLowerCase().includes(want))) problems.push(`Tab never reaches ${want}`);
    }
    // The skip link moves the reader past the header and menu.
    await page.goto(site.url(firstArticle(args)));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => !!document.activeElement.closest('#noi-dung'));
    if (!after) problems.push('after the skip link, Tab does not land in the main column');
    await context.close();
    return { problems, details: { stops: seen.slice(0, 25) } };
  },

  // The lightbox of the album page (the first --page) on a phone, 390×844 with touch: Tab to
  // the first thumbnail and Enter open a modal dialog named after the album with "1/N" and the
  // first caption; → shows the second photo (loaded, and not the largest copy), ← goes back;
  // Tab stays on the dialog's three buttons; Escape closes it and focus is back on the
  // thumbnail; a swipe to the left moves to the next photo.
  async album({ browser, site, args }) {
    const wanted = args.pages[0];
    if (!wanted) return { problems: ['the album check needs --page with an album page'], details: {} };
    const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
    const { context, page, problems } = await open(browser, site.origin, null, phone);
    const details = {};
    await page.goto(site.url(wanted.replace(/^\//, '')));
    await page.waitForLoadState('load');
    const thumbs = await page.$$eval('[data-album] a.album-thumb', (links) => links.map((a) => ({
      caption: a.getAttribute('data-caption') || '', href: a.href,
    })));
    const n = thumbs.length;
    details.photos = n;
    if (n < 3) {
      await context.close();
      return { problems: [`the album page has ${n} thumbnails, the check needs at least 3`], details };
    }
    const state = () => page.evaluate(() => {
      const d = document.querySelector('dialog.lightbox');
      const live = d?.querySelector('[aria-live]');
      const img = d?.querySelector('img');
      const el = document.activeElement;
      return {
        open: !!d?.open,
        modal: d ? d.matches(':modal') : false,
        name: d?.getAttribute('aria-label') || '',
        status: (live?.textContent || '').replace(/\s+/g, ' ').trim(),
        live: live?.getAttribute('aria-live') || '',
        src: img?.currentSrc || '',
        naturalWidth: img?.naturalWidth || 0,
        focus: `${el.tagName.toLowerCase()}|${(el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40)}`,
        focusInside: !!d && d.contains(el),
        focusOnFirst: el === document.querySelector('[data-album] a.album-thumb'),
      };
    });
    const loaded = (what) => page.waitForFunction(() => {
      const img = document.querySelector('dialog.lightbox img');
      return !!img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 10000 }).catch(() => problems.push(`${what}: the photo in the dialog never loaded`));
    const name = (href) => decodeURIComponent(href.split('/').pop()).replace(/\.[a-z]+$/i, '');

    let reached = false;
    for (let i = 0; i < 120 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement === document.querySelector('[data-album] a.album-thumb'));
    }
    if (!reached) problems.push('Tab never reaches the first thumbnail');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.lightbox[open]', { timeout: 5000 })
      .catch(() => problems.push('Enter on the first thumbnail opened no dialog'));
    await loaded('first photo');
    const first = await state();
    details.first = first;
    if (!first.open || !first.modal) problems.push('the dialog is not open as a modal');
    if (!first.name) problems.push('the dialog has no accessible name');
    if (first.live !== 'polite') problems.push(`the position and caption are not announced politely (aria-live="${first.live}")`);
    if (!first.status.includes(`1/${n}`)) problems.push(`the dialog says "${first.status}", not 1/${n}`);
    if (thumbs[0].caption && !first.status.includes(thumbs[0].caption)) problems.push(`the first caption is missing: "${first.status}"`);
    if (!first.src.includes(name(thumbs[0].href))) problems.push(`the dialog shows ${first.src}, not the first photo`);
    if (!first.focusInside) problems.push(`focus is not in the dialog once open (${first.focus})`);

    await page.keyboard.press('ArrowRight');
    await loaded('second photo');
    const second = await state();
    details.second = second;
    if (!second.status.includes(`2/${n}`)) problems.push(`after → the dialog says "${second.status}", not 2/${n}`);
    if (thumbs[1].caption && !second.status.includes(thumbs[1].caption)) problems.push(`after → the second caption is missing: "${second.status}"`);
    if (!second.src.includes(name(thumbs[1].href))) problems.push(`after → the dialog shows ${second.src}, not the second photo`);
    // A 390 px phone gets a copy for its width, not the largest one (when the build made copies).
    const widths = await page.$$eval('[data-album] a.album-thumb img[srcset]', (imgs) => imgs.slice(0, 1)
      .flatMap((img) => img.getAttribute('srcset').split(',').map((c) => parseInt(c.trim().split(/\s+/)[1], 10))));
    details.copies = widths;
    if (widths.length > 1 && second.naturalWidth >= Math.max(...widths)) problems.push(`a 390 px phone loaded the largest copy (${second.naturalWidth} px)`);

    await page.keyboard.press('ArrowLeft');
    const back = await state();
    if (!back.status.includes(`1/${n}`)) problems.push(`after ← the dialog says "${back.status}", not 1/${n}`);

    const stops = [];
    for (let i = 0; i < 7; i += 1) {
      await page.keyboard.press(i === 6 ? 'Shift+Tab' : 'Tab');
      stops.push(await state());
    }
    details.tabStops = stops.map((s) => s.focus);
    if (stops.some((s) => !s.focusInside)) problems.push(`Tab leaves the dialog: ${details.tabStops.join(', ')}`);
    for (const want of ['Ảnh trước', 'Ảnh sau', 'Đóng']) {
      if (!stops.some((s) => s.focus.startsWith('button|') && s.focus.includes(want))) problems.push(`Tab never reaches the "${want}" button`);
      const buttons = await page.getByRole('button', { name: want, exact: true }).count();
      if (buttons !== 1) problems.push(`${buttons} buttons are named "${want}"`);
    }

    await page.keyboard.press('Escape');
    const closed = await state();
    details.closed = closed;
    if (closed.open) problems.push('Escape did not close the dialog');
    if (!closed.focusOnFirst) problems.push(`after Escape focus is on ${closed.focus}, not the first thumbnail`);

    await page.tap('[data-album] a.album-thumb >> nth=0');
    await page.waitForSelector('dialog.lightbox[open]', { timeout: 5000 })
      .catch(() => problems.push('a tap on the first thumbnail opened no dialog'));
    await loaded('photo before the swipe');
    const cdp = await context.newCDPSession(page);
    const y = 300;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 320, y }] });
    for (const x of [280, 220, 160, 100]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await loaded('photo after the swipe');
    const swiped = await state();
    details.swiped = swiped.status;
    if (!swiped.status.includes(`2/${n}`)) problems.push(`a swipe to the left shows "${swiped.status}", not 2/${n}`);
    await context.close();
    return { problems, details };
  },

  // axe-core: no WCAG 2.1 A/AA violation on each --page.
  async axe({ browser, site, args }) {
    const axePath = require.resolve('axe-core/axe.min.js');
    const problems = [];
    const details = {};
    for (const wanted of args.pages) {
      const { context, page, problems: own } = await open(browser, site.origin);
      await page.goto(site.url(wanted.replace(/^\//, '')));
      if (wanted.includes('?q=')) {
        // A search page is checked with its results on screen.
        await page.waitForSelector('#search-results[data-search-state]', { timeout: 15000 })
          .catch(() => own.push('the search never finished'));
      }
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      details[wanted] = { passes: result.passes.length, violations: result.violations.length };
      for (const v of result.violations) {
        problems.push(`${wanted}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      }
      problems.push(...own.filter((p) => !p.includes('404')).map((p) => `${wanted}: ${p}`));
      await context.close();
    }
    return { problems, details };
  },
};

/// The first article the home page lists, as a path below the base path.
function firstArticle(args) {
  const home = readFileSync(path.join(args.root, 'index.html'), 'utf8');
  const match = home.match(new RegExp(`href="${args.basePath}(tin-tuc/[^"/]+/)"`));
  if (!match) usage('the home page links no article');
  return match[1];
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    usage('playwright-core is not installed; run bash tests/setup.sh');
  }
  const routes = {
    '/__test/counter-garbage': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>không phải JSON</p>'),
    '/__test/counter-500': (req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"online":1}'),
  };
  const server = await startServer(args.root, args.basePath, routes);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const site = { origin, root: args.root, url: (rel) => origin + args.basePath + rel };
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const check of args.checks) {
      let outcome;
      try {
        outcome = await checks[check]({ browser, site, args });
      } catch (err) {
        outcome = { problems: [`the check crashed: ${String(err.message).split('\n')[0]}`], details: {} };
      }
      results.push({ check, ok: outcome.problems.length === 0, ...outcome });
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ok = results.every((r) => r.ok);
  console.log(JSON.stringify({ ok, results }, null, 2));
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`features.mjs: ${err.stack || err}`);
  process.exit(2);
});
