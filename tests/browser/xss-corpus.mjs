#!/usr/bin/env node
// xss-corpus.mjs — a manual tool (not run by `cargo test`): how many payloads of a list run in
// Chromium once bantin has built them into articles.
//
//   node tests/browser/xss-corpus.mjs --payloads LIST.txt [--bantin target/debug/bantin]
//        [--per-article 150] [--rounds 4] [--trusted] [--site-toml FILE] [--json OUT.json]
//        [--work DIR] [--concurrency 2] [--page-timeout 60000] [--budget 3600000]
//        [--chromium /usr/bin/chromium]
//
// LIST.txt has one payload a line (blank lines are skipped); it is read where it is and never
// copied anywhere but into the throwaway site under --work (default: a new folder in the system
// temp folder, removed at the end unless --work is given).
//
// Each payload becomes its own Markdown block in an article, between a marker paragraph
// `xss-case-<line>` before it and a fence after it: a paragraph of characters that break a
// script or style the payload left open (as the rest of a real page would), then one line of end
// tags that closes any raw-text element, comment or SVG/MathML the payload left open (and
// every kind of Markdown HTML block), so the next payload starts in plain HTML. The site is
// built with the bantin binary and every article is checked by xss.mjs (every element hovered,
// focused and clicked, Tab, timers). A firing is given to a payload by the marker before the
// code's own line in the served HTML, else before the element that was the context (the script,
// the event target, the frame, the link just clicked, the element being exercised).
//
// A payload whose marker the browser did not see as plain text (an earlier payload in the same
// article swallowed it into a comment, <plaintext>, an attribute…) was not tested; so were the
// payloads of an article that did not finish (a payload that never returns, or one that sent
// the page elsewhere). These go to another round with fewer payloads an article (150, 25, 5, 1),
// up to --rounds; what is left is listed as not tested. A payload alone on its page that sent
// the page elsewhere is counted apart. --trusted builds with `[markdown] raw_html = "trusted"` (the sanitizer's opt-out).
//
// Prints, on stdout: payloads that ran (called alert, confirm, prompt or print) out of N — split
// into those that ran by themselves or through real input and those that ran only because
// xss.mjs dispatched the event their handler names (oncopy, ondrag, onload on a <div>…) —,
// then those whose code started without reaching such a call (seen by the report-only CSP),
// with the time; progress goes to stderr; --json writes every payload's outcome. Exit status:
// 0 when it ran, 2 bad arguments or setup.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { checkPages, DEFAULTS } from './xss.mjs';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BASE_PATH = '/xss/';
// What counts as "ran": the payload called one of these (or a dialog opened). Code the browser
// handed to the engine without reaching one (the report-only policy saw it: a syntax error, a
// script from elsewhere, other functions) is counted apart, as "started".
const CALLS = /^(alert|confirm|prompt|print|dialog:.*)$/;

// Ends a payload: breaks any script or style it left open (JavaScript and CSS syntax errors),
// ends any comment, processing instruction or CDATA (and the Markdown HTML blocks that wait for
// them), then closes raw-text elements and foreign content.
const FENCE = [
  '<p hidden>xss-fence )]}\'"` --> ?> ]]></p>',
  '',
  '</table></pre></script></style></textarea></title></noscript></noembed></noframes></xmp></iframe></template></select></svg></math></object></form></a>',
].join('\n');

function usage(message) {
  console.error(`xss-corpus.mjs: ${message}`);
  process.exit(2);
}

function readArgs(argv) {
  const args = {
    bantin: path.join(REPO, 'target/debug/bantin'),
    perArticle: 150,
    rounds: 4,
    trusted: false,
    concurrency: DEFAULTS.concurrency,
    pageTimeout: 60000,
    budget: 3600000,
    chromium: DEFAULTS.chromium,
  };
  const numbers = { '--per-article': 'perArticle', '--rounds': 'rounds', '--concurrency': 'concurrency',
    '--page-timeout': 'pageTimeout', '--budget': 'budget' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--trusted') {
      args.trusted = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag} needs a value`);
    i += 1;
    if (numbers[flag]) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) usage(`${flag} needs a whole number above 0`);
      args[numbers[flag]] = n;
      continue;
    }
    switch (flag) {
      case '--payloads': args.payloads = path.resolve(value); break;
      case '--bantin': args.bantin = path.resolve(value); break;
      case '--site-toml': args.siteToml = path.resolve(value); break;
      case '--json': args.json = path.resolve(value); break;
      case '--work': args.work = path.resolve(value); break;
      case '--chromium': args.chromium = value; break;
      default: usage(`unknown option ${flag}`);
    }
  }
  if (!args.payloads) usage('--payloads FILE is required');
  if (!statSync(args.payloads, { throwIfNoEntry: false })?.isFile()) usage(`${args.payloads} is not a file`);
  if (!statSync(args.bantin, { throwIfNoEntry: false })?.isFile()) usage(`${args.bantin} does not exist: run cargo build, or give --bantin`);
  return args;
}

function siteToml(args) {
  if (args.siteToml) return readFileSync(args.siteToml, 'utf8');
  return `title = "Kiểm thử tải trọng XSS"
base_url = "https://example.org${BASE_PATH}"
province = "Cần Thơ"

[images]
missing_alt = "warning"   # payloads' <img> have no alt text: published with a warning
${args.trusted ? '\n[markdown]\nraw_html = "trusted"\n' : ''}
[organization]
name = "Liên hiệp thử nghiệm"
parent = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
address = "Số 1 đường Thử"
phone = "0292 0000 000"
email = "lh@example.org"
editor = "Trần Văn B"
`;
}

/// Writes a site with `cases` spread over articles of `size`, builds it; gives the article pages
/// and the cases of each.
function buildRound(args, dir, cases, size, round) {
  rmSync(dir, { recursive: true, force: true });
  const src = path.join(dir, 'site');
  mkdirSync(path.join(src, 'content/tin-tuc'), { recursive: true });
  writeFileSync(path.join(src, 'site.toml'), siteToml(args));
  const articles = [];
  for (let start = 0; start < cases.length; start += size) {
    const group = cases.slice(start, start + size);
    const n = articles.length + 1;
    const slug = `r${round}-${String(n).padStart(4, '0')}`;
    const body = group.map((c) => `xss-case-${c.line}\n\n${c.text}\n\n${FENCE}\n`).join('\n');
    const minute = n % 60;
    const hour = Math.floor(n / 60) % 24;
    writeFileSync(path.join(src, 'content/tin-tuc', `${slug}.md`),
      `---\ntitle: "Tải trọng vòng ${round} số ${n}"\nslug: ${slug}\ndate: 01/03/2024 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}\n---\n\nxss-start\n\n${body}\nxss-end-of-article\n`);
    articles.push({ page: `tin-tuc/${slug}/`, cases: group });
  }
  const out = path.join(dir, 'out');
  try {
    execFileSync(args.bantin, ['build', '--quiet', '--source', src, '--output', out], {
      env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20,
    });
  } catch (err) {
    usage(`bantin could not build the payload site:\n${String(err.stderr || err.message).slice(0, 4000)}`);
  }
  return { out, articles };
}

// In the page, right after it loaded: the markers the parser saw as plain text, i.e. the
// payloads that started in plain HTML rather than inside what an earlier one left open.
function liveMarkers() {
  const dead = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript', 'noembed',
    'noframes', 'iframe', 'template', 'select', 'option', 'svg', 'math']);
  const live = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = /^\s*xss-case-(\d+)\s*$/.exec(n.data);
    if (!m) continue;
    let ok = n.parentElement && n.parentElement.localName === 'p';
    for (let p = n.parentElement; ok && p; p = p.parentElement) if (dead.has(p.localName)) ok = false;
    if (ok) live.push(Number(m[1]));
  }
  return live;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  const started = Date.now();
  const lines = readFileSync(args.payloads, 'utf8').split(/\r?\n/);
  const all = [];
  lines.forEach((text, i) => {
    if (text.trim()) all.push({ line: i + 1, text });
  });
  const work = args.work ?? mkdtempSync(path.join(os.tmpdir(), 'bantin-xss-corpus-'));
  const outcome = new Map(all.map((c) => [c.line, { line: c.line, ran: false, byItself: false, started: false, tested: false, round: null, how: [], attributedBy: [] }]));
  const log = (s) => process.stderr.write(`${s}\n`);
  log(`${all.length} payloads from ${args.payloads}${args.trusted ? ' (raw_html = "trusted")' : ''}`);
  let pending = all;
  let size = args.perArticle;
  const rounds = [];
  let unattributed = 0;
  let notDone = 0;
  for (let round = 1; round <= args.rounds && pending.length; round += 1) {
    const t0 = Date.now();
    const { out, articles } = buildRound(args, path.join(work, `round-${round}`), pending, size, round);
    const built = Date.now() - t0;
    let done = 0;
    const report = await checkPages({
      root: out,
      basePath: BASE_PATH,
      pages: articles.map((a) => a.page),
      chromium: args.chromium,
      concurrency: args.concurrency,
      pageTimeout: args.pageTimeout,
      budget: Math.max(1, args.budget - (Date.now() - started)),
      maxTrusted: 20000,
      maxTabs: 400,
      maxRetries: 200,
      marker: 'xss-case-(\\d+)',
      inspect: liveMarkers,
      onPage: (res) => {
        done += 1;
        if (done % 5 === 0 || done === articles.length) log(`  round ${round}: ${done}/${articles.length} articles, ${Math.round((Date.now() - started) / 1000)} s`);
      },
    });
    const byPage = new Map(report.pages.map((p) => [p.page, p]));
    const execsByPage = new Map();
    for (const e of report.executions) {
      if (!execsByPage.has(e.page)) execsByPage.set(e.page, []);
      execsByPage.get(e.page).push(e);
    }
    const next = [];
    let ran = 0;
    for (const article of articles) {
      const page = byPage.get(article.page);
      const live = new Set(Array.isArray(page?.inspect) ? page.inspect : []);
      const own = new Set(article.cases.map((c) => c.line));
      for (const e of execsByPage.get(article.page) ?? []) {
        // Alone on its page, a payload is what ran, whatever the firing could say.
        const line = article.cases.length === 1 ? article.cases[0].line : e.case == null ? null : Number(e.case);
        if (line == null || !own.has(line)) {
          unattributed += 1;
          continue;
        }
        const o = outcome.get(line);
        const how = `${e.sink}@${e.phase}`;
        if (!o.how.includes(how)) o.how.push(how);
        if (!o.attributedBy.includes(e.caseFrom)) o.attributedBy.push(e.caseFrom);
        o.round ??= round;
        if (CALLS.test(e.sink)) {
          if (!o.ran) ran += 1;
          o.ran = true;
          if (e.phase !== 'dispatch') o.byItself = true;
        } else {
          o.started = true;
        }
      }
      for (const c of article.cases) {
        const o = outcome.get(c.line);
        if (o.ran || o.started) {
          o.tested = true;
          continue;
        }
        if (page?.done && live.has(c.line)) {
          o.tested = true;
          o.round = round;
        } else if (article.cases.length === 1 && page?.navigatedAway) {
          // Alone on its page and the page left (a refresh): tested, and nothing ran first.
          o.tested = true;
          o.round = round;
          o.navigatedAway = page.navigatedAway;
        } else {
          if (!page?.done) notDone += 1;
          next.push(c);
        }
      }
    }
    rounds.push({ round, perArticle: size, articles: articles.length, payloads: pending.length, ran,
      retest: next.length, builtMs: built, checkedMs: report.durationMs,
      elements: report.elements, exercised: report.exercised, skipped: report.skipped.length });
    log(`round ${round}: ${pending.length} payloads in ${articles.length} articles of ${size}: ${ran} ran, `
      + `${next.length} to test again (swallowed by an earlier payload, or on a page that did not finish); `
      + `build ${(built / 1000).toFixed(1)} s, browser ${(report.durationMs / 1000).toFixed(1)} s`);
    pending = next;
    size = Math.max(1, Math.ceil(size / 6));
  }
  const results = [...outcome.values()];
  const ran = results.filter((o) => o.ran).length;
  const startedOnly = results.filter((o) => o.started && !o.ran).length;
  const untested = results.filter((o) => !o.tested).length;
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    payloads: all.length,
    ran,
    ranByItself: results.filter((o) => o.byItself).length,
    ranOnDispatch: results.filter((o) => o.ran && !o.byItself).length,
    startedOnly,
    silent: results.filter((o) => o.tested && !o.ran && !o.started).length,
    navigatedAway: results.filter((o) => o.navigatedAway && !o.ran && !o.started).length,
    untested,
    unattributedFirings: unattributed,
    trusted: args.trusted,
    perArticle: args.perArticle,
    rounds,
    seconds: Math.round(seconds),
  };
  console.log(`payloads that ran (called alert/confirm/prompt/print): ${ran} of ${all.length}`
    + `${untested ? ` (${untested} could not be tested)` : ''}; ${Math.round(seconds)} s`);
  console.log(`  ${summary.ranByItself} by themselves or through real input (load, error, autofocus, the mouse `
    + 'moving and clicking, focus(), click(), Tab, timers);');
  console.log(`  ${summary.ranOnDispatch} only when the event their handler names was dispatched to them `
    + '(copy, paste, drag, double or right click, or load on an element that never loads…)');
  console.log(`payloads whose code the browser started without reaching such a call: ${startedOnly}`
    + ' (inline script, handler, javascript: URL or foreign script seen by the report-only policy)');
  const kinds = {};
  for (const o of results) for (const h of o.how) kinds[h] = (kinds[h] ?? 0) + 1;
  console.log(`how they ran (a payload may count under several): ${JSON.stringify(kinds)}`);
  if (summary.navigatedAway) console.log(`${summary.navigatedAway} more only sent the page elsewhere (a refresh; no script ran)`);
  if (unattributed) console.log(`${unattributed} firings could not be given to a payload of their article`);
  if (args.json) {
    const text = new Map(all.map((c) => [c.line, c.text]));
    writeFileSync(args.json, `${JSON.stringify({ summary, results: results.map((o) => ({ ...o, payload: text.get(o.line).slice(0, 300) })) }, null, 1)}\n`);
    console.log(`details: ${args.json}`);
  }
  if (!args.work) rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(`xss-corpus.mjs: ${err.stack || err}`);
  process.exit(2);
});
