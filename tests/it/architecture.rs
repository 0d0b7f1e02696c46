//! The library's modules form layers: takes the source files under `src/`, gives the module
//! dependency graph read from their `crate::…` and `super::…` paths, and fails listing every
//! cycle in it, at two levels: the top-level modules (`config` → `markdown`) and the files side
//! by side in one module's folder (`search::collect` → `search::records`).
//!
//! A cycle means two modules can only be understood, tested and changed together; layers keep
//! each one readable with only what lies below it. To see the layers:
//! `BANTIN_PRINT_MODULES=1 cargo test --test it architecture -- --nocapture`.
//!
//! Plain text scanning, kept simple on purpose: full-line comments are skipped, a file is read
//! up to its `#[cfg(test)]` `mod tests` (tests may reach anywhere), and a path counts only when
//! it names a module that has a file. Left out: `src/main.rs` and `src/bin/` (the binaries sit
//! above everything), `src/fuzz/` (a test harness that may use anything and that nothing uses)
//! and `tests.rs` files (test modules).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module as a path of names below the crate root: `["search", "collect"]`.
type ModPath = Vec<String>;

/// Module → the modules it uses, at one level.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Top-level folders and files of `src/` that are not part of the layered library.
const LEFT_OUT: &[&str] = &["bin", "fuzz", "main.rs", "lib.rs"];

/// At most this many cycles are listed (the rest are counted).
const MAX_LISTED: usize = 200;

struct Source {
    module: ModPath,
    /// The text that counts: full-line comments and the test module cut off.
    code: String,
}

fn sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect_files(&src, &mut files);
    let mut out = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&src).expect("below src/");
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if LEFT_OUT.contains(&parts[0].as_str()) {
            continue;
        }
        let mut module: ModPath = parts;
        let last = module.pop().expect("a file name");
        let stem = last.strip_suffix(".rs").expect("a .rs file");
        if stem == "tests" {
            continue;
        }
        if stem != "mod" {
            module.push(stem.to_string());
        }
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        out.push(Source {
            module,
            code: code_of(&text),
        });
    }
    out
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of `text` before its `#[cfg(test)]` + `mod tests`, without full-line comments.
fn code_of(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut code = String::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]"
            && lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with("mod tests"))
        {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    code
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that starts with `crate::` or `super::` in `code`, as its names (`super` kept),
/// groups expanded: `crate::{a::B, c}` gives `[crate, a, B]` and `[crate, c]`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for root in ["crate", "super"] {
        let needle = format!("{root}::");
        let mut from = 0;
        while let Some(found) = code[from..].find(&needle) {
            let at = from + found;
            from = at + needle.len();
            if code[..at].chars().next_back().is_some_and(is_ident_char) {
                continue;
            }
            // `super::super::x` is one path, read from its first `super`.
            if root == "super" && code[..at].ends_with("super::") {
                continue;
            }
            let mut prefix = vec![root.to_string()];
            let mut rest = &code[from..];
            while let Some(after) = rest.strip_prefix("super::") {
                prefix.push("super".to_string());
                rest = after;
            }
            tree(rest, &prefix, &mut out);
        }
    }
    out
}

/// Reads a use tree (`a::b`, `a::{b, c::d}`) at the start of `s`, appending each of its paths
/// to `prefix`; gives back how much of `s` it read.
fn tree(s: &str, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let s_start = s.len();
    let mut s = s.trim_start();
    if let Some(inner) = s.strip_prefix('{') {
        let mut rest = inner;
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('}') {
                rest = after;
                break;
            }
            if rest.is_empty() {
                break;
            }
            let used = tree(rest, prefix, out);
            rest = rest[used..].trim_start();
            // `a as b`: the new name is no path.
            if let Some(after) = rest.strip_prefix("as ") {
                let after = after.trim_start();
                rest = &after[after
                    .find(|c: char| !is_ident_char(c))
                    .unwrap_or(after.len())..];
                rest = rest.trim_start();
            }
            if let Some(after) = rest.strip_prefix(',') {
                rest = after;
            } else if used == 0 {
                // Not a use tree after all (`*`, `self as x`…): skip a character.
                rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            }
        }
        return s_start - rest.len();
    }
    let mut path = prefix.to_vec();
    loop {
        let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
        if end == 0 {
            break;
        }
        path.push(s[..end].to_string());
        s = &s[end..];
        match s.strip_prefix("::") {
            Some(after) if after.starts_with('{') => {
                let used = tree(after, &path, out);
                return s_start - (after.len() - used);
            }
            Some(after) => s = after,
            None => break,
        }
    }
    if path.len() > prefix.len() {
        out.push(path);
    }
    s_start - s.len()
}

/// `path` as a path from the crate root, for code in `module` (in `mod.rs` or its own file).
fn absolute(module: &[String], path: &[String]) -> Option<ModPath> {
    let mut names = path.iter();
    let mut base: ModPath = match names.next().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") => module.split_last()?.1.to_vec(),
        _ => return None,
    };
    let mut names = names.peekable();
    while names.peek().is_some_and(|n| *n == "super") {
        base.pop()?;
        names.next();
    }
    base.extend(names.cloned());
    Some(base)
}

/// The graph of the top-level modules, and the graph of sibling files in each module folder
/// (nodes named `folder::file`).
fn graphs() -> (Graph, Graph) {
    let sources = sources();
    let known: BTreeSet<ModPath> = sources.iter().map(|s| s.module.clone()).collect();
    let mut top = Graph::new();
    let mut siblings = Graph::new();
    for source in &sources {
        let me = &source.module;
        let Some(my_top) = me.first() else { continue };
        top.entry(my_top.clone()).or_default();
        let parent = &me[..me.len() - 1];
        if me.len() >= 2 {
            siblings.entry(me.join("::")).or_default();
        }
        for path in paths(&source.code) {
            let Some(target) = absolute(me, &path) else {
                continue;
            };
            let Some(target_top) = target.first() else {
                continue;
            };
            if target_top != my_top && known.contains(&target[..1]) {
                top.entry(my_top.clone())
                    .or_default()
                    .insert(target_top.clone());
            }
            // A sibling: the same parent, another child of it that is a module of its own.
            if me.len() >= 2
                && target.len() > parent.len()
                && target.starts_with(parent)
                && target[parent.len()] != me[parent.len()]
                && known.contains(&target[..=parent.len()])
            {
                siblings
                    .entry(me.join("::"))
                    .or_default()
                    .insert(target[..=parent.len()].join("::"));
            }
        }
    }
    (top, siblings)
}

/// Every elementary cycle of `graph`, each once, starting from its smallest module.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    fn walk(
        graph: &Graph,
        start: &str,
        path: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
        budget: &mut usize,
    ) {
        let Some(last) = path.last().cloned() else {
            return;
        };
        for next in graph.get(&last).into_iter().flatten() {
            if *budget == 0 {
                return;
            }
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                out.push(cycle);
                *budget -= 1;
            } else if next.as_str() > start && !path.contains(next) {
                path.push(next.clone());
                walk(graph, start, path, out, budget);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    // Far more than any graph here has; only a runaway search would reach it.
    let mut budget = 100_000;
    for start in graph.keys() {
        walk(
            graph,
            start,
            &mut vec![start.clone()],
            &mut out,
            &mut budget,
        );
    }
    out
}

/// The modules in layers: each uses only modules of the layers before it; then the modules that
/// never get a layer (those in a cycle, and those above one).
fn layers(graph: &Graph) -> (Vec<Vec<String>>, Vec<String>) {
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    loop {
        let layer: Vec<String> = graph
            .iter()
            .filter(|(m, deps)| !placed.contains(*m) && deps.iter().all(|d| placed.contains(d)))
            .map(|(m, _)| m.clone())
            .collect();
        if layer.is_empty() {
            break;
        }
        placed.extend(layer.iter().cloned());
        out.push(layer);
    }
    let rest = graph
        .keys()
        .filter(|m| !placed.contains(*m))
        .cloned()
        .collect();
    (out, rest)
}

fn describe(title: &str, graph: &Graph) -> String {
    let line = |label: &str, module: &str| {
        let deps: Vec<&str> = graph[module].iter().map(String::as_str).collect();
        format!("  {label:>2}  {module} → {}\n", deps.join(", "))
    };
    let mut text = format!("{title}\n");
    let (layers, rest) = layers(graph);
    for (n, layer) in layers.iter().enumerate() {
        for module in layer {
            text.push_str(&line(&n.to_string(), module));
        }
    }
    for module in &rest {
        text.push_str(&line("--", module));
    }
    if !rest.is_empty() {
        text.push_str("  (--: in a cycle, or using a module in one)\n");
    }
    text
}

#[test]
fn the_modules_form_layers_without_cycles() {
    let (top, siblings) = graphs();
    // The scan must see the library, or it would pass on nothing.
    for module in ["config", "content", "render", "search"] {
        assert!(top.contains_key(module), "no module `{module}` in {top:?}");
    }
    assert!(
        top["build"].contains("render"),
        "the scan misses `crate::` paths: build → {:?}",
        top["build"]
    );
    assert!(
        siblings.contains_key("search::layout"),
        "no sibling files found: {siblings:?}"
    );
    if std::env::var_os("BANTIN_PRINT_MODULES").is_some_and(|v| v == "1") {
        println!(
            "{}",
            describe("top-level modules (layer, module → what it uses):", &top)
        );
        println!(
            "{}",
            describe(
                "files inside module folders (layer, file → its siblings):",
                &siblings
            )
        );
    }
    let mut found = Vec::new();
    for (level, graph) in [("top-level modules", &top), ("sibling files", &siblings)] {
        for cycle in cycles(graph) {
            found.push(format!("  {level}: {}", cycle.join(" → ")));
        }
    }
    let total = found.len();
    if total > MAX_LISTED {
        found.truncate(MAX_LISTED);
        found.push(format!("  … and {} more", total - MAX_LISTED));
    }
    assert!(
        found.is_empty(),
        "the modules of src/ depend on each other in {total} cycle(s):\n{}\n\
         Move what both sides need to a module below both (see tests/it/architecture.rs).",
        found.join("\n")
    );
}

#[test]
fn paths_are_read_through_groups_and_supers() {
    let code = "use crate::{config::Config, model::{self, Index}, problem as p};\n\
                use super::super::layout::RECORDS;\n\
                let x = crate::render::theme::Origin::Disk;\n\
                let y = foocrate::nope;\n";
    let found: Vec<String> = paths(code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "crate::config::Config",
            "crate::model::self",
            "crate::model::Index",
            "crate::problem",
            "crate::render::theme::Origin::Disk",
            "super::super::layout::RECORDS",
        ]
    );
    let module = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert_eq!(
        absolute(&module("search::collect"), &module("super::layout::X")),
        Some(module("search::layout::X"))
    );
    assert_eq!(
        absolute(&module("search"), &module("super::locale")),
        Some(module("locale"))
    );
    assert_eq!(
        code_of("use crate::a;\n// crate::b\n#[cfg(test)]\nmod tests {\nuse crate::c;\n}\n"),
        "use crate::a;\n"
    );
}
