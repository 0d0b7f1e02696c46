//! Takes a fenced code block (text + info-string language) and gives its HTML `<pre>`; the only
//! file that touches syntect.

use std::panic::{AssertUnwindSafe, catch_unwind};

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::escape_html;

/// Class prefix for syntect's spans; `highlight.css` is generated with the same prefix.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Blocks bigger than this are shown unhighlighted: fancy-regex backtracking on pathological
/// input (minified files, one huge line) can take far longer than the rest of the build.
const MAX_HIGHLIGHT_BYTES: usize = 256 * 1024;
const MAX_HIGHLIGHT_LINE_BYTES: usize = 16 * 1024;

/// Syntax definitions, shared by reference across render threads and loaded at the first code
/// block with a language: loading them takes longer than a preview's whole rebuild after a save,
/// and most news articles have no code at all.
pub struct Highlighter {
    syntaxes: std::sync::OnceLock<SyntaxSet>,
}

impl Highlighter {
    pub fn new() -> Self {
        Highlighter {
            syntaxes: std::sync::OnceLock::new(),
        }
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// Renders one code block. `lang` is the first word of the fence's info string, if any.
    pub(crate) fn code_block(&self, code: &str, lang: Option<&str>) -> String {
        let Some((lang, syntax)) = lang.and_then(|l| self.syntax_for(l)) else {
            return format!("<pre><code>{}</code></pre>\n", escape_html(code));
        };
        let body = if code.len() > MAX_HIGHLIGHT_BYTES
            || code.lines().any(|l| l.len() > MAX_HIGHLIGHT_LINE_BYTES)
        {
            escape_html(code)
        } else {
            self.classed(code, syntax)
                .unwrap_or_else(|| escape_html(code))
        };
        format!(
            "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
            escape_html(&lang),
            body
        )
    }

    /// Looks a fence language up by name or file extension ("rust", "rs", "Python", "sh").
    /// Plain Text counts as unknown: it would only wrap the code in one span.
    fn syntax_for(&self, lang: &str) -> Option<(String, &SyntaxReference)> {
        let lang = lang.trim().to_lowercase();
        if lang.is_empty() {
            return None;
        }
        let syntax = self.syntaxes().find_syntax_by_token(&lang)?;
        if syntax.name == "Plain Text" {
            return None;
        }
        Some((lang, syntax))
    }

    /// Classed spans for `code`, or `None` when syntect reports an error (the caller then shows
    /// the code plain). A panic inside syntect is also turned into `None`: one odd code block
    /// must not take down the whole build.
    fn classed(&self, code: &str, syntax: &SyntaxReference) -> Option<String> {
        catch_unwind(AssertUnwindSafe(|| {
            let mut generator =
                ClassedHTMLGenerator::new_with_class_style(syntax, self.syntaxes(), CLASS_STYLE);
            for line in LinesWithEndings::from(code) {
                generator
                    .parse_html_for_line_which_includes_newline(line)
                    .ok()?;
            }
            Some(generator.finalize())
        }))
        .ok()
        .flatten()
    }
}

impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sync<T: Sync + Send>() {}

    #[test]
    fn highlighter_is_shareable_across_threads() {
        assert_sync::<Highlighter>();
    }

    #[test]
    fn code_blocks() {
        let h = Highlighter::new();
        // (lang, code, must contain, must not contain)
        let cases: &[(Option<&str>, &str, &str, &str)] = &[
            (
                Some("rust"),
                "fn main() {}\n",
                "<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\">",
                "<pre><code>",
            ),
            (
                Some("rs"),
                "let x = 1;\n",
                "data-lang=\"rs\"",
                "<pre><code>",
            ),
            (
                Some("Python"),
                "x = 1\n",
                "data-lang=\"python\"",
                "<pre><code>",
            ),
            (
                Some("klingon"),
                "a < b && c\n",
                "<pre><code>a &lt; b &amp;&amp; c\n</code></pre>",
                "hl-",
            ),
            (
                None,
                "<script>\n",
                "<pre><code>&lt;script&gt;\n</code></pre>",
                "hl-",
            ),
            (
                Some("text"),
                "plain\n",
                "<pre><code>plain\n</code></pre>",
                "hl-",
            ),
            (Some("\"><x"), "x\n", "<pre><code>x\n</code></pre>", "<x"),
            (
                Some("rust"),
                "",
                "<pre class=\"code\" data-lang=\"rust\"><code>",
                "<pre><code>",
            ),
            (
                Some("python"),
                "s = \"unterminated\n",
                "hl-string",
                "<pre><code>",
            ),
            (
                Some("rust"),
                "/* never closed\nfn x",
                "hl-comment",
                "<pre><code>",
            ),
            (Some("html"), "<p class=\"a\n", "&lt;", "<p class"),
        ];
        for (lang, code, want, not) in cases {
            let out = h.code_block(code, *lang);
            assert!(out.contains(want), "{lang:?} {code:?}: {out}");
            assert!(!out.contains(not), "{lang:?} {code:?}: {out}");
        }
    }

    #[test]
    fn spans_are_balanced_even_for_unterminated_input() {
        let h = Highlighter::new();
        for (lang, code) in [
            ("rust", "let s = \"open\nmore\n"),
            ("js", "`template ${ x\n"),
            ("python", "'''doc\n"),
            ("c", "#if 1\n/*"),
        ] {
            let out = h.code_block(code, Some(lang));
            assert_eq!(
                out.matches("<span").count(),
                out.matches("</span>").count(),
                "{lang}: {out}"
            );
        }
    }

    #[test]
    fn huge_blocks_fall_back_to_plain_text() {
        let h = Highlighter::new();
        let long_line = format!(
            "let x = \"{}\";\n",
            "a".repeat(MAX_HIGHLIGHT_LINE_BYTES + 1)
        );
        let out = h.code_block(&long_line, Some("rust"));
        assert!(out.starts_with("<pre class=\"code\" data-lang=\"rust\"><code>let x"));
        assert!(!out.contains("<span"));
    }
}
