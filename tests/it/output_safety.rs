//! What `bantin build` may do to an output folder: takes a small site and output folders as
//! technicians meet them (a folder holding someone's files, a folder inside the site's sources,
//! an older bantin's output without a manifest, staging folders left by a killed build), and
//! gives proof that bantin never deletes or replaces a file it did not write, refuses such a
//! folder by naming the files and the flag, and keeps them untouched when told to.

use std::path::Path;

use crate::support::{self, TempSite, Tree, bantin};

const MANIFEST: &str = ".bantin-manifest.json";

fn site() -> TempSite {
    let site = support::empty_site();
    support::write(
        &site.root.join("site.toml"),
        support::site_toml(
            "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"https://example.org/\"\nprovince = \"Cần Thơ\"\n",
        ),
    );
    for (slug, title) in [
        ("hoi-nghi", "Hội nghị tổng kết"),
        ("tiep-doan", "Tiếp đoàn Lào"),
    ] {
        support::write(
            &site.root.join(format!("content/tin-tuc/{slug}.md")),
            format!("---\ntitle: {title}\ndate: 01/03/2024 08:00\n---\n\nBài {title}.\n"),
        );
    }
    site
}

fn build(site: &TempSite, args: &[&str]) -> support::Outcome {
    let mut all = vec!["build", "--source", "site"];
    all.extend_from_slice(args);
    bantin(site.tmp.path(), all)
}

/// The entries beside the site folder and the output, to see that no staging folder is left.
fn names_in(dir: &Path) -> Vec<String> {
    support::read_dir_sorted(dir)
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn a_folder_holding_other_files_is_refused_by_name_and_its_files_are_never_deleted() {
    let site = site();
    let victim = site.sibling("victim");
    support::write(&victim.join("important.txt"), "x\n");
    support::write(&victim.join("ke-hoach/2025.docx"), "plan\n");
    let before = Tree::of(&victim);

    let refused = build(&site, &["--output", "victim"]);
    assert_eq!(refused.code, 1, "{}", refused.transcript());
    for text in [
        "important.txt",
        "ke-hoach/2025.docx",
        "did not write",
        "--keep-foreign-files",
        "nothing was changed",
    ] {
        assert!(
            refused.stderr.contains(text),
            "no `{text}`:\n{}",
            refused.transcript()
        );
    }
    before.assert_same(&Tree::of(&victim), "a refused build");
    assert_eq!(
        names_in(site.tmp.path()),
        ["site", "victim"],
        "no staging left"
    );

    // Told to keep them, bantin builds beside them; a later build that drops an article
    // removes that article's page and nothing of theirs.
    let kept = build(&site, &["--output", "victim", "--keep-foreign-files"]);
    assert_eq!(kept.code, 0, "{}", kept.transcript());
    assert!(
        kept.stdout.contains("kept 2 files"),
        "{}",
        kept.transcript()
    );
    assert!(victim.join("tin-tuc/tiep-doan-lao/index.html").is_file());
    std::fs::remove_file(site.root.join("content/tin-tuc/tiep-doan.md")).unwrap();
    let again = build(&site, &["--output", "victim", "--keep-foreign-files"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    assert!(!victim.join("tin-tuc/tiep-doan-lao").exists());
    assert_eq!(support::read(&victim.join("important.txt")), "x\n");
    assert_eq!(support::read(&victim.join("ke-hoach/2025.docx")), "plan\n");

    // And without the flag the folder is refused again: the files are still not bantin's.
    let refused = build(&site, &["--output", "victim"]);
    assert_eq!(refused.code, 1, "{}", refused.transcript());
}

#[test]
fn an_output_inside_a_source_folder_is_refused_and_the_sources_stay_as_they_were() {
    let site = site();
    for dir in ["static", "templates", "themes/khac", "data"] {
        support::write(&site.root.join(dir).join("keep.txt"), "source\n");
    }
    let before = Tree::of(&site.root);
    for output in [
        "site/content",
        "site/content/tin-tuc",
        "site/static",
        "site/static/out",
        "site/templates",
        "site/themes",
        "site/data/public",
        "site",
        ".",
    ] {
        let outcome = build(&site, &["--output", output]);
        assert_eq!(
            outcome.code,
            1,
            "--output {output}: {}",
            outcome.transcript()
        );
        assert!(
            outcome.stderr.contains("refusing to use"),
            "--output {output}: {}",
            outcome.transcript()
        );
        before.assert_same(&Tree::of(&site.root), &format!("--output {output}"));
    }
    // The default, <site>/public, is fine.
    let outcome = build(&site, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(site.root.join("public/index.html").is_file());
}

#[test]
fn an_older_output_without_a_manifest_is_adopted_only_if_the_build_makes_every_file() {
    let site = site();
    let first = build(&site, &["--output", "out"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let out = site.sibling("out");
    assert!(out.join(MANIFEST).is_file(), "the build lists its files");

    // An older bantin wrote no manifest: the same site's output is taken over as it is.
    std::fs::remove_file(out.join(MANIFEST)).unwrap();
    let adopted = build(&site, &["--output", "out"]);
    assert_eq!(adopted.code, 0, "{}", adopted.transcript());
    assert!(
        adopted.stdout.contains("0 removed"),
        "{}",
        adopted.transcript()
    );
    assert!(out.join(MANIFEST).is_file());

    // Without a manifest and with a page this build does not make (an old article's), bantin
    // cannot tell whose it is: refused, with the exact flag.
    std::fs::remove_file(out.join(MANIFEST)).unwrap();
    support::write(&out.join("tin-tuc/bai-cu/index.html"), "<p>cũ</p>\n");
    let before = Tree::of(&out);
    let refused = build(&site, &["--output", "out"]);
    assert_eq!(refused.code, 1, "{}", refused.transcript());
    for text in [
        "tin-tuc/bai-cu/index.html",
        MANIFEST,
        "--keep-foreign-files",
    ] {
        assert!(
            refused.stderr.contains(text),
            "no `{text}`:\n{}",
            refused.transcript()
        );
    }
    before.assert_same(&Tree::of(&out), "a refused build");
    let kept = build(&site, &["--output", "out", "--keep-foreign-files"]);
    assert_eq!(kept.code, 0, "{}", kept.transcript());
    assert_eq!(
        support::read(&out.join("tin-tuc/bai-cu/index.html")),
        "<p>cũ</p>\n"
    );
}

#[test]
fn staging_folders_left_by_a_killed_build_are_removed() {
    let site = site();
    // The process id of a build that was killed: a process that has exited.
    let mut child = std::process::Command::new("true")
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run `true`: {e}"));
    let dead = child.id();
    let _ = child.wait();
    for name in [
        format!(".out.bantin-tmp-{dead}"),
        format!(".out.bantin-tmp-{dead}-old"),
    ] {
        support::write(
            &site.sibling(&name).join("tin-tuc/nua-chung/index.html"),
            "half a build\n",
        );
    }
    let outcome = build(&site, &["--output", "out"]);
    assert_eq!(outcome.code, 0, "{}", outcome.transcript());
    assert!(
        outcome.stdout.contains("removed 2 staging folders"),
        "{}",
        outcome.transcript()
    );
    assert_eq!(names_in(site.tmp.path()), ["out", "site"]);
}
