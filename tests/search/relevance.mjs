// Scores the search ranking on the relevance set (issue 19): runs every query of a query file
// through the real search.js, on a built site's index, exactly as measure.mjs does, and reports
// where the first expected article lands.
// Usage: node tests/search/relevance.mjs <index folder> [queries.json] [--js <search.js>]
//   <index folder>  a built site's search/ folder (public/search)
//   queries.json    { queries: [{ q, expect: [slug…], why }] }; default tests/search/relevance/queries.json
//   --js            another search.js to score (for before/after comparisons); default the theme's
// Prints a table (rank of the first expected result, or "-" when it is not in the first ten; how
// many of the first k results are expected, k = the number expected but at most ten; the first
// result's slug), then the scores on a last line as JSON:
//   {"queries":N,"top3":share of queries with an expected result in the top 3,"mrr10":MRR@10,
//    "precision":mean share of expected results among the first k}
// The first two ask "is what the reader wanted on top"; precision also sees a query that has
// many right answers ("da nang": all the Đà Nẵng news) push one of them below a distractor.
// tests/it/search.rs builds the fixture site with bantin and fails when the scores drop.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let jsPath = join(here, '../../themes/default/static/js/search.js');
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--js') jsPath = resolve(args[++i]);
  else positional.push(args[i]);
}
const [dir, queryFile = join(here, 'relevance/queries.json')] = positional;
if (!dir) {
  console.error('usage: node tests/search/relevance.mjs <index folder> [queries.json] [--js <search.js>]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const S = require(resolve(jsPath));
const { queries } = JSON.parse(readFileSync(queryFile, 'utf8'));

// An article's slug: the last segment of its address.
const slugOf = (url) => String(url || '').replace(/\/+$/, '').split('/').pop();

const CUTOFF = 10; // MRR@10: a first hit below the first page counts as none
let top3 = 0;
let rrSum = 0;
let precisionSum = 0;
const rows = [];
for (const { q, expect } of queries) {
  const load = (url) => Promise.resolve(JSON.parse(readFileSync(join(dir, url.split('?')[0]), 'utf8')));
  const index = new S.Index('', load);
  const result = await index.search(q, {});
  const shown = await Promise.all(result.docs.slice(0, CUTOFF).map((d) => index.record(d)));
  const slugs = shown.map((r) => slugOf(r.u));
  const at = slugs.findIndex((s) => expect.includes(s));
  const rank = at < 0 ? null : at + 1;
  if (rank !== null && rank <= 3) top3++;
  if (rank !== null) rrSum += 1 / rank;
  const k = Math.min(CUTOFF, expect.length);
  const hits = slugs.slice(0, k).filter((s) => expect.includes(s)).length;
  precisionSum += hits / k;
  rows.push({ q, rank, hits: `${hits}/${k}`, results: result.docs.length, first: slugs[0] || '' });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('query', 46)} ${pad('rank', 5)} ${pad('top k', 6)} ${pad('found', 6)} first result`);
for (const r of rows) {
  console.log(`${pad(r.q, 46)} ${pad(r.rank ?? '-', 5)} ${pad(r.hits, 6)} ${pad(r.results, 6)} ${r.first}`);
}
const scores = {
  queries: rows.length,
  top3: Number((top3 / rows.length).toFixed(4)),
  mrr10: Number((rrSum / rows.length).toFixed(4)),
  precision: Number((precisionSum / rows.length).toFixed(4))
};
console.log(JSON.stringify(scores));
