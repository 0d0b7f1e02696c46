//! Writing what an import made, safely: a file is written whole (a temporary file beside it,
//! renamed into place), an existing file with the same bytes is left alone, and an existing
//! file with other bytes — an editor's change since the last import, or a file that was there
//! before — is kept as it is and reported. site.toml only ever gains lines.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// It already held exactly these bytes.
    Unchanged,
    /// It holds other bytes: kept.
    Kept,
}

/// What writing `bytes` at `path` would do, without writing.
pub fn compare(path: &Path, bytes: &[u8]) -> io::Result<Outcome> {
    match fs::read(path) {
        Ok(old) if old == bytes => Ok(Outcome::Unchanged),
        Ok(_) => Ok(Outcome::Kept),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Outcome::Written),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` at `path` unless a file is there; see `compare`.
pub fn put(path: &Path, bytes: &[u8], dry_run: bool) -> io::Result<Outcome> {
    let outcome = compare(path, bytes)?;
    if outcome == Outcome::Written && !dry_run {
        write_whole(path, bytes, false)?;
    }
    Ok(outcome)
}

/// Copies `from` to `to` unless a file is there; see `compare`. Files are compared by size
/// first, so a second run over gigabytes of photos reads only those of equal size.
pub fn copy(from: &Path, to: &Path, dry_run: bool) -> io::Result<Outcome> {
    match (fs::metadata(from), fs::metadata(to)) {
        (Err(e), _) => Err(e),
        (Ok(_), Err(e)) if e.kind() == io::ErrorKind::NotFound => {
            if !dry_run {
                let bytes = fs::read(from)?;
                write_whole(to, &bytes, false)?;
            }
            Ok(Outcome::Written)
        }
        (Ok(_), Err(e)) => Err(e),
        (Ok(a), Ok(b)) if a.len() != b.len() => Ok(Outcome::Kept),
        (Ok(_), Ok(_)) => {
            if fs::read(from)? == fs::read(to)? {
                Ok(Outcome::Unchanged)
            } else {
                Ok(Outcome::Kept)
            }
        }
    }
}

/// Writes a whole file through a temporary file in the same folder; `replace` allows an
/// existing file to be replaced (site.toml), else a file that appeared meanwhile is kept.
pub fn write_whole(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.bantin-import-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        if replace {
            fs::rename(&tmp, path)
        } else {
            // hard_link fails when `path` exists: never over a file made meanwhile.
            fs::hard_link(&tmp, path)
        }
    })();
    let _ = fs::remove_file(&tmp);
    result
}

/// What the import adds to site.toml.
#[derive(Debug, Default)]
pub struct SiteAdditions {
    /// Categories to append to `categories = [...]` (only when the site has that list).
    pub categories: Vec<String>,
    /// `[redirects]` entries: old path → new path.
    pub redirects: Vec<(String, String)>,
}

/// site.toml's text with the additions (only those it does not have yet), and which were new.
pub fn add_to_site_toml(
    text: &str,
    additions: &SiteAdditions,
) -> Result<(String, SiteAdditions), toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let mut added = SiteAdditions::default();
    if let Some(list) = doc.get_mut("categories").and_then(Item::as_array_mut) {
        let have: Vec<String> = list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect();
        for category in &additions.categories {
            if !have.contains(&category.to_lowercase()) && !added.categories.contains(category) {
                push_keeping_layout(list, category);
                added.categories.push(category.clone());
            }
        }
    }
    let new_redirects: Vec<&(String, String)> = additions
        .redirects
        .iter()
        .filter(|(from, _)| {
            doc.get("redirects")
                .and_then(Item::as_table_like)
                .is_none_or(|t| !t.contains_key(from))
        })
        .collect();
    if !new_redirects.is_empty() {
        if doc.get("redirects").is_none() {
            let mut table = Table::new();
            table.decor_mut().set_prefix(
                "\n# Old addresses that lead to this site's pages (bantin import wrote these; edit freely)\n",
            );
            doc.insert("redirects", Item::Table(table));
        }
        if let Some(table) = doc.get_mut("redirects").and_then(Item::as_table_like_mut) {
            for (from, to) in new_redirects {
                table.insert(from, toml_edit::value(to.as_str()));
                added.redirects.push((from.clone(), to.clone()));
            }
        }
    }
    Ok((doc.to_string(), added))
}

/// Appends to an array written one item per line as one more such line, else inline.
fn push_keeping_layout(list: &mut Array, value: &str) {
    let multiline = list
        .iter()
        .next()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .is_some_and(|p| p.contains('\n'));
    list.push(value);
    if multiline && let Some(last) = list.iter_mut().last() {
        last.decor_mut().set_prefix("\n    ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_toml_gains_only_what_it_lacks() {
        let text = "title = \"x\"\ncategories = [\"Tin tức\", \"Đối ngoại\"]\n\n[organization]\nname = \"x\"\n";
        let additions = SiteAdditions {
            categories: vec!["tin tức".into(), "Hoạt động".into()],
            redirects: vec![("/category/tin-tuc/".into(), "/chuyen-muc/tin-tuc/".into())],
        };
        let (once, added) = add_to_site_toml(text, &additions).expect("toml");
        assert_eq!(added.categories, ["Hoạt động"]);
        assert_eq!(added.redirects.len(), 1);
        assert!(
            once.contains("[\"Tin tức\", \"Đối ngoại\", \"Hoạt động\"]"),
            "{once}"
        );
        assert!(
            once.contains("\"/category/tin-tuc/\" = \"/chuyen-muc/tin-tuc/\""),
            "{once}"
        );
        assert!(once.starts_with("title = \"x\"\n"), "{once}");
        let (twice, added) = add_to_site_toml(&once, &additions).expect("toml");
        assert_eq!(twice, once);
        assert!(added.categories.is_empty() && added.redirects.is_empty());
    }

    #[test]
    fn an_existing_file_is_never_replaced() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("a/b.md");
        assert_eq!(put(&path, b"one", true).expect("dry"), Outcome::Written);
        assert!(!path.exists(), "a dry run writes nothing");
        assert_eq!(put(&path, b"one", false).expect("put"), Outcome::Written);
        assert_eq!(put(&path, b"one", false).expect("put"), Outcome::Unchanged);
        fs::write(&path, "edited").expect("edit");
        assert_eq!(put(&path, b"one", false).expect("put"), Outcome::Kept);
        assert_eq!(fs::read_to_string(&path).expect("read"), "edited");
        let leftovers: Vec<_> = fs::read_dir(path.parent().expect("dir"))
            .expect("dir")
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left");
    }
}
