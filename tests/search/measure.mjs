// Measures what queries download from a built search index, as a browser running search.js
// would: the manifest, the posting shards, and the records of the first page of results.
// Usage: node tests/search/measure.mjs <index folder> <query>... — prints one JSON line per
// query: { query, results, files, bytes, manifest, shards, records, first, top } (top: the
// addresses of the first page's results, best first). Each query starts
// with an empty cache. tests/it/search.rs runs it on the sample site; `bantin-bench search` on generated sites.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const S = require('../../themes/default/static/js/search.js');

const PAGE = 10; // results per page, as on /tim-kiem/
const [dir, ...queries] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/search/measure.mjs <index folder> <query>...');
  process.exit(2);
}

for (const query of queries) {
  const sizes = { manifest: 0, shards: 0, records: 0, files: 0 };
  const load = (url) => {
    const path = url.split('?')[0];
    const bytes = readFileSync(join(dir, path));
    const kind = path === 'index.json' ? 'manifest' : path.startsWith('p/') ? 'shards' : 'records';
    sizes[kind] += bytes.length;
    sizes.files += 1;
    return Promise.resolve(JSON.parse(bytes.toString('utf8')));
  };
  const index = new S.Index('', load);
  const result = await index.search(query, {});
  const records = await Promise.all(result.docs.slice(0, PAGE).map((d) => index.record(d)));
  const first = records[0] ? { t: records[0].t, u: records[0].u } : null;
  console.log(JSON.stringify({
    query,
    results: result.docs.length,
    files: sizes.files,
    bytes: sizes.manifest + sizes.shards + sizes.records,
    manifest: sizes.manifest,
    shards: sizes.shards,
    records: sizes.records,
    first,
    top: records.map((r) => r.u)
  }));
}
