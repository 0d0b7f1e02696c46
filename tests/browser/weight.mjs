#!/usr/bin/env node
// weight.mjs — what a phone downloads to read a page of a built bantin site: every response's
// bytes on the wire (HTML, CSS, scripts, fonts, images), with the page scrolled to its end so
// that lazy images load too.
//
//   node tests/browser/weight.mjs --root OUT --base-path /lhhn-angiang/ --page /tin-tuc/x/
//        [--budget-kb 350] [--width 390 --height 844 --dpr 2] [--chromium /usr/bin/chromium]
//
// The site is served by static-server.mjs on 127.0.0.1 (no compression, as the worst case of a
// static host); the browser is headless Chromium with a phone's viewport, device pixel ratio
// and touch, and an empty cache. The report is one JSON object on stdout: {ok, page, viewport,
// bytes, budget, byType: {document, stylesheet, script, image, …}, images: [{url, bytes,
// width}], problems}. Exit status: 0 within the budget and no failed request or console error,
// 1 otherwise, 2 bad arguments or setup.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './static-server.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));

function usage(message) {
  console.error(`weight.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { width: 390, height: 844, dpr: 2, budgetKb: null, chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--page': args.page = value; break;
      case '--budget-kb': args.budgetKb = Number(value); break;
      case '--width': args.width = Number(value); break;
      case '--height': args.height = Number(value); break;
      case '--dpr': args.dpr = Number(value); break;
      case '--chromium': args.chromium = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  if (!args.root || !statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) usage('--root must be a built site');
  if (!args.basePath?.startsWith('/') || !args.basePath.endsWith('/')) usage('--base-path must start and end with "/"');
  if (!args.page?.startsWith('/')) usage('--page must be a path from the base path, starting with "/"');
  return args;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    usage('playwright-core is not installed; run bash tests/setup.sh');
  }
  const server = await startServer(args.root, args.basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const url = origin + args.basePath + args.page.replace(/^\//, '');
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const problems = [];
  const responses = [];
  let report;
  try {
    const context = await browser.newContext({
      viewport: { width: args.width, height: args.height },
      deviceScaleFactor: args.dpr,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
    // Bytes on the wire, as Chromium counts them (headers and body), once each request is done.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map();
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => { types.set(e.requestId, e.type); urls.set(e.requestId, e.response.url); });
    cdp.on('Network.loadingFinished', (e) => {
      responses.push({ url: urls.get(e.requestId) ?? '', type: (types.get(e.requestId) ?? 'other').toLowerCase(), bytes: e.encodedDataLength });
    });
    await page.goto(url, { waitUntil: 'load' });
    // Scroll to the end a screen at a time, as a reader does, so each lazy image is asked for.
    for (let i = 0; i < 200; i += 1) {
      const done = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight * 0.8);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      });
      await page.waitForTimeout(60);
      if (done) break;
    }
    await page.waitForLoadState('networkidle');
    const shown = await page.$$eval('img', (imgs) => imgs.map((img) => ({ url: img.currentSrc, width: img.naturalWidth, complete: img.complete })));
    for (const img of shown) {
      if (img.url && (!img.complete || img.width === 0)) problems.push(`image not shown: ${img.url}`);
    }
    const bytes = responses.reduce((sum, r) => sum + r.bytes, 0);
    const byType = {};
    for (const r of responses) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
    const budget = args.budgetKb === null ? null : args.budgetKb * 1024;
    if (budget !== null && bytes > budget) {
      problems.push(`the page downloads ${Math.round(bytes / 1024)} KB, over the budget of ${args.budgetKb} KB`);
    }
    report = {
      ok: problems.length === 0,
      page: args.page,
      viewport: { width: args.width, height: args.height, dpr: args.dpr },
      bytes,
      budget,
      byType,
      images: responses.filter((r) => r.type === 'image').map((r) => ({
        url: r.url.slice(origin.length),
        bytes: r.bytes,
        width: shown.find((s) => s.url === r.url)?.width ?? null,
      })),
      problems,
    };
  } finally {
    await browser.close();
    server.close();
  }
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`weight.mjs: ${err.stack || err}`);
  process.exit(2);
});
