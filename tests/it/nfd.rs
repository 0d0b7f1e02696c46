//! Unicode normalisation of content: takes one article written in precomposed (NFC) Vietnamese
//! and the same article decomposed (NFD, as macOS file systems and some editors save it), gives
//! proof that both build to the same URL and the same bytes.

use unicode_normalization::UnicodeNormalization;

use crate::support::{self, Tree, bantin};

const ARTICLE: &str = "content/tin-tuc/hoi-nghi-tong-ket.md";
const SLUG: &str = "hoi-nghi-tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2024";

/// Builds the fixture, after letting `edit` rewrite the article's text, and returns the output.
fn build_with(edit: impl Fn(&str) -> String) -> (support::TempSite, Tree) {
    let site = support::copy_fixture("nfd", &[]);
    let path = site.root.join(ARTICLE);
    support::write(&path, edit(&support::read(&path)));
    let outcome = bantin(
        site.tmp.path(),
        ["build", "--source", "site", "--output", "out"],
    );
    assert_eq!(outcome.code, 0, "build failed:\n{}", outcome.transcript());
    let out = site.sibling("out");
    let page = out.join(format!("tin-tuc/{SLUG}/index.html"));
    assert!(
        page.is_file(),
        "no page at tin-tuc/{SLUG}/; article pages: {:?}",
        Tree::of(&out.join("tin-tuc")).files()
    );
    let tree = Tree::of(&out);
    (site, tree)
}

#[test]
fn the_fixture_is_precomposed() {
    let text = support::read(&support::repo().join("tests/fixtures/nfd").join(ARTICLE));
    assert_eq!(
        text.nfc().collect::<String>(),
        text,
        "the fixture must be saved as NFC"
    );
    // The test below proves nothing unless decomposing really changes the bytes.
    assert_ne!(text.nfd().collect::<String>(), text);
}

#[test]
fn nfd_article_builds_like_its_nfc_twin() {
    let (_nfc_site, nfc) = build_with(str::to_string);
    let (_nfd_site, nfd) = build_with(|text| text.nfd().collect());
    nfc.assert_same(&nfd, "the NFC and NFD builds of the same article");

    let page = format!("tin-tuc/{SLUG}/index.html");
    let html = match nfc.0.get(&page) {
        Some(support::Node::File(bytes)) => String::from_utf8_lossy(bytes).into_owned(),
        other => panic!("{page} is not a file: {other:?}"),
    };
    assert_eq!(
        html.nfc().collect::<String>(),
        html,
        "the article page must be written in NFC"
    );
    assert!(html.contains("Hội nghị tổng kết công tác đối ngoại nhân dân năm 2024"));
}
