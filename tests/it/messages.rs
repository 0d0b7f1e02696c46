//! The language bantin speaks to people: takes the sample site and the ways of choosing a
//! language (nothing at all, `--messages`, `BANTIN_MESSAGES`, site.toml's `messages`), gives
//! proof that bantin's lines come in the chosen one, that the choices rank flag > environment >
//! site.toml > Vietnamese, and that a language bantin does not speak is an error at its line.

use std::path::Path;

use crate::support::{self, Outcome, bantin_in};

/// `bantin build` run inside the site's folder, as an editor types it.
fn build_here(site: &Path, lang_env: &str, flags: &[&str]) -> Outcome {
    let mut args = vec!["build"];
    args.extend_from_slice(flags);
    bantin_in(lang_env, site, args)
}

fn assert_vietnamese(outcome: &Outcome) {
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains("đã dựng")
            && outcome.stdout.contains("giây")
            && outcome.stdout.contains(" ảnh: "),
        "the summary is not in Vietnamese:\n{}",
        outcome.transcript()
    );
    assert!(
        !outcome.stdout.contains("built "),
        "{}",
        outcome.transcript()
    );
}

fn assert_english(outcome: &Outcome) {
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains("built ")
            && outcome.stdout.contains(" static files ")
            && outcome.stdout.contains(" images: "),
        "the summary is not in English:\n{}",
        outcome.transcript()
    );
    assert!(
        !outcome.stdout.contains("đã dựng"),
        "{}",
        outcome.transcript()
    );
}

#[test]
fn vietnamese_is_the_default() {
    let site = support::copy_sample_site();
    assert_vietnamese(&build_here(&site.root, "", &[]));
    // A value bantin does not speak is passed over, not an error.
    assert_vietnamese(&build_here(&site.root, "fr", &[]));
    assert_vietnamese(&build_here(&site.root, "vi_VN.UTF-8", &[]));
}

#[test]
fn flag_then_environment_then_site_toml() {
    let site = support::copy_sample_site();
    assert_english(&build_here(&site.root, "", &["--messages", "en"]));
    assert_english(&build_here(&site.root, "en", &[]));
    assert_vietnamese(&build_here(&site.root, "en", &["--messages", "vi"]));

    let toml = site.root.join("site.toml");
    let text = support::read(&toml);
    support::write(&toml, format!("messages = \"en\"\n{text}"));
    assert_english(&build_here(&site.root, "", &[]));
    assert_vietnamese(&build_here(&site.root, "vi", &[]));
    assert_vietnamese(&build_here(&site.root, "en", &["--messages", "vi"]));
    // From outside the folder, with --source, site.toml's choice still holds.
    let outside = bantin_in("", site.tmp.path(), ["build", "--source", "site"]);
    assert_english(&outside);
}

#[test]
fn a_language_bantin_does_not_speak_is_an_error_at_its_line() {
    let site = support::copy_sample_site();
    let toml = site.root.join("site.toml");
    let text = support::read(&toml);
    support::write(&toml, format!("messages = \"fr\"\n{text}"));
    let outcome = build_here(&site.root, "", &[]);
    assert_eq!(outcome.code, 1, "{}", outcome.transcript());
    for text in ["site.toml:1:", "config::messages", "\"fr\"", "gợi ý:"] {
        assert!(
            outcome.stderr.contains(text),
            "no `{text}`:\n{}",
            outcome.transcript()
        );
    }
}

#[test]
fn init_and_new_speak_vietnamese() {
    let place = support::empty_site();
    let init = bantin_in("", place.tmp.path(), ["init", "trang-moi"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    assert!(
        init.stdout.contains("đã tạo trang mới trong trang-moi"),
        "{}",
        init.transcript()
    );
    let site = place.tmp.path().join("trang-moi");
    // A former province: the warning comes in Vietnamese, with the file to write.
    let new = bantin_in(
        "",
        &site,
        [
            "new",
            "Trao quà Tết cho gia đình chính sách",
            "--province",
            "Bạc Liêu",
        ],
    );
    assert_eq!(new.code, 0, "{}", new.transcript());
    assert!(
        new.stdout.contains("content/tin-tuc/"),
        "{}",
        new.transcript()
    );
    assert!(
        new.stderr
            .contains("Bạc Liêu đã thuộc Cà Mau từ ngày 01/07/2025")
            && new.stderr.contains("gợi ý:"),
        "{}",
        new.transcript()
    );
    // A misspelt category: refused in Vietnamese, with the right one suggested.
    let typo = bantin_in(
        "",
        &site,
        ["new", "Hội nghị tổng kết", "--category", "Tin hoat dong"],
    );
    assert_eq!(typo.code, 1, "{}", typo.transcript());
    for text in [
        "không có trong danh sách của site.toml",
        "có phải ý bạn là `Tin tức hoạt động`?",
        "lỗi: bài viết mới sẽ không hợp lệ; chưa ghi gì cả",
    ] {
        assert!(
            typo.stderr.contains(text),
            "no `{text}`:\n{}",
            typo.transcript()
        );
    }
}
