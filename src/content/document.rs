//! Takes a document's file (`content/van-ban/**/<name>.md`: front-matter describing a decree,
//! directive, plan… and optional notes) and gives a `Document`: its number, kind, issuer, dates,
//! status and the files to download from `static/`, checked (a missing number, an unknown kind, a
//! bad date, a missing file are problems at the line they come from).

use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use unicode_normalization::UnicodeNormalization;

use super::{Loader, check_nested_keys, summary_field};
use crate::locale;
use crate::markdown::Rendered;
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};
use crate::route;

/// Documents live under this folder of `content/`: "Văn bản".
pub const DOCUMENTS_DIR: &str = "van-ban";

pub(crate) const DOCUMENT_FIELDS: &[&str] = &[
    "number",
    "kind",
    "issuer",
    "level",
    "issued",
    "effective",
    "signer",
    "summary",
    "status",
    "replaced_by",
    "amended_by",
    "files",
    "link",
    "tags",
    "draft",
    "slug",
];
const FILE_FIELDS: &[&str] = &["src", "title"];

/// The kinds of document bantin knows, as written on the document, and the slug of their list.
pub const KINDS: &[(&str, &str)] = &[
    ("Luật", "luat"),
    ("Nghị quyết", "nghi-quyet"),
    ("Nghị định", "nghi-dinh"),
    ("Chỉ thị", "chi-thi"),
    ("Quyết định", "quyet-dinh"),
    ("Thông tư", "thong-tu"),
    ("Kết luận", "ket-luan"),
    ("Kế hoạch", "ke-hoach"),
    ("Chương trình", "chuong-trinh"),
    ("Hướng dẫn", "huong-dan"),
    ("Quy định", "quy-dinh"),
    ("Quy chế", "quy-che"),
    ("Thông báo", "thong-bao"),
    ("Công văn", "cong-van"),
    ("Báo cáo", "bao-cao"),
    ("Tờ trình", "to-trinh"),
    ("Điều lệ", "dieu-le"),
    ("Văn bản khác", "van-ban-khac"),
];

/// Who issued a document: the central state or Party, the province, the union itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// `trung-uong`: the National Assembly, the Government, ministries, the Party's centre.
    Central,
    /// `tinh`: the province's People's Committee, Council, Party committee.
    Province,
    /// `lien-hiep`: the union of friendship organizations itself.
    Union,
}

impl Level {
    pub const ACCEPTED: &[&str] = &["trung-uong", "tinh", "lien-hiep"];

    fn parse(written: &str) -> Option<Level> {
        match locale::slugify(written).as_str() {
            "trung-uong" | "central" => Some(Level::Central),
            "tinh" | "dia-phuong" | "province" => Some(Level::Province),
            "lien-hiep" | "lhhn" | "union" => Some(Level::Union),
            _ => None,
        }
    }

    /// "Trung ương", "Tỉnh", "Liên hiệp".
    pub fn label(self) -> &'static str {
        match self {
            Level::Central => "Trung ương",
            Level::Province => "Tỉnh",
            Level::Union => "Liên hiệp các tổ chức hữu nghị",
        }
    }

    pub fn slug(self) -> &'static str {
        Level::ACCEPTED[self as usize]
    }
}

/// Whether a document still applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// `con-hieu-luc` (the default).
    #[default]
    InForce,
    /// `da-sua-doi`: parts of it were changed by another document (`amended_by:`).
    Amended,
    /// `het-hieu-luc`: it no longer applies (`replaced_by:` names the one that replaced it).
    Repealed,
}

impl Status {
    pub const ACCEPTED: &[&str] = &["con-hieu-luc", "da-sua-doi", "het-hieu-luc"];

    fn parse(written: &str) -> Option<Status> {
        match locale::slugify(written).as_str() {
            "con-hieu-luc" | "hieu-luc" | "in-force" => Some(Status::InForce),
            "da-sua-doi" | "sua-doi" | "amended" | "het-hieu-luc-mot-phan" => Some(Status::Amended),
            "het-hieu-luc" | "bi-thay-the" | "repealed" => Some(Status::Repealed),
            _ => None,
        }
    }

    /// "Còn hiệu lực", "Đã được sửa đổi, bổ sung", "Hết hiệu lực".
    pub fn label(self) -> &'static str {
        match self {
            Status::InForce => "Còn hiệu lực",
            Status::Amended => "Đã được sửa đổi, bổ sung",
            Status::Repealed => "Hết hiệu lực",
        }
    }

    pub fn slug(self) -> &'static str {
        Status::ACCEPTED[self as usize]
    }
}

/// A published document (văn bản): a decree, a directive, a plan….
#[derive(Debug, Clone)]
pub struct Document {
    pub file: SourceFile,
    /// `number:` as written, trimmed: "80/2020/NĐ-CP".
    pub number: String,
    /// The number's key (`number_key`): what finds a document by its number.
    pub key: String,
    pub number_span: Range<usize>,
    /// A place in `KINDS`.
    pub kind: usize,
    pub issuer: String,
    pub level: Option<Level>,
    pub issued: DateTime<FixedOffset>,
    pub effective: Option<DateTime<FixedOffset>>,
    pub signer: Option<String>,
    /// The trích yếu, plain text.
    pub summary: String,
    pub status: Status,
    /// `replaced_by:` and `amended_by:`: another document's number, as written, and where.
    pub replaced_by: Option<(String, Range<usize>)>,
    pub amended_by: Option<(String, Range<usize>)>,
    pub files: Vec<DocumentFile>,
    /// Files `files:` names that were not in `static/` (each reported): watched, so that the
    /// document is read again when one appears.
    pub missing_files: Vec<String>,
    pub link: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    pub slug: String,
    pub slug_span: Range<usize>,
    /// Its address below the site root: `van-ban/<slug>/`.
    pub path: String,
    /// The notes (Markdown body).
    pub body: Rendered,
    pub body_line: usize,
    /// A hash of the file's text and of its files' sizes: what its page shows.
    pub source_hash: u64,
}

/// One file of a document to download.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct DocumentFile {
    /// A site path: `/van-ban/2020/80-2020-nd-cp.pdf`.
    pub src: String,
    /// `title:`, else the file's name.
    pub title: String,
    /// Its size in bytes when read.
    pub bytes: u64,
}

impl DocumentFile {
    /// "PDF", "DOCX": the file's extension in capitals.
    pub fn kind(&self) -> String {
        self.src
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_uppercase())
            .filter(|ext| !ext.contains('/'))
            .unwrap_or_default()
    }
}

impl Document {
    /// "Nghị định", "Chỉ thị".
    pub fn kind_name(&self) -> &'static str {
        KINDS[self.kind].0
    }

    /// "Nghị định 80/2020/NĐ-CP".
    pub fn title(&self) -> String {
        format!("{} {}", self.kind_name(), self.number)
    }

    /// Whether its files in `static/` are no longer those it was read with (one replaced by a
    /// new version, one removed): the file must be read again, though its own text is unchanged.
    pub fn files_changed(&self, root: &std::path::Path) -> bool {
        let size = |src: &str| {
            let path = root.join("static").join(src.trim_start_matches('/'));
            std::fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len())
        };
        self.files.iter().any(|f| size(&f.src) != Some(f.bytes))
            || self.missing_files.iter().any(|src| size(src).is_some())
    }
}

/// The key a document number is found by: "80/2020/nđ-cp", "80 / 2020 / NĐ–CP", "80/2020/ND-CP"
/// and "80/2020/NĐ-CP" are the same document. A number the citation grammar reads
/// (`locale::citation::DocNumber`) is keyed as citations of it are (`DocNumber::match_key`), so an
/// article's "Nghị định số 80/2020/NĐ-CP" finds it; any other number is keyed by its text with
/// spaces, dashes and case evened out, so a library can still hold it (and find it by number),
/// though no citation will name it.
pub fn number_key(number: &str) -> String {
    if let Some(number) = crate::locale::citation::DocNumber::parse(number) {
        return number.match_key();
    }
    let nfc: String = number.trim().nfc().collect();
    let dashed = nfc.replace(['–', '—', '‑'], "-");
    let mut out = String::with_capacity(dashed.len());
    for word in dashed.split_whitespace() {
        let joins = |c: Option<char>| matches!(c, Some('-' | '/'));
        if !out.is_empty() && !joins(out.chars().last()) && !joins(word.chars().next()) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.to_uppercase()
        .nfc()
        .map(|c| if c == 'Đ' { 'D' } else { c })
        .collect()
}

/// A number whose symbol names another kind than `kind:` says ("80/2020/NĐ-CP" filed as a Chỉ
/// thị): one of the two is a slip, and the lists by kind and the citations would disagree. A
/// warning at the number.
fn kind_disagreement(
    file: &SourceFile,
    number: &str,
    span: &Range<usize>,
    kind: usize,
) -> Option<Problem> {
    use crate::locale::citation::{DocKind, DocNumber};
    let parsed = DocNumber::parse(number)?;
    let (written, _) = KINDS.get(kind)?;
    if parsed.admits(DocKind::parse(written)?) {
        return None;
    }
    let said = parsed.kind()?.name();
    Some(
        Problem::warning(
            "content::document-kind-number",
            msg!(
                "content-document-kind-number",
                number = parsed.as_str(),
                said = said,
                kind = *written,
            ),
        )
        .at(file, span.clone())
        .label(msg!("content-document-kind-number-label", said = said))
        .help(msg!(
            "content-document-kind-number-help",
            said = said,
            kind = *written
        )),
    )
}

/// The place in `KINDS` of a kind as written: with or without tones, in any case.
fn find_kind(written: &str) -> Option<usize> {
    let folded = locale::fold(written);
    KINDS
        .iter()
        .position(|(name, slug)| locale::fold(name) == folded || *slug == folded)
}

impl Loader<'_> {
    pub(super) fn document(
        &self,
        fields: &mut super::frontmatter::Fields<'_, '_>,
        body: Rendered,
        body_line: usize,
    ) -> Option<Document> {
        fields.reject_unknown(DOCUMENT_FIELDS, "document");
        let file = fields.file();
        let number = fields.required_text("number", "80/2020/NĐ-CP");
        let kind = self.kind_field(fields);
        let issuer = fields.required_text("issuer", "Chính phủ");
        let level = choice_field(fields, "level", Level::ACCEPTED, Level::parse);
        let issued = self.date_field(fields, "issued", true);
        let effective = match fields.get("effective") {
            Some(_) => self.date_field(fields, "effective", false).map(Some),
            None => Some(None),
        };
        let signer = fields
            .text("signer")
            .map(|(s, _)| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let summary = match fields.get("summary") {
            Some(_) => summary_field(fields).filter(|s| !s.is_empty()),
            None => None,
        };
        if summary.is_none() {
            // Reported like a missing title: the trích yếu is what lists show.
            let _ = fields.required_text("summary", "Về quản lý và sử dụng viện trợ");
        }
        let status = match fields.get("status") {
            Some(_) => choice_field(fields, "status", Status::ACCEPTED, Status::parse),
            None => Some(Some(Status::InForce)),
        };
        let replaced_by = number_ref(fields, "replaced_by");
        let amended_by = number_ref(fields, "amended_by");
        let (files, missing_files) = self.document_files(fields);
        let link = fields
            .text("link")
            .map(|(s, _)| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let mut tags: Vec<String> = Vec::new();
        for (tag, _) in fields.list("tags") {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let draft = fields.flag("draft");
        let slug_field = fields.text("slug");

        let (number, number_span) = number?;
        let number = number.trim().to_string();
        let (slug_source, slug_span) = slug_field.unwrap_or((number.clone(), number_span.clone()));
        let slug = locale::slugify(&slug_source);
        if slug.is_empty() {
            fields.problem(super::bad_slug(file, slug_span));
            return None;
        }
        let kind = kind?;
        if let Some(problem) = kind_disagreement(file, &number, &number_span, kind) {
            fields.problem(problem);
        }
        let (issuer, _) = issuer?;
        let level = level?;
        let (issued, _) = issued?;
        let effective = effective?.map(|(d, _)| d);
        let summary = summary?;
        let status = status?.unwrap_or_default();
        Some(Document {
            file: file.clone(),
            key: number_key(&number),
            number,
            number_span,
            kind,
            issuer: issuer.trim().to_string(),
            level,
            issued,
            effective,
            signer,
            summary,
            status,
            replaced_by,
            amended_by,
            files,
            missing_files,
            link,
            tags,
            draft,
            path: route::document(&slug),
            slug,
            slug_span,
            body,
            body_line,
            source_hash: 0,
        })
    }

    /// `kind:`, one of `KINDS`; required.
    fn kind_field(&self, fields: &mut super::frontmatter::Fields<'_, '_>) -> Option<usize> {
        let (written, span) = fields.required_text("kind", "Nghị định")?;
        if let Some(kind) = find_kind(&written) {
            return Some(kind);
        }
        let file = fields.file();
        let names = KINDS.iter().map(|(name, _)| *name);
        let problem = Problem::error(
            "content::unknown-document-kind",
            msg!("content-document-kind", kind = written.trim()),
        )
        .at(file, span);
        let folded = locale::fold(&written);
        let suggestion = did_you_mean(&folded, KINDS.iter().map(|(_, slug)| *slug))
            .and_then(|slug| KINDS.iter().find(|(_, s)| *s == slug))
            .map(|(name, _)| *name)
            .or_else(|| did_you_mean(&written, names.clone()));
        let all = KINDS
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(", ");
        fields.problem(match suggestion {
            Some(s) => problem
                .label(msg!("content-did-you-mean", suggestion = s))
                .help(msg!("content-document-kind-help", kinds = all)),
            None => problem
                .label(msg!("content-document-kind-label"))
                .help(msg!("content-document-kind-help", kinds = all)),
        });
        None
    }

    /// `files:`, each `{src, title}` (or just a path) of a file in `static/`, which must exist;
    /// and the site paths of those that do not.
    fn document_files(
        &self,
        fields: &mut super::frontmatter::Fields<'_, '_>,
    ) -> (Vec<DocumentFile>, Vec<String>) {
        let file = fields.file();
        let mut out = Vec::new();
        let mut missing = Vec::new();
        for nested in fields.nested_list("files") {
            let (written, src_span, title) = match &nested.scalar {
                Some((text, span)) => (Some(text.clone()), span.clone(), None),
                None => {
                    check_nested_keys(fields, &nested, FILE_FIELDS, "files");
                    let span = nested
                        .get("src")
                        .map_or(nested.span.clone(), |n| fields.span_of(n));
                    let title = fields
                        .nested_text(&nested, "title", "files.title")
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty());
                    (fields.nested_text(&nested, "src", "files.src"), span, title)
                }
            };
            let Some(written) = written
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
            else {
                fields.problem(
                    Problem::error(
                        "content::missing-field",
                        msg!("content-document-file-no-src"),
                    )
                    .at(file, nested.span.clone())
                    .help(msg!("content-document-file-help")),
                );
                continue;
            };
            let src = format!("/{}", written.trim_start_matches('/'));
            let bytes = (!src.split('/').any(|p| p == ".."))
                .then(|| {
                    std::fs::metadata(
                        self.config
                            .root
                            .join("static")
                            .join(src.trim_start_matches('/')),
                    )
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                })
                .flatten();
            let Some(bytes) = bytes else {
                fields.problem(
                    Problem::error(
                        "content::missing-file",
                        msg!("content-document-file-missing", src = src.as_str()),
                    )
                    .at(file, src_span)
                    .label(msg!("content-document-file-missing-label"))
                    .help(msg!("content-document-file-help")),
                );
                missing.push(src);
                continue;
            };
            let title =
                title.unwrap_or_else(|| src.rsplit('/').next().unwrap_or(src.as_str()).to_string());
            out.push(DocumentFile { src, title, bytes });
        }
        (out, missing)
    }
}

/// A field with a few accepted values (`level:`, `status:`): `Some(None)` when absent, `None`
/// when written wrong (reported).
fn choice_field<T>(
    fields: &mut super::frontmatter::Fields<'_, '_>,
    key: &str,
    accepted: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<Option<T>> {
    let Some((written, span)) = fields.text(key) else {
        return Some(None);
    };
    if written.trim().is_empty() {
        return Some(None);
    }
    if let Some(value) = parse(&written) {
        return Some(Some(value));
    }
    let file = fields.file();
    let problem = Problem::error(
        "content::bad-value",
        msg!(
            "content-document-choice",
            field = key,
            value = written.trim()
        ),
    )
    .at(file, span);
    let help = msg!(
        "content-document-choice-help",
        field = key,
        values = accepted.join(", ")
    );
    let slug = locale::slugify(&written);
    fields.problem(match did_you_mean(&slug, accepted.iter().copied()) {
        Some(s) => problem
            .label(msg!("content-did-you-mean", suggestion = s))
            .help(help),
        None => problem.help(help),
    });
    None
}

/// `replaced_by:` or `amended_by:`: another document's number.
fn number_ref(
    fields: &mut super::frontmatter::Fields<'_, '_>,
    key: &str,
) -> Option<(String, Range<usize>)> {
    fields
        .text(key)
        .map(|(n, span)| (n.trim().to_string(), span))
        .filter(|(n, _)| !n.is_empty())
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

    fn root() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("static/van-ban/nd-80.pdf");
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(path, vec![b'x'; 186_368]).expect("a file");
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
        let path = config.content_dir().join("van-ban/2020/nd-80.md");
        load_text(
            &config,
            provinces,
            &Highlighter::new(),
            &path,
            format!("---\n{front}\n---\n\nGhi chú.\n"),
        )
    }

    #[test]
    fn number_keys_ignore_spacing_dashes_case_and_the_stroke_of_d() {
        // Each row: ways of writing one number, all the same key, and the key.
        let cases: &[(&[&str], &str)] = &[
            (
                &[
                    "80/2020/NĐ-CP",
                    "  80 / 2020 / nđ – cp ",
                    "80/2020/ND-CP",
                    "080/2020/NĐ-CP",
                ],
                "80/2020/ND-CP",
            ),
            (&["38-CT/TW", "38–ct/tw", "38 - CT/TW"], "38-CT/TW"),
            (&["1970/KH-UBND", "1970/kh-ubnd"], "1970/KH-UBND"),
            // Not a number the citation grammar reads: kept, evened out. A decomposed tone
            // (Unikey's "Unicode tổ hợp") is the same text once NFC.
            (
                &["Luật số 5", "Lua\u{0323}\u{0302}t so\u{0302}\u{0301} 5"],
                "LUẬT SỐ 5",
            ),
        ];
        for (written, key) in cases {
            for w in *written {
                assert_eq!(number_key(w), *key, "{w}");
            }
        }
        assert_ne!(number_key("80/2020/NĐ-CP"), number_key("80/2021/NĐ-CP"));
        assert_ne!(number_key("12-CT/TW"), number_key("12-CT/TU"));
    }

    #[test]
    fn a_document_is_read_with_its_defaults() {
        let root = root();
        let (content, problems) = load(
            root.path(),
            "number: 80/2020/NĐ-CP\nkind: nghi dinh\nissuer: Chính phủ\nlevel: Trung ương\nissued: 08/7/2020\nsummary: Về quản lý viện trợ\nfiles:\n  - src: /van-ban/nd-80.pdf\n    title: Toàn văn",
        );
        assert!(problems.is_empty(), "{problems:#?}");
        let doc = &content.documents[0];
        assert_eq!(doc.kind_name(), "Nghị định");
        assert_eq!(doc.title(), "Nghị định 80/2020/NĐ-CP");
        assert_eq!(doc.slug, "80-2020-nd-cp");
        assert_eq!(doc.path, "van-ban/80-2020-nd-cp/");
        assert_eq!(doc.level, Some(Level::Central));
        assert_eq!(doc.status, Status::InForce);
        assert_eq!(doc.files[0].bytes, 186_368);
        assert_eq!(doc.files[0].kind(), "PDF");
        assert!(!doc.files_changed(root.path()));
        std::fs::write(root.path().join("static/van-ban/nd-80.pdf"), b"x").expect("a file");
        assert!(doc.files_changed(root.path()));
    }

    #[test]
    fn each_mistake_is_a_problem_at_its_line() {
        let root = root();
        let good = "kind: Nghị định\nissuer: Chính phủ\nissued: 08/7/2020\nsummary: S";
        let cases: Vec<(String, &[(&str, &str)])> = vec![
            (good.to_string(), &[("content::missing-field", "1:1")]),
            (
                "number: 1/KH\nkind: Nghi đinh x\nissuer: A\nissued: 08/7/2020\nsummary: S"
                    .to_string(),
                &[("content::unknown-document-kind", "3:7")],
            ),
            (
                "number: 1/KH\nkind: Kế hoạch\nissuer: A\nissued: 32/13/2020\nsummary: S"
                    .to_string(),
                &[("content::bad-date", "5:9")],
            ),
            (
                format!("number: 1/2020/NĐ-CP\n{good}\nfiles:\n  - src: /van-ban/khong-co.pdf"),
                &[("content::missing-file", "8:10")],
            ),
            (
                format!("number: 1/2020/NĐ-CP\n{good}\nstatus: het hieu luc x"),
                &[("content::bad-value", "7:9")],
            ),
            (
                format!("number: 1/2020/NĐ-CP\n{good}\nsigner: A\nsingers: B"),
                &[("content::unknown-field", "8:1")],
            ),
            // A Kế hoạch's number filed as a Nghị định: a warning at the number.
            (
                format!("number: 1/KH\n{good}"),
                &[("content::document-kind-number", "2:9")],
            ),
        ];
        for (front, want) in &cases {
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
