#!/usr/bin/env node
// cms.mjs — opens the CMS at admin/ in headless Chromium and reports what it shows: proof that
// Decap CMS accepted the configuration bantin generated (Decap checks it against its schema
// and shows "Lỗi cấu hình" instead of its login page when it does not).
//
//   node tests/browser/cms.mjs (--root OUT --base-path /p/ | --url URL) --expect TEXT...
//        [--chromium /usr/bin/chromium]
//
// With --root, OUT (a built site) is served by static-server.mjs and its <base>admin/ opened;
// with --url, that page (a running `bantin serve`'s admin/). The report is one JSON object on
// stdout: {ok, text, problems}. It fails on a configuration error shown, an expected text
// missing, or an uncaught exception in the page. Exit status: 0 ok, 1 not, 2 bad arguments.
import { createRequire } from 'node:module';
import path from 'node:path';

import { startServer } from './static-server.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));

const args = { expect: [], chromium: '/usr/bin/chromium' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [flag, value] = [argv[i], argv[i + 1]];
  if (value === undefined) {
    console.error(`cms.mjs: ${flag} needs a value`);
    process.exit(2);
  }
  switch (flag) {
    case '--root': args.root = path.resolve(value); break;
    case '--base-path': args.basePath = value; break;
    case '--url': args.url = value; break;
    case '--expect': args.expect.push(value); break;
    case '--chromium': args.chromium = value; break;
    default:
      console.error(`cms.mjs: unknown flag ${flag}`);
      process.exit(2);
  }
}
if (!args.url && !(args.root && args.basePath)) {
  console.error('cms.mjs: give --url, or --root and --base-path');
  process.exit(2);
}

const { chromium } = require('playwright-core');
let server;
let url = args.url;
if (!url) {
  server = await startServer(args.root, args.basePath);
  url = `http://127.0.0.1:${server.address().port}${args.basePath}admin/`;
}
const problems = [];
const browser = await chromium.launch({ executablePath: args.chromium, args: ['--no-sandbox'] });
let text = '';
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(url);
  // Decap renders its login page (or its configuration errors) once config.yml is read.
  try {
    await page.waitForFunction(
      (wanted) => wanted.every((t) => document.body.innerText.includes(t))
        || /Lỗi cấu hình|Config Errors|Xảy ra lỗi/.test(document.body.innerText),
      args.expect,
      { timeout: 20000 },
    );
  } catch {
    // Reported below from what the page shows.
  }
  text = await page.locator('body').innerText();
  if (/Lỗi cấu hình|Config Errors|Xảy ra lỗi/.test(text)) problems.push('Decap rejected the configuration');
  for (const wanted of args.expect) {
    if (!text.includes(wanted)) problems.push(`no "${wanted}" on the page`);
  }
} finally {
  await browser.close();
  if (server) server.close();
}
console.log(JSON.stringify({ ok: problems.length === 0, text: text.slice(0, 2000), problems }));
process.exit(problems.length === 0 ? 0 : 1);
