//! The corpus generator's tests. They live outside corpus.rs because bantin's integration
//! tests compile corpus.rs too (tests/it/generated_site.rs), where they would run twice.

use crate::corpus::*;

fn vocabulary() -> Vocabulary {
    let sample = crate::repo().join("content");
    Vocabulary::from_dir(&sample).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let vocabulary = vocabulary();
    let a = generate(40, 7, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
    let b = generate(40, 7, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
    let c = generate(40, 8, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.files, b.files);
    assert_ne!(a.files, c.files);
}

#[test]
fn shape_and_a_clean_build() {
    let vocabulary = vocabulary();
    let corpus = generate(120, 1, &vocabulary).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.articles.len(), 120);
    assert_eq!(vocabulary.tag_names(&mut Rng::new(1), TAGS).len(), TAGS);
    let words: Vec<usize> = corpus
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("content/tin-tuc"))
        .map(|(_, t)| split_front_matter(t).1.split_whitespace().count())
        .collect();
    assert!(words.iter().all(|&w| (850..1300).contains(&w)), "{words:?}");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    corpus.write(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let options = bantin::build::Options {
        source: dir.path().to_path_buf(),
        ..Default::default()
    };
    match bantin::build::compile(&options) {
        Ok(compiled) => {
            assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
            assert_eq!(compiled.index.articles.len(), 120);
        }
        Err(bantin::build::BuildError::Site(problems)) => {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(|p| format!("{p:?}\n"))
                    .collect::<String>()
            )
        }
        Err(e) => panic!("{e}"),
    }
}
