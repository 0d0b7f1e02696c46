#!/usr/bin/env node
// lighthouse.mjs — Lighthouse's accessibility, best-practices and SEO scores of pages of a built
// bantin site, served on 127.0.0.1 by tests/browser/static-server.mjs.
//
//   node tests/browser/lighthouse.mjs --root OUT --base-path /lhhn-angiang/ --page / --page /tin-tuc/x/
//        [--min 0.95] [--category performance ...] [--chromium /usr/bin/chromium]
//
// Runs Lighthouse (pinned in tests/tools) in headless Chromium with its default mobile settings
// (a mid-range phone on a slow 4G connection, simulated), one page after another; the categories
// scored are accessibility, best-practices and SEO unless --category names others (performance:
// the photo benchmark in BENCHMARKS.md). The report is one JSON object on stdout: {ok, min, pages: [{page,
// scores: {accessibility, best-practices, seo}, failed: [audits that lost points]}]}.
// Exit status: 0 every score ≥ --min, 1 a score below it, 2 bad arguments or setup.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { startServer } from './static-server.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const DEFAULT_CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const KNOWN = ['performance', ...DEFAULT_CATEGORIES];

function usage(message) {
  console.error(`lighthouse.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = { pages: [], min: 0.95, chromium: '/usr/bin/chromium', categories: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    switch (flag) {
      case '--root': args.root = path.resolve(value); break;
      case '--base-path': args.basePath = value; break;
      case '--page': args.pages.push(value); break;
      case '--min': args.min = Number(value); break;
      case '--category': args.categories.push(value); break;
      case '--chromium': args.chromium = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  if (!args.root || !statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) usage('--root must be a built site');
  if (!args.basePath?.startsWith('/') || !args.basePath.endsWith('/')) usage('--base-path must start and end with "/"');
  if (!args.pages.length) usage('give at least one --page');
  if (!(args.min > 0 && args.min <= 1)) usage('--min must be a score between 0 and 1');
  for (const c of args.categories) if (!KNOWN.includes(c)) usage(`unknown category ${c} (${KNOWN.join(', ')})`);
  if (!args.categories.length) args.categories = DEFAULT_CATEGORIES;
  return args;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  let lighthouse;
  let launcher;
  try {
    lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default;
    launcher = await import(pathToFileURL(require.resolve('chrome-launcher')).href);
  } catch (err) {
    usage(`lighthouse is not installed (${err.message}); run bash tests/setup.sh`);
  }
  const server = await startServer(args.root, args.basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await launcher.launch({
    chromePath: args.chromium,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const pages = [];
  const CATEGORIES = args.categories;
  try {
    for (const page of args.pages) {
      const url = origin + args.basePath + page.replace(/^\//, '');
      const result = await lighthouse(url, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
      });
      const lhr = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
      const failed = [];
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            failed.push(`${c}: ${ref.id} (${audit.score}): ${audit.title}`);
          }
        }
      }
      pages.push({ page, scores, failed, runtimeError: lhr.runtimeError?.message ?? null });
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  const ok = pages.every((p) => !p.runtimeError && CATEGORIES.every((c) => p.scores[c] !== null && p.scores[c] >= args.min));
  console.log(JSON.stringify({ ok, min: args.min, pages }, null, 2));
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`lighthouse.mjs: ${err.stack || err}`);
  process.exit(2);
});
