#!/usr/bin/env node
// check.mjs — opens pages of a built bantin site in headless Chromium and reports what went wrong.
//
//   node tests/browser/check.mjs --root OUT --base-path /lhhn-angiang/ --page / --page /tin-tuc/abc/
//        [--chromium /usr/bin/chromium] [--timeout 15000] [--screenshots DIR]
//
// OUT is served by a tiny static server of our own on 127.0.0.1 (port picked by the OS) under
// --base-path only, exactly as GitHub Pages would serve a project site: a link that forgets the
// base path gets a 404 and so fails the check. Each --page (relative to the base path) is opened
// once at a desktop and once at a phone viewport. A page fails on a console message of level
// error, an uncaught exception, a failed request, any response with status >= 400, or (phone) a
// layout wider than the screen. The report is one JSON object on stdout; it also gives, per
// page and viewport, the bytes of every same-origin non-image response (HTML + CSS + JS + …), so
// the Rust test can hold the home page to its weight budget.
// Exit status: 0 all pages clean, 1 a problem was found, 2 bad arguments or setup.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { startServer } from './static-server.mjs';

const USAGE = 'usage: check.mjs --root DIR --base-path /sub/ --page / [--page /x/] '
  + '[--chromium PATH] [--timeout MS] [--screenshots DIR]';

function fail(message) {
  console.error(`check.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { pages: [], chromium: '/usr/bin/chromium', timeout: 15000 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value`);
    i += 1;
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--page': args.pages.push(value); break;
      case '--chromium': args.chromium = value; break;
      case '--timeout': args.timeout = Number(value); break;
      case '--screenshots': args.screenshots = path.resolve(value); break;
      default: fail(`unknown option ${flag}`);
    }
  }
  if (!args.root) fail('--root is required');
  if (!args.basePath || !args.basePath.startsWith('/') || !args.basePath.endsWith('/')) {
    fail('--base-path must start and end with "/"');
  }
  if (!args.pages.length) fail('give at least one --page');
  if (!Number.isFinite(args.timeout) || args.timeout <= 0) fail('--timeout must be a positive number');
  try {
    if (!statSync(args.root).isDirectory()) fail(`${args.root} is not a folder`);
  } catch {
    fail(`${args.root} does not exist`);
  }
  return args;
}

const VIEWPORTS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) '
      + 'Chrome/130.0 Mobile Safari/537.36',
  },
};

// One page at one viewport: everything the page did wrong, plus what it weighed.
async function checkPage(browser, siteRoot, url, view, args) {
  const context = await browser.newContext(VIEWPORTS[view]);
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  const weight = { total: 0, byType: {} };
  const pending = [];
  page.on('console', (msg) => {
    const where = msg.location()?.url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}${where}`);
    else if (msg.type() === 'warning') warnings.push(`console warning: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (resp) => {
    if (resp.status() >= 400) problems.push(`HTTP ${resp.status()}: ${resp.url()}`);
    const type = resp.request().resourceType();
    const isImage = type === 'image' || (resp.headers()['content-type'] || '').startsWith('image/');
    if (!resp.url().startsWith(siteRoot) || isImage || resp.status() >= 300) return;
    // The body is what the browser downloaded (the server does not compress).
    pending.push(resp.body().then((body) => {
      weight.total += body.length;
      weight.byType[type] = (weight.byType[type] || 0) + body.length;
    }, () => problems.push(`could not read the body of ${resp.url()}`)));
  });
  let status = null;
  try {
    const resp = await page.goto(url, { waitUntil: 'load', timeout: args.timeout });
    status = resp ? resp.status() : null;
    if (!resp) problems.push('navigation gave no response');
    await page.waitForLoadState('networkidle', { timeout: args.timeout })
      .catch(() => problems.push('the network never went idle'));
    if (view === 'phone') {
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth, screen: window.screen.width,
      }));
      if (widths.page > widths.screen + 1) {
        problems.push(`phone layout is ${widths.page}px wide on a ${widths.screen}px screen`);
      }
    }
    if (args.screenshots) {
      await mkdir(args.screenshots, { recursive: true });
      const name = url.slice(siteRoot.length).replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
      await page.screenshot({ path: path.join(args.screenshots, `${name}-${view}.png`), fullPage: true });
    }
  } catch (err) {
    problems.push(`could not load the page: ${String(err.message).split('\n')[0]}`);
  }
  await Promise.all(pending);
  await context.close();
  return { page: url.slice(siteRoot.length - 1), view, status, problems, warnings, weight };
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  let chromium;
  try {
    // The pinned copy lives in tests/tools (installed by tests/setup.sh), not beside this script.
    ({ chromium } = createRequire(new URL('../tools/package.json', import.meta.url))('playwright-core'));
  } catch {
    console.error('check.mjs: playwright-core is not installed; run bash tests/setup.sh');
    process.exit(2);
  }
  try {
    statSync(args.chromium);
  } catch {
    console.error(`check.mjs: no Chromium at ${args.chromium}; run bash tests/setup.sh`);
    process.exit(2);
  }
  const server = await startServer(args.root, args.basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  // launch() always starts Chromium on a brand-new temporary profile (user-data dir) that
  // playwright deletes on close, so nothing carries over between runs.
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const results = [];
  try {
    for (const view of Object.keys(VIEWPORTS)) {
      for (const wanted of args.pages) {
        const url = origin + args.basePath + wanted.replace(/^\//, '');
        results.push(await checkPage(browser, origin + args.basePath, url, view, args));
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ok = results.every((r) => r.problems.length === 0);
  console.log(JSON.stringify({ ok, origin, basePath: args.basePath, results }, null, 2));
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`check.mjs: ${err.stack || err}`);
  process.exit(2);
});
