//! Text left from `bantin init`'s and `bantin new`'s placeholders, as a new union's site has it
//! before its technician fills everything in: takes a site made by `init`, gives proof that each
//! placeholder is a warning at its file and line, that `build --strict` (what CI runs) refuses
//! the site and writes nothing, and that a filled-in site — even one whose own address is an
//! `example.org` test domain — passes.

use crate::support::{self, bantin};

#[test]
fn placeholders_are_warnings_at_their_line_and_errors_under_strict() {
    let tmp = support::empty_site();
    let made = bantin(tmp.tmp.path(), ["init", "lhhn"]);
    assert_eq!(made.code, 0, "{}", made.transcript());
    let site = tmp.tmp.path().join("lhhn");
    let new = bantin(&site, ["new", "Hội nghị tổng kết năm 2026"]);
    assert_eq!(new.code, 0, "{}", new.transcript());

    let built = bantin(&site, ["build"]);
    assert_eq!(
        built.code,
        0,
        "placeholders alone do not stop a build: {}",
        built.transcript()
    );
    for at in [
        "site.toml:2:9",   // title
        "site.toml:5:12",  // base_url
        "site.toml:28:9",  // phone
        "site.toml:29:9",  // email
        "site.toml:30:10", // editor
        "content/tin-tuc/bai-viet-dau-tien.md:2:8",
        // The text below the front-matter (a build keeps only the front-matter's lines).
        "content/gioi-thieu.md:4:1",
        "content/tin-tuc/hoi-nghi-tong-ket-nam-2026.md:",
    ] {
        assert!(
            built.stderr.contains(at),
            "no warning at {at}:\n{}",
            built.stderr
        );
    }
    assert!(built.stdout.contains("(13 warnings)"), "{}", built.stdout);

    let out = tmp.tmp.path().join("strict-out");
    let strict = bantin(
        &site,
        [
            "build",
            "--strict",
            "--output",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(strict.code, 1, "{}", strict.transcript());
    assert!(
        strict.stderr.contains("the site has 13 errors"),
        "{}",
        strict.stderr
    );
    assert!(!out.exists(), "nothing written");

    // Filled in: the union's own facts (its address a test domain of its own), its own news.
    let toml = support::read(&site.join("site.toml"))
        .replace(
            "Liên hiệp các tổ chức hữu nghị tỉnh …",
            "Liên hiệp các tổ chức hữu nghị tỉnh An Giang",
        )
        .replace("https://example.com/", "https://lhhn-angiang.example.org/")
        .replace(
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh …",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang",
        )
        .replace(
            "Số …, đường …, phường …",
            "Số 18 đường Hữu Nghị, phường Rạch Giá",
        )
        .replace("0000 000 000", "0297 3000 123")
        .replace("lienhe@example.com", "lienhiep@angiang.example.org")
        .replace("Họ và tên", "Võ Hoàng Nam");
    support::write(&site.join("site.toml"), toml);
    std::fs::remove_file(site.join("content/tin-tuc/bai-viet-dau-tien.md")).expect("remove");
    support::write(
        &site.join("content/gioi-thieu.md"),
        "---\ntitle: Giới thiệu\n---\n\nLiên hiệp các tổ chức hữu nghị tỉnh An Giang.\n",
    );
    let article = site.join("content/tin-tuc/hoi-nghi-tong-ket-nam-2026.md");
    let text = support::read(&article);
    let head_end = text.rfind("---\n").expect("front-matter") + 4;
    support::write(
        &article,
        format!(
            "{}\nSáng nay, Liên hiệp tổ chức hội nghị tổng kết.\n",
            &text[..head_end]
        ),
    );
    let filled = bantin(
        &site,
        [
            "build",
            "--strict",
            "--output",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(filled.code, 0, "{}", filled.transcript());
    assert!(
        !filled.stdout.contains("warning"),
        "{}",
        filled.transcript()
    );
}

#[test]
fn a_base_url_given_on_the_command_line_is_no_placeholder() {
    let tmp = support::empty_site();
    assert_eq!(bantin(tmp.tmp.path(), ["init", "lhhn"]).code, 0);
    let site = tmp.tmp.path().join("lhhn");
    let built = bantin(
        &site,
        ["build", "--base-url", "https://lhhn.github.io/cong/"],
    );
    assert_eq!(built.code, 0, "{}", built.transcript());
    assert!(!built.stderr.contains("`base_url`"), "{}", built.stderr);
    assert!(
        built.stderr.contains("`organization.phone`"),
        "{}",
        built.stderr
    );
}
