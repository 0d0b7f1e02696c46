//! Takes small hand-made document sets, gives checks of the whole index: what each term's
//! postings say (documents, field codes), the shard directory, determinism, and odd input.

use std::collections::BTreeMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::encode::{META, TITLE, decode_postings};
use super::records;
use super::*;
use crate::locale::{fold, normalize_tones};

/// An index read back: manifest, and every key of every shard with the shard it is in.
/// The manifest's front-coded shard directory, decoded as search.js does.
fn directory(manifest: &Value) -> Vec<String> {
    let text = manifest["directory"].as_str().expect("directory");
    if text.is_empty() {
        return Vec::new();
    }
    let mut keys: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let digit = line.as_bytes()[0];
        let digits = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
        let shared = digits.iter().position(|&d| d == digit).expect("a digit");
        let previous = keys.last().map_or("", String::as_str);
        let mut key: String = previous.chars().take(shared).collect();
        key.push_str(&line[1..]);
        keys.push(key);
    }
    keys
}

struct Read {
    manifest: Value,
    entries: BTreeMap<String, (usize, Value)>,
    files: BTreeMap<String, Vec<u8>>,
}

fn read(files: Vec<(String, Vec<u8>)>) -> Read {
    let files: BTreeMap<String, Vec<u8>> = files.into_iter().collect();
    let manifest: Value =
        serde_json::from_slice(&files["search/index.json"]).expect("manifest is JSON");
    let mut entries = BTreeMap::new();
    let shard_count = directory(&manifest).len();
    for n in 0..shard_count {
        let shard: Value =
            serde_json::from_slice(&files[&format!("search/p/{n}.json")]).expect("shard is JSON");
        for (key, value) in shard.as_object().expect("shard is an object") {
            let old = entries.insert(key.clone(), (n, value.clone()));
            assert!(old.is_none(), "{key:?} is in two shards");
        }
    }
    Read {
        manifest,
        entries,
        files,
    }
}

impl Read {
    /// (document, code) of a folded word, whatever its spelling.
    fn word(&self, folded: &str) -> Vec<(u32, u8)> {
        let (_, value) = &self.entries[folded];
        let text = value[0]
            .as_str()
            .unwrap_or_else(|| panic!("postings in {value}"));
        decode_postings(text, true).expect("postings decode")
    }

    /// The spellings of a folded word.
    fn variants(&self, folded: &str) -> Vec<String> {
        let (_, value) = &self.entries[folded];
        let list = value.as_array().expect("an array");
        list[1..]
            .iter()
            .map(|v| v.as_str().expect("a spelling").to_string())
            .collect()
    }

    /// The documents holding one spelling of a word.
    fn spelling(&self, folded: &str, exact: &str) -> Vec<u32> {
        let docs = |list: Vec<(u32, u8)>| list.into_iter().map(|(d, _)| d).collect();
        if self.variants(folded) == [exact] {
            assert!(!self.entries.contains_key(&format!("{folded}\t{exact}")));
            return docs(self.word(folded));
        }
        let (_, value) = &self.entries[&format!("{folded}\t{exact}")];
        docs(decode_postings(value.as_str().expect("docs"), false).expect("decodes"))
    }

    fn pair(&self, key: &str) -> Vec<(u32, u8)> {
        let (_, value) = &self.entries[key];
        decode_postings(value.as_str().expect("pair postings"), true).expect("decodes")
    }

    fn province(&self, slug: &str) -> Vec<u32> {
        let (_, value) = &self.entries[&format!("#{slug}")];
        let list = decode_postings(value.as_str().expect("string"), false).expect("decodes");
        list.into_iter().map(|(d, _)| d).collect()
    }

    fn record(&self, n: usize) -> Value {
        let per = self.manifest["records_per_file"]
            .as_u64()
            .expect("per file") as usize;
        let path = format!("search/d/{}.json", n / per);
        let file: Value = serde_json::from_slice(&self.files[&path]).expect("records file");
        file[n % per].clone()
    }
}

struct Doc {
    title: &'static str,
    date: &'static str,
    province: &'static str,
    slug: &'static str,
    tags: Vec<String>,
    category: Option<&'static str>,
    summary: &'static str,
    html: String,
    url: String,
}

fn doc(title: &'static str, html: &str) -> Doc {
    Doc {
        title,
        date: "2025-07-01T08:30:00+07:00",
        province: "An Giang",
        slug: "an-giang",
        tags: Vec::new(),
        category: None,
        summary: "",
        html: html.to_string(),
        url: format!("/p/tin-tuc/{}/", crate::locale::slugify(title)),
    }
}

fn search_docs(docs: &[Doc]) -> Vec<SearchDoc<'_>> {
    docs.iter()
        .map(|d| SearchDoc {
            url: &d.url,
            title: d.title,
            date: d.date,
            province: d.province,
            province_slug: d.slug,
            tags: &d.tags,
            category: d.category,
            summary: d.summary,
            html: &d.html,
        })
        .collect()
}

fn build_read(docs: &[Doc]) -> Read {
    read(build(&search_docs(docs)))
}

#[test]
fn words_are_folded_with_their_exact_spellings_as_variants() {
    let docs = [
        doc("Đường hữu nghị", "<p>Con đường Hữu Nghị</p>"),
        doc("Dương Đông", "<p>Thị trấn dương đông, ĐƯỜNG</p>"),
        doc("Tỉnh uỷ", "<p>Tỉnh ủy và tỉnh uỷ; Hoà Bình, hòa bình.</p>"),
    ];
    let index = build_read(&docs);
    assert_eq!(index.variants("duong"), ["dương", "đường"]);
    // Any spelling: flags of all, the highest body bucket.
    assert_eq!(index.word("duong"), [(0, TITLE | 1), (1, TITLE | 1)]);
    assert_eq!(index.spelling("duong", "đường"), [0, 1]);
    assert_eq!(index.spelling("duong", "dương"), [1]);
    // Old and new tone placement are one spelling.
    assert_eq!(index.variants("uy"), ["ủy"]);
    assert_eq!(index.word("uy"), [(2, TITLE | 2)]);
    assert_eq!(index.spelling("uy", "ủy"), [2]);
    assert_eq!(index.variants("hoa"), ["hòa"]);
    assert_eq!(index.word("hoa"), [(2, 2)]);
    assert!(!index.entries.contains_key("uỷ"));
}

#[test]
fn codes_say_title_meta_and_body_frequency() {
    let mut with_meta = doc("Tin khác", "<p>nội dung</p>");
    with_meta.tags = vec!["hữu nghị".to_string()];
    with_meta.summary = "Tóm tắt";
    with_meta.category = Some("Đối ngoại nhân dân");
    with_meta.province = "Đắk Lắk";
    with_meta.slug = "dak-lak";
    let docs = [
        doc("Hữu nghị", "<p>một</p>"),
        doc("Khác", "<p>hữu hữu</p><p>hữu hữu</p>"),
        doc("Khác", "<p>hữu, hữu, hữu</p>"),
        with_meta,
    ];
    let index = build_read(&docs);
    assert_eq!(index.word("huu"), [(0, TITLE), (1, 3), (2, 2), (3, META)]);
    assert_eq!(index.word("tom"), [(3, META)]);
    assert_eq!(index.word("doi"), [(3, META)]);
    assert_eq!(index.word("dak"), [(3, META)]);
    assert_eq!(index.word("an"), [(0, META), (1, META), (2, META)]);
    assert_eq!(index.province("an-giang"), [0, 1, 2]);
    assert_eq!(index.province("dak-lak"), [3]);
}

#[test]
fn adjacent_words_give_pairs_within_a_field_only() {
    let mut d = doc("Hợp tác", "<p>quốc tế về hợp tác quốc tế</p>");
    d.tags = vec!["hợp tác".into(), "quốc tế".into()];
    let docs = [
        d,
        doc(
            "Hợp",
            "<p>tác quốc. Tế</p><ul><li>hợp</li><li>tác</li></ul>",
        ),
    ];
    let index = build_read(&docs);
    assert_eq!(index.pair("hop tac"), [(0, TITLE | META | 1), (1, 1)]);
    assert_eq!(index.pair("tac quoc"), [(0, 1), (1, 1)]);
    // Across a full stop is still adjacent (search.js pairs the query's words the same way).
    assert_eq!(index.pair("quoc te"), [(0, META | 2), (1, 1)]);
    // The title's last word and the summary's or a tag's first are not a pair.
    assert!(!index.entries.contains_key("tac hop"));
    assert!(!index.entries.contains_key("hop quoc"));
    // Nor is a stop word ("về") with its neighbours.
    assert!(!index.entries.contains_key("te ve"));
    assert!(!index.entries.contains_key("ve hop"));
}

#[test]
fn pairs_skip_stop_words_by_their_exact_spelling() {
    let docs = [
        doc("Tin", "<p>Đã nâng cao.</p>"),
        doc("Tin", "<p>Thành phố Đà Nẵng và miền Trung.</p>"),
    ];
    let index = build_read(&docs);
    assert_eq!(
        index.pair("da nang"),
        [(1, 1)],
        "đà is not a stop word, đã is"
    );
    assert!(!index.entries.contains_key("nang va"));
    assert!(!index.entries.contains_key("va mien"));
    // The stop words themselves are still words: "đã" can be searched for with others.
    assert_eq!(index.spelling("da", "đã"), [0]);
}

#[test]
fn nfd_input_indexes_like_nfc() {
    let nfc = [doc("Đà Nẵng hoà bình", "<p>Tỉnh uỷ Đắk Lắk</p>")];
    let mut nfd = [doc("x", "")];
    let title: String = "Đà Nẵng hoà bình".nfd().collect();
    nfd[0].title = Box::leak(title.into_boxed_str());
    nfd[0].html = "<p>Tỉnh uỷ Đắk Lắk</p>".nfd().collect();
    nfd[0].url = nfc[0].url.clone();
    let a = build_read(&nfc);
    let b = build_read(&nfd);
    let keys = |r: &Read| r.entries.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&a), keys(&b));
    for key in keys(&a) {
        assert_eq!(a.entries[&key], b.entries[&key], "entry {key:?}");
    }
}

#[test]
fn records_hold_what_a_result_shows() {
    let mut d = doc(
        "Tiêu đề \"x\" <y>",
        "<p>Thân &amp; bài</p>\n<p>Đoạn hai</p>",
    );
    d.summary = "Tóm tắt";
    let mut from_body = doc("Hai", "<p>Mở đầu.</p><p>Tiếp.</p>");
    from_body.summary = "Mở đầu.";
    let long_body = format!("<p>{}</p>", "chữ ".repeat(400));
    let long = doc("Dài", &long_body);
    let mut docs = vec![d, from_body, long];
    docs.extend(["Sáu", "Bảy", "Tám"].map(|t| doc(t, "")));
    let index = build_read(&docs);
    let r = index.record(0);
    assert_eq!(r["t"], "Tiêu đề \"x\" <y>");
    assert_eq!(r["u"], "/p/tin-tuc/tieu-de-x-y/");
    assert_eq!(r["d"], "2025-07-01T08:30:00+07:00");
    assert_eq!(r["p"], "An Giang");
    assert_eq!(r["s"], "Tóm tắt");
    assert_eq!(r["b"], "Thân & bài Đoạn hai");
    assert_eq!(
        index.record(1)["s"],
        Value::Null,
        "the body repeats the summary"
    );
    assert_eq!(index.record(1)["b"], "Mở đầu. Tiếp.");
    let b = index.record(2)["b"].as_str().expect("text").to_string();
    let chars = b.chars().count();
    assert!(
        b.ends_with("chữ …") && chars <= records::SNIPPET_CHARS + 2,
        "{chars}: {b}"
    );
    assert_eq!(index.record(5)["t"], "Tám", "in the second file");
    assert!(!index.files.contains_key("search/d/2.json"));
}

#[test]
fn the_manifest_lists_years_shards_and_stop_words() {
    let mut docs = vec![doc("Một", ""), doc("Hai", ""), doc("Ba", "")];
    docs[0].date = "2026-01-01T00:00:00+07:00";
    let index = build_read(&docs);
    let m = &index.manifest;
    assert_eq!(m["format"], 2);
    assert_eq!(m["docs"], 3);
    assert_eq!(
        m["years"],
        serde_json::json!([[2026, [[0, 1]]], [2025, [[1, 3]]]])
    );
    assert_eq!(m["directory"], "A#an-giang");
    assert_eq!(m["sizes"], "B", "one shard of at most 1 KiB");
    assert_eq!(m["stop"].as_array().map(Vec::len), Some(STOP_WORDS.len()));
    let version = m["version"].as_str().expect("version");
    assert_eq!(version.len(), 16);
}

#[test]
fn the_manifest_names_the_provinces_folded_by_slug() {
    let mut docs = vec![
        doc("Một", ""),
        doc("Hai", ""),
        doc("Ba", ""),
        doc("Bốn", ""),
        doc("Năm", ""),
    ];
    (docs[0].province, docs[0].slug) = ("Đà Nẵng", "da-nang");
    (docs[1].province, docs[1].slug) = ("TP. Hồ Chí Minh", "ho-chi-minh");
    // A slug keeps the name it is first seen with; no slug, or a name without words, no entry.
    (docs[2].province, docs[2].slug) = ("Đà Nẵng (cũ)", "da-nang");
    (docs[3].province, docs[3].slug) = ("Hà Nội", "");
    (docs[4].province, docs[4].slug) = ("—", "dau-gach");
    let index = build_read(&docs);
    assert_eq!(
        index.manifest["provinces"],
        serde_json::json!([["da-nang", "da nang"], ["ho-chi-minh", "tp ho chi minh"]])
    );
    // The filter lists search.js ranks with are there for each.
    assert_eq!(index.province("da-nang"), [0, 2]);
    assert_eq!(index.province("ho-chi-minh"), [1]);
}

/// Many distinct words, so that small shards are many.
fn many_docs() -> Vec<Doc> {
    (0..60)
        .map(|i| {
            let words: Vec<String> = (0..40)
                .map(|j| format!("từ{}x{}", i * 7 + j, j % 5))
                .collect();
            let mut d = doc("Bài viết", &format!("<p>{}</p>", words.join(" ")));
            d.url = format!("/tin-tuc/{i}/");
            d.date = if i < 30 {
                "2025-01-01T00:00:00+07:00"
            } else {
                "2024-01-01T00:00:00+07:00"
            };
            d
        })
        .collect()
}

#[test]
fn shards_are_capped_sorted_and_found_through_the_directory() {
    let docs = many_docs();
    let cap = 2000;
    let files = build_with_cap(&search_docs(&docs), cap);
    let index = read(files.clone());
    let directory = directory(&index.manifest);
    assert!(directory.len() > 20, "{} shards", directory.len());
    let mut sorted = directory.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, directory, "directory not strictly sorted");
    for (path, bytes) in &files {
        if path.starts_with("search/p/") {
            // Only a single entry may exceed the cap.
            let shard: Value = serde_json::from_slice(bytes).expect("JSON");
            let len = shard.as_object().map_or(0, |o| o.len());
            assert!(
                bytes.len() <= cap || len == 1,
                "{path}: {} bytes",
                bytes.len()
            );
        }
    }
    // Every key is in the last shard whose first key is not after it (what search.js does).
    for (key, (shard, _)) in &index.entries {
        let expected = directory.partition_point(|first| first.as_str() <= key.as_str()) - 1;
        assert_eq!(*shard, expected, "key {key:?}");
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let docs = many_docs();
    let a = build_with_cap(&search_docs(&docs), 3000);
    let b = build_with_cap(&search_docs(&docs), 3000);
    assert!(a == b, "two builds differ");
    // On other thread counts too: chunking must not leak into the output.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let c = pool.install(|| build_with_cap(&search_docs(&docs), 3000));
    assert!(a == c, "a one-thread build differs");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(5)
        .build()
        .expect("pool");
    let many: Vec<Doc> = (0..5).flat_map(|_| many_docs()).collect();
    let d = pool.install(|| build_with_cap(&search_docs(&many), 3000));
    let e = build_with_cap(&search_docs(&many), 3000);
    assert!(d == e, "a five-thread build differs");
}

#[test]
fn a_change_changes_the_version() {
    let docs = many_docs();
    let a = read(build(&search_docs(&docs)));
    let mut changed = many_docs();
    changed[59].html.push_str("<p>thêm</p>");
    let b = read(build(&search_docs(&changed)));
    assert_ne!(a.manifest["version"], b.manifest["version"]);
}

#[test]
fn no_documents_give_an_empty_index() {
    let index = read(build(&[]));
    assert_eq!(index.manifest["docs"], 0);
    assert_eq!(index.manifest["directory"], "");
    assert!(index.entries.is_empty());
}

#[test]
fn odd_input_does_not_panic() {
    let tags = vec![
        String::new(),
        "\u{301}".to_string(),
        "\"\\\u{0}".to_string(),
    ];
    let odd = [
        "<",
        "&",
        "&#",
        "<p",
        "<!--",
        "</",
        "<a href='>",
        "\u{301}\u{301}",
        "\u{FFFF}\u{10FFFF}",
        "<script>",
        "a\0b",
        "&#x110000;",
        "𝐇𝐮̛̃𝐮",
    ];
    let docs: Vec<SearchDoc<'_>> = odd
        .iter()
        .map(|s| SearchDoc {
            url: s,
            title: s,
            date: s,
            province: s,
            province_slug: s,
            tags: &tags,
            category: Some(s),
            summary: s,
            html: s,
        })
        .collect();
    let index = read(build_with_cap(&docs, 1));
    assert_eq!(index.manifest["docs"], odd.len());
    for n in 0..odd.len() {
        assert!(index.record(n).is_object());
    }
}

/// The folding rules the index is built on, on the inputs the JavaScript parity test also runs
/// (tests/it/search.rs compares search.js with these functions on a larger table).
#[test]
fn folding_parity_inputs() {
    let cases = [
        ("Đà Nẵng", "đà", "da"),
        ("DAK", "dak", "dak"),
        ("Lắk", "lắk", "lak"),
        ("hoà", "hòa", "hoa"),
        ("hòa", "hòa", "hoa"),
        ("uỷ", "ủy", "uy"),
        ("ủy", "ủy", "uy"),
        ("Quý", "quý", "quy"),
        ("ỳ", "ỳ", "y"),
        ("ỷ", "ỷ", "y"),
        ("KHOẺ", "khỏe", "khoe"),
    ];
    for (text, exact, folded) in cases {
        let first = text.split(' ').next().unwrap_or_default();
        let f = forms(first).expect("a word");
        assert_eq!(f.exact, exact, "{text:?}");
        assert_eq!(f.folded, folded, "{text:?}");
        // The forms are exactly the locale functions applied to the word.
        assert_eq!(f.exact, normalize_tones(&first.to_lowercase()));
        assert_eq!(f.folded, fold(first));
        let nfd: String = first.nfd().collect();
        assert_eq!(forms(&nfd), Some(f), "NFD {text:?}");
    }
}
