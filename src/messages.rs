//! What bantin says to people: takes a `Message` (an identifier and its arguments) and a
//! language, and gives the text, from one catalogue of Project Fluent files in `messages/<lang>/`
//! compiled into the binary.
//!
//! The library never formats a sentence for a person itself: a `Problem`'s message, label and
//! help, an error's description, a report's lines are all `Message`s, and the edge (the binary,
//! the preview's overlay) turns them into text in the reader's language. Vietnamese is the
//! default, because the people who write the news read Vietnamese; English is there on request
//! (`--messages en`, `BANTIN_MESSAGES=en`, `messages = "en"` in site.toml) for technicians and
//! bug reports. This language is not the site's content language (`language` in site.toml).
//!
//! A message missing from one language falls back to the other, and one missing from both is
//! shown as its identifier and arguments: never a panic. The catalogue test (tests at the end of
//! this file) fails when a message has no Vietnamese text, when the two languages disagree on a
//! message's variables, and when the code asks for a message the catalogue lacks.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language bantin speaks in (not the site's content language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Tiếng Việt: the default.
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's tag: `vi`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The other language: where a missing message is looked for.
    fn fallback(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// The catalogue of this language, read once per process from the compiled-in files.
    pub fn catalogue(self) -> &'static Catalogue {
        static VI: OnceLock<Catalogue> = OnceLock::new();
        static EN: OnceLock<Catalogue> = OnceLock::new();
        match self {
            Lang::Vi => VI.get_or_init(|| Catalogue::load(Lang::Vi)),
            Lang::En => EN.get_or_init(|| Catalogue::load(Lang::En)),
        }
    }

    /// The text of `message` in this language.
    pub fn text(self, message: &Message) -> String {
        self.catalogue().text(message)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language name that bantin does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a language bantin speaks: use `vi` or `en`")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `vi` or `en`, in any case, with or without a region or encoding (`vi-VN`, `en_US.UTF-8`,
    /// as the `LANG` variable writes them).
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let primary = s
            .trim()
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// The catalogue's files, by area of the code: (area, Vietnamese text, English text). Each
/// area's messages have identifiers starting with the area's name.
pub const FILES: &[(&str, &str, &str)] = &[
    catalogue_file!("problem"),
    catalogue_file!("content"),
    catalogue_file!("config"),
    catalogue_file!("cms"),
    catalogue_file!("render"),
    catalogue_file!("build"),
    catalogue_file!("check"),
    catalogue_file!("serve"),
    catalogue_file!("import"),
    catalogue_file!("scaffold"),
    catalogue_file!("cli"),
    catalogue_file!("help"),
    catalogue_file!("images"),
];

macro_rules! catalogue_file {
    ($area:literal) => {
        (
            $area,
            include_str!(concat!("../messages/vi/", $area, ".ftl")),
            include_str!(concat!("../messages/en/", $area, ".ftl")),
        )
    };
}
use catalogue_file;

/// One language's messages.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    fn load(lang: Lang) -> Catalogue {
        // Both tags are well-formed, so the parse cannot fail; the root locale would do as well.
        let tag = lang
            .code()
            .parse::<unic_langid::LanguageIdentifier>()
            .unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Fluent wraps each argument in invisible direction marks (for right-to-left scripts);
        // in a terminal they are stray bytes around file names.
        bundle.set_use_isolating(false);
        for (_, vi, en) in FILES {
            let source = match lang {
                Lang::Vi => vi,
                Lang::En => en,
            };
            // A file with a syntax error still gives the messages around it; the catalogue test
            // fails on the error itself.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            // A message defined twice keeps its first text; the catalogue test fails on it.
            let _ = bundle.add_resource(resource);
        }
        Catalogue { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalogue has a message with this identifier.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// The text of a message without arguments, found by an identifier made at run time (the
    /// command line's help, `help-arg-<command>-<option>`), in this language only.
    pub fn lookup(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// The text of a message in this language; in the other language when this one lacks it;
    /// its identifier and arguments when neither has it.
    pub fn text(&self, message: &Message) -> String {
        if let Some(text) = self.format(message) {
            return text;
        }
        if let Some(text) = self.lang.fallback().catalogue().format(message) {
            return text;
        }
        message.to_string()
    }

    fn format(&self, message: &Message) -> Option<String> {
        let found = self.bundle.get_message(message.id)?;
        let pattern = found.value()?;
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.text(inner)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        // A message that names an argument the code does not pass: a mistake in the catalogue
        // or the code, which the tests (debug builds) must not let through.
        debug_assert!(
            errors.is_empty(),
            "message `{}` ({}): {errors:?}",
            message.id,
            self.lang
        );
        Some(text)
    }
}

/// Something bantin says, not yet in a language: a catalogue identifier and named arguments.
/// Made with [`msg!`](crate::msg).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A message's argument: text shown as it is (a file name, a value), a number (counts, which
/// choose plural forms), or another message, put into the same language first.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument; a second one with the same name replaces the first.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        let value = value.into();
        match self.args.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.args.push((name, value)),
        }
        self
    }

    /// The text argument `name`, if there is one (for tests and tools that look inside).
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The identifier and arguments: what is shown when no language has the message.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        for (i, (name, value)) in self.args.iter().enumerate() {
            let sep = if i == 0 { " (" } else { ", " };
            match value {
                Arg::Text(text) => write!(f, "{sep}{name}: {text}")?,
                Arg::Number(n) => write!(f, "{sep}{name}: {n}")?,
                Arg::Message(inner) => write!(f, "{sep}{name}: {inner}")?,
            }
        }
        if !self.args.is_empty() {
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Text(text.into_owned())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        })*
    };
}
number_arg!(usize, u64, u32, u16, u8, i64, i32, f64);

/// A [`Message`] with named arguments: `msg!("content-unknown-field", field = name)`. The
/// identifier must be a literal, so that the catalogue test finds every identifier in the code.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.with(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    /// A catalogue file's messages: identifier → the variables its text uses.
    type Variables = BTreeMap<String, BTreeSet<String>>;

    fn variables(area: &str, lang: &str, source: &str) -> Variables {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("messages/{lang}/{area}.ftl does not parse: {errors:?}"),
        };
        let mut found = Variables::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let id = message.id.name.to_string();
                    let mut names = BTreeSet::new();
                    match &message.value {
                        Some(pattern) => pattern_variables(pattern, &mut names),
                        None => panic!("messages/{lang}/{area}.ftl: `{id}` has no text"),
                    }
                    assert!(
                        found.insert(id.clone(), names).is_none(),
                        "messages/{lang}/{area}.ftl: `{id}` is defined twice"
                    );
                }
                // Terms (`-name`, shared wording) must exist in both languages too; they are
                // kept apart from messages by their dash.
                ast::Entry::Term(term) => {
                    let mut names = BTreeSet::new();
                    pattern_variables(&term.value, &mut names);
                    let id = format!("-{}", term.id.name);
                    assert!(
                        found.insert(id.clone(), names).is_none(),
                        "messages/{lang}/{area}.ftl: `{id}` is defined twice"
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("messages/{lang}/{area}.ftl: cannot read {content:?}")
                }
                _ => {}
            }
        }
        found
    }

    fn pattern_variables(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, names);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, names);
                for variant in variants {
                    pattern_variables(&variant.value, names);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, names),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                names.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, names);
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, names);
                }
            }
            _ => {}
        }
    }

    /// Every file parses, has each message in both languages with the same variables, and
    /// names its messages after its area.
    #[test]
    fn every_message_has_vietnamese_and_english_text_with_the_same_variables() {
        let mut problems = Vec::new();
        let mut all = BTreeSet::new();
        for (area, vi, en) in FILES {
            let vi = variables(area, "vi", vi);
            let en = variables(area, "en", en);
            for (id, names) in &en {
                match vi.get(id) {
                    None => problems.push(format!("{area}: `{id}` has no Vietnamese text")),
                    Some(vi_names) if vi_names != names => problems.push(format!(
                        "{area}: `{id}` uses {vi_names:?} in Vietnamese but {names:?} in English"
                    )),
                    Some(_) => {}
                }
            }
            for id in vi.keys().filter(|id| !en.contains_key(*id)) {
                problems.push(format!("{area}: `{id}` has no English text"));
            }
            for id in vi.keys().chain(en.keys()) {
                // fluent-bundle keeps terms and messages in one table by their names without
                // the dash: a term `-x` hides a message `x`.
                if let Some(name) = id.strip_prefix('-')
                    && en.contains_key(name)
                {
                    problems.push(format!(
                        "{area}: the term `{id}` hides the message `{name}`"
                    ));
                }
                let bare = id.trim_start_matches('-');
                if !bare.starts_with(&format!("{area}-")) {
                    problems.push(format!("{area}: `{id}` should start with `{area}-`"));
                }
                if !all.insert((id.clone(), *area)) {
                    continue;
                }
            }
        }
        let mut owners: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (id, area) in &all {
            owners.entry(id.as_str()).or_default().push(area);
        }
        for (id, areas) in owners.iter().filter(|(_, a)| a.len() > 1) {
            problems.push(format!("`{id}` is defined in several areas: {areas:?}"));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The Vietnamese text is not the English one copied over: a message with words in it reads
    /// differently in the two languages.
    #[test]
    fn vietnamese_text_is_not_english_copied_over() {
        let mut copied = Vec::new();
        for (area, vi, en) in FILES {
            let vi = FluentResource::try_new(vi.to_string()).unwrap_or_else(|(r, _)| r);
            let en = FluentResource::try_new(en.to_string()).unwrap_or_else(|(r, _)| r);
            for entry in en.entries() {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name;
                let english = source_text(&en, id);
                let words = english
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 2)
                    .count();
                // A line of site.toml or of a mapping file (`title = "…"`) reads the same in
                // both languages.
                let code = english.split_once(" = ").is_some_and(|(key, _)| {
                    key.chars()
                        .all(|c| c.is_ascii_lowercase() || "_.[]".contains(c))
                });
                if words >= 2 && !code && source_text(&vi, id) == english {
                    copied.push(format!("{area}: `{id}`"));
                }
            }
        }
        assert!(
            copied.is_empty(),
            "these messages have the English text in messages/vi/: {copied:#?}"
        );
    }

    /// The text of message `id` as written in a catalogue file, with `{}` for each placeable.
    fn source_text(resource: &FluentResource, id: &str) -> String {
        resource
            .entries()
            .find_map(|entry| match entry {
                ast::Entry::Message(m) if m.id.name == id => m.value.as_ref(),
                _ => None,
            })
            .map(|pattern| {
                pattern
                    .elements
                    .iter()
                    .map(|element| match element {
                        ast::PatternElement::TextElement { value } => *value,
                        ast::PatternElement::Placeable { .. } => "{}",
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The message identifiers the code names: `msg!("id"` and `Message::new("id")`.
    fn identifiers_in_code() -> BTreeMap<String, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("messages.rs") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            for opener in ["msg!(", "Message::new("] {
                for (at, _) in text.match_indices(opener) {
                    let rest = text[at + opener.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let Some(end) = rest.find('"') else {
                        continue;
                    };
                    let shown = path.strip_prefix(&root).unwrap_or(path).display();
                    found.insert(rest[..end].to_string(), format!("src/{shown}"));
                }
            }
        }
        found
    }

    /// Every message the code asks for is in the catalogue, and every message in the catalogue
    /// is asked for somewhere.
    #[test]
    fn the_code_and_the_catalogue_name_the_same_messages() {
        let used = identifiers_in_code();
        let mut problems = Vec::new();
        for (id, file) in &used {
            for lang in Lang::ALL {
                if !lang.catalogue().has(id) {
                    problems.push(format!("{file} uses `{id}`, which messages/{lang}/ lacks"));
                }
            }
        }
        for (area, _, en) in FILES {
            // The command line's help is looked up by identifiers made from its commands and
            // options; src/cli.rs's tests check those both ways.
            if *area == "help" {
                continue;
            }
            for (id, _) in variables(area, "en", en) {
                // Terms are used by the catalogue's own messages, not by the code.
                if !id.starts_with('-') && !used.contains_key(&id) {
                    problems.push(format!("messages/en/{area}.ftl: `{id}` is used nowhere"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every .ftl file in messages/ is compiled in.
    #[test]
    fn every_catalogue_file_is_compiled_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("messages");
        for lang in Lang::ALL {
            let dir = root.join(lang.code());
            let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".ftl").map(str::to_string)
                })
                .collect();
            on_disk.sort();
            let mut listed: Vec<String> = FILES.iter().map(|(a, _, _)| a.to_string()).collect();
            listed.sort();
            assert_eq!(
                on_disk, listed,
                "messages/{lang}/ and messages::FILES differ"
            );
        }
    }

    #[test]
    fn messages_are_put_into_words_in_each_language() {
        let message = msg!("cli-build-failed", count = 2);
        assert_eq!(
            Lang::En.text(&message),
            "the site has 2 errors; nothing was written, the output folder is unchanged"
        );
        assert_eq!(
            Lang::Vi.text(&message),
            "trang web có 2 lỗi; chưa ghi gì cả, thư mục xuất bản vẫn giữ nguyên như cũ"
        );
        assert_eq!(
            Lang::En.text(&msg!("cli-build-failed", count = 1)),
            "the site has 1 error; nothing was written, the output folder is unchanged"
        );
        // A message as an argument is put into the same language.
        let nested = msg!("cli-error", text = msg!("cli-output-unchanged"));
        assert_eq!(
            Lang::Vi.text(&nested),
            "lỗi: thư mục xuất bản không bị thay đổi gì"
        );
        // Unknown messages show their identifier and arguments instead of failing.
        assert_eq!(
            Lang::Vi.text(&msg!("no-such-message", path = "a.md")),
            "no-such-message (path: a.md)"
        );
    }

    #[test]
    fn language_names_are_read_as_people_write_them() {
        for (written, lang) in [
            ("vi", Lang::Vi),
            ("VI", Lang::Vi),
            ("vi-VN", Lang::Vi),
            ("vi_VN.UTF-8", Lang::Vi),
            ("en", Lang::En),
            ("en-US", Lang::En),
        ] {
            assert_eq!(written.parse::<Lang>(), Ok(lang), "{written}");
        }
        assert!("fr".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
    }
}
