// Tests of themes/default/static/js/search.js in node (`node --test`, no packages needed): its
// pure functions on their own, and whole queries against a small index that the Rust builder
// wrote (tests/it/search.rs builds it from the documents listed in `fixture_docs` there and
// passes its folder in BANTIN_SEARCH_INDEX; without it those tests are skipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const S = require('../../themes/default/static/js/search.js');

const INDEX = process.env.BANTIN_SEARCH_INDEX;
const needsIndex = INDEX ? {} : { skip: 'BANTIN_SEARCH_INDEX is not set (tests/it/search.rs sets it)' };

// An Index reading the files from disk, counting what it fetched.
function open(counter = { bytes: 0, files: 0 }) {
  const load = (url) => {
    const bytes = readFileSync(join(INDEX, url.split('?')[0]));
    counter.bytes += bytes.length;
    counter.files += 1;
    return Promise.resolve(JSON.parse(bytes.toString('utf8')));
  };
  return new S.Index('', load);
}

// The addresses of the results of a query, best first.
async function urls(query, filters) {
  const index = open();
  const result = await index.search(query, filters);
  const records = await Promise.all(result.docs.map((d) => index.record(d)));
  return records.map((r) => r.u);
}

test('fold and normalizeTones follow the Rust rules', () => {
  const cases = [
    ['Hữu Nghị', 'huu nghi', 'Hữu Nghị'],
    ['ĐÀ  Nẵng', 'da nang', 'ĐÀ  Nẵng'],
    ['Đắk Lắk', 'dak lak', 'Đắk Lắk'],
    ['Tỉnh uỷ', 'tinh uy', 'Tỉnh ủy'],
    ['hoà bình', 'hoa binh', 'hòa bình'],
    ['KHOẺ', 'khoe', 'KHỎE'],
    ['Quý', 'quy', 'Quý'],
    ['hoàng', 'hoang', 'hoàng'],
    ['ỳ ỷ', 'y y', 'ỳ ỷ'],
    ['Hoà'.normalize('NFD'), 'hoa', 'Hòa'],
    ['a\u0085b\ufeffc', 'a b\ufeffc', 'a\u0085b\ufeffc'],
    ['', '', '']
  ];
  for (const [input, folded, toned] of cases) {
    assert.equal(S.fold(input), folded, `fold ${JSON.stringify(input)}`);
    assert.equal(S.normalizeTones(input), toned, `normalizeTones ${JSON.stringify(input)}`);
  }
});

test('tokens split on everything but letters, digits and marks, keeping offsets', () => {
  const text = 'COVID-19, Đa\u0300 Nẵng!';
  const list = S.tokens(text);
  assert.deepEqual(list.map((t) => t.text), ['COVID', '19', 'Đa\u0300', 'Nẵng']);
  for (const t of list) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(S.forms('Hoà'), { exact: 'hòa', folded: 'hoa' });
  assert.equal(S.forms('\u0301'), null);
});

test('parseQuery: terms, pairs, marks and stop words', () => {
  const q = S.parseQuery('Hợp tác, quốc tế hợp', ['và']);
  assert.deepEqual(q.terms.map((t) => [t.exact, t.folded, t.marked]), [
    ['hợp', 'hop', true], ['tác', 'tac', true], ['quốc', 'quoc', true], ['tế', 'te', true]
  ]);
  assert.deepEqual(q.pairs, ['hop tac', 'tac quoc', 'quoc te', 'te hop']);
  assert.equal(S.parseQuery('huu nghi', []).terms.every((t) => !t.marked), true);
  // No pairs with a stop word, by its exact form: "và" and "cho" break the chain, "va" does not.
  assert.deepEqual(S.parseQuery('hợp tác và phát triển', ['và']).pairs, ['hop tac', 'phat trien']);
  assert.deepEqual(S.parseQuery('quà cho em', ['cho']).pairs, []);
  assert.deepEqual(S.parseQuery('hop tac va phat', ['và']).pairs, ['hop tac', 'tac va', 'va phat']);
  assert.equal(S.parseQuery('và', ['và']).stopOnly, true);
  assert.equal(S.parseQuery('va VÀ', ['và']).stopOnly, true);
  assert.equal(S.parseQuery('vá', ['và']).stopOnly, false, 'a marked word is stop only in its own spelling');
  assert.equal(S.parseQuery('hữu nghị và', ['và']).stopOnly, false);
  assert.equal(S.parseQuery('  !!! ', ['và']).terms.length, 0);
  const many = S.parseQuery('a b c d e f g h i j k l', []);
  assert.deepEqual(many.terms.map((t) => t.exact), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  assert.equal(many.pairs.length, 9, 'no pair with a word left out');
  // Over the limit, stop words are left out first, so the last words (a province) stay.
  const long = S.parseQuery('lien hiep cac to chuc huu nghi tinh thua thien hue', ['các']);
  assert.deepEqual(long.terms.map((t) => t.folded),
    ['lien', 'hiep', 'to', 'chuc', 'huu', 'nghi', 'tinh', 'thua', 'thien', 'hue']);
  assert.equal(long.sequence.length, 11);
});

test('decodePostings reads what the Rust encoder writes', () => {
  const got = [];
  assert.equal(S.decodePostings('PAZD', true, (d, c) => got.push([d, c])), true);
  assert.deepEqual(got, [[0, 15], [1, 0], [3, 9], [4, 3]]);
  const plain = [];
  assert.equal(S.decodePostings('AhAA', false, (d) => plain.push(d)), true);
  assert.deepEqual(plain, [0, 33, 34]);
  assert.equal(S.decodePostings('A*', true, () => {}), false, 'a foreign character');
  assert.equal(S.decodePostings('h', true, () => {}), false, 'cut short');
  assert.equal(S.decodePostings(undefined, true, () => {}), false);
});

test('shardOf finds the last shard whose first key is not after the key, in code point order', () => {
  const dir = ['#an-giang', 'an', 'hop', 'hop tac', 'huu', '\uffff', '\u{10000}'];
  assert.equal(S.shardOf(dir, '#'), -1);
  assert.equal(S.shardOf(dir, '#an-giang'), 0);
  assert.equal(S.shardOf(dir, 'ba'), 1);
  assert.equal(S.shardOf(dir, 'hop quoc'), 2);
  assert.equal(S.shardOf(dir, 'hopa'), 3);
  assert.equal(S.shardOf(dir, 'zzz'), 4);
  assert.equal(S.shardOf(dir, '\uffff'), 5);
  // In UTF-16 order U+10000 (a surrogate pair) would sort before U+FFFF.
  assert.equal(S.shardOf(dir, '\u{10001}'), 6);
  assert.equal(S.shardOf([], 'a'), -1);
});

test('decodeDirectory rebuilds front-coded keys by characters', () => {
  const keys = ['#an', 'an', 'an\tăn', 'an\tấn', 'hop tac', 'hop th', 'hữu', '\u{10000}a', '\u{10000}b'];
  assert.deepEqual(S.decodeDirectory('A#an\nAan\nC\tăn\nD\u1EA5n\nAhop tac\nFh\nBữu\nA\u{10000}a\nB' + 'b'), keys);
  assert.deepEqual(S.decodeDirectory(''), []);
});

test('plan fetches the required keys, then the others while their shards fit the budget', () => {
  // Sizes 10, 20, 30 and 40 KiB, in the posting alphabet (40 takes two characters).
  const manifest = { shards: ['a', 'c', 'e', 'g'], sizes: 'KUehI' };
  assert.deepEqual(S.decodeNumbers(manifest.sizes), [10, 20, 30, 40]);
  const KB = 1024;
  // Required: b (shard 0) and h (shard 3) = 50 KB, over a 45 KB budget but always fetched.
  assert.deepEqual(S.plan(manifest, ['b', 'h', 'd', 'a'], 2, 45 * KB), [true, true, false, true]);
  // d (shard 1, 20 KB) fits 70 KB; f (shard 2, 30 KB) then does not; an already planned shard is free.
  assert.deepEqual(S.plan(manifest, ['b', 'h', 'd', 'f', 'gg'], 2, 70 * KB), [true, true, true, false, true]);
  // A key before every shard is in none: nothing to fetch, nothing spent.
  assert.deepEqual(S.plan(manifest, ['0', 'f'], 0, 30 * KB), [true, true]);
  assert.deepEqual(S.plan({ shards: ['a'] }, ['b', 'c'], 1, 0), [true, true], 'no sizes: no limit');
  assert.deepEqual(S.decodeNumbers('B*A'), [1], 'stops at a foreign character');
});

// A posting string, as the Rust encoder writes it: [doc, code] pairs (codes: title 8,
// summary/tags/category/province 4, body 1–3), or plain documents without codes.
function postings(list, withCodes = true) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let next = 0;
  for (const item of list) {
    const [doc, code] = withCodes ? item : [item, 0];
    let value = withCodes ? (doc - next) * 16 + code : doc - next;
    const groups = [];
    do {
      groups.unshift(value % 32);
      value = Math.floor(value / 32);
    } while (value > 0);
    out += groups.map((g, i) => A[g + (i < groups.length - 1 ? 32 : 0)]).join('');
    next = doc + 1;
  }
  return out;
}

// Ranks `docCount` documents for `text` with the given entries: words { folded: [[doc, code]…] },
// pairs { "a b": [[doc, code]…] }, provinces { slug: [doc…] } named by `manifestProvinces`.
function ranked(text, docCount, { words = {}, pairs = {}, provinces = {}, manifestProvinces = [] }) {
  const query = S.parseQuery(text, ['đã', 'và']);
  const named = S.namedProvinces(query, manifestProvinces);
  const found = {
    terms: query.terms.map((t) => (words[t.folded] ? [postings(words[t.folded]), t.folded] : null)),
    spellings: query.terms.map(() => null),
    pairs: query.pairs.map((p) => (pairs[p] ? postings(pairs[p]) : null)),
    named,
    provinces: named.map((p) => (provinces[p.slug] ? postings(provinces[p.slug], false) : null))
  };
  return S.rank(query, found, docCount);
}

test('the posting helper writes what decodePostings reads', () => {
  const got = [];
  S.decodePostings(postings([[0, 15], [1, 0], [40, 9], [1000, 3]]), true, (d, c) => got.push([d, c]));
  assert.deepEqual(got, [[0, 15], [1, 0], [40, 9], [1000, 3]]);
});

test('a province the query names ranks like a title, above the words scattered in a body', () => {
  const manifestProvinces = [['da-nang', 'da nang'], ['ha-noi', 'ha noi']];
  // 0 (newest): "đã … năng lực" all through the body, and "nâng" in its title. 1: a Đà Nẵng
  // article whose title does not name the city. 2: "Đà Nẵng" in the title, from Hà Nội.
  const words = { da: [[0, 3], [1, 4], [2, 8]], nang: [[0, 11], [1, 4], [2, 8]] };
  const pairs = { 'da nang': [[1, 4], [2, 8]] };
  const provinces = { 'da-nang': [1], 'ha-noi': [0, 2] };
  assert.deepEqual(ranked('da nang', 3, { words, pairs, provinces, manifestProvinces }), [1, 2, 0]);
  // Without the province's list (an older index, or over the budget) the title still wins.
  assert.deepEqual(ranked('da nang', 3, { words, pairs }), [2, 1, 0]);
  // The name must be whole: "nang" alone is no province.
  assert.deepEqual(S.namedProvinces(S.parseQuery('nang', []), manifestProvinces), []);
});

test('namedProvinces: whole names, or the last two words or more of a long one', () => {
  const list = [['ba-ria-vung-tau', 'ba ria vung tau'], ['ho-chi-minh', 'tp ho chi minh'], ['hue', 'hue'], ['bad']];
  const slugs = (q) => S.namedProvinces(S.parseQuery(q, []), list).map((p) => p.slug);
  assert.deepEqual(slugs('nguoi viet ho chi minh'), ['ho-chi-minh']);
  assert.deepEqual(slugs('Vũng Tàu'), ['ba-ria-vung-tau']);
  assert.deepEqual(slugs('tau bien'), [], 'one last word is a word, not a province');
  assert.deepEqual(slugs('minh'), []);
  assert.deepEqual(slugs('Huế'), ['hue']);
  assert.deepEqual(slugs('hue vung tau'), ['ba-ria-vung-tau', 'hue'], 'longest first');
  assert.deepEqual(slugs(''), []);
});

test('adjacent words rank above the same words scattered', () => {
  // 0 (newest) holds both words often but apart; 1 once each, side by side.
  const words = { hop: [[0, 3], [1, 1]], tac: [[0, 3], [1, 1]] };
  assert.deepEqual(ranked('hop tac', 2, { words, pairs: { 'hop tac': [[1, 1]] } }), [1, 0]);
});

test('a word on every document is damped, never dropped', () => {
  // "huu" and "nghi" are on all ten documents, "nhat" on two. 0 has the common words in its
  // title and "nhat" in its body; 1 the other way round: the rare word in the title wins.
  const every = (code) => Array.from({ length: 10 }, (_, d) => [d, d === 0 ? 8 : code]);
  const words = { huu: every(1), nghi: every(1), nhat: [[0, 1], [1, 8]] };
  assert.deepEqual(ranked('huu nghi nhat', 10, { words }), [1, 0]);
  // A query of common words alone still finds every document, titles first.
  assert.deepEqual(ranked('huu nghi', 10, { words }), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a number typed whole ranks the documents holding it whole first, its title first', () => {
  assert.deepEqual(S.parseQuery('80/2020', []).tight, [true]);
  assert.deepEqual(S.parseQuery('38-CT/TW', []).tight, [true, true]);
  assert.deepEqual(S.parseQuery('38 ct tw', []).tight, [false, false]);
  assert.deepEqual(S.parseQuery('38 ct tw 38-ct', []).tight, [true, false, false], 'joined once is joined');
  // 0 (newest): "80 suất quà" and "năm 2020" in its title; 1: "Nghị định 80/2020" in its body;
  // 2: the decree in its title.
  const words = { 80: [[0, 8], [1, 1], [2, 8]], 2020: [[0, 8], [1, 1], [2, 8]] };
  const pairs = { '80 2020': [[1, 1], [2, 8]] };
  assert.deepEqual(ranked('80/2020', 3, { words, pairs }), [2, 1, 0]);
  // Typed with a space the pieces are still a phrase, worth more than a title's scattered words.
  assert.deepEqual(ranked('80 2020', 3, { words, pairs }), [2, 1, 0]);
});

test('snippet and highlight mark the query words, folded', () => {
  const q = S.parseQuery('huu nghi', []);
  const text = 'Một hai ba bốn năm sáu bảy tám chín mười. Tình Hữu nghị giữa hai nước, hữu ái.';
  const pieces = S.snippet(text, q, 8);
  // Eight words from five before the best stretch, cut on both sides.
  assert.equal(pieces.map((p) => p.text).join(''), '… bảy tám chín mười. Tình Hữu nghị giữa …');
  assert.deepEqual(pieces.filter((p) => p.hit).map((p) => p.text), ['Hữu', 'nghị']);
  const whole = S.snippet(text, q, 100);
  assert.deepEqual(whole.filter((p) => p.hit).map((p) => p.text), ['Hữu', 'nghị', 'hữu']);
  assert.equal(whole.map((p) => p.text).join(''), text);
  assert.equal(S.snippet('không có gì', q), null);
  const title = S.highlight('Đà Nẵng', S.parseQuery('da nang', []));
  assert.deepEqual(title, [{ text: 'Đà', hit: true }, { text: ' ', hit: false }, { text: 'Nẵng', hit: true }]);
  assert.deepEqual(S.highlight('constructor toString', S.parseQuery('x', [])), [{ text: 'constructor toString', hit: false }]);
});

test('opening gives the first words when nothing matches', () => {
  assert.deepEqual(S.opening('một hai ba', 5), [{ text: 'một hai ba', hit: false }]);
  assert.deepEqual(S.opening('một, hai, ba.', 2), [{ text: 'một, hai …', hit: false }]);
});

test('dates and counts in Vietnamese', () => {
  assert.equal(S.formatDate('2025-07-01T08:30:00+07:00'), '01/07/2025');
  assert.equal(S.formatDate('bad'), '');
  assert.equal(S.formatCount(1234567), '1.234.567');
  assert.equal(S.formatCount(999), '999');
});

test('a query without marks, or with them, finds Vietnamese words', needsIndex, async () => {
  assert.deepEqual(await urls('huu nghi'), ['/t/huu-nghi-tieu-de/', '/t/huu-nghi-than/']);
  assert.deepEqual(await urls('da nang'), ['/t/da-nang/']);
  assert.deepEqual(await urls('DAK LAK'), ['/t/da-nang/']);
  assert.deepEqual(await urls('Đà Nẵng'.normalize('NFD')), await urls('Đà Nẵng'));
  assert.deepEqual(await urls('Đà Nẵng'), ['/t/da-nang/']);
});

test('old and new tone placement are the same word', needsIndex, async () => {
  assert.deepEqual(await urls('uỷ ban'), ['/t/uy-ban/']);
  assert.deepEqual(await urls('ủy ban'), ['/t/uy-ban/']);
  // "Tỉnh uỷ" is written old style in one article, new style in the other.
  assert.deepEqual((await urls('Tỉnh uỷ')).sort(), ['/t/da-nang/', '/t/uy-ban/']);
  assert.deepEqual((await urls('Tỉnh ủy')).sort(), ['/t/da-nang/', '/t/uy-ban/']);
  // "hoà" (old) finds "hòa" and ranks it before "hoa" (flower), which is newer.
  assert.deepEqual(await urls('hoà'), ['/t/duong-lang/', '/t/duong-bien/']);
});

test('a query typed with marks ranks its own spelling first', needsIndex, async () => {
  // The Dương article is newer, so without marks it comes first on a tie.
  assert.deepEqual(await urls('đường'), ['/t/duong-lang/', '/t/duong-bien/']);
  assert.deepEqual(await urls('dương'), ['/t/duong-bien/', '/t/duong-lang/']);
  assert.deepEqual((await urls('duong')).sort(), ['/t/duong-bien/', '/t/duong-lang/']);
});

test('title matches rank above body matches, adjacent words above scattered ones', needsIndex, async () => {
  // huu-nghi-tieu-de has the words in its title and is older than huu-nghi-than.
  assert.deepEqual(await urls('hữu nghị'), ['/t/huu-nghi-tieu-de/', '/t/huu-nghi-than/']);
  // Both hold all four words in the body; only hop-tac-quoc-te (older) holds them as a phrase,
  // which outweighs roi-rac's one word ("Hợp") in its title.
  assert.deepEqual(await urls('hợp tác quốc tế'), ['/t/hop-tac-quoc-te/', '/t/roi-rac/']);
  assert.deepEqual(await urls('hop tac quoc te'), ['/t/hop-tac-quoc-te/', '/t/roi-rac/']);
});

test('every word must match', needsIndex, async () => {
  assert.deepEqual(await urls('hữu nghị Lào'), ['/t/huu-nghi-than/']);
  assert.deepEqual(await urls('hữu nghị Nhật'), []);
});

test('province and year filters', needsIndex, async () => {
  assert.deepEqual(await urls('huu nghi', { province: 'an-giang' }), ['/t/huu-nghi-than/']);
  assert.deepEqual(await urls('huu nghi', { province: 'ha-noi' }), ['/t/huu-nghi-tieu-de/']);
  assert.deepEqual(await urls('huu nghi', { province: 'khong-co' }), []);
  assert.deepEqual(await urls('hợp tác', { year: 2024 }), ['/t/hop-tac-quoc-te/']);
  assert.deepEqual(await urls('hợp tác', { year: 2025, province: 'kien-giang' }), []);
  assert.deepEqual(await urls('hợp tác', { year: 2026 }), ['/t/duong-bien/']);
  assert.deepEqual(await urls('hợp tác', { year: 1999 }), []);
});

test('empty and stop-word queries find nothing, without an error', needsIndex, async () => {
  for (const q of ['', '   ', '!!!', 'và', 'của các', 'VA']) {
    const result = await open().search(q);
    assert.deepEqual(result.docs, [], JSON.stringify(q));
  }
});

test('a query fetches the manifest, its shards and nothing else', needsIndex, async () => {
  const counter = { bytes: 0, files: 0 };
  const index = open(counter);
  const result = await index.search('hợp tác quốc tế');
  assert.ok(result.docs.length > 0);
  const manifest = JSON.parse(readFileSync(join(INDEX, 'index.json'), 'utf8'));
  assert.ok(counter.files <= 1 + S.decodeDirectory(manifest.directory).length, `${counter.files} files`);
  // Shards are cached: the same query again fetches nothing.
  const before = counter.files;
  await index.search('hợp tác quốc tế');
  assert.equal(counter.files, before);
});

test('records give what a result shows and a snippet with the words', needsIndex, async () => {
  const index = open();
  const result = await index.search('hợp tác quốc tế');
  const r = await index.record(result.docs[0]);
  assert.equal(r.u, '/t/hop-tac-quoc-te/');
  assert.equal(S.formatDate(r.d), '01/06/2024');
  assert.equal(r.p, 'Kiên Giang');
  const pieces = S.snippet(r.b, result.query);
  assert.deepEqual(pieces.filter((p) => p.hit).map((p) => p.text), ['hợp', 'tác', 'quốc', 'tế']);
});

test('a damaged or foreign index is an error the page can show', needsIndex, async () => {
  const bad = new S.Index('', () => Promise.resolve({ format: 99 }));
  await assert.rejects(bad.search('hữu nghị'));
  const missing = new S.Index('', () => Promise.reject(new Error('404')));
  await assert.rejects(missing.search('hữu nghị'));
});
