//! Takes the search index builder (`bantin::search`) and the browser client
//! (themes/default/static/js/search.js), gives checks of the two together in node: the same
//! folding for every input, whole queries against an index the builder wrote
//! (tests/search/search.test.mjs), and the sample site's index; the download sizes and
//! build time on a generated corpus are measured by `bantin-bench search`, not here.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use bantin::search::{self, SearchDoc};
use unicode_normalization::UnicodeNormalization;

use crate::support::{self, repo};

/// `node` from PATH. CI has it; a missing node fails the test rather than skipping it.
fn node() -> PathBuf {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&paths)
        .map(|dir| dir.join("node"))
        .find(|p| p.is_file())
        .expect("`node` is not on PATH; the search tests need it (any version from 20 on)")
}

fn search_js() -> PathBuf {
    repo().join("themes/default/static/js/search.js")
}

/// Runs node with `args`, `input` on stdin; gives the outcome.
fn run_node(args: &[&str], input: &str, env: &[(&str, &Path)]) -> support::Outcome {
    let mut command = Command::new(node());
    command
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("node starts");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("write to node");
    }
    let output = child.wait_with_output().expect("node runs");
    support::Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Writes the index files under `dir`; gives the index folder (`dir/search/`).
fn write_index(dir: &Path, files: &[(String, Vec<u8>)]) -> PathBuf {
    for (path, bytes) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create index folder");
        }
        std::fs::write(&target, bytes).expect("write index file");
    }
    dir.join(search::DIR)
}

// ---- Folding parity --------------------------------------------------------------------------

/// Hand-picked inputs: every rule of fold and normalize_tones, and the characters where JS and
/// Rust disagree unless search.js is careful (white space, case mappings, marks).
const PARITY: &[&str] = &[
    "Hữu Nghị",
    "ĐÀ  Nẵng",
    "đà nẵng",
    "Đắk Lắk",
    "DAK LAK",
    "hoà hòa HOÀ Hoà",
    "uỷ ủy UỶ Uỷ",
    "Tỉnh uỷ, Tỉnh ủy.",
    "Quý quý QUÝ quỳ",
    "ỳ ỷ ỹ ý ỵ Ỳ Ỷ",
    "khoẻ khỏe KHOẺ",
    "thuỵ thuý tuỳ huỷ",
    "hoàng thuyền khuyến hoài ngoài khoản",
    "hoá học, toả sáng, loè loẹt, oà khóc",
    "(hoà) [uỷ] {khoẻ}",
    "hoà1 uỷ_ khoẻ-",
    "ahoà aoà xuỷ",
    "Người Việt Nam ở nước ngoài",
    "Crème Brûlée naïve façade",
    "COVID-19 năm 2025, 91,1%",
    "e-mail: lienhiep@angiang.example",
    "Σ ΑΣ ΑΣ. ὈΔΥΣΣΕΎΣ",
    "İstanbul ß ǅ ﬁ",
    "a\u{85}b\u{FEFF}c\u{A0}d\u{2028}e\u{3000}f",
    "\u{301}\u{323} a\u{301}\u{301}",
    "日本 한국 ภาษาไทย",
    "x\u{1AB0}y",
    "Ⅻ ½ ٣ ²",
    "",
    "   ",
];

/// More inputs from a fixed pseudo-random mix of the letters and marks that matter.
fn generated() -> Vec<String> {
    let pool: Vec<&str> = vec![
        "a", "o", "u", "y", "e", "i", "q", "Q", "h", "k", "n", "g", "đ", "Đ", "O", "U", "A", "Y",
        "à", "á", "ả", "ã", "ạ", "ò", "ó", "ỏ", "õ", "ọ", "ù", "ú", "ủ", "ũ", "ụ", "ỳ", "ý", "ỷ",
        "ỹ", "ỵ", "È", "é", "ẻ", "Ẽ", "ẹ", "ơ", "ư", "ô", "ê", "â", "ă", "Ờ", "Ữ", "\u{300}",
        "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}", " ", "\t",
        "-", ",", ".", "1", "9", "Σ", "İ", "ß", "\u{85}", "\u{FEFF}", "\u{A0}", "日", "\u{1AB0}",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..4000)
        .map(|_| {
            let len = 1 + next(9);
            let s: String = (0..len).map(|_| pool[next(pool.len())]).collect();
            if next(4) == 0 { s.nfd().collect() } else { s }
        })
        .collect()
}

/// What both sides give for one input: fold, normalize_tones, and (exact, folded) per token.
type Folded = (String, String, Vec<(String, String)>);

#[test]
fn search_js_folds_and_tokenises_exactly_like_rust() {
    let mut inputs: Vec<String> = PARITY.iter().map(|s| s.to_string()).collect();
    inputs.extend(PARITY.iter().map(|s| s.nfd().collect::<String>()));
    inputs.extend(generated());
    let script = format!(
        "const S = require({js});
         let input = '';
         process.stdin.on('data', (c) => (input += c));
         process.stdin.on('end', () => {{
           const out = JSON.parse(input).map((s) => [
             S.fold(s),
             S.normalizeTones(s),
             S.tokens(s).map((t) => S.forms(t.text)).filter(Boolean).map((f) => [f.exact, f.folded]),
           ]);
           process.stdout.write(JSON.stringify(out));
         }});",
        js = serde_json::to_string(&search_js()).expect("path as JSON")
    );
    let outcome = run_node(
        &["-e", &script],
        &serde_json::to_string(&inputs).expect("JSON"),
        &[],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let js: Vec<Folded> = serde_json::from_str(&outcome.stdout).expect("node printed JSON");
    assert_eq!(js.len(), inputs.len());
    let mut mismatches = Vec::new();
    for (input, (fold, tones, terms)) in inputs.iter().zip(js) {
        let rust_terms: Vec<(String, String)> = search::tokens(input)
            .filter_map(search::forms)
            .map(|f| (f.exact, f.folded))
            .collect();
        let rust = (
            bantin::locale::fold(input),
            bantin::locale::normalize_tones(input),
            rust_terms,
        );
        if rust != (fold.clone(), tones.clone(), terms.clone()) {
            mismatches.push(format!(
                "{input:?}:\n  rust {rust:?}\n  js   {:?}",
                (fold, tones, terms)
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} inputs differ:\n{}",
        mismatches.len(),
        inputs.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
}

// ---- Whole queries ---------------------------------------------------------------------------

struct Fixture {
    url: &'static str,
    title: &'static str,
    date: &'static str,
    province: (&'static str, &'static str),
    tags: Vec<String>,
    html: &'static str,
}

/// The small index search.test.mjs queries; it names the documents by `url`. Newest first.
fn fixture_docs() -> Vec<Fixture> {
    let f = |url, title, date, province, html| Fixture {
        url,
        title,
        date,
        province,
        tags: Vec::new(),
        html,
    };
    let an_giang = ("An Giang", "an-giang");
    let kien_giang = ("Kiên Giang", "kien-giang");
    vec![
        f(
            "/t/duong-bien/",
            "Thái Bình Dương và hợp tác biển",
            "2026-02-01T08:00:00+07:00",
            an_giang,
            "<p>Hội thảo về biển và <em>hoa</em> sen.</p>",
        ),
        f(
            "/t/duong-lang/",
            "Bê tông hóa đường làng",
            "2025-12-01T08:00:00+07:00",
            kien_giang,
            "<p>Con đường mới mang lại hòa thuận cho xóm.</p>",
        ),
        f(
            "/t/huu-nghi-than/",
            "Gặp mặt đầu năm",
            "2025-08-01T08:00:00+07:00",
            an_giang,
            "<p>Vun đắp tình hữu nghị Việt – Lào.</p>",
        ),
        f(
            "/t/huu-nghi-tieu-de/",
            "Hữu nghị Việt Nam – Campuchia",
            "2025-03-01T08:00:00+07:00",
            ("Hà Nội", "ha-noi"),
            "<p>Nội dung khác.</p>",
        ),
        f(
            "/t/roi-rac/",
            "Hợp xướng văn nghệ",
            "2025-02-01T08:00:00+07:00",
            an_giang,
            "<p>Tác phẩm quốc ca được hợp xướng tại trạm y tế.</p>",
        ),
        f(
            "/t/hop-tac-quoc-te/",
            "Giáo dục",
            "2024-06-01T08:00:00+07:00",
            kien_giang,
            "<p>Đẩy mạnh hợp tác quốc tế trong giáo dục.</p>",
        ),
        f(
            "/t/da-nang/",
            "Đoàn công tác thăm Đà Nẵng",
            "2024-01-01T08:00:00+07:00",
            ("Đắk Lắk", "dak-lak"),
            "<p>Đoàn của Tỉnh uỷ Đắk Lắk.</p>",
        ),
        f(
            "/t/uy-ban/",
            "Làm việc với Ủy ban",
            "2023-05-01T08:00:00+07:00",
            an_giang,
            "<p>Ủy ban nhân dân tỉnh và Tỉnh ủy.</p>",
        ),
    ]
}

fn as_search_docs(docs: &[Fixture]) -> Vec<SearchDoc<'_>> {
    docs.iter()
        .map(|d| SearchDoc {
            url: d.url,
            title: d.title,
            date: d.date,
            province: d.province.0,
            province_slug: d.province.1,
            tags: &d.tags,
            html: d.html,
            ..SearchDoc::default()
        })
        .collect()
}

#[test]
fn search_js_answers_queries_on_an_index_built_in_rust() {
    let docs = fixture_docs();
    let dir = tempfile::tempdir().expect("temp dir");
    // Tiny shards, so that the queries cross many files and the directory is exercised.
    let files = search::build_with_cap(&as_search_docs(&docs), 200);
    let index = write_index(dir.path(), &files);
    let test_file = repo().join("tests/search/search.test.mjs");
    let outcome = run_node(
        &["--test", &test_file.to_string_lossy()],
        "",
        &[("BANTIN_SEARCH_INDEX", &index)],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    // Nothing may be skipped here: the index-backed tests are the point.
    assert!(
        outcome.stdout.contains("# skipped 0"),
        "{}",
        outcome.transcript()
    );
}

// ---- A real site -----------------------------------------------------------------------------

/// The search documents of a compiled site, as the build gives them to `search::build`.
struct SiteDocs {
    urls: Vec<String>,
    dates: Vec<String>,
    provinces: &'static bantin::provinces::Provinces,
    compiled: bantin::build::Compiled,
}

impl SiteDocs {
    fn compile(source: &Path) -> SiteDocs {
        let options = bantin::build::Options {
            source: source.to_path_buf(),
            ..Default::default()
        };
        let compiled = match bantin::build::compile(&options) {
            Ok(c) => c,
            Err(e) => panic!("{} does not build: {e}", source.display()),
        };
        let articles = &compiled.index.articles;
        let urls = articles
            .iter()
            .map(|a| compiled.config.url(&a.path))
            .collect();
        let dates = articles
            .iter()
            .map(|a| bantin::render::context::iso(&a.date))
            .collect();
        SiteDocs {
            urls,
            dates,
            provinces: bantin::provinces::Provinces::builtin(),
            compiled,
        }
    }

    fn docs(&self) -> Vec<SearchDoc<'_>> {
        let provinces = &self.provinces;
        self.compiled
            .index
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let p = provinces.get(a.province);
                SearchDoc {
                    url: &self.urls[i],
                    title: &a.title,
                    date: &self.dates[i],
                    province: p.display_name(),
                    province_slug: bantin::model::province_path_slug(provinces, a.province),
                    tags: &a.tags,
                    category: a.category.as_deref(),
                    summary: &a.summary,
                    html: &a.body.html,
                }
            })
            .collect()
    }
}

/// Runs tests/search/measure.mjs on an index folder; gives its per-query report lines.
fn measure(index: &Path, queries: &[&str]) -> Vec<serde_json::Value> {
    let script = repo().join("tests/search/measure.mjs");
    let mut args = vec![script.to_string_lossy().into_owned()];
    args.push(index.to_string_lossy().into_owned());
    args.extend(queries.iter().map(|q| q.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let outcome = run_node(&args, "", &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    outcome
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn the_sample_site_is_searchable() {
    let site = SiteDocs::compile(repo());
    let docs = site.docs();
    let dir = tempfile::tempdir().expect("temp dir");
    let index = write_index(dir.path(), &search::build(&docs));
    let report = measure(&index, &["huu nghi", "Hữu nghị", "kien giang", "và"]);
    let results = |i: usize| report[i]["results"].as_u64().unwrap_or(0);
    assert!(results(0) > 0, "{report:?}");
    assert_eq!(results(0), results(1), "marks change ranking, not matching");
    assert!(results(2) > 0, "{report:?}");
    assert_eq!(results(3), 0, "a stop word alone");
    for line in &report {
        let first = &line["first"];
        if !first.is_null() {
            let url = first["u"].as_str().unwrap_or_default();
            assert!(url.starts_with(&site.compiled.config.base_path), "{line}");
        }
    }
}

/// The sample site built by `bantin build` into `dir` (its articles and its documents in one
/// index, as a reader gets it); gives the output folder.
fn build_sample(dir: &Path) -> PathBuf {
    let out = dir.join("out");
    let args = [
        std::ffi::OsStr::new("build"),
        std::ffi::OsStr::new("--source"),
        repo().as_os_str(),
        std::ffi::OsStr::new("--output"),
        out.as_os_str(),
    ];
    let outcome = support::bantin(dir, args);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    out
}

/// A document is found by its number however a reader types it (whole, with its kind, lower
/// case, without marks, its pieces apart) and by the words of its trích yếu, through the real
/// search.js on the index the build wrote.
#[test]
fn the_sample_sites_documents_are_found_by_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = build_sample(dir.path());
    let base = "/lhhn-angiang/";
    let nd80 = format!("{base}van-ban/80-2020-nd-cp/");
    let ct38 = format!("{base}van-ban/38-ct-tw/");
    let cases: &[(&str, &str, usize)] = &[
        ("80/2020", &nd80, 1),
        ("80/2020/nd-cp", &nd80, 1),
        ("80/2020/NĐ-CP", &nd80, 1),
        ("nghi dinh 80/2020", &nd80, 1),
        ("38-ct/tw", &ct38, 1),
        ("38 ct tw", &ct38, 1),
        ("chi thi 38", &ct38, 1),
        ("vien tro khong hoan lai", &nd80, 3),
    ];
    let queries: Vec<&str> = cases.iter().map(|(q, _, _)| *q).collect();
    let report = measure(&out.join("search"), &queries);
    assert_eq!(report.len(), cases.len(), "{report:?}");
    for ((query, wanted, within), line) in cases.iter().zip(&report) {
        let top: Vec<&str> = line["top"]
            .as_array()
            .map(|a| a.iter().filter_map(|u| u.as_str()).collect())
            .unwrap_or_default();
        let rank = top.iter().position(|u| u == wanted);
        assert!(
            rank.is_some_and(|r| r < *within),
            "{query:?}: {wanted} should be in the first {within}, the results are {top:#?}"
        );
    }
}

/// The search page's year menu offers every year the index holds, newest first: the years of
/// articles and those of documents alone (the sample's 2013 and 2019).
#[test]
fn the_search_pages_year_menu_has_every_year_of_the_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = build_sample(dir.path());
    let manifest: serde_json::Value =
        serde_json::from_str(&support::read(&out.join("search/index.json"))).expect("manifest");
    let indexed: Vec<i64> = manifest["years"]
        .as_array()
        .map(|a| a.iter().filter_map(|y| y[0].as_i64()).collect())
        .unwrap_or_default();
    let page = support::read(&out.join("tim-kiem/index.html"));
    let menu = page
        .split("<select id=\"search-nam\"")
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap_or_else(|| panic!("no year menu in {page}"));
    let offered: Vec<i64> = menu
        .split("<option value=\"")
        .skip(1)
        .filter_map(|o| o.split('"').next())
        .filter(|v| !v.is_empty())
        .filter_map(|v| v.parse().ok())
        .collect();
    assert!(
        indexed.contains(&2013) && indexed.contains(&2019),
        "{indexed:?}"
    );
    let mut newest_first = indexed.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(offered, newest_first, "the menu: {menu}");
}

// ---- Relevance (issue 19) ----------------------------------------------------------------------

/// The scores the ranking reaches on the relevance set (tests/search/relevance/), less a little
/// margin: one query falling from first to second place costs 0.010 of MRR@10 and nothing of
/// the top-3 share; the ranking before issue 19 scored 0.965 MRR@10 and 0.923 precision. See
/// BENCHMARKS.md, "Search relevance (issue 19)".
const MIN_TOP3: f64 = 0.97;
const MIN_MRR10: f64 = 0.98;
const MIN_PRECISION: f64 = 0.95;

#[test]
fn search_ranks_what_the_reader_meant_on_the_relevance_set() {
    let site = repo().join("tests/search/relevance/site");
    let out = tempfile::tempdir().expect("temp dir");
    let built = support::bantin(
        repo(),
        [
            "build".as_ref(),
            "--source".as_ref(),
            site.as_os_str(),
            "--output".as_ref(),
            out.path().as_os_str(),
        ],
    );
    assert_eq!(built.code, 0, "{}", built.transcript());
    let script = repo().join("tests/search/relevance.mjs");
    let queries = repo().join("tests/search/relevance/queries.json");
    let index = out.path().join(search::DIR);
    let outcome = run_node(
        &[
            &script.to_string_lossy(),
            &index.to_string_lossy(),
            &queries.to_string_lossy(),
        ],
        "",
        &[],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    let last = outcome.stdout.lines().last().unwrap_or_default();
    let scores: serde_json::Value = serde_json::from_str(last).expect("scores as JSON");
    let score = |name: &str| scores[name].as_f64().unwrap_or(0.0);
    assert!(
        score("queries") >= 30.0,
        "the relevance set has too few queries\n{}",
        outcome.stdout
    );
    assert!(
        score("top3") >= MIN_TOP3
            && score("mrr10") >= MIN_MRR10
            && score("precision") >= MIN_PRECISION,
        "search ranks worse than it did (top-3 share at least {MIN_TOP3}, MRR@10 {MIN_MRR10}, \
         precision {MIN_PRECISION}):\n{}",
        outcome.stdout
    );
}
