//! Takes the CMS configuration as a small tree and gives it as YAML text, block style, keys in
//! the order given (Decap shows fields in the order of its configuration, and a technician
//! reads the file top to bottom). Text is written plain only when no YAML reader could take it
//! for anything else; otherwise double-quoted with JSON's escapes, which YAML's double-quoted
//! scalars share. Decap reads its configuration with the `yaml` package (version 1), where
//! `yes`, `no`, `on` and `off` are still booleans: those are quoted too.

/// A value of the configuration.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Bool(bool),
    Map(Vec<(&'static str, Node)>),
    List(Vec<Node>),
}

impl From<&str> for Node {
    fn from(text: &str) -> Node {
        Node::Text(text.to_string())
    }
}

impl From<String> for Node {
    fn from(text: String) -> Node {
        Node::Text(text)
    }
}

impl From<bool> for Node {
    fn from(value: bool) -> Node {
        Node::Bool(value)
    }
}

/// A mapping from `(key, value)` pairs, in order.
pub fn map<const N: usize>(pairs: [(&'static str, Node); N]) -> Node {
    Node::Map(pairs.into())
}

impl Node {
    /// Adds `key: value` at the end of a mapping (nothing for any other node).
    pub fn push(&mut self, key: &'static str, value: impl Into<Node>) {
        if let Node::Map(pairs) = self {
            pairs.push((key, value.into()));
        }
    }

    /// The YAML text of a mapping or list at the top of a document.
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        match self {
            Node::Map(pairs) => pairs_at(&mut out, pairs, 0, false),
            Node::List(items) => items_at(&mut out, items, 0),
            scalar => {
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
        out
    }
}

/// A scalar or empty collection on one line.
fn inline(node: &Node) -> String {
    match node {
        Node::Text(text) => text_scalar(text),
        Node::Bool(value) => value.to_string(),
        Node::Map(pairs) if pairs.is_empty() => "{}".to_string(),
        Node::List(items) if items.is_empty() => "[]".to_string(),
        // Not reached: collections with content are written as blocks.
        Node::Map(_) | Node::List(_) => String::new(),
    }
}

fn is_block(node: &Node) -> bool {
    match node {
        Node::Map(pairs) => !pairs.is_empty(),
        Node::List(items) => !items.is_empty(),
        _ => false,
    }
}

/// `first_inline`: the first key goes on the current line (after a list's `- `).
fn pairs_at(out: &mut String, pairs: &[(&'static str, Node)], indent: usize, first_inline: bool) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        if !(first_inline && i == 0) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(key);
        out.push(':');
        match value {
            Node::Map(inner) if is_block(value) => {
                out.push('\n');
                pairs_at(out, inner, indent + 2, false);
            }
            Node::List(items) if is_block(value) => {
                out.push('\n');
                items_at(out, items, indent + 2);
            }
            scalar => {
                out.push(' ');
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
    }
}

fn items_at(out: &mut String, items: &[Node], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Node::Map(pairs) if is_block(item) => pairs_at(out, pairs, indent + 2, true),
            Node::List(inner) if is_block(item) => {
                out.push('\n');
                items_at(out, inner, indent + 2);
            }
            scalar => {
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
    }
}

/// Words a YAML 1.1 or 1.2 reader takes for something other than text.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
];

fn text_scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !RESERVED.contains(&text);
    if plain {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_block_yaml_that_reads_back_the_same() {
        let tree = map([
            ("name", "tin-tuc".into()),
            ("label", "Tin tức: \"mới\"".into()),
            ("create", true.into()),
            ("on", "on".into()),
            ("empty", Node::List(vec![])),
            (
                "fields",
                Node::List(vec![
                    map([("name", "title".into()), ("widget", "string".into())]),
                    map([(
                        "options",
                        Node::List(vec!["Cà Mau".into(), "2024".into(), "{{slug}}".into()]),
                    )]),
                ]),
            ),
            ("slug", map([("sanitize_replacement", "-".into())])),
        ]);
        let text = tree.to_yaml();
        assert_eq!(
            text,
            "name: tin-tuc\nlabel: \"Tin tức: \\\"mới\\\"\"\ncreate: true\non: \"on\"\nempty: []\nfields:\n  - name: title\n    widget: string\n  - options:\n      - \"Cà Mau\"\n      - \"2024\"\n      - \"{{slug}}\"\nslug:\n  sanitize_replacement: \"-\"\n"
        );
        use saphyr::LoadableYamlNode;
        let docs = saphyr::Yaml::load_from_str(&text).unwrap();
        let doc = &docs[0];
        assert_eq!(doc["label"].as_str(), Some("Tin tức: \"mới\""));
        assert_eq!(doc["on"].as_str(), Some("on"));
        assert_eq!(doc["create"].as_bool(), Some(true));
        assert_eq!(doc["fields"][1]["options"][1].as_str(), Some("2024"));
        assert_eq!(doc["slug"]["sanitize_replacement"].as_str(), Some("-"));
    }
}
