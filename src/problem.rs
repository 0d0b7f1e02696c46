//! Takes what went wrong in a build (a bad field, a broken template) and gives a `Problem`: one
//! diagnostic with its file, the byte span of the bad text, a label, and a `help:` line, which the
//! binary renders with miette; and the form a file's path takes in one (`display_path`).

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use miette::{
    GraphicalReportHandler, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan,
    SpanContents,
};

use crate::messages::{Lang, Message};

/// How bad a problem is: errors fail the build, warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A source file as the diagnostics see it: its path for display (relative to the site, with
/// forward slashes) and its text, shared between all problems found in it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: Arc<str>,
    /// Where each line starts, made on first use and shared by the clones: a problem in a
    /// large file (a 20 MB WordPress export with thousands of warnings) finds its line by a
    /// binary search instead of reading the file from the start each time.
    lines: Arc<OnceLock<Vec<usize>>>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            lines: Arc::default(),
        }
    }

    /// The byte offsets where lines start; the first is 0.
    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 0-based line of a byte offset (clamped), and where that line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        (line, starts.get(line).copied().unwrap_or(0))
    }

    /// The same file with only its first `end` bytes of text (cut at a character boundary).
    pub fn head(&self, end: usize) -> SourceFile {
        let end = floor_char_boundary(&self.text, end);
        SourceFile::new(self.path.clone(), &self.text[..end])
    }

    /// 1-based line and column (in characters) of a byte offset, clamped to the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let (line, line_start) = self.line_of(offset);
        (line + 1, self.text[line_start..offset].chars().count() + 1)
    }

    /// Byte offset of a 1-based line and 0-based character column, clamped to the text.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let mut offset = 0;
        for _ in 1..line.max(1) {
            match self.text[offset..].find('\n') {
                Some(i) => offset += i + 1,
                None => return self.text.len(),
            }
        }
        let rest = &self.text[offset..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        offset
            + rest[..line_end]
                .char_indices()
                .nth(col)
                .map_or(line_end, |(i, _)| i)
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The file's text for miette, with columns counted in characters rather than bytes, so that
/// `file:line:column` matches what an editor shows on a line of Vietnamese text.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette reads only the lines it shows: from the first context line before the span to
        // the last one after it, located through the line index.
        let starts = self.line_starts();
        let text: &str = &self.text;
        let offset = floor_char_boundary(text, span.offset());
        let end = floor_char_boundary(text, offset + span.len());
        let (first, _) = self.line_of(offset);
        let (last, _) = self.line_of(end.saturating_sub(1).max(offset));
        let window_line = first.saturating_sub(context_lines_before);
        let window_start = starts[window_line];
        let window_end = starts
            .get(last + context_lines_after + 1)
            .copied()
            .unwrap_or(text.len());
        let window = &text.as_bytes()[window_start..window_end];
        let local = SourceSpan::new((offset - window_start).into(), end - offset);
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let start = window_start + inner.span().offset();
        let (_, line_start) = self.line_of(start);
        let column = text[line_start..floor_char_boundary(text, start)]
            .chars()
            .count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.path.clone(),
            inner.data(),
            SourceSpan::new(start.into(), inner.span().len()),
            window_line + inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// One thing wrong with the site, found while building it. Boxed, because problems travel through
/// `Result`s on every path and the details are large.
#[derive(Debug, Clone)]
pub struct Problem(Box<Details>);

/// What a `Problem` says.
#[derive(Debug, Clone)]
pub struct Details {
    pub severity: Severity,
    /// A stable identifier such as `content::unknown-field`, for tests and for `--format json`.
    pub code: &'static str,
    pub message: Message,
    pub file: Option<SourceFile>,
    /// Byte range inside `file` that the label points at.
    pub span: Option<Range<usize>>,
    pub label: Option<Message>,
    pub help: Option<Message>,
}

impl std::ops::Deref for Problem {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Problem {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl Problem {
    pub fn error(code: &'static str, message: impl Into<Message>) -> Self {
        Problem(Box::new(Details {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            span: None,
            label: None,
            help: None,
        }))
    }

    pub fn warning(code: &'static str, message: impl Into<Message>) -> Self {
        let mut problem = Self::error(code, message);
        problem.severity = Severity::Warning;
        problem
    }

    /// Points the problem at `span` (bytes) of `file`.
    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        let start = floor_char_boundary(&file.text, span.start);
        let end = floor_char_boundary(&file.text, span.end.max(start));
        self.file = Some(file.clone());
        self.span = Some(start..end);
        self
    }

    /// Names the file without pointing at a place in it (e.g. a file that cannot be read).
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.file = Some(SourceFile::new(path, ""));
        self
    }

    pub fn label(mut self, label: impl Into<Message>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Orders problems by file, then by position in the file, as an editor would read them.
    pub fn sort_key(&self) -> (Option<&str>, usize) {
        (
            self.file.as_ref().map(|f| f.path.as_str()),
            self.span.as_ref().map_or(0, |s| s.start),
        )
    }

    /// 1-based line and column (in characters) of the problem, when it has a place in a file.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let file = self.file.as_ref()?;
        self.span.as_ref().map(|span| file.line_col(span.start))
    }

    /// `path:line:column` of the problem, when it has a place.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        match &self.span {
            Some(span) => {
                let (line, col) = file.line_col(span.start);
                Some(format!("{}:{line}:{col}", file.path))
            }
            None => Some(file.path.clone()),
        }
    }

    /// The problem on one line: severity, code, place, message, label and help. The preview
    /// lists the last build's problems so (`/__bantin/state`), for tools to compare.
    pub fn one_line(&self, lang: Lang) -> String {
        let shown = self.shown(lang);
        let severity = if self.is_error() { "error" } else { "warning" };
        let mut line = format!(
            "{severity} {} {}: {}",
            self.code,
            self.location().as_deref().unwrap_or("-"),
            shown.message
        );
        if let Some(label) = &shown.label {
            line.push_str(&format!(" | label: {label}"));
        }
        if let Some(help) = &shown.help {
            line.push_str(&format!(" | help: {help}"));
        }
        line
    }

    /// The problem in a language: what the terminal, the preview's overlay and the JSON reports
    /// show.
    pub fn shown(&self, lang: Lang) -> Shown<'_> {
        let catalogue = lang.catalogue();
        Shown {
            problem: self,
            message: catalogue.text(&self.message),
            label: self.label.as_ref().map(|m| catalogue.text(m)),
            help: self.help.as_ref().map(|m| catalogue.text(m)),
        }
    }
}

impl Problem {
    /// The problem as the terminal and the preview's overlay show it: miette's report (the
    /// headline, the line with a caret under the place, the label, `help:`), with its words —
    /// `help:` too — in `lang`.
    pub fn report(&self, lang: Lang, handler: &GraphicalReportHandler) -> String {
        let shown = self.shown(lang);
        let mut text = String::new();
        if handler.render_report(&mut text, &shown).is_err() {
            text = format!("{shown}\n");
        }
        let word = lang.text(&crate::msg!("problem-help"));
        if word == "help:" {
            return text;
        }
        translate_help(&text, &word)
    }
}

/// Replaces miette's `help:` (at the start of its line, after spaces and colour codes) with
/// `word`, and indents the help's wrapped lines to match its width.
fn translate_help(report: &str, word: &str) -> String {
    let shift = word.chars().count().saturating_sub("help:".len());
    let mut out = String::with_capacity(report.len() + 16);
    let mut in_help = false;
    for line in report.split_inclusive('\n') {
        let visible = strip_ansi(line);
        if visible.trim_start().starts_with("help:")
            && let Some(at) = line.find("help:")
        {
            out.push_str(&line[..at]);
            out.push_str(word);
            out.push_str(&line[at + "help:".len()..]);
            in_help = true;
            continue;
        }
        if in_help && visible.starts_with("        ") && !visible.trim().is_empty() {
            out.push_str(&" ".repeat(shift));
        } else {
            in_help = false;
        }
        out.push_str(line);
    }
    out
}

/// A line without its terminal colour codes (`ESC [ … m`).
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A problem with its words in one language. It is the diagnostic miette renders.
#[derive(Debug)]
pub struct Shown<'a> {
    pub problem: &'a Problem,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// How far into its line (in characters) a span may start or end for miette to show the line
/// with a caret. miette pads the caret with `{:width$}`, and formatting panics on a width past
/// 65,535 columns; a character is at most 4 columns (a tab). The fuzz target `content` found a
/// line of 16,000 tabs doing it. A line that long cannot be read on a terminal anyway.
const MAX_SHOWN_COLUMN: usize = 10_000;

impl Problem {
    /// Whether the problem's place is shown as its line with a caret under it; otherwise the
    /// headline says where it is.
    fn shows_its_line(&self) -> bool {
        let (Some(file), Some(span)) = (&self.file, &self.span) else {
            return false;
        };
        [span.start, span.end]
            .into_iter()
            .all(|at| file.line_col(at).1 <= MAX_SHOWN_COLUMN)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = self.problem;
        match (&problem.file, &problem.span) {
            // A problem without a place in the text still names its file in its headline.
            (Some(file), None) => write!(f, "{}: {}", file.path, self.message),
            (Some(_), Some(_)) if !problem.shows_its_line() => match problem.location() {
                Some(at) => write!(f, "{at}: {}", self.message),
                None => f.write_str(&self.message),
            },
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.problem.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.problem.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if !self.problem.shows_its_line() {
            return None;
        }
        self.problem.file.as_ref().map(|f| f as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.problem.shows_its_line() {
            return None;
        }
        let span = self.problem.span.clone()?;
        let label = LabeledSpan::new_with_span(self.label.clone(), span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// A site-relative display path with forward slashes: how a file is named in a problem
/// (`SourceFile::path`).
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A file's bytes as text. A file that is not UTF-8 — Vietnamese text saved by an old editor as
/// Windows-1258 or TCVN3, or by Notepad as "Unicode" (UTF-16) — gives a problem `code` with a
/// caret at the first byte that is not, shown in the file's text decoded as well as it can be
/// (each bad stretch of bytes becomes `�`), so that the editor can find the place.
pub fn utf8_text(
    code: &'static str,
    path: impl Into<String>,
    bytes: Vec<u8>,
) -> Result<String, Problem> {
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let at = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    // The text before `at` is valid, so the replacement character starts exactly there.
    let file = SourceFile::new(path, String::from_utf8_lossy(&bytes));
    let (line, _) = file.line_col(at);
    let byte = bytes.get(at).copied().unwrap_or_default();
    let label = if utf16 {
        crate::msg!("problem-not-utf8-utf16")
    } else {
        crate::msg!(
            "problem-not-utf8-byte",
            byte = format!("0x{byte:02X}"),
            line = line
        )
    };
    Err(Problem::error(code, crate::msg!("problem-not-utf8"))
        .at(&file, at..at + char::REPLACEMENT_CHARACTER.len_utf8())
        .label(label)
        .help(crate::msg!("problem-not-utf8-help")))
}

/// The closest candidate to a misspelt name, if any is close enough to be a useful suggestion.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let c_lower = c.to_lowercase();
            let mut score = strsim::jaro_winkler(&input, &c_lower);
            // Jaro-Winkler is harsh on short names: `ulr` for `url` scores 0.56. One swapped,
            // missing, extra or wrong letter in a name of three or more is still a likely typo.
            if input.chars().count() >= 3 && strsim::damerau_levenshtein(&input, &c_lower) <= 1 {
                score = score.max(0.8);
            }
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message no catalogue has, shown as its identifier: the tests here are about places,
    /// not words.
    fn words(id: &'static str) -> Message {
        Message::new(id)
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.md", "---\ntitle: Hữu nghị\ndate: x\n");
        let offset = file.text.find("date").unwrap();
        assert_eq!(file.line_col(offset), (3, 1));
        let offset = file.text.find("nghị").unwrap();
        assert_eq!(file.line_col(offset), (2, 12));
        assert_eq!(file.offset_of(2, 11), file.text.find("nghị").unwrap());
        assert_eq!(file.offset_of(99, 0), file.text.len());
    }

    #[test]
    fn suggestions() {
        let keys = ["title", "date", "province", "tags"];
        assert_eq!(did_you_mean("provice", keys), Some("province"));
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("zzzz", keys), None);
        let short = ["url", "name", "fax"];
        assert_eq!(did_you_mean("ulr", short), Some("url"));
        assert_eq!(did_you_mean("nmae", short), Some("name"));
        assert_eq!(did_you_mean("abc", short), None);
    }

    #[test]
    fn location_names_file_line_and_column() {
        let file = SourceFile::new("content/a.md", "a\nbc\n");
        let p = Problem::error("x", words("bad")).at(&file, 3..4);
        assert_eq!(p.location().as_deref(), Some("content/a.md:2:2"));
    }

    #[test]
    fn a_place_far_along_a_long_line_is_named_not_drawn() {
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        let render = |text: &str, at: usize| {
            let file = SourceFile::new("content/a.md", text);
            let p = Problem::error("x", words("bad"))
                .at(&file, at..at + 1)
                .label(words("here"));
            let mut out = String::new();
            handler
                .render_report(&mut out, &p.shown(crate::messages::Lang::En))
                .unwrap();
            out
        };
        // A caret 16,000 tabs along made miette's padding panic.
        let tabs = format!("a\n{}x\n", "\t".repeat(16_000));
        let out = render(&tabs, tabs.len() - 2);
        assert!(out.contains("content/a.md:2:16001: bad"), "{out}");
        assert!(!out.contains("here"));
        // A normal line still gets its caret.
        let out = render("a\nbc\n", 3);
        assert!(
            out.contains("[content/a.md:2:2]") && out.contains("here"),
            "{out}"
        );
    }

    #[test]
    fn a_problem_deep_in_a_large_file_shows_its_own_lines() {
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        let mut text = String::new();
        for i in 1..=200_000 {
            text.push_str(&format!("dòng {i}\n"));
        }
        let file = SourceFile::new("xuat.xml", text);
        let at = file.text.find("dòng 150000\n").unwrap() + "dòng ".len();
        let p = Problem::error("x", words("bad"))
            .at(&file, at..at + 6)
            .label(words("here"));
        assert_eq!(p.location().as_deref(), Some("xuat.xml:150000:6"));
        let mut out = String::new();
        handler
            .render_report(&mut out, &p.shown(crate::messages::Lang::En))
            .unwrap();
        assert!(out.contains("[xuat.xml:150000:6]"), "{out}");
        for line in [
            "149999 │ dòng 149999",
            "150000 │ dòng 150000",
            "150001 │ dòng 150001",
        ] {
            assert!(out.contains(line), "{line:?} in {out}");
        }
        assert!(
            !out.contains("dòng 149998") && !out.contains("dòng 150002"),
            "{out}"
        );
        // The first and last lines have no context on one side.
        let first = Problem::error("x", words("bad")).at(&file, 0..1);
        let mut out = String::new();
        handler
            .render_report(&mut out, &first.shown(crate::messages::Lang::En))
            .unwrap();
        assert!(
            out.contains("[xuat.xml:1:1]") && out.contains("1 │ dòng 1\n"),
            "{out}"
        );
        let end = file.text.len() - 1;
        let last = Problem::error("x", words("bad")).at(&file, end..end + 1);
        let mut out = String::new();
        handler
            .render_report(&mut out, &last.shown(crate::messages::Lang::En))
            .unwrap();
        assert!(out.contains("200000 │ dòng 200000"), "{out}");
    }

    #[test]
    fn text_that_is_not_utf8_is_shown_with_a_caret_at_the_first_bad_byte() {
        assert_eq!(
            utf8_text("x", "a.md", "Hữu nghị".as_bytes().to_vec()).unwrap(),
            "Hữu nghị"
        );
        // "Gặp" in Windows-1258: G, ă (0xE3), combining dot below (0xF2).
        let p = utf8_text("x", "content/a.md", b"---\ntitle: G\xE3\xF2p\n".to_vec()).unwrap_err();
        assert_eq!(p.location().as_deref(), Some("content/a.md:2:9"));
        let label = p.shown(crate::messages::Lang::En).label.unwrap();
        assert!(
            label.starts_with("byte 0xE3 at line 2 is not UTF-8"),
            "{label}"
        );
        let file = p.file.as_ref().unwrap();
        assert_eq!(&file.text[p.span.clone().unwrap()], "\u{FFFD}");
        assert_eq!(&*file.text, "---\ntitle: G\u{FFFD}\u{FFFD}p\n");

        let p = utf8_text("x", "a.md", vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(
            p.shown(crate::messages::Lang::En)
                .label
                .as_deref()
                .unwrap()
                .contains("UTF-16")
        );
        assert_eq!(p.location().as_deref(), Some("a.md:1:1"));
    }

    #[test]
    fn reports_say_help_in_the_language() {
        let file = SourceFile::new("content/a.md", "---\ntitle: G\u{fffd}p\n");
        let p = Problem::error("x", crate::msg!("problem-not-utf8"))
            .at(&file, 11..12)
            .label(crate::msg!("problem-not-utf8-utf16"))
            .help(crate::msg!("problem-not-utf8-help"));
        let handler = GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
        let english = p.report(Lang::En, &handler);
        assert!(english.contains("  help: open the file"), "{english}");
        let vietnamese = p.report(Lang::Vi, &handler);
        assert!(vietnamese.contains("  gợi ý: mở tệp"), "{vietnamese}");
        assert!(!vietnamese.contains("help:"), "{vietnamese}");
        // The wrapped lines of the help stay under its first word's text.
        let lines: Vec<&str> = vietnamese.lines().collect();
        let first = lines.iter().position(|l| l.contains("gợi ý:")).unwrap();
        let indent = lines[first]
            .find("mở")
            .map(|b| lines[first][..b].chars().count());
        let next = lines[first + 1];
        assert_eq!(
            Some(next.len() - next.trim_start().len()),
            indent,
            "{vietnamese}"
        );
    }
}
