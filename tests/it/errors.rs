//! What the user sees when a site is broken: takes the fixture sites under
//! tests/fixtures/errors/<case>/, gives one test per case proving the build fails with exit 1,
//! names `file:line:` with the bad value and a `help:` line, leaves the old output untouched,
//! and prints exactly the stderr recorded in `<case>/expected.vi.stderr` (Vietnamese, what an
//! editor sees by default) and `<case>/expected.en.stderr` (with `BANTIN_MESSAGES=en`).
//!
//! Refresh the recorded stderr with `BANTIN_BLESS=1 cargo test --test it errors::`.

use std::path::Path;

use crate::support::{self, Tree, bantin_in, repo};

/// The recorded stderr of each language: (the `BANTIN_MESSAGES` value, the file). Vietnamese
/// runs with the variable unset, as on an editor's machine.
const GOLDENS: [(&str, &str); 2] = [("", "expected.vi.stderr"), ("en", "expected.en.stderr")];

/// What one broken site must report.
struct Case {
    /// `path:line:` locations that must all appear in stderr.
    at: &'static [&'static str],
    /// At least one of these locations must appear (where the exact line is a design choice).
    at_one_of: &'static [&'static str],
    /// Text that must appear in the English report: the bad value, and the suggestion where
    /// there is one.
    says: &'static [&'static str],
    /// Text that must not appear in the English report: a problem that only follows from
    /// another one already reported.
    never: &'static [&'static str],
}

const NONE: &[&str] = &[];

/// One `#[test]` per case, named after its fixture folder, and the list of all case names.
macro_rules! cases {
    ($($name:ident => $case:expr,)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name), &$case);
            }
        )*
        const CASES: &[&str] = &[$(stringify!($name)),*];
    };
}

cases! {
    date_31_feb => Case {
        at: &["content/tin-tuc/ngay-khong-ton-tai.md:3:"],
        at_one_of: NONE,
        says: &["31/02/2024"],
        never: NONE,
    },
    province_typo => Case {
        at: &["content/tin-tuc/sai-ten-tinh.md:4:"],
        at_one_of: NONE,
        says: &["Kien Gang", "Kiên Giang"],
        never: NONE,
    },
    missing_title => Case {
        at: NONE,
        // Nothing to point at but the front-matter block: its opening `---` or its first key.
        at_one_of: &["content/tin-tuc/khong-tieu-de.md:1:", "content/tin-tuc/khong-tieu-de.md:2:"],
        says: &["title"],
        never: NONE,
    },
    yaml_syntax => Case {
        at: &["content/tin-tuc/hai-cham.md:2:"],
        at_one_of: NONE,
        says: &["Thông báo"],
        never: NONE,
    },
    unknown_field => Case {
        at: &["content/tin-tuc/sai-ten-truong.md:4:"],
        at_one_of: NONE,
        says: &["provice", "province"],
        never: NONE,
    },
    duplicate_slug => Case {
        at: NONE,
        // Both files must be named; the slug line of at least one of them must be pointed at.
        at_one_of: &["content/tin-tuc/bai-mot.md:3:", "content/tin-tuc/bai-hai.md:3:"],
        says: &["trung-lap", "content/tin-tuc/bai-mot.md", "content/tin-tuc/bai-hai.md"],
        never: NONE,
    },
    template_syntax => Case {
        at: &["templates/article.html:3:"],
        at_one_of: NONE,
        says: &[],
        never: NONE,
    },
    unknown_config_key => Case {
        at: &["site.toml:1:"],
        at_one_of: NONE,
        says: &["titel", "title"],
        never: NONE,
    },
    many_errors => Case {
        at: &[
            "content/tin-tuc/loi-ngay.md:3:",
            "content/tin-tuc/loi-tinh.md:4:",
            "content/tin-tuc/loi-truong.md:5:",
        ],
        at_one_of: NONE,
        says: &["30/02/2023", "Ha Noii", "catgory"],
        never: NONE,
    },
    // A wrong site.toml no longer hides the content's problems (issue 11, part 3).
    config_and_content_errors => Case {
        at: &[
            "site.toml:5:",
            "site.toml:12:",
            "content/tin-tuc/loi-ngay.md:3:",
            "content/tin-tuc/loi-tinh.md:4:",
        ],
        at_one_of: NONE,
        says: &["mười", "emial", "email", "30/02/2023", "Ha Noii"],
        // `emial` is reported as a misspelt `email`, not a second time as a missing `email`.
        never: &["`email` is missing", "missing field"],
    },
    config_syntax_and_content => Case {
        at: &["site.toml:4:", "content/tin-tuc/sai-ten-truong.md:4:"],
        at_one_of: NONE,
        says: &["catgory", "category"],
        // The articles take the site's province, written on the broken line: not understood, so
        // not held against them.
        never: &["`province` is missing"],
    },
    // Every template error is a diagnostic with the template's path and line (issue 11, part 5).
    template_unknown_filter => Case {
        at: &["templates/article.html:4:"],
        at_one_of: NONE,
        says: &["date_vn", "date_vi"],
        never: &["-->"],
    },
    template_missing_include => Case {
        at: &["templates/article.html:5:"],
        at_one_of: NONE,
        says: &["partials/chia_se.html", "partials/chia-se.html"],
        never: &["-->"],
    },
    // A file saved in an old Vietnamese encoding is shown with a caret at its first bad byte
    // (issue 11, part 5).
    // Address patterns (issue 13): each wrong pattern is pointed at inside its quotes, with
    // the fields a pattern may use and a "did you mean".
    permalink_pattern => Case {
        at: &["site.toml:7:21", "site.toml:8:15"],
        at_one_of: NONE,
        says: &[":sulg", "did you mean `:slug`?", "/tinh/", "the province"],
        never: NONE,
    },
    // With `:id` in the pattern, an article without `id:` gets the next free number, and a
    // number used twice names both files.
    permalink_missing_id => Case {
        at: &["content/tin-tuc/hoi-nghi-2023.md:4:", "content/tin-tuc/hoi-nghi-2024.md:1:"],
        at_one_of: NONE,
        says: &["id: 1024", "content/tin-tuc/gap-mat.md", "content/tin-tuc/hoi-nghi-2024.md", "content/tin-tuc/hoi-nghi-2023.md"],
        never: NONE,
    },
    // Old addresses (issue 14): a `[redirects]` target that does not exist (with "did you
    // mean"), an old address that is a page, and one query-string address claimed by two
    // articles, a page and site.toml, each naming the other claimant.
    redirects_taken => Case {
        at: &[
            "site.toml:7:34",
            "site.toml:8:1",
            "site.toml:9:1",
            "content/tin-tuc/trao-qua-tet.md:5:36",
            "content/gioi-thieu.md:3:12",
        ],
        at_one_of: NONE,
        says: &[
            "did you mean /chuyen-muc/tin-tuc-hoat-dong/?",
            "already a page of this site",
            // The lines wrap: the claimants' names are checked apart.
            "/?p=41 is already used by an old address of",
            "cuba.md",
            "/index.php?page_id=7 is already used by an old address of",
            "trao-qua-tet.md",
        ],
        never: NONE,
    },
    // The form of old addresses: a path from the root, maybe with a query, never a `#`; a
    // `[redirects]` target is a path without query or a web address.
    redirects_form => Case {
        at: &[
            "content/tin-tuc/gap-mat.md:4:11",
            "content/tin-tuc/gap-mat.md:4:31",
            "site.toml:6:1",
            "site.toml:7:16",
            "site.toml:8:12",
        ],
        at_one_of: NONE,
        says: &["/?p=41#binh-luan", "category/tin-tuc/", "/tin-tuc/gap-mat/?ref=cu"],
        never: NONE,
    },
    not_utf8 => Case {
        at: &["content/tin-tuc/gap-mat.md:2:"],
        at_one_of: NONE,
        says: &["0xE3", "UTF-8"],
        never: NONE,
    },
}

fn check(name: &str, case: &Case) {
    for (lang, golden) in GOLDENS {
        check_in(name, case, lang, golden);
    }
}

fn check_in(name: &str, case: &Case, lang: &str, golden: &str) {
    let goldens = GOLDENS.map(|(_, file)| file);
    let site = support::copy_fixture(&format!("errors/{name}"), &goldens);
    // A previous successful build that a failed build must not touch.
    let public = site.root.join("public");
    support::write(
        &public.join("index.html"),
        "<!doctype html><title>Bản cũ</title>\n",
    );
    support::write(&public.join("css/site.css"), "body { color: #222 }\n");
    let before = Tree::of(&public);

    let outcome = bantin_in(lang, site.tmp.path(), ["build", "--source", "site"]);
    let stderr = &outcome.stderr;
    let english = lang == "en";

    let mut wrong = Vec::new();
    if outcome.code != 1 {
        wrong.push(format!("exit code {} instead of 1", outcome.code));
    }
    for location in case.at {
        if !stderr.contains(location) {
            wrong.push(format!("stderr does not name `{location}`"));
        }
    }
    if !case.at_one_of.is_empty() && !case.at_one_of.iter().any(|l| stderr.contains(l)) {
        wrong.push(format!("stderr names none of {:?}", case.at_one_of));
    }
    for text in case.says.iter().filter(|_| english) {
        if !stderr.contains(text) {
            wrong.push(format!("stderr does not mention `{text}`"));
        }
    }
    for text in case.never.iter().filter(|_| english) {
        if stderr.contains(text) {
            wrong.push(format!("stderr mentions `{text}`"));
        }
    }
    let help = if english { "help:" } else { "gợi ý:" };
    if !stderr
        .lines()
        .any(|line| line.trim_start().starts_with(help))
    {
        wrong.push(format!("stderr has no `{help}` line"));
    }
    if !english {
        wrong.extend(untranslated(stderr));
    }
    let after = Tree::of(&public);
    for line in before.diff(&after) {
        wrong.push(format!("the failed build changed public/: {line}"));
    }
    assert!(
        wrong.is_empty(),
        "case {name} ({golden}):\n  {}\n{}",
        wrong.join("\n  "),
        outcome.transcript()
    );

    let normalised = normalise(stderr, site.tmp.path());
    compare_golden(
        &repo().join("tests/fixtures/errors").join(name).join(golden),
        &normalised,
    );
}

/// The headlines (`× …`, `⚠ …`), `help:` lines and the closing `lỗi:` line of a Vietnamese
/// report that have no Vietnamese word in them: text that was never translated.
fn untranslated(stderr: &str) -> Vec<String> {
    let vietnamese = |line: &str| {
        line.chars().any(|c| {
            "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                .contains(c.to_lowercase().next().unwrap_or(c))
        })
    };
    stderr
        .lines()
        .map(str::trim_start)
        .filter(|line| {
            ["× ", "⚠ ", "gợi ý: ", "help: ", "lỗi: ", "error: "]
                .iter()
                .any(|start| line.starts_with(start))
        })
        .filter(|line| !vietnamese(line))
        .map(|line| format!("not in Vietnamese: {line}"))
        .collect()
}

/// Makes stderr comparable between runs: temporary paths become `<tmp>`, durations `<time>`,
/// trailing spaces go, and the text ends with exactly one newline.
fn normalise(stderr: &str, tmp: &Path) -> String {
    let mut text = stderr.to_string();
    let mut roots = vec![tmp.display().to_string()];
    if let Ok(real) = tmp.canonicalize() {
        roots.push(real.display().to_string());
    }
    roots.sort_by_key(|root| std::cmp::Reverse(root.len()));
    for root in roots {
        text = text.replace(&root, "<tmp>");
    }
    let text = mask_durations(&text);
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    format!("{}\n", lines.join("\n"))
}

/// Replaces numbers followed by a time unit ("12ms", "0.8 s", "35µs") with `<time>`.
fn mask_durations(text: &str) -> String {
    const UNITS: [&str; 6] = ["ms", "µs", "us", "ns", "s", "giây"];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // A number starts after a non-word character (so "v1.2s" and "h264" stay as they are).
        let starts_number = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '.' | ',')));
        if starts_number {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j + 1 < chars.len() && matches!(chars[j], '.' | ',') && chars[j + 1].is_ascii_digit()
            {
                j += 1;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
            }
            let mut k = j;
            if k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            let rest: String = chars[k..chars.len().min(k + 4)].iter().collect();
            let unit = UNITS.iter().find(|unit| {
                rest.starts_with(**unit) && {
                    let end = k + unit.chars().count();
                    end >= chars.len() || !chars[end].is_alphanumeric()
                }
            });
            if let Some(unit) = unit {
                out.push_str("<time>");
                i = k + unit.chars().count();
                continue;
            }
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn blessing() -> bool {
    std::env::var_os("BANTIN_BLESS").is_some_and(|v| v == "1")
}

fn compare_golden(path: &Path, actual: &str) {
    if blessing() {
        support::write(path, actual);
        return;
    }
    let shown = path.strip_prefix(repo()).unwrap_or(path).display();
    if !path.is_file() {
        panic!(
            "{shown} is missing; check the stderr below, then record it: \
             run with BANTIN_BLESS=1 (BANTIN_BLESS=1 cargo test --test it errors::)\n{actual}"
        );
    }
    let expected = support::read(path);
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "stderr differs from {shown} from line {} on; if the change is intended, run with \
             BANTIN_BLESS=1\n--- expected ---\n{expected}--- actual ---\n{actual}",
            first + 1
        );
    }
}

/// Every folder under tests/fixtures/errors must be a case above, so no golden goes unchecked.
#[test]
fn every_error_fixture_has_a_test() {
    let dir = repo().join("tests/fixtures/errors");
    let mut unused = Vec::new();
    for path in support::read_dir_sorted(&dir) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !path.is_dir() || !CASES.contains(&name) {
            unused.push(
                path.strip_prefix(repo())
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
            );
        }
    }
    assert!(
        unused.is_empty(),
        "fixtures without a test in tests/it/errors.rs (add a case or delete them): {unused:#?}"
    );
    for name in CASES {
        let case_dir = dir.join(name);
        for path in support::read_dir_sorted(&case_dir) {
            let file = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            assert!(
                path.is_dir() || GOLDENS.iter().any(|(_, g)| *g == file) || file == "site.toml",
                "unexpected file {} (only site.toml, the expected stderr and folders belong there)",
                path.display()
            );
        }
    }
}

#[test]
fn durations_are_masked() {
    let cases = [
        ("built in 12ms", "built in <time>"),
        ("took 0.8 s, 3 errors", "took <time>, 3 errors"),
        ("35µs", "<time>"),
        ("date: 31/02/2024", "date: 31/02/2024"),
        ("line 3 sai", "line 3 sai"),
        ("v1.2s", "v1.2s"),
        ("xong sau 2 giây", "xong sau <time>"),
    ];
    for (input, want) in cases {
        assert_eq!(mask_durations(input), want, "{input:?}");
    }
}

#[test]
fn normalise_replaces_temp_paths_and_trailing_space() {
    let tmp = Path::new("/tmp/bantin-it-abc");
    let got = normalise("  × lỗi  \n  at /tmp/bantin-it-abc/site/a.md\n\n\n", tmp);
    assert_eq!(got, "  × lỗi\n  at <tmp>/site/a.md\n");
}
