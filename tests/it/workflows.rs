//! The CI recipes: takes `.github/workflows/publish.yml` and `.gitlab-ci.yml` — the repository's
//! own, and those `bantin init` writes into a new site — and gives proof that each is valid YAML
//! of the expected shape and that every `bantin` command they run names a subcommand and flags
//! the real binary's `--help` lists; a new site's recipes install bantin and build `--strict`.

use std::collections::BTreeSet;
use std::path::Path;

use saphyr::{LoadableYamlNode, Yaml};

use crate::support::{self, bantin};

const GITHUB: &str = ".github/workflows/publish.yml";
const GITLAB: &str = ".gitlab-ci.yml";

fn read(root: &Path, rel: &str) -> String {
    support::read(&root.join(rel))
}

/// A site made by `bantin init`, in a temporary folder (kept while the guard lives).
fn new_site() -> (support::TempSite, std::path::PathBuf) {
    let tmp = support::empty_site();
    let made = bantin(tmp.tmp.path(), ["init", "lhhn"]);
    assert_eq!(made.code, 0, "{}", made.transcript());
    let root = tmp.tmp.path().join("lhhn");
    (tmp, root)
}

fn parse<'t>(rel: &str, text: &'t str) -> Yaml<'t> {
    let docs = Yaml::load_from_str(text).unwrap_or_else(|e| panic!("{rel} is not valid YAML: {e}"));
    assert_eq!(docs.len(), 1, "{rel} should hold one YAML document");
    docs.into_iter().next().expect("one document")
}

fn get<'a, 't>(node: &'a Yaml<'t>, key: &str, what: &str) -> &'a Yaml<'t> {
    node.as_mapping_get(key)
        .unwrap_or_else(|| panic!("{what} has no `{key}`"))
}

fn strings(node: &Yaml<'_>) -> Vec<String> {
    match node {
        Yaml::Sequence(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        other => other.as_str().map(str::to_string).into_iter().collect(),
    }
}

#[test]
fn github_workflow_builds_on_push_and_schedule_and_deploys_to_pages() {
    github_workflow(support::repo());
    let (_tmp, site) = new_site();
    github_workflow(&site);
}

fn github_workflow(root: &Path) {
    let text = read(root, GITHUB);
    let doc = parse(GITHUB, &text);
    let on = get(&doc, "on", GITHUB);
    let push = get(on, "push", "on:");
    assert_eq!(
        strings(get(push, "branches", "on.push")),
        ["main"],
        "publish on pushes to main"
    );
    let schedule = get(on, "schedule", "on:")
        .as_vec()
        .expect("on.schedule is a list");
    assert!(
        schedule.iter().any(|s| s.as_mapping_get("cron").is_some()),
        "on.schedule needs a cron entry"
    );
    assert!(on.as_mapping_get("workflow_dispatch").is_some());

    let permissions = get(&doc, "permissions", GITHUB);
    for key in ["pages", "id-token"] {
        assert_eq!(
            get(permissions, key, "permissions").as_str(),
            Some("write"),
            "permissions.{key}"
        );
    }
    assert!(get(&doc, "concurrency", GITHUB).is_mapping());

    let jobs = get(&doc, "jobs", GITHUB)
        .as_mapping()
        .expect("jobs is a map");
    assert!(!jobs.is_empty());
    let mut uses = BTreeSet::new();
    for (name, job) in jobs {
        let name = name.as_str().unwrap_or("?");
        assert!(
            job.as_mapping_get("runs-on").is_some(),
            "job {name}: runs-on"
        );
        let steps = get(job, "steps", name)
            .as_vec()
            .unwrap_or_else(|| panic!("job {name}: steps is not a list"));
        assert!(!steps.is_empty(), "job {name} has no steps");
        for step in steps {
            assert!(
                step.as_mapping_get("uses").is_some() != step.as_mapping_get("run").is_some(),
                "job {name}: each step either uses an action or runs a command"
            );
            if let Some(action) = step.as_mapping_get("uses").and_then(Yaml::as_str) {
                uses.insert(action.split('@').next().unwrap_or(action).to_string());
            }
        }
    }
    for action in [
        "actions/checkout",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ] {
        assert!(uses.contains(action), "{GITHUB} does not use {action}");
    }
    let upload = jobs
        .values()
        .flat_map(|job| job.as_mapping_get("steps").and_then(Yaml::as_vec))
        .flatten()
        .find(|s| {
            s.as_mapping_get("uses")
                .and_then(Yaml::as_str)
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .expect("an upload step");
    let path = upload
        .as_mapping_get("with")
        .and_then(|w| w.as_mapping_get("path"))
        .and_then(Yaml::as_str);
    assert_eq!(path, Some("public"), "upload the build's output folder");
}

#[test]
fn gitlab_pages_job_publishes_public() {
    gitlab_job(support::repo());
    let (_tmp, site) = new_site();
    gitlab_job(&site);
}

fn gitlab_job(root: &Path) {
    let text = read(root, GITLAB);
    let doc = parse(GITLAB, &text);
    let pages = get(&doc, "pages", GITLAB);
    let paths = get(get(pages, "artifacts", "pages"), "paths", "pages.artifacts");
    assert_eq!(strings(paths), ["public"]);
    assert!(!strings(get(pages, "script", "pages")).is_empty());
}

/// Every `bantin …` (or `cargo run … -- …`) line in both files uses a subcommand and flags that
/// the binary built for these tests accepts, and writes to the folder that gets published.
#[test]
fn every_bantin_command_in_the_recipes_exists() {
    bantin_commands(support::repo());
    let (_tmp, site) = new_site();
    let lines = bantin_commands(&site);
    // A new site's recipes install the bantin that made it and refuse its placeholders.
    for file in [GITHUB, GITLAB] {
        let text = read(&site, file);
        assert!(
            text.contains("cargo install --locked bantin --version \"$BANTIN_VERSION\"")
                && text.contains(&format!(
                    "BANTIN_VERSION: \"{}\"",
                    env!("CARGO_PKG_VERSION")
                )),
            "{file} installs this bantin:\n{text}"
        );
        assert!(
            lines
                .iter()
                .any(|(f, l)| *f == file && l.contains("build --strict")),
            "{file} builds with --strict"
        );
    }
    assert_eq!(
        read(&site, ".gitignore"),
        "# bantin's output (CI builds it) and its caches\npublic/\n.bantin-cache/\n"
    );
    // … and both keep what bantin downloads (the CMS's script) from one run to the next.
    let text = read(&site, GITHUB);
    let doc = parse(GITHUB, &text);
    let cached: Vec<String> = get(&doc, "jobs", GITHUB)
        .as_mapping()
        .into_iter()
        .flat_map(|jobs| jobs.values())
        .flat_map(|job| job.as_mapping_get("steps").and_then(Yaml::as_vec))
        .flatten()
        .filter(|s| {
            s.as_mapping_get("uses")
                .and_then(Yaml::as_str)
                .is_some_and(|u| u.starts_with("actions/cache"))
        })
        .filter_map(|s| s.as_mapping_get("with")?.as_mapping_get("path")?.as_str())
        .map(str::to_string)
        .collect();
    assert!(
        cached.iter().any(|p| p.trim() == ".bantin-cache"),
        "{GITHUB} caches .bantin-cache: {cached:?}"
    );
    let text = read(&site, GITLAB);
    let doc = parse(GITLAB, &text);
    let caches = get(get(&doc, "pages", GITLAB), "cache", "pages")
        .as_vec()
        .unwrap_or_else(|| panic!("{GITLAB}: pages.cache is not a list"));
    assert!(
        caches
            .iter()
            .filter_map(|c| c.as_mapping_get("paths"))
            .any(|paths| strings(paths).iter().any(|p| p == ".bantin-cache/")),
        "{GITLAB} caches .bantin-cache/"
    );
}

/// Checks every bantin line of the recipes under `root`; gives the lines.
fn bantin_commands(root: &Path) -> Vec<(&'static str, String)> {
    let site = support::empty_site();
    let top_help = bantin(site.tmp.path(), ["--help"]);
    assert_eq!(top_help.code, 0, "{}", top_help.transcript());
    let subcommands = subcommands(&top_help.stdout);
    assert!(subcommands.contains("build"), "{}", top_help.stdout);

    let mut lines = Vec::new();
    let github_text = read(root, GITHUB);
    let github = parse(GITHUB, &github_text);
    for job in get(&github, "jobs", GITHUB)
        .as_mapping()
        .into_iter()
        .flat_map(|m| m.values())
    {
        for step in job
            .as_mapping_get("steps")
            .and_then(Yaml::as_vec)
            .into_iter()
            .flatten()
        {
            if let Some(run) = step.as_mapping_get("run").and_then(Yaml::as_str) {
                lines.extend(run.lines().map(|l| (GITHUB, l.to_string())));
            }
        }
    }
    let gitlab_text = read(root, GITLAB);
    let gitlab = parse(GITLAB, &gitlab_text);
    for job in gitlab.as_mapping().into_iter().flat_map(|m| m.values()) {
        for key in ["before_script", "script", "after_script"] {
            if let Some(script) = job.as_mapping_get(key) {
                for command in strings(script) {
                    lines.extend(command.lines().map(|l| (GITLAB, l.to_string())));
                }
            }
        }
    }

    let mut checked = BTreeSet::new();
    for (file, line) in &lines {
        let Some(args) = bantin_args(line) else {
            continue;
        };
        let sub = args
            .first()
            .unwrap_or_else(|| panic!("{file}: `{line}` runs bantin without a subcommand"));
        assert!(
            subcommands.contains(sub.as_str()),
            "{file}: `{line}` uses the subcommand `{sub}`, which bantin does not have ({subcommands:?})"
        );
        let help = bantin(site.tmp.path(), [sub.as_str(), "--help"]);
        assert_eq!(help.code, 0, "{}", help.transcript());
        let flags = flags(&help.stdout);
        for arg in &args[1..] {
            if !arg.starts_with('-') {
                continue;
            }
            let flag = arg.split('=').next().unwrap_or(arg);
            assert!(
                flags.contains(flag),
                "{file}: `{line}` passes `{flag}`, which `bantin {sub}` does not accept ({flags:?})"
            );
        }
        if sub == "build" {
            let output = args
                .iter()
                .position(|a| a == "--output" || a == "-o")
                .and_then(|i| args.get(i + 1));
            assert!(
                output.is_none_or(|o| Path::new(o) == Path::new("public")),
                "{file}: `{line}` writes somewhere other than the published public/ folder"
            );
        }
        checked.insert(*file);
    }
    assert_eq!(
        checked,
        BTreeSet::from([GITHUB, GITLAB]),
        "each recipe should run `bantin build`"
    );
    lines
}

/// The names under "Commands:" in `bantin --help`.
fn subcommands(help: &str) -> BTreeSet<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// Every `-x` and `--long` flag named in a help text's option lines.
fn flags(help: &str) -> BTreeSet<String> {
    help.lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .flat_map(|l| {
            l.split([' ', ','])
                .take_while(|w| w.is_empty() || w.starts_with('-') || w.starts_with('<'))
                .filter(|w| w.starts_with('-'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The arguments after the program in a shell line that runs bantin: `bantin build …`,
/// `./target/release/bantin build …`, or `cargo run --release -- build …`. None for other lines.
fn bantin_args(line: &str) -> Option<Vec<String>> {
    let words = shell_words(line);
    if let Some(i) = words
        .iter()
        .position(|w| Path::new(w).file_name().is_some_and(|n| n == "bantin"))
        && (i == 0 || !words[..i].iter().any(|w| w == "cargo"))
    {
        return Some(words[i + 1..].to_vec());
    }
    let cargo = words.iter().position(|w| w == "cargo")?;
    if words.get(cargo + 1).map(String::as_str) != Some("run") {
        return None;
    }
    let dashes = words[cargo..].iter().position(|w| w == "--")? + cargo;
    Some(words[dashes + 1..].to_vec())
}

/// Splits a shell line into words, honouring single and double quotes; stops at `#`, `;`, `&&`,
/// `|` and `>` (what follows is another command or a redirection).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, '#' | ';' | '&' | '|' | '>') if !in_word => break,
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn bantin_lines_are_recognised() {
    let cases: [(&str, Option<&[&str]>); 6] = [
        ("bantin build --drafts", Some(&["build", "--drafts"])),
        (
            "./target/release/bantin build --base-url \"${{ x }}\"",
            Some(&["build", "--base-url", "${{ x }}"]),
        ),
        ("cargo run --release -- build -q", Some(&["build", "-q"])),
        ("cargo build --release --locked", None),
        ("echo \"bantin: $(cat public/next-publish.txt)\"", None),
        ("bantin build # --nope", Some(&["build"])),
    ];
    for (line, want) in cases {
        let got = bantin_args(line);
        let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(got, want, "{line}");
    }
}
