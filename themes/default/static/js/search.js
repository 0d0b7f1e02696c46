// Full-text search on /tim-kiem/: reads the query from the address (?q=…&tinh=…&nam=…), fetches
// the index files it needs from search/ (see src/search/), ranks the matches and shows them.
// The folding functions mirror src/locale/fold.rs exactly: the index was built with those, so a
// query must be cut and folded the same way (tests/it/search.rs compares the two).
// In node (the tests) the pure functions are exported through module.exports; in a browser they
// are window.BantinSearch, and the page is wired up when it has the search form.
(function (root) {
  'use strict';

  // ---- Folding: the same results as crate::locale::{fold, normalize_tones} ----------------

  // Rust's char::is_whitespace (Unicode White_Space), which split_whitespace splits on. JS's \s
  // differs (it has U+FEFF, lacks U+0085), hence the explicit class.
  var WHITE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var COMBINING = /[\u0300-\u036f]/g;
  var IS_ALPHA, IS_MARK, TOKEN;
  try {
    // Built at run time so that a browser without Unicode property escapes gets a message
    // instead of a script that does not parse.
    IS_ALPHA = new RegExp('^\\p{Alphabetic}$', 'u');
    IS_MARK = new RegExp('^\\p{M}$', 'u');
    TOKEN = new RegExp('[\\p{Alphabetic}\\p{N}\\p{M}]+', 'gu');
  } catch (e) {
    IS_ALPHA = IS_MARK = TOKEN = null;
  }
  var TONES = { '\u0300': 1, '\u0301': 1, '\u0303': 1, '\u0309': 1, '\u0323': 1 };

  // Accent-blind key: "ĐÀ  Nẵng" → "da nang".
  function fold(input) {
    var stripped = String(input).toLowerCase().normalize('NFD')
      .replace(COMBINING, '').replace(/đ/g, 'd');
    return stripped.split(WHITE).filter(Boolean).join(' ').normalize('NFC');
  }

  // NFC, with the tone of open oa/oe/uy on the first vowel: "hoà" → "hòa", "uỷ" → "ủy".
  function normalizeTones(input) {
    var chars = Array.from(String(input).normalize('NFC'));
    var i = 0;
    while (i + 1 < chars.length) {
      var moved = movedTone(chars, i);
      if (moved) {
        chars[i] = moved[0];
        chars[i + 1] = moved[1];
        i += 2;
      } else {
        i += 1;
      }
    }
    return chars.join('');
  }

  function asciiLower(c) {
    return c.length === 1 && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }

  function movedTone(chars, i) {
    var first = chars[i];
    var split = splitTone(chars[i + 1]);
    if (!split) return null;
    var a = asciiLower(first);
    var b = asciiLower(split[0]);
    if (!((a === 'o' && (b === 'a' || b === 'e')) || (a === 'u' && b === 'y'))) return null;
    var next = chars[i + 2];
    if (next !== undefined && (IS_ALPHA.test(next) || IS_MARK.test(next))) return null;
    if (i > 0) {
      var prev = chars[i - 1];
      if (prev === 'q' || prev === 'Q') return null;
      if (IS_MARK.test(prev) || (IS_ALPHA.test(prev) && isVowel(prev))) return null;
    }
    var composed = (first + split[1]).normalize('NFC');
    if (Array.from(composed).length !== 1) return null;
    return [composed, split[0]];
  }

  // A precomposed vowel with exactly one tone and nothing else → [base, tone].
  function splitTone(c) {
    var parts = Array.from(c.normalize('NFD'));
    return parts.length === 2 && TONES[parts[1]] ? parts : null;
  }

  function isVowel(c) {
    var base = c;
    Array.from(c.normalize('NFD')).forEach(function (p) {
      if (!IS_MARK.test(p)) base = p;
    });
    return /^[aeiouy]$/.test(asciiLower(base));
  }

  // ---- Terms: src/search/terms.rs --------------------------------------------------------

  // Runs of letters, digits and combining marks, with where they are in `text`.
  function tokens(text) {
    var out = [];
    var s = String(text);
    TOKEN.lastIndex = 0;
    var m;
    while ((m = TOKEN.exec(s)) !== null) {
      out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  // { exact: "hòa", folded: "hoa" }, or null for a token that folds to nothing.
  function forms(token) {
    var folded = fold(token);
    if (!folded) return null;
    return { exact: normalizeTones(token.toLowerCase()), folded: folded };
  }

  // The query's words (at most MAX_TERMS distinct ones), its adjacent pairs, and every word's
  // folded form in order (`sequence`, for finding province names). `stop` is the manifest's
  // stop-word list: a query made of nothing else finds nothing. A pair is "tight" when nothing
  // but punctuation stands between its words: "80/2020", "38-CT/TW" are one number to the
  // reader, though the index keeps their pieces as words.
  var MAX_TERMS = 10;

  function parseQuery(text, stop) {
    var stopExact = Object.create(null);
    var stopFolded = Object.create(null);
    (stop || []).forEach(function (w) {
      stopExact[w] = true;
      stopFolded[fold(w)] = true;
    });
    var isStop = function (t) {
      return t.marked ? stopExact[t.exact] === true : stopFolded[t.folded] === true;
    };
    var source = String(text);
    var list = [];
    tokens(source).forEach(function (t) {
      var f = forms(t.text);
      if (f) list.push({ exact: f.exact, folded: f.folded, start: t.start, end: t.end });
    });
    var terms = [];
    var seen = Object.create(null);
    list.forEach(function (f) {
      if (seen[f.exact]) return;
      seen[f.exact] = true;
      terms.push({
        exact: f.exact,
        folded: f.folded,
        // Typed with marks (or đ): its own spelling ranks first. Without, all spellings are equal.
        marked: f.exact !== f.folded
      });
    });
    var stopOnly = terms.length > 0 && terms.every(isStop);
    // Over MAX_TERMS words (each costs a download), the stop words go first, then the last
    // words: "lien hiep cac to chuc huu nghi tinh an giang" keeps "an giang".
    if (terms.length > MAX_TERMS) {
      var extra = terms.length - MAX_TERMS;
      terms = terms.filter(function (t) {
        if (extra > 0 && isStop(t)) {
          extra--;
          return false;
        }
        return true;
      }).slice(0, MAX_TERMS);
    }
    var kept = Object.create(null);
    terms.forEach(function (t) {
      kept[t.folded] = true;
    });
    var pairs = [];
    var tight = [];
    var previous = null;
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      // No pair with a stop word: the index has none (src/search/collect.rs). Only the exact
      // form counts, so an unmarked "da" may still be "đà" of "Đà Nẵng".
      if (stopExact[f.exact] === true) {
        previous = null;
        continue;
      }
      if (previous !== null && kept[previous.folded] === true && kept[f.folded] === true) {
        var pair = previous.folded + ' ' + f.folded;
        var joined = !WHITE.test(source.slice(previous.end, f.start));
        var at = pairs.indexOf(pair);
        if (at < 0) {
          pairs.push(pair);
          tight.push(joined);
        } else if (joined) {
          tight[at] = true;
        }
      }
      previous = f;
    }
    return {
      terms: terms,
      pairs: pairs,
      tight: tight,
      sequence: list.map(function (f) {
        return f.folded;
      }),
      stopOnly: stopOnly
    };
  }

  // The provinces a query names: `provinces` is the manifest's [[slug, folded name]…]. A name
  // counts when its words stand together in the query, whole ("da nang", "an giang") or, for a
  // name of three words or more, its last two words or more ("ho chi minh" for "tp ho chi
  // minh"): a single last word ("minh", "tau") is too often a word of its own. Gives
  // [{ slug, words: [folded…] }], at most MAX_PROVINCES, longest names first.
  var MAX_PROVINCES = 3;

  function namedProvinces(query, provinces) {
    var text = ' ' + query.sequence.join(' ') + ' ';
    var found = [];
    (provinces || []).forEach(function (entry) {
      if (!Array.isArray(entry) || typeof entry[1] !== 'string' || !entry[1]) return;
      var words = entry[1].split(' ');
      for (var from = 0; from < words.length; from++) {
        var part = words.slice(from);
        if (from > 0 && part.length < 2) break;
        if (text.indexOf(' ' + part.join(' ') + ' ') >= 0) {
          found.push({ slug: String(entry[0]), words: part });
          break;
        }
      }
    });
    found.sort(function (a, b) {
      return b.words.length - a.words.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
    });
    return found.slice(0, MAX_PROVINCES);
  }

  // ---- Index files: src/search/encode.rs and layout.rs ------------------------------------

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = {};
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  // Calls each(doc, code) for every posting of a posting string; false if it is damaged.
  function decodePostings(text, withCodes, each) {
    if (typeof text !== 'string') return false;
    var value = 0;
    var next = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit === undefined) return false;
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        var gap = withCodes ? Math.floor(value / 16) : value;
        var doc = next + gap;
        each(doc, withCodes ? value % 16 : 0);
        next = doc + 1;
        value = 0;
      }
    }
    return value === 0;
  }

  // The numbers of a string of plain numbers in the posting alphabet (the manifest's sizes).
  function decodeNumbers(text) {
    var out = [];
    var value = 0;
    text = String(text || '');
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit === undefined) return out;
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        out.push(value);
        value = 0;
      }
    }
    return out;
  }

  // The shard directory: one key per line, each as one digit (how many characters it shares
  // with the previous key) and the rest (src/search/layout.rs, front_code).
  function decodeDirectory(text) {
    var keys = [];
    if (!text) return keys;
    var previous = [];
    text.split('\n').forEach(function (line) {
      var shared = DIGIT[line.charCodeAt(0)];
      if (shared === undefined || shared > 31) shared = 0;
      var key = previous.slice(0, shared).join('') + line.slice(1);
      keys.push(key);
      previous = Array.from(key);
    });
    return keys;
  }

  // Order of keys in the index: Rust compares bytes, which is code point order; JS's < compares
  // UTF-16 units, which differs above U+FFFF.
  function compareKeys(a, b) {
    var x = Array.from(a);
    var y = Array.from(b);
    var n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }

  // The shard that would hold `key`: the last one whose first key is not after it.
  function shardOf(directory, key) {
    var lo = 0;
    var hi = directory.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compareKeys(directory[mid], key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  // ---- Ranking ----------------------------------------------------------------------------

  var TITLE = 8;
  var META = 4;

  // What a word (or pair) is worth where it is found: title 16, the article's province 16 (when
  // the query names it: an article's province says what it is about as much as its title; not
  // added to a title that holds the name too),
  // summary/tags/category 4, body 1 to 3 by frequency. A pair found adds PAIR_BONUS: a query's
  // words side by side ("hợp tác quốc tế") say more than one of them in a heading; a tight pair
  // (typed joined: "80/2020") or one with a digit ("80 2020") adds TIGHT_BONUS more.
  var IN_TITLE = 16;
  var IN_PROVINCE = 16;
  var IN_META = 4;
  var PAIR_BONUS = 8;
  var TIGHT_BONUS = 16;

  function weight(code) {
    return (code & TITLE ? IN_TITLE : 0) + (code & META ? IN_META : 0) + (code & 3);
  }

  // How much a word (or pair) found in `df` of `n` documents says: ln(1 + n/df), about 0.7 for
  // a word on every article ("hữu nghị", "liên hiệp" on a union's site), 2.4 for one on a
  // tenth of them, ln(n + 1) for one on a single article. Common words are damped, never
  // dropped: every word must still match.
  function rarity(df, n) {
    return Math.log(1 + n / Math.max(df, 1));
  }

  // Codes of one word in every document (0 = absent, else code + 16, so that a document holding
  // the word with code 0 still counts as present), how many documents hold it, and which hold
  // the spelling typed. `entry` is the word's index entry [postings, spelling…]; `spelling`
  // (for a word typed with marks) the list of the documents holding its spelling, when the
  // word has several.
  function wordCodes(entry, spelling, docCount, term) {
    var codes = new Uint8Array(docCount);
    var exact = new Uint8Array(docCount);
    var df = 0;
    if (!Array.isArray(entry)) return { codes: codes, exact: exact, df: 0 };
    decodePostings(entry[0], true, function (doc, code) {
      if (doc < docCount) {
        codes[doc] = 16 + code;
        df++;
      }
    });
    var spellings = entry.slice(1);
    if (!term.marked || spellings.indexOf(term.exact) < 0) {
      return { codes: codes, exact: exact, df: df };
    }
    if (spellings.length === 1) {
      for (var doc = 0; doc < docCount; doc++) exact[doc] = codes[doc] ? 1 : 0;
    } else {
      decodePostings(spelling, false, function (doc) {
        if (doc < docCount) exact[doc] = 1;
      });
    }
    return { codes: codes, exact: exact, df: df };
  }

  function pairCodes(postings, docCount) {
    var codes = new Uint8Array(docCount);
    var df = 0;
    decodePostings(postings, true, function (doc, code) {
      if (doc < docCount) {
        codes[doc] = 16 + code;
        df++;
      }
    });
    return { codes: codes, df: df };
  }

  // For each word and each pair of the query, the documents whose province the query names
  // with that word (or pair) in it: `named` is namedProvinces' answer, `lists` the province
  // lists ("#slug" entries) fetched for it.
  function provinceMarks(query, named, lists, docCount) {
    var words = query.terms.map(function () { return null; });
    var pairs = query.pairs.map(function () { return null; });
    var df = query.pairs.map(function () { return 0; });
    (named || []).forEach(function (province, i) {
      var list = lists && lists[i];
      if (typeof list !== 'string') return;
      var docs = new Uint8Array(docCount);
      var count = 0;
      decodePostings(list, false, function (doc) {
        if (doc < docCount) {
          docs[doc] = 1;
          count++;
        }
      });
      var mark = function (marks, at, n) {
        if (at < 0) return;
        if (!marks[at]) {
          marks[at] = docs;
        } else {
          var both = new Uint8Array(docCount);
          for (var d = 0; d < docCount; d++) both[d] = marks[at][d] | docs[d];
          marks[at] = both;
        }
        if (n !== undefined) df[at] += n;
      };
      province.words.forEach(function (w, k) {
        query.terms.forEach(function (t, at) {
          if (t.folded === w) mark(words, at);
        });
        if (k > 0) mark(pairs, query.pairs.indexOf(province.words[k - 1] + ' ' + w), count);
      });
    });
    return { words: words, pairs: pairs, pairDf: df };
  }

  // Documents holding every word of `query`, best first: most words in the spelling typed (for
  // words typed with marks), then most tight pairs (a number typed whole, "80/2020"), then the
  // score — each word's and pair's weight where it is found, times its rarity — then newest.
  // `found` has the index entries of query.terms (`terms`, and `spellings` for the words typed
  // with marks), of query.pairs (`pairs`) and, optionally, of the provinces the query names
  // (`named`, namedProvinces' answer, and `provinces`, their lists); `allowed` (optional) marks
  // the documents the filters let through.
  function rank(query, found, docCount, allowed) {
    if (!query.terms.length) return [];
    var words = query.terms.map(function (t, i) {
      return wordCodes(found.terms[i], found.spellings[i], docCount, t);
    });
    var pairs = query.pairs.map(function (p, i) {
      return pairCodes(found.pairs[i], docCount);
    });
    var inProvince = provinceMarks(query, found.named, found.provinces, docCount);
    var wordRarity = words.map(function (w) {
      return rarity(w.df, docCount);
    });
    var pairRarity = pairs.map(function (p, i) {
      // A pair not fetched (over the budget) but found through a province: its province list
      // says how common it is.
      return rarity(p.df || inProvince.pairDf[i], docCount);
    });
    var tight = query.tight || [];
    // A pair with a number in it is a piece of a document number even typed apart ("38 ct
    // tw"): worth as much as a joined one, but not sorted first, since "hoc bong 2024" is as
    // likely a year.
    var numeric = query.pairs.map(function (p) {
      return /[0-9]/.test(p);
    });
    var hits = [];
    for (var doc = 0; doc < docCount; doc++) {
      if (allowed && !allowed[doc]) continue;
      var exact = 0;
      var score = 0;
      var all = true;
      for (var w = 0; w < words.length; w++) {
        var c = words[w].codes[doc];
        if (!c) {
          all = false;
          break;
        }
        if (!query.terms[w].marked || words[w].exact[doc]) exact++;
        var where = weight(c - 16);
        var province = inProvince.words[w];
        // Like a title, not on top of one: "Đà Nẵng" in the title of a Đà Nẵng article says
        // nothing more than either alone.
        if (province && province[doc] && !((c - 16) & TITLE)) where += IN_PROVINCE;
        score += wordRarity[w] * where;
      }
      if (!all) continue;
      var joined = 0;
      for (var p = 0; p < pairs.length; p++) {
        var code = pairs[p].codes[doc];
        var named = inProvince.pairs[p] && inProvince.pairs[p][doc];
        if (!code && !named) continue;
        var titled = code && (code - 16) & TITLE;
        var worth = (code ? weight(code - 16) : 0) + (named && !titled ? IN_PROVINCE : 0) +
          PAIR_BONUS;
        if (tight[p] || numeric[p]) worth += TIGHT_BONUS;
        if (tight[p] && code) joined++;
        score += pairRarity[p] * worth;
      }
      hits.push({ doc: doc, exact: exact, joined: joined, score: score });
    }
    hits.sort(function (a, b) {
      return b.exact - a.exact || b.joined - a.joined || b.score - a.score || a.doc - b.doc;
    });
    return hits.map(function (h) {
      return h.doc;
    });
  }

  // ---- The index, fetched piece by piece ---------------------------------------------------

  var FORMAT = 2;

  // `load(url)` gives a promise of the parsed JSON at `url` (fetch in a browser, a file in the
  // tests). Everything fetched is kept for the next query.
  function Index(baseUrl, load) {
    this.base = baseUrl;
    this.load = load;
    this.manifest = null;
    this.shards = {};
    this.records = {};
  }

  Index.prototype.open = function () {
    var self = this;
    if (!this.manifest) {
      this.manifest = this.load(this.base + 'index.json').then(function (m) {
        if (!m || m.format !== FORMAT || typeof m.directory !== 'string') {
          throw new Error('unsupported search index');
        }
        m.shards = decodeDirectory(m.directory);
        return m;
      });
      this.manifest.catch(function () {
        self.manifest = null; // let a later query try again
      });
    }
    return this.manifest;
  };

  // Bytes of posting shards one query may fetch beyond the words it must have. With the manifest
  // (11 KB at 10,000 articles) and a page of records (about 65 KB), a query stays under 300 KB.
  var SHARD_BUDGET = 200 * 1024;

  // Which of `keys` to fetch: the first `required` always, then the others in order as long as
  // the shards they add fit `budget` (shard sizes from the manifest, in KiB).
  function plan(manifest, keys, required, budget) {
    if (!Array.isArray(manifest.sizeList)) manifest.sizeList = decodeNumbers(manifest.sizes);
    var sizes = manifest.sizeList;
    var taken = Object.create(null);
    var total = 0;
    return keys.map(function (key, i) {
      var n = shardOf(manifest.shards, key);
      if (n < 0 || taken[n]) return true;
      var size = (sizes[n] || 0) * 1024;
      if (i >= required && total + size > budget) return false;
      taken[n] = true;
      total += size;
      return true;
    });
  }

  Index.prototype.lookup = function (manifest, key) {
    var n = shardOf(manifest.shards, key);
    if (n < 0) return Promise.resolve(null);
    var self = this;
    if (!this.shards[n]) {
      this.shards[n] = this.load(this.base + 'p/' + n + '.json?v=' + manifest.version);
      this.shards[n].catch(function () {
        delete self.shards[n];
      });
    }
    return this.shards[n].then(function (shard) {
      return shard && Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
    });
  };

  // Promise of { query, docs } (docs: ranked document numbers). `filters`: { province: slug,
  // year: number } (either may be empty).
  Index.prototype.search = function (text, filters) {
    var self = this;
    filters = filters || {};
    return this.open().then(function (manifest) {
      var query = parseQuery(text, manifest.stop);
      if (!query.terms.length || query.stopOnly) return { query: query, docs: [] };
      // Every entry the query needs, fetched at once. The words and the province come first
      // and are always fetched; the spellings (of words typed with marks), then the pairs,
      // only refine the ranking, so they are fetched while the budget allows.
      var keys = [];
      var want = function (key) {
        keys.push(key);
        return keys.length - 1;
      };
      var at = {};
      at.terms = query.terms.map(function (t) {
        return want(t.folded);
      });
      at.province = filters.province ? want('#' + filters.province) : -1;
      var required = keys.length;
      // Then the lists of the provinces the query names (small: a few characters per article
      // of the province), the spellings of words typed with marks, and the pairs.
      var named = namedProvinces(query, manifest.provinces);
      at.provinces = named.map(function (p) {
        return want('#' + p.slug);
      });
      at.spellings = query.terms.map(function (t) {
        return t.marked ? want(t.folded + '\t' + t.exact) : -1;
      });
      at.pairs = query.pairs.map(want);
      var fetched = plan(manifest, keys, required, SHARD_BUDGET);
      return Promise.all(keys.map(function (k, i) {
        return fetched[i] ? self.lookup(manifest, k) : null;
      })).then(function (values) {
        var pick = function (i) {
          return i < 0 ? null : values[i];
        };
        var found = {
          terms: at.terms.map(pick),
          spellings: at.spellings.map(pick),
          pairs: at.pairs.map(pick),
          named: named,
          provinces: at.provinces.map(pick)
        };
        var allowed = filterDocs(manifest, filters, pick(at.province));
        return { query: query, docs: rank(query, found, manifest.docs, allowed) };
      });
    });
  };

  function filterDocs(manifest, filters, provinceList) {
    if (!filters.province && !filters.year) return null;
    var docCount = manifest.docs;
    var allowed = new Uint8Array(docCount);
    if (filters.province) {
      decodePostings(provinceList, false, function (doc) {
        if (doc < docCount) allowed[doc] = 1;
      });
    } else {
      allowed.fill(1);
    }
    if (filters.year) {
      var inYear = new Uint8Array(docCount);
      (manifest.years || []).forEach(function (y) {
        if (y[0] !== filters.year) return;
        y[1].forEach(function (r) {
          for (var doc = r[0]; doc < r[1] && doc < docCount; doc++) inYear[doc] = 1;
        });
      });
      for (var i = 0; i < docCount; i++) allowed[i] &= inYear[i];
    }
    return allowed;
  }

  // Promise of document n's record { t: title, u: address, d: date, p: province, s?: summary,
  // b: the opening of the body }. Records come several to a file (records_per_file).
  Index.prototype.record = function (n) {
    var self = this;
    return this.open().then(function (manifest) {
      var per = manifest.records_per_file || 1;
      var file = Math.floor(n / per);
      if (!self.records[file]) {
        self.records[file] = self.load(self.base + 'd/' + file + '.json?v=' + manifest.version);
        self.records[file].catch(function () {
          delete self.records[file];
        });
      }
      return self.records[file].then(function (list) {
        return (Array.isArray(list) && list[n % per]) || {};
      });
    });
  };

  // ---- Showing results ---------------------------------------------------------------------

  // Splits `text` into [{ text, hit }] pieces, hit when a word folds to one of the query's.
  function highlight(text, query) {
    var wanted = Object.create(null);
    query.terms.forEach(function (t) {
      wanted[t.folded] = true;
    });
    var pieces = [];
    var at = 0;
    tokens(text).forEach(function (t) {
      if (wanted[fold(t.text)] === true) {
        if (t.start > at) pieces.push({ text: text.slice(at, t.start), hit: false });
        pieces.push({ text: t.text, hit: true });
        at = t.end;
      }
    });
    if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
    return pieces;
  }

  // About `width` words of `text` around the stretch that holds the most of the query's words
  // (and the earliest such stretch), as highlight pieces with "…" where text was cut; null when
  // no word of the query is in `text`.
  function snippet(text, query, width) {
    width = width || 30;
    var list = tokens(text);
    var wanted = Object.create(null);
    query.terms.forEach(function (t, i) {
      wanted[t.folded] = i;
    });
    var cache = Object.create(null);
    var which = list.map(function (t) {
      if (!(t.text in cache)) {
        var f = fold(t.text);
        cache[t.text] = f in wanted ? wanted[f] : -1;
      }
      return cache[t.text];
    });
    var best = -1;
    var bestCount = 0;
    for (var i = 0; i < list.length; i++) {
      if (which[i] < 0) continue;
      var distinct = Object.create(null);
      var count = 0;
      for (var j = i; j < list.length && j < i + width; j++) {
        if (which[j] >= 0 && !distinct[which[j]]) {
          distinct[which[j]] = true;
          count++;
        }
      }
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    if (best < 0) return null;
    // A few words of lead-in, but a full window when the text allows (short texts whole).
    var first = Math.max(0, Math.min(best - 5, list.length - width));
    var last = Math.min(list.length, first + width) - 1;
    var start = first === 0 ? 0 : list[first].start;
    var end = last === list.length - 1 ? text.length : list[last].end;
    var pieces = highlight(text.slice(start, end), query);
    if (start > 0) pieces.unshift({ text: '… ', hit: false });
    if (end < text.length) pieces.push({ text: ' …', hit: false });
    return pieces;
  }

  // The first `width` words of `text`, as one plain piece (" …" when cut).
  function opening(text, width) {
    var list = tokens(text);
    if (list.length <= width) return [{ text: text, hit: false }];
    return [{ text: text.slice(0, list[width - 1].end) + ' …', hit: false }];
  }

  // "2025-07-01T08:30:00+07:00" → "01/07/2025" (the date as written, in the site's timezone).
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ''));
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  // 12345 → "12.345", as Vietnamese writes thousands.
  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  var api = {
    fold: fold,
    normalizeTones: normalizeTones,
    tokens: tokens,
    forms: forms,
    parseQuery: parseQuery,
    namedProvinces: namedProvinces,
    decodePostings: decodePostings,
    decodeNumbers: decodeNumbers,
    decodeDirectory: decodeDirectory,
    compareKeys: compareKeys,
    shardOf: shardOf,
    plan: plan,
    rank: rank,
    Index: Index,
    highlight: highlight,
    snippet: snippet,
    opening: opening,
    formatDate: formatDate,
    formatCount: formatCount,
    supported: TOKEN !== null
  };

  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
    return;
  }
  root.BantinSearch = api;

  // ---- The page ----------------------------------------------------------------------------

  var PAGE = 10;

  function start() {
    var form = document.getElementById('search-form');
    if (!form) return;
    var input = form.elements.namedItem('q');
    var province = form.elements.namedItem('tinh');
    var year = form.elements.namedItem('nam');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var baseTitle = document.title;
    if (!TOKEN || !window.fetch || !window.Promise) {
      status.textContent = 'Trình duyệt này không hỗ trợ tìm kiếm. Mời xem bài viết theo Lưu trữ.';
      return;
    }
    var index = new Index(form.getAttribute('data-index') || '', function (url) {
      // The manifest is checked with the server on every visit (a 304 when unchanged): a stale
      // copy would point into the shards of an older build. Every other file's address carries
      // the manifest's version, so it can be cached as long as the browser likes.
      var fresh = /index\.json$/.test(url) ? 'no-cache' : 'default';
      return fetch(url, { credentials: 'same-origin', cache: fresh }).then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.json();
      });
    });
    var current = 0; // the latest query; answers to older ones are dropped
    var shown = null; // { query, docs, next }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      return {
        q: params.get('q') || '',
        tinh: params.get('tinh') || '',
        nam: params.get('nam') || ''
      };
    }

    function fillForm(p) {
      input.value = p.q;
      province.value = p.tinh;
      year.value = p.nam;
      // An unknown value leaves no option selected; fall back to "all".
      if (province.selectedIndex < 0) province.value = '';
      if (year.selectedIndex < 0) year.value = '';
    }

    function fromForm() {
      return { q: input.value.trim(), tinh: province.value, nam: year.value };
    }

    function addressOf(p) {
      var params = new URLSearchParams();
      if (p.q) params.set('q', p.q);
      if (p.tinh) params.set('tinh', p.tinh);
      if (p.nam) params.set('nam', p.nam);
      var search = params.toString();
      return window.location.pathname + (search ? '?' + search : '');
    }

    function clear() {
      while (list.firstChild) list.removeChild(list.firstChild);
      more.hidden = true;
      shown = null;
    }

    // `data-search-state` on the list says when a query has finished ("done", with its results
    // on screen) or failed ("error"): for tests and assistive scripts that wait on the page.
    function settle(ticket, state) {
      if (ticket === current) list.setAttribute('data-search-state', state);
    }

    function run(p) {
      var ticket = ++current;
      clear();
      list.removeAttribute('data-search-state');
      // "“hữu nghị” – Tìm kiếm | Site": the query first, so tabs and history tell searches apart.
      document.title = p.q ? '“' + p.q + '” – ' + baseTitle : baseTitle;
      if (!p.q) {
        status.textContent = '';
        settle(ticket, 'done');
        return;
      }
      status.textContent = 'Đang tìm…';
      var filters = { province: p.tinh, year: p.nam ? Number(p.nam) : 0 };
      index.search(p.q, filters).then(function (result) {
        if (ticket !== current) return;
        if (!result.query.terms.length || result.query.stopOnly) {
          status.textContent = 'Từ khóa quá chung. Hãy nhập từ khóa cụ thể hơn.';
          settle(ticket, 'done');
          return;
        }
        var n = result.docs.length;
        status.textContent = 'Tìm thấy ' + formatCount(n) + ' kết quả cho “' + p.q + '”' +
          (n ? '.' : '. Hãy thử từ khóa khác hoặc bỏ bộ lọc.');
        shown = { query: result.query, docs: result.docs, next: 0 };
        return showMore(false).then(function () { settle(ticket, 'done'); });
      }).catch(function () {
        if (ticket !== current) return;
        status.textContent = 'Không tải được dữ liệu tìm kiếm. Vui lòng thử lại sau.';
        settle(ticket, 'error');
      });
    }

    // Appends the next page of results; `moveFocus` (after "Xem thêm") puts the keyboard on
    // the first new result, since the button may vanish from under it.
    function showMore(moveFocus) {
      if (!shown) return Promise.resolve();
      var ticket = current;
      var page = shown.docs.slice(shown.next, shown.next + PAGE);
      shown.next += page.length;
      more.hidden = true;
      return Promise.all(page.map(function (doc) {
        return index.record(doc);
      })).then(function (records) {
        if (ticket !== current) return;
        var firstLink = null;
        records.forEach(function (r) {
          var item = resultItem(r, shown.query);
          if (!firstLink) firstLink = item.querySelector('a');
          list.appendChild(item);
        });
        more.hidden = shown.next >= shown.docs.length;
        if (moveFocus && firstLink) firstLink.focus();
      });
    }

    function append(parent, pieces) {
      pieces.forEach(function (piece) {
        if (piece.hit) {
          var mark = document.createElement('mark');
          mark.textContent = piece.text;
          parent.appendChild(mark);
        } else {
          parent.appendChild(document.createTextNode(piece.text));
        }
      });
    }

    function resultItem(r, query) {
      r = r || {};
      var li = document.createElement('li');
      var article = document.createElement('article');
      article.className = 'item search-result';
      var h = document.createElement('h2');
      h.className = 'item-title';
      var a = document.createElement('a');
      // Only addresses of this site: a record is data, never a place for script.
      a.href = typeof r.u === 'string' && /^\/(?![\/\\])/.test(r.u) ? r.u : '#';
      append(a, highlight(String(r.t || ''), query));
      h.appendChild(a);
      article.appendChild(h);
      var meta = document.createElement('p');
      meta.className = 'item-meta';
      var time = document.createElement('time');
      time.dateTime = String(r.d || '');
      time.textContent = formatDate(r.d);
      meta.appendChild(time);
      if (r.p) {
        var where = document.createElement('span');
        where.className = 'item-province';
        where.textContent = String(r.p);
        meta.appendChild(where);
      }
      article.appendChild(meta);
      var summary = String(r.s || '');
      var body = String(r.b || '');
      var pieces = snippet(body, query) || snippet(summary, query) ||
        opening(summary || body, 30);
      var p = document.createElement('p');
      p.className = 'search-snippet';
      append(p, pieces);
      article.appendChild(p);
      li.appendChild(article);
      return li;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var p = fromForm();
      var address = addressOf(p);
      if (address !== window.location.pathname + window.location.search) {
        window.history.pushState(null, '', address);
      }
      run(p);
    });
    more.addEventListener('click', function () {
      showMore(true);
    });
    window.addEventListener('popstate', function () {
      var p = fromAddress();
      fillForm(p);
      run(fromForm());
    });

    var initial = fromAddress();
    fillForm(initial);
    run(fromForm());
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(this);
