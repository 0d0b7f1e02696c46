//! Takes an album's index file (`content/thu-vien-anh/**/<slug>.md`: front-matter and an
//! introduction) and the folder of photos it names under `static/`, and gives an `Album`: its
//! photos in order, each with its alt text and caption, checked (a missing folder or photo, a
//! photo nobody described, an album without photos are problems at the line they come from).

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use super::frontmatter::{Fields, Nested};
use super::{Loader, Slug, check_nested_keys, summary_field};
use crate::markdown::Rendered;
use crate::msg;
use crate::problem::{Problem, SourceFile};
use crate::provinces::ProvinceId;
use crate::route;

/// Albums live under this folder of `content/`: "Thư viện ảnh".
pub const ALBUMS_DIR: &str = "thu-vien-anh";

pub(crate) const ALBUM_FIELDS: &[&str] = &[
    "title", "date", "province", "tags", "summary", "draft", "slug", "folder", "photos", "cover",
];
const PHOTO_FIELDS: &[&str] = &["src", "alt", "caption"];

/// A photo album: a folder of photos with an introduction.
#[derive(Debug, Clone)]
pub struct Album {
    pub file: SourceFile,
    pub title: String,
    pub slug: String,
    pub slug_span: Range<usize>,
    /// Its address below the site root: `thu-vien-anh/<slug>/`.
    pub path: String,
    pub date: DateTime<FixedOffset>,
    pub date_has_time: bool,
    /// `province:`, else the site's own province, else none.
    pub province: Option<ProvinceId>,
    /// Where `province:` is written, for the warning about a former province.
    pub province_span: Option<Range<usize>>,
    pub tags: Vec<String>,
    /// Plain text: `summary:` or the introduction's first paragraph.
    pub summary: String,
    pub draft: bool,
    /// `folder:` as a site path (`/images/albums/a/`), when it exists.
    pub folder: Option<String>,
    /// Listed photos first, in the listed order, then the folder's other photos by file name.
    pub photos: Vec<AlbumPhoto>,
    /// The cover: a place in `photos`.
    pub cover: usize,
    /// The introduction.
    pub body: Rendered,
    pub body_line: usize,
    /// A hash of the file's text and of the photos' addresses: what the album's pages show.
    pub source_hash: u64,
}

/// One photo of an album.
#[derive(Debug, Clone, Hash)]
pub struct AlbumPhoto {
    /// A site path: `/images/albums/2025/a/01.jpg`.
    pub src: String,
    /// Empty for a decorative photo (`alt: ""` written on purpose).
    pub alt: String,
    pub caption: Option<String>,
}

impl Album {
    pub fn cover(&self) -> &AlbumPhoto {
        &self.photos[self.cover]
    }

    /// Whether the photos in its folder are no longer those it was read with (a photo added,
    /// removed or renamed): the file must be read again, though its own text is unchanged.
    pub fn folder_changed(&self, root: &std::path::Path) -> bool {
        let Some(folder) = &self.folder else {
            return false;
        };
        let mut now = folder_photos(root, folder);
        let mut had: Vec<String> = self
            .photos
            .iter()
            .filter(|p| p.src.starts_with(folder.as_str()) && !p.src[folder.len()..].contains('/'))
            .map(|p| p.src.clone())
            .collect();
        now.sort();
        had.sort();
        now != had
    }
}

/// A photo listed under `photos:`, as written.
struct Listed {
    src: String,
    alt: Option<String>,
    caption: Option<String>,
    span: Range<usize>,
}

impl Loader<'_> {
    pub(super) fn album(
        &self,
        fields: &mut Fields<'_, '_>,
        body: Rendered,
        body_line: usize,
    ) -> Option<Album> {
        fields.reject_unknown(ALBUM_FIELDS, "album");
        let file = fields.file();
        let title = fields.required_text("title", "Giao lưu hữu nghị Việt – Lào năm 2025");
        let date_written = self.date_field(fields, "date", true);
        let province_span = fields.get("province").map(|v| v.span);
        let province = if fields.get("province").is_some() {
            self.province_field(fields).map(Some)
        } else {
            Some(self.config.province)
        };
        let tags = fields.list("tags");
        let summary = summary_field(fields);
        let draft = fields.flag("draft");
        let slug_field = fields.text("slug");
        let folder = self.album_folder(fields);
        let listed = self.listed_photos(fields);
        let cover = fields.text("cover");

        let mut photos: Vec<AlbumPhoto> = Vec::new();
        for photo in listed {
            let alt = match (photo.alt, &photo.caption) {
                (Some(alt), _) => alt,
                (None, Some(caption)) => caption.clone(),
                (None, None) => {
                    fields.problem(
                        Problem::error(
                            "content::image-no-alt",
                            msg!("content-album-photo-no-alt", src = photo.src.as_str()),
                        )
                        .at(file, photo.span.clone())
                        .label(msg!("content-body-image-no-alt-label"))
                        .help(msg!("content-album-photo-no-alt-help")),
                    );
                    String::new()
                }
            };
            if !photos.iter().any(|p| p.src == photo.src) {
                photos.push(AlbumPhoto {
                    src: photo.src,
                    alt,
                    caption: photo.caption,
                });
            }
        }
        if let Some((folder, span)) = &folder {
            for src in folder_photos(&self.config.root, folder) {
                if !photos.iter().any(|p| p.src == src) {
                    // A photo only the folder holds has no words: it needs a line in `photos:`.
                    fields.problem(
                        Problem::error(
                            "content::image-no-alt",
                            msg!("content-album-photo-no-alt", src = src.as_str()),
                        )
                        .at(file, span.clone())
                        .label(msg!("content-album-folder-photo-label"))
                        .help(msg!("content-album-photo-no-alt-help")),
                    );
                    photos.push(AlbumPhoto {
                        src,
                        alt: String::new(),
                        caption: None,
                    });
                }
            }
        }
        let (title, title_span) = title?;
        if photos.is_empty() {
            let span = folder
                .as_ref()
                .map_or_else(|| fields.block_span(), |(_, s)| s.clone());
            fields.problem(
                Problem::error("content::album-empty", msg!("content-album-empty"))
                    .at(file, span)
                    .help(msg!("content-album-empty-help")),
            );
            return None;
        }
        let cover = match cover {
            None => 0,
            Some((written, span)) => {
                let wanted = resolve_src(folder.as_ref().map(|(f, _)| f.as_str()), &written);
                match photos.iter().position(|p| p.src == wanted) {
                    Some(i) => i,
                    None => {
                        fields.problem(
                            Problem::error(
                                "content::album-cover",
                                msg!("content-album-cover", src = written.as_str()),
                            )
                            .at(file, span)
                            .help(msg!("content-album-cover-help")),
                        );
                        0
                    }
                }
            }
        };
        let Slug {
            slug,
            span: slug_span,
            ..
        } = self.slug(fields, slug_field, &title, title_span)?;
        let (date, date_has_time) = date_written?;
        let province = province?;
        let mut unique_tags: Vec<String> = Vec::new();
        for (tag, _) in tags {
            if !unique_tags.contains(&tag) {
                unique_tags.push(tag);
            }
        }
        Some(Album {
            file: file.clone(),
            title: title.trim().to_string(),
            path: route::album(&slug),
            slug,
            slug_span,
            date,
            date_has_time,
            province,
            province_span,
            tags: unique_tags,
            summary: summary.unwrap_or_else(|| body.summary.clone()),
            draft,
            folder: folder.map(|(f, _)| f),
            photos,
            cover,
            body,
            body_line,
            source_hash: 0,
        })
    }

    /// `folder:`, a folder of `static/` written as a site path; it must exist.
    fn album_folder(&self, fields: &mut Fields<'_, '_>) -> Option<(String, Range<usize>)> {
        let (written, span) = fields.text("folder")?;
        let file = fields.file();
        let folder = route::static_file(&format!("/{}", written.trim().trim_matches('/')))
            .filter(|f| !f.is_empty())
            .map(|f| format!("/{f}/"));
        match folder {
            Some(folder)
                if self
                    .config
                    .root
                    .join("static")
                    .join(folder.trim_matches('/'))
                    .is_dir() =>
            {
                Some((folder, span))
            }
            _ => {
                fields.problem(
                    Problem::error(
                        "content::album-folder",
                        msg!("content-album-folder", folder = written.as_str()),
                    )
                    .at(file, span)
                    .label(msg!("content-album-folder-label"))
                    .help(msg!("content-album-folder-help")),
                );
                None
            }
        }
    }

    /// `photos:`, each resolved to a site path and checked to exist.
    fn listed_photos(&self, fields: &mut Fields<'_, '_>) -> Vec<Listed> {
        let folder = fields
            .text("folder")
            .map(|(f, _)| format!("/{}/", f.trim().trim_matches('/')));
        let file = fields.file();
        let mut out = Vec::new();
        for nested in fields.nested_list("photos") {
            let (written, src_span) = match &nested.scalar {
                Some((text, span)) => (Some(text.clone()), span.clone()),
                None => {
                    check_nested_keys(fields, &nested, PHOTO_FIELDS, "photos");
                    let span = nested
                        .get("src")
                        .map_or(nested.span.clone(), |n| fields.span_of(n));
                    (fields.nested_text(&nested, "src", "photos.src"), span)
                }
            };
            let Some(written) = written
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
            else {
                fields.problem(
                    Problem::error("content::missing-field", msg!("content-album-photo-no-src"))
                        .at(file, nested.span.clone())
                        .help(msg!("content-album-example")),
                );
                continue;
            };
            let (alt, caption) = photo_words(fields, &nested);
            let src = resolve_src(folder.as_deref(), &written);
            if !self.static_file_exists(&src) {
                fields.problem(
                    Problem::error(
                        "content::missing-image",
                        msg!("content-missing-image", src = src.as_str()),
                    )
                    .at(file, src_span.clone())
                    .label(msg!("content-missing-image-label"))
                    .help(msg!("content-album-photo-missing-help")),
                );
                continue;
            }
            out.push(Listed {
                src,
                alt,
                caption,
                span: src_span,
            });
        }
        out
    }
}

/// A photo's `alt` (an empty one kept: a decorative photo) and `caption` (empty: none).
fn photo_words<'y>(
    fields: &mut Fields<'_, 'y>,
    nested: &Nested<'y>,
) -> (Option<String>, Option<String>) {
    if nested.scalar.is_some() {
        return (None, None);
    }
    let alt = nested
        .get("alt")
        .map(|_| {
            fields
                .nested_text(nested, "alt", "photos.alt")
                .unwrap_or_default()
        })
        .map(|a| a.trim().to_string());
    let caption = fields
        .nested_text(nested, "caption", "photos.caption")
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    (alt, caption)
}

/// A photo's `src` as a site path: a site path as it is, else relative to the album's folder.
fn resolve_src(folder: Option<&str>, written: &str) -> String {
    let written = written.trim();
    if written.starts_with('/') {
        written.to_string()
    } else {
        format!("{}{written}", folder.unwrap_or("/"))
    }
}

/// The raster photos directly in a folder of `static/` (a site path `/images/a/`), by file name.
fn folder_photos(root: &std::path::Path, folder: &str) -> Vec<String> {
    let dir = root.join("static").join(folder.trim_matches('/'));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.') && is_raster(name))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{folder}{n}")).collect()
}

/// A photo the images stage makes copies of: JPEG, PNG, WebP, GIF, AVIF (not SVG).
fn is_raster(name: &str) -> bool {
    crate::images::Format::of_path(name).is_some()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::{Config, Overrides};
    use crate::content::{Content, load_text};
    use crate::markdown::Highlighter;
    use crate::provinces::Provinces;

    const SITE: &str = "title = \"Liên hiệp thử nghiệm\"\nbase_url = \"https://example.org/\"\nprovince = \"An Giang\"\n\n[organization]\nname = \"Liên hiệp\"\nparent = \"UBMTTQ\"\naddress = \"1 Đường A\"\nphone = \"0297 000 000\"\nemail = \"a@example.vn\"\neditor = \"Nguyễn Văn A\"\n";

    /// A site folder with `static/images/a/{01,02,03}.jpg` and `static/images/b.png`.
    fn root() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for file in [
            "images/a/01.jpg",
            "images/a/02.jpg",
            "images/a/03.jpg",
            "images/b.png",
        ] {
            let path = dir.path().join("static").join(file);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            std::fs::write(path, b"not read here").expect("a file");
        }
        std::fs::write(dir.path().join("static/images/a/ghi-chu.txt"), b"x").expect("a file");
        dir
    }

    fn load(root: &Path, front: &str) -> (Content, Vec<Problem>) {
        let provinces = Provinces::builtin();
        let config = Config::parse(
            root,
            SourceFile::new("site.toml", SITE),
            &Overrides::default(),
            provinces,
        )
        .expect("test site.toml");
        let path = config.content_dir().join("thu-vien-anh/2025/a.md");
        load_text(
            &config,
            provinces,
            &Highlighter::new(),
            &path,
            format!("---\n{front}\n---\n\nGiới thiệu.\n"),
        )
    }

    #[test]
    fn listed_photos_come_first_then_the_folders_by_name() {
        let root = root();
        let (content, problems) = load(
            root.path(),
            "title: Giao lưu\ndate: 01/12/2025\nfolder: /images/a/\ncover: 03.jpg\nphotos:\n  - src: 03.jpg\n    caption: Chú thích ba\n  - src: /images/b.png\n    alt: \"\"\n  - src: 01.jpg\n    alt: Ảnh một\n  - src: 02.jpg\n    alt: Ảnh hai",
        );
        assert!(problems.is_empty(), "{problems:#?}");
        let album = &content.albums[0];
        let srcs: Vec<&str> = album.photos.iter().map(|p| p.src.as_str()).collect();
        assert_eq!(
            srcs,
            [
                "/images/a/03.jpg",
                "/images/b.png",
                "/images/a/01.jpg",
                "/images/a/02.jpg"
            ]
        );
        // Alt from the caption; an empty alt kept (a decorative photo).
        assert_eq!(album.photos[0].alt, "Chú thích ba");
        assert_eq!(album.photos[1].alt, "");
        assert_eq!(album.cover().src, "/images/a/03.jpg");
        assert_eq!(album.path, "thu-vien-anh/giao-luu/");
        assert_eq!(
            album.province,
            Some(
                crate::provinces::Provinces::builtin()
                    .lookup("An Giang")
                    .expect("An Giang")
                    .id()
            )
        );
        assert!(!album.folder_changed(root.path()));
        std::fs::write(root.path().join("static/images/a/04.jpg"), b"x").expect("a file");
        assert!(album.folder_changed(root.path()));
    }

    #[test]
    fn each_mistake_is_a_problem_at_its_line() {
        let root = root();
        // (front-matter, problems as (code, line:column))
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "date: 01/12/2025\nphotos:\n  - src: /images/b.png\n    alt: X",
                &[("content::missing-field", "1:1")],
            ),
            (
                "title: A\nphotos: [/images/b.png]",
                &[
                    ("content::missing-field", "1:1"),
                    ("content::image-no-alt", "3:10"),
                ],
            ),
            (
                "title: A\ndate: 01/12/2025\nfolder: /images/khong-co/",
                &[
                    ("content::album-folder", "4:9"),
                    ("content::album-empty", "1:1"),
                ],
            ),
            (
                "title: A\ndate: 01/12/2025\nphotos:\n  - src: /images/a/09.jpg\n    alt: X",
                &[
                    ("content::missing-image", "5:10"),
                    ("content::album-empty", "1:1"),
                ],
            ),
            (
                "title: A\ndate: 01/12/2025\nphotos:\n  - src: /images/b.png\n    alt: X\n    captoin: Y",
                &[("content::unknown-field", "7:5")],
            ),
            (
                "title: A\ndate: 01/12/2025\nphotos:\n  - src: /images/b.png\n    alt: X\ncover: 09.jpg",
                &[("content::album-cover", "7:8")],
            ),
            (
                "title: A\ndate: 01/12/2025\nfoldr: /images/a/\nphotos:\n  - src: /images/b.png\n    alt: X",
                &[("content::unknown-field", "4:1")],
            ),
        ];
        let unlisted: &[(&str, &[(&str, &str)])] = &[(
            "title: A\ndate: 01/12/2025\nfolder: /images/a/\nphotos:\n  - src: 01.jpg\n    alt: X\n  - src: 02.jpg\n    caption: Y",
            &[("content::image-no-alt", "4:9")],
        )];
        for (front, want) in cases.iter().chain(unlisted) {
            let (_, problems) = load(root.path(), front);
            let mut got: Vec<(&str, String)> = problems
                .iter()
                .map(|p| {
                    let (line, col) = p.line_col().unwrap_or_default();
                    (p.code, format!("{line}:{col}"))
                })
                .collect();
            got.sort();
            let mut want: Vec<(&str, String)> =
                want.iter().map(|(c, at)| (*c, at.to_string())).collect();
            want.sort();
            assert_eq!(got, want, "{front}\n{problems:#?}");
        }
    }
}
