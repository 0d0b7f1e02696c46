#!/usr/bin/env node
// old-addresses.mjs — opens old addresses of a built bantin site in headless Chromium and
// reports where the browser ends up: proof that the home page and the 404 page follow the
// redirect map (redirects.json) for addresses with a query string, which no static host can
// serve as files.
//
//   node tests/browser/old-addresses.mjs --root OUT --base-path / --open '/?p=123'
//        [--open '/index.php?page_id=5' ...] [--chromium /usr/bin/chromium]
//
// OUT is served by tests/browser/static-server.mjs (a missing file gets the site's 404.html,
// as a static host does). Each --open is relative to the origin (it carries the base path
// itself). The report is one JSON object on stdout: {results: [{open, final, status, errors}]},
// `final` being the path and query the browser shows once the page and any redirect settled,
// `errors` its console errors and uncaught exceptions. Exit status: 0 report written, 2 setup.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './static-server.mjs';

function usage(message) {
  console.error(`old-addresses.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { open: [], chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--open': args.open.push(value); break;
      case '--chromium': args.chromium = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  if (!args.root || !statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) usage('--root must be a built site');
  if (!args.basePath?.startsWith('/') || !args.basePath.endsWith('/')) usage('--base-path must start and end with "/"');
  if (!args.open.length) usage('give at least one --open');
  return args;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = createRequire(new URL('../tools/package.json', import.meta.url))('playwright-core'));
  } catch {
    usage('playwright-core is missing: run bash tests/setup.sh');
  }
  const server = await startServer(args.root, args.basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const open of args.open) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      const response = await page.goto(origin + open, { waitUntil: 'networkidle' });
      // A redirect by script starts a second navigation: let it finish too.
      await page.waitForLoadState('networkidle');
      const final = new URL(page.url());
      results.push({
        open,
        final: final.pathname + final.search,
        status: response ? response.status() : null,
        // The 404 page's own status is expected; anything else is a problem.
        errors: errors.filter((e) => !/status of 404/.test(e)),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(JSON.stringify({ origin, results }, null, 2));
}

main().catch((err) => {
  console.error(`old-addresses.mjs: ${err.stack || err}`);
  process.exit(2);
});
