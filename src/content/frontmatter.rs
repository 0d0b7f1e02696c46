//! Takes a content file's text and gives its front-matter as a `Fields` map whose every key and value
//! knows its byte span in the file, plus the Markdown body. Reading a field checks its type and
//! records a `Problem` pointing at the bad value; unknown keys get "did you mean".

use std::collections::HashMap;
use std::ops::Range;

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use crate::messages::Message;
use crate::msg;
use crate::problem::{Problem, SourceFile, did_you_mean};

/// The front-matter block and the body of a content file.
pub struct Split<'a> {
    /// The YAML between the `---` lines, and its byte offset in the file.
    pub yaml: &'a str,
    pub yaml_start: usize,
    pub body: &'a str,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// How a content file starts: the help of every problem with the front-matter block itself.
fn fence_help() -> Message {
    msg!("content-front-matter-help")
}

/// Splits `---\n<yaml>\n---\n<body>`. The opening fence must be the first line.
pub fn split<'a>(file: &'a SourceFile) -> Result<Split<'a>, Problem> {
    let text: &str = &file.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        let shown = text[..first_line_end].trim_end().len();
        return Err(
            Problem::error("content::no-front-matter", msg!("content-no-front-matter"))
                .at(file, 0..shown)
                .label(msg!("content-no-front-matter-label"))
                .help(fence_help()),
        );
    }
    let yaml_start = first_line_end;
    let mut offset = yaml_start;
    while offset < text.len() {
        let line_end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..line_end].trim_end() == "---" {
            let body_line = text[..line_end].matches('\n').count() + 1;
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_start,
                body: &text[line_end..],
                body_line,
            });
        }
        offset = line_end;
    }
    Err(Problem::error(
        "content::unclosed-front-matter",
        msg!("content-unclosed-front-matter"),
    )
    .at(file, 0..3)
    .label(msg!("content-unclosed-front-matter-label"))
    .help(fence_help()))
}

/// One front-matter value with where it sits.
pub struct Value<'y> {
    pub node: &'y MarkedYaml<'y>,
    pub span: Range<usize>,
}

/// The front-matter's top-level keys, in order, each with its key span and value.
pub struct Fields<'f, 'y> {
    file: &'f SourceFile,
    yaml_start: usize,
    yaml: &'y str,
    entries: Vec<(String, Range<usize>, &'y MarkedYaml<'y>)>,
    pub problems: Vec<Problem>,
}

/// Parses the YAML block. A syntax error, or a block that is not a `key: value` map, is one problem.
pub fn parse_yaml<'y>(
    file: &SourceFile,
    split: &Split<'y>,
) -> Result<Vec<MarkedYaml<'y>>, Problem> {
    if let Some(m) = too_deep(split.yaml) {
        let offset = split.yaml_start + offset_in(split.yaml, m.line(), m.col());
        let end = next_char_end(&file.text, offset);
        return Err(
            Problem::error("content::yaml-too-deep", msg!("content-yaml-too-deep"))
                .at(file, offset..end)
                .label(msg!(
                    "content-yaml-too-deep-label",
                    max = MAX_DEPTH.to_string()
                ))
                .help(msg!("content-yaml-too-deep-help")),
        );
    }
    match MarkedYaml::load_from_str(split.yaml) {
        Ok(docs) => Ok(docs),
        Err(e) => {
            let m = e.marker();
            let offset = split.yaml_start + offset_in(split.yaml, m.line(), m.col());
            let end = next_char_end(&file.text, offset);
            Err(
                Problem::error("content::yaml-syntax", msg!("content-yaml-syntax"))
                    .at(file, offset..end)
                    .label(msg!("content-yaml-syntax-label", reason = e.info()))
                    .help(msg!("content-yaml-syntax-help")),
            )
        }
    }
}

impl<'f, 'y> Fields<'f, 'y> {
    pub fn new(
        file: &'f SourceFile,
        split: &Split<'y>,
        docs: &'y [MarkedYaml<'y>],
    ) -> Result<Self, Problem> {
        let mut fields = Fields {
            file,
            yaml_start: split.yaml_start,
            yaml: split.yaml,
            entries: Vec::new(),
            problems: Vec::new(),
        };
        let Some(root) = docs.first() else {
            return Ok(fields); // an empty block: required fields will be reported missing
        };
        let map = match &root.data {
            YamlData::Mapping(map) => map,
            YamlData::Value(Scalar::Null) => return Ok(fields),
            _ => {
                let span = fields.span_of(root);
                return Err(Problem::error(
                    "content::front-matter-not-a-map",
                    msg!("content-front-matter-not-a-map"),
                )
                .at(file, span)
                .help(fence_help()));
            }
        };
        for (key, value) in map {
            let span = fields.span_of(key);
            match scalar_text(key) {
                Some(name) => fields.entries.push((name, span, value)),
                None => fields.problems.push(
                    Problem::error("content::bad-key", msg!("content-bad-key")).at(file, span),
                ),
            }
        }
        Ok(fields)
    }

    /// Byte span of a node in the file.
    pub fn span_of(&self, node: &MarkedYaml<'_>) -> Range<usize> {
        let start =
            self.yaml_start + offset_in(self.yaml, node.span.start.line(), node.span.start.col());
        let mut end =
            self.yaml_start + offset_in(self.yaml, node.span.end.line(), node.span.end.col());
        // Block collections end at the start of the next line; keep the caret on the value's text.
        while end > start && self.file.text[..end].ends_with(['\n', ' ', '\r']) {
            end -= 1;
        }
        if end <= start {
            end = next_char_end(&self.file.text, start);
        }
        start..end
    }

    /// Reports every key not in `known`, with a suggestion when one is close. `kind` is what the
    /// file is: `article` or `page`.
    pub fn reject_unknown(&mut self, known: &[&str], kind: &str) {
        let mut problems = Vec::new();
        for (key, span, _) in &self.entries {
            if known.contains(&key.as_str()) {
                continue;
            }
            let problem = Problem::error(
                "content::unknown-field",
                msg!("content-unknown-field", field = key, kind = kind),
            )
            .at(self.file, span.clone());
            problems.push(match did_you_mean(key, known.iter().copied()) {
                Some(s) => problem
                    .label(msg!("content-did-you-mean", suggestion = s))
                    .help(msg!("content-unknown-field-rename-help", suggestion = s)),
                None => problem
                    .label(msg!("content-unknown-field-label"))
                    .help(msg!(
                        "content-unknown-field-help",
                        fields = known.join(", ")
                    )),
            });
        }
        self.problems.extend(problems);
    }

    pub fn get(&self, key: &str) -> Option<Value<'y>> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, node)| Value {
                node,
                span: self.span_of(node),
            })
    }

    /// Where to point when a required field is missing: the whole front-matter block.
    pub fn block_span(&self) -> Range<usize> {
        let start = self.yaml_start.saturating_sub(4);
        start..start + 3
    }

    pub fn file(&self) -> &'f SourceFile {
        self.file
    }

    pub fn problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// A required text field; missing or empty is a problem.
    pub fn required_text(&mut self, key: &str, example: &str) -> Option<(String, Range<usize>)> {
        let problem = match self.text(key) {
            Some((text, span)) if !text.trim().is_empty() => return Some((text, span)),
            Some((_, span)) => Problem::error(
                "content::empty-field",
                msg!("content-empty-field", field = key),
            )
            .at(self.file, span)
            .help(msg!(
                "content-empty-field-help",
                field = key,
                example = example
            )),
            None => match self.get(key) {
                // `title:` with nothing after it is YAML's null: as empty as "", and the file
                // must not be dropped without a word.
                Some(value) if is_null(value.node) => {
                    let span = self.key_span(key).unwrap_or(value.span);
                    Problem::error(
                        "content::empty-field",
                        msg!("content-empty-field", field = key),
                    )
                    .at(self.file, span)
                    .label(msg!("content-empty-field-label", field = key))
                    .help(msg!(
                        "content-empty-field-help",
                        field = key,
                        example = example
                    ))
                }
                Some(_) => return None, // wrong type: already reported
                None => {
                    let span = self.block_span();
                    Problem::error(
                        "content::missing-field",
                        msg!("content-missing-field", field = key),
                    )
                    .at(self.file, span)
                    .label(msg!("content-missing-field-label", field = key))
                    .help(msg!(
                        "content-missing-field-help",
                        field = key,
                        example = example
                    ))
                }
            },
        };
        self.problem(problem);
        None
    }

    /// An optional text field. A number is taken as written (`1.50` stays `1.50`); true or false
    /// is a problem, since it is far likelier a slip than the text "true".
    pub fn text(&mut self, key: &str) -> Option<(String, Range<usize>)> {
        let value = self.get(key)?;
        match self.written(value.node) {
            Some(Written::Text(text) | Written::Number(text)) => Some((text, value.span)),
            Some(Written::Flag(flag)) => {
                self.problem(flag_in_text(self.file, value.span, key, flag));
                None
            }
            None if is_null(value.node) => None,
            None => {
                self.problem(
                    Problem::error(
                        "content::wrong-type",
                        msg!("content-not-single-line", field = key),
                    )
                    .at(self.file, value.span)
                    .help(msg!("content-not-single-line-help", field = key)),
                );
                None
            }
        }
    }

    /// A text inside a nested map such as `image:` (`image.alt`), read like `text`.
    pub fn nested_text(&mut self, nested: &Nested<'y>, key: &str, name: &str) -> Option<String> {
        let node = nested.get(key)?;
        let span = self.span_of(node);
        match self.written(node) {
            Some(Written::Text(text) | Written::Number(text)) => Some(text),
            Some(Written::Flag(flag)) => {
                self.problem(flag_in_text(self.file, span, name, flag));
                None
            }
            None => None,
        }
    }

    pub fn flag(&mut self, key: &str) -> bool {
        let Some(value) = self.get(key) else {
            return false;
        };
        match &value.node.data {
            YamlData::Value(Scalar::Boolean(b)) => *b,
            YamlData::Value(Scalar::Null) => false,
            _ => {
                self.problem(
                    Problem::error(
                        "content::wrong-type",
                        msg!("content-not-a-flag", field = key),
                    )
                    .at(self.file, value.span)
                    .label(msg!("content-not-a-flag-label"))
                    .help(msg!("content-not-a-flag-help", field = key)),
                );
                false
            }
        }
    }

    /// A list of texts: `[a, b]`, a `- a` list, or one text with commas (`a, b`). A number or
    /// true/false, alone or as an item, is a problem: `tags: 42` is more likely a slip than the
    /// tag "42", and an item must be quoted to be text.
    pub fn list(&mut self, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match &value.node.data {
            YamlData::Sequence(items) => {
                let mut out = Vec::new();
                for item in items {
                    let span = self.span_of(item);
                    match self.written(item) {
                        Some(Written::Text(text)) if !text.trim().is_empty() => {
                            out.push((text.trim().to_string(), span))
                        }
                        Some(Written::Number(written)) => {
                            let problem = item_not_text(
                                self.file,
                                span,
                                key,
                                &written,
                                msg!("content-a-number"),
                            );
                            self.problem(problem);
                        }
                        Some(Written::Flag(flag)) => {
                            let problem = item_not_text(
                                self.file,
                                span,
                                key,
                                &flag.to_string(),
                                msg!("content-true-or-false"),
                            );
                            self.problem(problem);
                        }
                        _ => self.problem(
                            Problem::error(
                                "content::wrong-type",
                                msg!("content-list-item-not-text", field = key),
                            )
                            .at(self.file, span)
                            .help(msg!("content-list-help", field = key)),
                        ),
                    }
                }
                out
            }
            YamlData::Value(Scalar::Null) => Vec::new(),
            _ => match self.written(value.node) {
                Some(Written::Text(text)) => text
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| (s.to_string(), value.span.clone()))
                    .collect(),
                Some(Written::Number(written)) => {
                    let problem = list_not_text(
                        self.file,
                        value.span,
                        key,
                        &written,
                        msg!("content-a-number"),
                    );
                    self.problem(problem);
                    Vec::new()
                }
                Some(Written::Flag(flag)) => {
                    let problem = list_not_text(
                        self.file,
                        value.span,
                        key,
                        &flag.to_string(),
                        msg!("content-true-or-false"),
                    );
                    self.problem(problem);
                    Vec::new()
                }
                None => {
                    self.problem(
                        Problem::error(
                            "content::wrong-type",
                            msg!("content-not-a-list", field = key),
                        )
                        .at(self.file, value.span)
                        .help(msg!("content-list-help", field = key)),
                    );
                    Vec::new()
                }
            },
        }
    }

    /// A nested map such as `image:` or `source:`, read with its own known keys.
    pub fn nested(&mut self, key: &str) -> Option<Nested<'y>> {
        let value = self.get(key)?;
        match &value.node.data {
            YamlData::Mapping(map) => {
                let entries = map
                    .iter()
                    .filter_map(|(k, v)| scalar_text(k).map(|name| (name, self.span_of(k), v)))
                    .collect();
                Some(Nested {
                    span: value.span,
                    entries,
                    scalar: None,
                })
            }
            YamlData::Value(Scalar::Null) => None,
            _ => match self.written(value.node) {
                Some(Written::Text(text) | Written::Number(text)) => Some(Nested {
                    span: value.span.clone(),
                    entries: Vec::new(),
                    scalar: Some((text, value.span)),
                }),
                Some(Written::Flag(flag)) => {
                    self.problem(flag_in_text(self.file, value.span, key, flag));
                    None
                }
                None => None,
            },
        }
    }

    /// A list of nested maps such as `photos:` (`- {src, alt}`): each item as a `Nested`, a
    /// plain-text item as its `scalar`; a value that is not a list is one problem.
    pub fn nested_list(&mut self, key: &str) -> Vec<Nested<'y>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match &value.node.data {
            YamlData::Sequence(items) => items
                .iter()
                .map(|item| {
                    let span = self.span_of(item);
                    match &item.data {
                        YamlData::Mapping(map) => Nested {
                            span,
                            entries: map
                                .iter()
                                .filter_map(|(k, v)| {
                                    scalar_text(k).map(|name| (name, self.span_of(k), v))
                                })
                                .collect(),
                            scalar: None,
                        },
                        _ => Nested {
                            scalar: scalar_text(item).map(|t| (t, span.clone())),
                            span,
                            entries: Vec::new(),
                        },
                    }
                })
                .collect(),
            YamlData::Value(Scalar::Null) => Vec::new(),
            _ => {
                self.problem(
                    Problem::error(
                        "content::wrong-type",
                        msg!("content-not-a-list", field = key),
                    )
                    .at(self.file, value.span)
                    .help(msg!("content-list-help", field = key)),
                );
                Vec::new()
            }
        }
    }

    /// A scalar as the author wrote it. YAML turns `1.50` into the number 1.5 and `007` into 7;
    /// where text is wanted, the file's own spelling of the number is the text.
    fn written(&self, node: &MarkedYaml<'_>) -> Option<Written> {
        match &node.data {
            YamlData::Value(Scalar::Integer(_) | Scalar::FloatingPoint(_)) => {
                let span = self.span_of(node);
                let as_written = self.file.text[span].trim();
                // The span of a plain scalar is exactly its text; a fallback is kept should a
                // parser ever mark it otherwise.
                let text = if as_written.is_empty() {
                    scalar_text(node).unwrap_or_default()
                } else {
                    as_written.to_string()
                };
                Some(Written::Number(text))
            }
            YamlData::Value(Scalar::Boolean(b)) => Some(Written::Flag(*b)),
            YamlData::Tagged(_, inner) => self.written(inner),
            _ => scalar_text(node).map(Written::Text),
        }
    }

    /// Where a top-level key is written.
    fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, span, _)| span.clone())
    }

    /// The `extra:` map for the theme, as JSON; an empty map when absent.
    pub fn extra(&self) -> serde_json::Value {
        self.get("extra")
            .map_or(serde_json::Value::Object(Default::default()), |v| {
                to_json(v.node)
            })
    }

    /// Converts any value (for `extra:`) to JSON for the templates.
    pub fn json(&self, node: &MarkedYaml<'_>) -> serde_json::Value {
        to_json(node)
    }
}

/// A nested map's entries, or the plain text it was written as.
pub struct Nested<'y> {
    pub span: Range<usize>,
    pub entries: Vec<(String, Range<usize>, &'y MarkedYaml<'y>)>,
    pub scalar: Option<(String, Range<usize>)>,
}

impl<'y> Nested<'y> {
    pub fn get(&self, key: &str) -> Option<&'y MarkedYaml<'y>> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, v)| *v)
    }
}

/// What a scalar value is, with its text as written in the file.
enum Written {
    Text(String),
    Number(String),
    Flag(bool),
}

/// True or false where text is expected (`author: true`).
fn flag_in_text(file: &SourceFile, span: Range<usize>, key: &str, flag: bool) -> Problem {
    let flag = flag.to_string();
    Problem::error(
        "content::wrong-type",
        msg!("content-flag-in-text", field = key, flag = &flag),
    )
    .at(file, span)
    .label(msg!("content-flag-in-text-label"))
    .help(msg!("content-flag-in-text-help", flag = flag))
}

/// A number or true/false given where a list of texts is expected (`tags: 42`). `what` is
/// `content-a-number` or `content-true-or-false`.
fn list_not_text(
    file: &SourceFile,
    span: Range<usize>,
    key: &str,
    written: &str,
    what: Message,
) -> Problem {
    Problem::error(
        "content::wrong-type",
        msg!("content-list-not-text", field = key, what = what.clone()),
    )
    .at(file, span)
    .label(msg!("content-read-as", what = what))
    .help(match key {
        // Old addresses are paths, so quoting the number would only trade one error for another.
        "aliases" => msg!("content-aliases-not-text-help"),
        _ => msg!("content-list-not-text-help", field = key, value = written),
    })
}

/// A number or true/false as one item of a list of texts (`tags: [hội nghị, 2024]`). `what` is
/// `content-a-number` or `content-true-or-false`.
fn item_not_text(
    file: &SourceFile,
    span: Range<usize>,
    key: &str,
    written: &str,
    what: Message,
) -> Problem {
    Problem::error(
        "content::wrong-type",
        msg!("content-item-not-text", field = key, what = what.clone()),
    )
    .at(file, span)
    .label(msg!("content-read-as", what = what))
    .help(msg!(
        "content-item-not-text-help",
        field = key,
        value = written
    ))
}

fn is_null(node: &MarkedYaml<'_>) -> bool {
    matches!(node.data, YamlData::Value(Scalar::Null))
}

/// The text of a scalar node as YAML reads it (numbers re-formatted, booleans as `true`/`false`);
/// null and collections as `None`. For keys and fallbacks: values are read with `Fields::written`.
fn scalar_text(node: &MarkedYaml<'_>) -> Option<String> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        YamlData::Tagged(_, inner) => scalar_text(inner),
        _ => None,
    }
}

fn to_json(node: &MarkedYaml<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.data {
        YamlData::Value(Scalar::Null) => J::Null,
        YamlData::Value(Scalar::Boolean(b)) => J::Bool(*b),
        YamlData::Value(Scalar::Integer(i)) => J::from(*i),
        YamlData::Value(Scalar::FloatingPoint(f)) => {
            serde_json::Number::from_f64(f.into_inner()).map_or(J::Null, J::Number)
        }
        YamlData::Value(Scalar::String(s)) => J::String(s.to_string()),
        YamlData::Representation(s, _, _) => J::String(s.to_string()),
        YamlData::Sequence(items) => J::Array(items.iter().map(to_json).collect()),
        YamlData::Mapping(map) => J::Object(
            map.iter()
                .filter_map(|(k, v)| scalar_text(k).map(|k| (k, to_json(v))))
                .collect(),
        ),
        YamlData::Tagged(_, inner) => to_json(inner),
        YamlData::Alias(_) | YamlData::BadValue => J::Null,
    }
}

/// Byte offset in `text` of a 1-based line and 0-based character column.
/// Deepest nesting of lists and maps a front-matter may have. saphyr builds its tree by
/// recursion, so a few hundred to a few thousand levels (`: : : …`, `- - - …`) overflow the
/// stack of the thread loading the file and abort the whole build without a word; real
/// front-matter nests three or four levels deep.
const MAX_DEPTH: usize = 100;

/// Where the YAML first nests deeper than `MAX_DEPTH`, counting an alias as deep as the value
/// it copies (a chain of anchors nests without nesting in the text). Reads saphyr's event
/// stream, which a state machine makes without recursion. A syntax error stops the count: the
/// load that follows reports it.
fn too_deep(yaml: &str) -> Option<saphyr_parser::Marker> {
    use saphyr_parser::{Event, Parser};
    // Each open list or map: its anchor and the deepest level reached inside it.
    let mut open: Vec<(usize, usize)> = Vec::new();
    // The height of each anchored value, by anchor id.
    let mut heights: HashMap<usize, usize> = HashMap::new();
    for item in Parser::new_from_str(yaml) {
        let Ok((event, span)) = item else {
            return None;
        };
        let reached = match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, open.len() + 1));
                open.len()
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let level = open.len();
                let (anchor, deepest) = open.pop()?;
                if anchor != 0 {
                    heights.insert(anchor, deepest + 1 - level);
                }
                deepest
            }
            Event::Alias(anchor) => open.len() + heights.get(&anchor).copied().unwrap_or(0),
            _ => continue,
        };
        if reached > MAX_DEPTH {
            return Some(span.start);
        }
        if let Some((_, deepest)) = open.last_mut() {
            *deepest = (*deepest).max(reached);
        }
    }
    None
}

fn offset_in(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line.max(1) {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    offset + rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i)
}

fn next_char_end(text: &str, offset: usize) -> usize {
    text[offset.min(text.len())..]
        .chars()
        .next()
        .map_or(offset.min(text.len()), |c| offset + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.md", text)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let f = file("---\ntitle: A\n---\nBody\n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
        assert!(split(&file("title: A\n")).is_err());
        assert!(split(&file("---\ntitle: A\n")).is_err());
        assert!(split(&file("")).is_err());
        let crlf = file("---\r\ntitle: A\r\n---\r\nB");
        assert_eq!(split(&crlf).unwrap().body, "B");
    }

    #[test]
    fn spans_point_at_values() {
        let f = file("---\ntitle: Hữu nghị\ndate: 31/02/2024\ntags: [a, b]\n---\n");
        let s = split(&f).unwrap();
        let docs = parse_yaml(&f, &s).unwrap();
        let mut fields = Fields::new(&f, &s, &docs).unwrap();
        let (_, span) = fields.text("date").unwrap();
        assert_eq!(&f.text[span.clone()], "31/02/2024");
        assert_eq!(f.line_col(span.start), (3, 7));
        let (title, span) = fields.text("title").unwrap();
        assert_eq!(title, "Hữu nghị");
        assert_eq!(&f.text[span], "Hữu nghị");
        let tags = fields.list("tags");
        assert_eq!(&f.text[tags[1].1.clone()], "b");
    }

    #[test]
    fn unknown_fields_get_suggestions() {
        let f = file("---\ntitle: A\nprovice: X\n---\n");
        let s = split(&f).unwrap();
        let docs = parse_yaml(&f, &s).unwrap();
        let mut fields = Fields::new(&f, &s, &docs).unwrap();
        fields.reject_unknown(&["title", "province"], "article");
        assert_eq!(fields.problems.len(), 1);
        assert_eq!(
            fields.problems[0]
                .shown(crate::messages::Lang::En)
                .label
                .as_deref(),
            Some("did you mean `province`?")
        );
        assert_eq!(fields.problems[0].location().unwrap(), "a.md:3:1");
    }

    #[test]
    fn nesting_too_deep_is_a_problem_not_a_stack_overflow() {
        let problem = |yaml: String| {
            let f = file(&format!("---\ntitle: a\n{yaml}\n---\n"));
            let s = split(&f).unwrap();
            parse_yaml(&f, &s)
                .err()
                .map(|p| (p.code, p.location().unwrap_or_default()))
        };
        let code = |yaml| problem(yaml).map(|(code, _)| code);
        // Block maps and lists 3,000 deep overflowed a 2 MiB stack in a debug build. The place
        // is where level 101 begins.
        assert_eq!(
            problem(format!("x:\n{}", ": ".repeat(3000))),
            Some(("content::yaml-too-deep", "a.md:4:201".to_string()))
        );
        let too_deep = Some("content::yaml-too-deep");
        assert_eq!(code(format!("x:\n{}a", "- ".repeat(3000))), too_deep);
        // saphyr itself stops flow lists at 256 levels, as a syntax error.
        let flow = format!("x: {}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(code(flow), too_deep);
        // A chain of anchors, each three lists around the one before, nests without nesting
        // in the text.
        let chain: String = (1..60)
            .map(|i| format!("a{i}: &a{i} [[[*a{}]]]\n", i - 1))
            .collect();
        assert_eq!(code(format!("a0: &a0 x\n{chain}")), too_deep);
        // What real front-matter has, and up to 100 levels, is fine.
        assert_eq!(
            code("extra: {a: [1, {b: [2]}]}\nsource:\n  name: A".into()),
            None
        );
        assert_eq!(
            code(format!("x: {}1{}", "[".repeat(98), "]".repeat(98))),
            None
        );
    }

    #[test]
    fn yaml_errors_have_a_place() {
        let f = file("---\ntitle: \"unclosed\ndate: 2024-01-01\n---\n");
        let s = split(&f).unwrap();
        let p = parse_yaml(&f, &s).unwrap_err();
        assert_eq!(p.code, "content::yaml-syntax");
        assert!(p.location().unwrap().starts_with("a.md:"));
    }

    #[test]
    fn comma_text_is_a_list_and_bad_flags_are_reported() {
        let f = file("---\ntags: viện trợ, hội nghị\nfeatured: yes please\n---\n");
        let s = split(&f).unwrap();
        let docs = parse_yaml(&f, &s).unwrap();
        let mut fields = Fields::new(&f, &s, &docs).unwrap();
        let tags: Vec<_> = fields.list("tags").into_iter().map(|t| t.0).collect();
        assert_eq!(tags, ["viện trợ", "hội nghị"]);
        assert!(!fields.flag("featured"));
        assert_eq!(fields.problems.len(), 1);
    }

    #[test]
    fn text_is_read_as_written() {
        // (the value as written, the text read, whether it is a problem)
        let cases: &[(&str, Option<&str>, bool)] = &[
            ("1.50", Some("1.50"), false),
            ("007", Some("007"), false),
            ("2024", Some("2024"), false),
            ("-3", Some("-3"), false),
            ("1e3", Some("1e3"), false),
            ("0x1F", Some("0x1F"), false),
            ("\"1.50\"", Some("1.50"), false),
            ("Hữu nghị 2024", Some("Hữu nghị 2024"), false),
            ("true", None, true),
            ("False", None, true),
            ("\"true\"", Some("true"), false),
            ("", None, false),
            ("[a, b]", None, true),
        ];
        for (value, want, is_problem) in cases {
            let f = file(&format!("---\nsummary: {value}\n---\n"));
            let s = split(&f).unwrap();
            let docs = parse_yaml(&f, &s).unwrap();
            let mut fields = Fields::new(&f, &s, &docs).unwrap();
            let got = fields.text("summary").map(|(t, _)| t);
            assert_eq!(got.as_deref(), *want, "summary: {value}");
            assert_eq!(!fields.problems.is_empty(), *is_problem, "summary: {value}");
        }
    }

    #[test]
    fn no_panic_on_odd_front_matter() {
        // A small deterministic generator: YAML's special characters, Vietnamese letters, newlines.
        const PIECES: &[&str] = &[
            "---\n",
            "title",
            "date",
            ": ",
            ":",
            "\n",
            "  ",
            "- ",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "'",
            "#",
            "&a",
            "*a",
            "!!str ",
            "|",
            ">",
            "%",
            "@",
            "`",
            "Hữu nghị",
            "đ",
            "\t",
            "?",
            ",",
            "~",
            "null",
            "true",
            "2024-02-31",
            "\u{301}",
            "\r\n",
            "extra",
            "image",
            "src",
            "tags",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let (mut parsed, mut rejected) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::from("---\n");
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            text.push_str("\n---\nbody");
            let f = file(&text);
            let Ok(s) = split(&f) else { continue };
            let Ok(docs) = parse_yaml(&f, &s) else {
                rejected += 1;
                continue;
            };
            let Ok(mut fields) = Fields::new(&f, &s, &docs) else {
                continue;
            };
            parsed += 1;
            fields.reject_unknown(&["title"], "article");
            for key in ["title", "date", "tags", "extra", "image", "src"] {
                let _ = fields.text(key);
                let _ = fields.list(key);
                let _ = fields.flag(key);
                let _ = fields.nested(key);
                if let Some(v) = fields.get(key) {
                    let _ = fields.json(v.node);
                }
            }
            for p in &fields.problems {
                let _ = p.location();
            }
        }
        // The generator must exercise both paths, or the test proves nothing.
        assert!(
            parsed > 100 && rejected > 20,
            "parsed {parsed}, rejected {rejected}"
        );
    }
}
