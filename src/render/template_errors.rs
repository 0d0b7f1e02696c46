//! Takes an error from Tera and the theme's templates and gives problems like every other one:
//! the template's path, line and column, the bad text underlined, a label, and a `help:` line
//! that says what the names are ("did you mean", the filters, the templates, the circle).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::messages::Message;
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};

/// Tera 2.4's own filters (`Tera::register_builtin_filters`; Tera does not list them).
const TERA_FILTERS: &[&str] = &[
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
];
/// Tera 2.4's own tests (`{% if x is defined %}`).
const TERA_TESTS: &[&str] = &[
    "string",
    "number",
    "map",
    "bool",
    "array",
    "integer",
    "float",
    "none",
    "iterable",
    "defined",
    "undefined",
    "odd",
    "even",
    "divisible_by",
    "starting_with",
    "ending_with",
    "containing",
];
/// Tera 2.4's own functions.
const TERA_FUNCTIONS: &[&str] = &["range", "throw"];

/// The generic help for template syntax, for errors that have no more specific one.
fn tera_help() -> Message {
    msg!("render-tera-help")
}

/// When the error happened.
#[derive(Debug, Clone, Copy)]
pub(super) enum During<'a> {
    /// Compiling the theme's templates.
    Compiling,
    /// Rendering a page with `template`; `page` says which (`/tin-tuc/a/ (content/tin-tuc/a.md)`).
    Rendering {
        template: &'a str,
        page: &'a Message,
    },
}

/// Every problem a Tera error stands for: one per bad place (Tera reports all unknown filters,
/// functions and templates of a theme in one error). Never empty.
pub(super) fn problems(
    error: &tera::Error,
    templates: &BTreeMap<String, SourceFile>,
    during: During<'_>,
) -> Vec<Problem> {
    let found = Finder { templates };
    let problems = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            found.report(error, report, during).into_iter().collect()
        }
        tera::ErrorKind::Msg(text) => reports(text)
            .into_iter()
            .map(|report| found.reference(&report))
            .collect(),
        tera::ErrorKind::MissingParent { current, parent } => {
            vec![found.missing_parent(current, parent)]
        }
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => vec![found.circular_extend(tpl, inheritance_chain)],
        tera::ErrorKind::CircularInclude { tpl, include_chain } => {
            vec![found.circular_include(tpl, include_chain)]
        }
        tera::ErrorKind::TemplateNotFound(name) => vec![found.missing_template(name, None)],
        _ => Vec::new(),
    };
    if problems.is_empty() {
        return vec![found.other(error, during)];
    }
    problems
}

/// The problem of an error met while rendering one page: one place, so one problem.
pub(super) fn problem(
    error: &tera::Error,
    templates: &BTreeMap<String, SourceFile>,
    during: During<'_>,
) -> Problem {
    problems(error, templates, during)
        .into_iter()
        .next()
        .unwrap_or_else(|| Finder { templates }.other(error, during))
}

/// Looks things up in the theme's templates.
struct Finder<'a> {
    templates: &'a BTreeMap<String, SourceFile>,
}

impl Finder<'_> {
    /// A syntax or rendering error: Tera knows the template and the span.
    fn report(
        &self,
        error: &tera::Error,
        report: &tera::ReportError,
        during: During<'_>,
    ) -> Option<Problem> {
        let file = self.templates.get(report.filename())?;
        let span = report.span();
        let start = file.offset_of(span.start_line, span.start_col);
        let end = if span.end_line == span.start_line && span.end_col > span.start_col {
            file.offset_of(span.end_line, span.end_col)
        } else {
            start + 1
        };
        let (code, message) = match (error.kind(), during) {
            (tera::ErrorKind::SyntaxError(_), _) | (_, During::Compiling) => (
                "theme::template-syntax",
                msg!("render-template-syntax", template = file.path.as_str()),
            ),
            (_, During::Rendering { page, .. }) => (
                "theme::template-render",
                msg!(
                    "render-template-render",
                    template = file.path.as_str(),
                    page = page.clone()
                ),
            ),
        };
        let problem = Problem::error(code, message).at(file, start..end);
        Some(match undefined_name(report.message()) {
            Some((what, name, available)) => {
                let list = msg!(
                    "render-undefined-list",
                    what = what,
                    names = available.join(", ")
                );
                match did_you_mean(name, available.iter().copied()) {
                    Some(s) => problem.label(did_you_mean_label(s)).help(rename(s, list)),
                    None => problem
                        .label(msg!("render-undefined-label", what = what, name = name))
                        .help(if available.is_empty() {
                            msg!("render-undefined-help")
                        } else {
                            msg!("render-undefined-help-list", list = list)
                        }),
                }
            }
            None => problem
                .label(tera_label(report.message()))
                .help(render_help(report.message())),
        })
    }

    /// One of the references Tera checks after compiling: an unknown filter, test, function,
    /// component or block, or an include of a template that does not exist.
    fn reference(&self, report: &Report<'_>) -> Problem {
        let name = backticked(report.message).unwrap_or_default();
        let kind = ["filter", "test", "function", "component", "template"]
            .into_iter()
            .find(|kind| report.message.starts_with(&format!("Unknown {kind} `")));
        let place = self.place_of(report, name);
        let (what, names): (&str, Vec<&str>) = match kind {
            Some("filter") => ("filter", named(TERA_FILTERS, super::FILTERS)),
            Some("test") => ("test", TERA_TESTS.to_vec()),
            Some("function") => ("function", named(TERA_FUNCTIONS, super::FUNCTIONS)),
            Some("template") => return self.missing_template(name, place),
            Some("component") => {
                return located(
                    Problem::error(
                        "theme::unknown-component",
                        msg!("render-unknown-component", name = name),
                    ),
                    place,
                )
                .label(msg!("render-unknown-component-label"))
                .help(msg!("render-unknown-component-help"));
            }
            _ if report.message.starts_with("Block `") => {
                return self.unknown_block(name, report, place);
            }
            _ => {
                return located(
                    Problem::error(
                        "theme::template",
                        msg!("render-tera-error", error = report.message),
                    ),
                    place,
                )
                .label(tera_label(report.message))
                .help(tera_help());
            }
        };
        let (code, message, list) = match what {
            "filter" => (
                "theme::unknown-filter",
                msg!("render-unknown-filter", name = name),
                msg!(
                    "render-filters",
                    ours = super::FILTERS.join(", "),
                    teras = TERA_FILTERS.join(", ")
                ),
            ),
            "test" => (
                "theme::unknown-test",
                msg!("render-unknown-test", name = name),
                msg!("render-tests", teras = TERA_TESTS.join(", ")),
            ),
            _ => (
                "theme::unknown-function",
                msg!("render-unknown-function", name = name),
                msg!(
                    "render-functions",
                    ours = super::FUNCTIONS.join(", "),
                    teras = TERA_FUNCTIONS.join(", ")
                ),
            ),
        };
        let problem = located(Problem::error(code, message), place);
        match did_you_mean(name, names) {
            Some(s) => problem.label(did_you_mean_label(s)).help(rename(s, list)),
            None => problem
                .label(msg!("render-unknown-name-label", what = what))
                .help(list),
        }
    }

    /// `{% block name %}` in a template whose parents have no such block.
    fn unknown_block(
        &self,
        name: &str,
        report: &Report<'_>,
        place: Option<(&SourceFile, Range<usize>)>,
    ) -> Problem {
        let mut blocks = Vec::new();
        let mut current = self.templates.get(report.template);
        let mut seen = Vec::new();
        while let Some(file) = current
            && let Some((parent, _)) = extends(&file.text)
            && !seen.contains(&parent)
        {
            seen.push(parent);
            current = self.templates.get(parent);
            if let Some(parent) = current {
                blocks.extend(tags(&parent.text, "block").map(|(name, _)| name));
            }
        }
        blocks.sort_unstable();
        blocks.dedup();
        let problem = located(
            Problem::error(
                "theme::unknown-block",
                msg!("render-unknown-block", name = name),
            ),
            place,
        );
        let list = if blocks.is_empty() {
            msg!("render-blocks-none")
        } else {
            msg!("render-blocks", blocks = blocks.join(", "))
        };
        match did_you_mean(name, blocks.iter().copied()) {
            Some(s) => problem.label(did_you_mean_label(s)).help(rename(s, list)),
            None => problem
                .label(msg!("render-unknown-block-label"))
                .help(msg!("render-unknown-block-help", list = list)),
        }
    }

    /// An include or an extends that names a template the theme does not have.
    fn missing_template(&self, name: &str, place: Option<(&SourceFile, Range<usize>)>) -> Problem {
        let names: Vec<&str> = self.templates.keys().map(String::as_str).collect();
        let problem = located(
            Problem::error(
                "theme::unknown-template",
                msg!("render-unknown-template", name = name),
            ),
            place,
        );
        let list = names.join(", ");
        match did_you_mean(name, names.iter().copied()) {
            Some(s) => problem.label(did_you_mean_label(s)).help(msg!(
                "render-unknown-template-write",
                suggestion = s,
                names = list
            )),
            None => problem
                .label(msg!("render-unknown-template-label"))
                .help(msg!("render-unknown-template-help", names = list)),
        }
    }

    fn missing_parent(&self, current: &str, parent: &str) -> Problem {
        let place = self.templates.get(current).and_then(|file| {
            extends(&file.text)
                .filter(|(name, _)| *name == parent)
                .map(|(_, span)| (file, span))
        });
        let mut problem = self.missing_template(parent, place);
        problem.code = "theme::missing-parent";
        problem
    }

    /// Templates that extend each other in a circle: points at the `extends` that closes it.
    fn circular_extend(&self, start: &str, chain: &[String]) -> Problem {
        let circle: Vec<&str> = std::iter::once(start)
            .chain(chain.iter().map(String::as_str))
            .collect();
        let last = circle.last().copied().unwrap_or(start);
        let closer = circle[circle.len().saturating_sub(2)];
        let place = self.templates.get(closer).and_then(|file| {
            extends(&file.text)
                .filter(|(name, _)| *name == last)
                .map(|(_, span)| (file, span))
        });
        located(
            Problem::error(
                "theme::circular-extend",
                if circle.len() == 2 {
                    msg!("render-extends-itself", template = last)
                } else {
                    msg!("render-extends-circle")
                },
            ),
            place,
        )
        .label(msg!("render-extends-circle-label", template = last))
        .help(msg!(
            "render-extends-circle-help",
            circle = circle.join(" → ")
        ))
    }

    /// Templates that include each other in a circle: points at the `include` that closes it.
    fn circular_include(&self, start: &str, chain: &[String]) -> Problem {
        let last = chain.last().map_or(start, String::as_str);
        let closer = chain
            .len()
            .checked_sub(2)
            .map_or(start, |i| chain[i].as_str());
        let place = self.templates.get(closer).and_then(|file| {
            tags(&file.text, "include")
                .find(|(name, _)| *name == last)
                .map(|(_, span)| (file, span))
        });
        // The circle itself starts where `last` first appears in the chain.
        let from = chain.iter().position(|t| t == last).unwrap_or(0);
        let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
        located(
            Problem::error(
                "theme::circular-include",
                if chain.len() - from == 2 {
                    msg!("render-includes-itself", template = last)
                } else {
                    msg!("render-includes-circle")
                },
            ),
            place,
        )
        .label(msg!("render-includes-circle-label", template = last))
        .help(msg!(
            "render-includes-circle-help",
            circle = chain.join(" → ")
        ))
    }

    /// Any other error: named after the template being rendered, when there is one.
    fn other(&self, error: &tera::Error, during: During<'_>) -> Problem {
        match during {
            During::Compiling => Problem::error(
                "theme::template",
                msg!("render-templates-do-not-fit", error = error.to_string()),
            )
            .help(tera_help()),
            During::Rendering { template, page } => {
                let problem = Problem::error(
                    "theme::render",
                    msg!(
                        "render-template-failed",
                        template = template,
                        page = page.clone(),
                        error = error.to_string()
                    ),
                );
                match self.templates.get(template) {
                    Some(file) => problem.in_file(file.path.clone()),
                    None => problem,
                }
                .help(tera_help())
            }
        }
    }

    /// Where Tera's report points, with only `name` underlined when it starts there; else the
    /// first place `name` is written in a template.
    fn place_of(&self, report: &Report<'_>, name: &str) -> Option<(&SourceFile, Range<usize>)> {
        if let Some(file) = self.templates.get(report.template)
            && report.line > 0
        {
            let mut start = file.offset_of(report.line, report.col.saturating_sub(1));
            // An include's span starts at the quote before the name.
            if !name.is_empty()
                && file.text[start..].starts_with(['"', '\''])
                && file.text[start + 1..].starts_with(name)
            {
                start += 1;
            }
            let end = if !name.is_empty() && file.text[start..].starts_with(name) {
                start + name.len()
            } else {
                file.offset_of(
                    report.line,
                    report.col.saturating_sub(1) + report.width.max(1),
                )
            };
            return Some((file, start..end));
        }
        if name.is_empty() {
            return None;
        }
        self.templates.values().find_map(|file| {
            file.text
                .find(name)
                .map(|start| (file, start..start + name.len()))
        })
    }
}

/// Points `problem` at `place`, when there is one.
fn located(problem: Problem, place: Option<(&SourceFile, Range<usize>)>) -> Problem {
    match place {
        Some((file, span)) => problem.at(file, span),
        None => problem,
    }
}

fn named<'a>(tera: &[&'a str], ours: &[&'a str]) -> Vec<&'a str> {
    ours.iter().chain(tera).copied().collect()
}

/// "did you mean `s`?"
fn did_you_mean_label(suggestion: &str) -> Message {
    msg!("render-did-you-mean", suggestion = suggestion)
}

/// "rename it to `s`; " and what the names are.
fn rename(suggestion: &str, list: Message) -> Message {
    msg!("render-rename", suggestion = suggestion, list = list)
}

/// What to do about an error met while rendering, by what Tera says.
fn render_help(message: &str) -> Message {
    if message.starts_with("Missing keyword argument") {
        msg!("render-help-keyword-argument")
    } else if message.starts_with("Invalid type for the value") {
        msg!("render-help-invalid-type")
    } else {
        tera_help()
    }
}

/// The label of what Tera says went wrong: bantin's own helpers' errors in the reader's
/// language, Tera's text framed.
fn tera_label(message: &str) -> Message {
    super::helper_error(message).unwrap_or_else(|| msg!("render-tera-says", error = message))
}

/// `Variable `x` is not defined. Available variables: a, b` → ("variable", "x", [a, b]).
fn undefined_name(message: &str) -> Option<(&'static str, &str, Vec<&str>)> {
    let what = if message.starts_with("Variable `") {
        "variable"
    } else if message.starts_with("Field `") {
        "field"
    } else {
        return None;
    };
    if !message.contains("is not defined") {
        return None;
    }
    let name = backticked(message)?;
    let available = message
        .split_once("Available ")
        .and_then(|(_, rest)| rest.split_once(": "))
        .map(|(_, list)| list.trim_end_matches('.').split(", ").collect())
        .unwrap_or_default();
    Some((what, name, available))
}

/// The first text between backticks.
fn backticked(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once('`')?;
    rest.split_once('`').map(|(name, _)| name)
}

/// One `error: …` report in the message Tera gives when a theme's references do not resolve:
///
/// ```text
/// error: Unknown filter `date_vn`
///  --> article.html:4:45
///   |
/// 4 | <p>{{ article.date | date_vn(format="date") }}</p>
///   |                      ^^^^^^^^^^^^^^^^^^^^^^
/// ```
#[derive(Debug, PartialEq)]
struct Report<'a> {
    message: &'a str,
    template: &'a str,
    /// 1-based; 0 when the report has no location.
    line: usize,
    /// 1-based, in characters.
    col: usize,
    /// How many characters Tera underlined.
    width: usize,
}

/// The reports in a message of Tera's (several, separated by blank lines). A message that is
/// not in this form gives none.
fn reports(text: &str) -> Vec<Report<'_>> {
    let mut out: Vec<Report<'_>> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(message) = line.strip_prefix("error: ") {
            out.push(Report {
                message,
                template: "",
                line: 0,
                col: 0,
                width: 0,
            });
        } else if let Some(place) = trimmed.strip_prefix("--> ")
            && let Some(report) = out.last_mut()
        {
            let mut parts = place.rsplitn(3, ':');
            if let (Some(col), Some(line), Some(template)) =
                (parts.next(), parts.next(), parts.next())
                && let (Ok(line), Ok(col)) = (line.parse(), col.parse())
            {
                report.template = template;
                report.line = line;
                report.col = col;
            }
        } else if let Some(report) = out.last_mut()
            && trimmed.starts_with('|')
            && trimmed.contains('^')
        {
            report.width = trimmed.matches('^').count();
        }
    }
    out
}

/// The template a text extends, with the span of its name.
fn extends(text: &str) -> Option<(&str, Range<usize>)> {
    tags(text, "extends").next()
}

/// Every `{% keyword "name" %}` (or `{%- keyword name -%}`) in a template: the name and its
/// span, without quotes.
fn tags<'t>(text: &'t str, keyword: &'t str) -> impl Iterator<Item = (&'t str, Range<usize>)> + 't {
    text.match_indices("{%").filter_map(move |(open, _)| {
        let after = open + 2;
        let rest = text[after..].trim_start_matches('-').trim_start();
        let rest = rest.strip_prefix(keyword)?;
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let arg = rest.trim_start();
        let start = text.len() - arg.len();
        let (quoted, arg) = match arg.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &arg[1..]),
            _ => (None, arg),
        };
        let end = match quoted {
            Some(q) => arg.find(q)?,
            None => arg.find(|c: char| !(c.is_alphanumeric() || c == '_'))?,
        };
        let start = start + usize::from(quoted.is_some());
        Some((&arg[..end], start..start + end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles `{{ 1 | name }}`-style uses of each name: Tera refuses unknown ones.
    fn unknown(tera: &tera::Tera, uses: impl IntoIterator<Item = String>) -> Vec<String> {
        uses.into_iter()
            .filter(|source| {
                let mut tera = tera.clone();
                tera.add_raw_template("t", source).is_err()
            })
            .collect()
    }

    #[test]
    fn the_listed_names_are_teras() {
        let tera = tera::Tera::new();
        let uses = TERA_FILTERS
            .iter()
            .map(|f| format!("{{{{ 1 | {f} }}}}"))
            .chain(
                TERA_TESTS
                    .iter()
                    .map(|t| format!("{{% if 1 is {t} %}}{{% endif %}}")),
            )
            .chain(TERA_FUNCTIONS.iter().map(|f| format!("{{{{ {f}() }}}}")));
        assert_eq!(unknown(&tera, uses), Vec::<String>::new());
        // …and a name Tera does not have is refused, so the check above means something.
        assert_eq!(unknown(&tera, ["{{ 1 | nosuch }}".to_string()]).len(), 1);
    }

    /// Compiles a theme of `(name, source)` templates and gives its problems.
    fn compile_problems(templates: &[(&str, &str)]) -> Vec<Problem> {
        let files: BTreeMap<String, SourceFile> = templates
            .iter()
            .map(|(name, text)| {
                let file = SourceFile::new(format!("templates/{name}"), *text);
                (name.to_string(), file)
            })
            .collect();
        let mut tera = tera::Tera::new();
        let Err(error) = tera.add_raw_templates(templates.iter().copied()) else {
            return Vec::new();
        };
        problems(&error, &files, During::Compiling)
    }

    /// Compiles a theme of `(name, source)` templates and gives its problems as
    /// `(code, location, label)`.
    fn compile(templates: &[(&str, &str)]) -> Vec<(&'static str, String, String)> {
        compile_problems(templates)
            .into_iter()
            .map(|p| {
                let location = p.location().unwrap_or_default();
                let label = p.shown(crate::messages::Lang::En).label;
                (p.code, location, label.unwrap_or_default())
            })
            .collect()
    }

    /// Templates as `(name, source)`.
    type Theme<'a> = &'a [(&'a str, &'a str)];
    /// A problem as `(code, location, label)`.
    type Expected<'a> = (&'a str, &'a str, &'a str);

    #[test]
    fn every_kind_of_template_error_points_at_its_place() {
        let base = (
            "base.html",
            "<title>{% block title %}{% endblock %}</title>{% block content %}{% endblock %}",
        );
        let cases: &[(Theme, Expected)] = &[
            (
                &[("a.html", "<p>{{ 1 | uper }}</p>")],
                (
                    "theme::unknown-filter",
                    "templates/a.html:1:11",
                    "did you mean `upper`?",
                ),
            ),
            (
                &[("a.html", "{% if 1 is od %}x{% endif %}")],
                (
                    "theme::unknown-test",
                    "templates/a.html:1:12",
                    "did you mean `odd`?",
                ),
            ),
            (
                &[("a.html", "{{ rnge(end=3) }}")],
                (
                    "theme::unknown-function",
                    "templates/a.html:1:4",
                    "did you mean `range`?",
                ),
            ),
            (
                &[("a.html", "x\n{% include \"b.htm\" %}"), ("b.html", "")],
                (
                    "theme::unknown-template",
                    "templates/a.html:2:13",
                    "did you mean `b.html`?",
                ),
            ),
            (
                &[("a.html", "{% extends \"bse.html\" %}"), base],
                (
                    "theme::missing-parent",
                    "templates/a.html:1:13",
                    "did you mean `base.html`?",
                ),
            ),
            (
                &[
                    ("a.html", "{% extends 'b.html' %}"),
                    ("b.html", "{% extends 'a.html' %}"),
                ],
                (
                    "theme::circular-extend",
                    "templates/b.html:1:13",
                    "extending `a.html` closes the circle",
                ),
            ),
            (
                &[
                    ("a.html", "{% include 'b.html' %}"),
                    ("b.html", "\n{% include 'a.html' %}"),
                ],
                (
                    "theme::circular-include",
                    "templates/b.html:2:13",
                    "including `a.html` closes the circle",
                ),
            ),
            (
                &[
                    (
                        "a.html",
                        "{% extends 'base.html' %}{% block contnt %}{% endblock %}",
                    ),
                    base,
                ],
                (
                    "theme::unknown-block",
                    "templates/a.html:1:35",
                    "did you mean `content`?",
                ),
            ),
        ];
        for (templates, (code, location, label)) in cases {
            let got = compile(templates);
            assert_eq!(
                got,
                [(*code, location.to_string(), label.to_string())],
                "{templates:?}"
            );
        }
    }

    #[test]
    fn template_problems_speak_vietnamese_too() {
        let problems = compile_problems(&[("a.html", "<p>{{ 1 | uper }}</p>")]);
        let [p] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        let vi = p.shown(crate::messages::Lang::Vi);
        assert_eq!(vi.message, "không có bộ lọc (filter) `uper`");
        assert_eq!(vi.label.as_deref(), Some("có phải ý bạn là `upper`?"));
        let help = vi.help.unwrap_or_default();
        assert!(
            help.starts_with(
                "hãy đổi thành `upper`; các bộ lọc của bantin là date_vi, number_vi, slugify, urlencode; của Tera là safe, default,"
            ),
            "{help}"
        );

        let problems = compile_problems(&[
            ("a.html", "{% include 'b.html' %}"),
            ("b.html", "\n{% include 'a.html' %}"),
        ]);
        let vi = problems[0].shown(crate::messages::Lang::Vi);
        assert_eq!(
            vi.message,
            "các mẫu trang chèn (include) lẫn nhau thành một vòng"
        );
        assert_eq!(
            vi.label.as_deref(),
            Some("chèn `a.html` ở đây làm khép vòng")
        );
        let en = problems[0].shown(crate::messages::Lang::En);
        assert_eq!(en.message, "templates include each other in a circle");
        assert_eq!(
            en.help.as_deref(),
            Some(
                "including would never end: a.html → b.html → a.html; remove one of these includes"
            )
        );
    }

    #[test]
    fn reads_tera_reference_reports() {
        let text = "error: Unknown filter `date_vn`\n --> article.html:4:45\n  |\n4 | <p>{{ x | date_vn(format=\"date\") }}</p>\n  |                      ^^^^^^^^^^^^^^^^^^^^^^\n\nerror: Unknown template `partials/a.html`\n  --> partials/b.html:12:12\n   |\n12 | {% include \"partials/a.html\" %}\n   |            ^^^^^^^^^^^^^^^^^";
        assert_eq!(
            reports(text),
            [
                Report {
                    message: "Unknown filter `date_vn`",
                    template: "article.html",
                    line: 4,
                    col: 45,
                    width: 22
                },
                Report {
                    message: "Unknown template `partials/a.html`",
                    template: "partials/b.html",
                    line: 12,
                    col: 12,
                    width: 17
                },
            ]
        );
        assert_eq!(reports("Component `a` is defined in both `x` and `y`"), []);
    }

    #[test]
    fn finds_tags_and_their_names() {
        let text = "{% extends \"base.html\" %}\n{%- block content -%}{% include 'partials/a.html' %}{% endblock %}{% block title%}";
        let (name, span) = extends(text).unwrap();
        assert_eq!((name, &text[span]), ("base.html", "base.html"));
        let includes: Vec<&str> = tags(text, "include").map(|(n, _)| n).collect();
        assert_eq!(includes, ["partials/a.html"]);
        let blocks: Vec<&str> = tags(text, "block").map(|(n, _)| n).collect();
        assert_eq!(blocks, ["content", "title"]);
        assert_eq!(extends("{% extendsx %}"), None);
    }

    #[test]
    fn undefined_names_and_what_is_available() {
        assert_eq!(
            undefined_name("Field `titel` is not defined. Available fields: date, title"),
            Some(("field", "titel", vec!["date", "title"]))
        );
        assert_eq!(
            undefined_name("Variable `x` is not defined."),
            Some(("variable", "x", vec![]))
        );
        assert_eq!(undefined_name("Cannot compare `a` with `b`"), None);
    }
}
