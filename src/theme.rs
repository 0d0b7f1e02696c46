//! Takes the site's theme setting and gives the theme's files: its Tera templates and its static
//! files, with the site's own `templates/` and `static/` overriding files of the same name. The
//! default theme is built into the binary, so a site needs no copy of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::config::Config;
use crate::msg;
use crate::output::Origin;
use crate::problem::{Problem, SourceFile, display_path};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
pub const DEFAULT_THEME_NAME: &str = "default";

#[derive(Debug)]
pub struct Theme {
    /// Template name (`article.html`, `partials/card.html`) → its source.
    pub templates: BTreeMap<String, SourceFile>,
    /// Output path (`css/site.css`) → where its bytes come from.
    pub statics: BTreeMap<String, Origin>,
}

impl Theme {
    pub fn load(config: &Config) -> Result<Theme, Problem> {
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
        };
        let theme_dir = config.root.join("themes").join(&config.theme);
        if theme_dir.is_dir() {
            theme.add_dir(
                &config.root,
                &theme_dir.join("templates"),
                &theme_dir.join("static"),
            )?;
        } else if config.theme == DEFAULT_THEME_NAME {
            theme.add_built_in();
        } else {
            let available: Vec<String> = std::fs::read_dir(config.root.join("themes"))
                .map(|dir| {
                    dir.filter_map(|e| e.ok())
                        .filter(|e| e.path().is_dir())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            let span = config
                .source
                .text
                .find("theme")
                .map_or(0..0, |i| i..i + "theme".len());
            return Err(Problem::error(
                "config::theme-not-found",
                msg!("config-theme-not-found", theme = config.theme.as_str()),
            )
            .at(&config.source, span)
            .label(msg!(
                "config-theme-not-found-label",
                theme = config.theme.as_str()
            ))
            .help(if available.is_empty() {
                msg!("config-theme-not-found-help")
            } else {
                msg!(
                    "config-theme-not-found-help-folders",
                    folders = available.join(", ")
                )
            }));
        }
        theme.add_dir(
            &config.root,
            &config.root.join("templates"),
            &config.root.join("static"),
        )?;
        Ok(theme)
    }

    fn add_built_in(&mut self) {
        fn walk(dir: &'static Dir<'static>, out: &mut Vec<&'static include_dir::File<'static>>) {
            out.extend(dir.files());
            for sub in dir.dirs() {
                walk(sub, out);
            }
        }
        let mut files = Vec::new();
        walk(&DEFAULT_THEME, &mut files);
        for file in files {
            let path = file.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                if let Some(text) = file.contents_utf8() {
                    self.templates.insert(
                        name.to_string(),
                        SourceFile::new(format!("(built-in theme) templates/{name}"), text),
                    );
                }
            } else if let Some(rel) = path.strip_prefix("static/") {
                self.statics
                    .insert(rel.to_string(), Origin::BuiltIn(file.contents()));
            }
        }
    }

    fn add_dir(&mut self, root: &Path, templates: &Path, statics: &Path) -> Result<(), Problem> {
        for (rel, path) in files_under(templates)? {
            let display = display_path(root, &path);
            let bytes = std::fs::read(&path).map_err(|e| {
                Problem::error(
                    "theme::unreadable",
                    msg!("config-template-unreadable", error = e.to_string()),
                )
                .in_file(display.clone())
            })?;
            let text = crate::problem::utf8_text("theme::not-utf8", display.clone(), bytes)?;
            self.templates.insert(rel, SourceFile::new(display, text));
        }
        for (rel, path) in files_under(statics)? {
            self.statics.insert(rel, Origin::Disk(path));
        }
        Ok(())
    }
}

/// Every file below `dir` as (path relative to `dir` with `/`, full path), skipping hidden files.
fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>, Problem> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Problem::error(
                "theme::unreadable",
                msg!(
                    "config-theme-unreadable",
                    path = dir.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
        if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type().is_file() {
            let rel = display_path(dir, entry.path());
            out.push((rel, entry.into_path()));
        }
    }
    Ok(out)
}

/// Whether the theme (on disk or built in) ships `rel` as a static file.
pub fn static_file_exists(config: &Config, rel: &str) -> bool {
    let theme_dir = config.root.join("themes").join(&config.theme);
    if theme_dir.is_dir() {
        return theme_dir.join("static").join(rel).is_file();
    }
    config.theme == DEFAULT_THEME_NAME && DEFAULT_THEME.get_file(format!("static/{rel}")).is_some()
}

/// The built-in theme's files, for `bantin init --copy-theme`-style uses and tests.
pub fn built_in_files() -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for f in dir.files() {
            out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&DEFAULT_THEME, &mut out);
    out.sort();
    out
}
