//! The command line: clap definitions, turned into typed options for the library. clap stays here.

use std::path::{Path, PathBuf};

use bantin::messages::Lang;

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// bantin — builds Vietnamese news portals from Markdown articles.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Show more detail (where the output went)
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Show only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// The language of bantin's messages: vi (the default) or en [env: BANTIN_MESSAGES; or
    /// `messages` in site.toml]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["vi", "en"])]
    pub messages: Option<String>,
}

impl Cli {
    /// Reads the command line, with its help and usage in the language the user asked for (or
    /// the site's, or Vietnamese): clap's `--help` and `--version` exit through the error.
    pub fn parse_in_language() -> Result<Cli, clap::Error> {
        let lang = lang_before_parsing(std::env::args_os().skip(1));
        let matches = command(lang).try_get_matches()?;
        Cli::from_arg_matches(&matches)
    }

    /// The language bantin speaks: `--messages`, else `BANTIN_MESSAGES`, else site.toml's
    /// `messages`, else Vietnamese. A `BANTIN_MESSAGES` that is neither is passed over.
    pub fn lang(&self) -> Lang {
        let flag = self.messages.as_deref().and_then(|l| l.parse().ok());
        let env = || {
            std::env::var("BANTIN_MESSAGES")
                .ok()
                .and_then(|l| l.parse().ok())
        };
        let site = || {
            self.command
                .source()
                .and_then(bantin::config::message_language)
        };
        flag.or_else(env).or_else(site).unwrap_or_default()
    }
}

impl Command {
    /// The site's folder the command works on (`init` has none yet).
    pub fn source(&self) -> Option<&Path> {
        match self {
            Command::Build(args) => Some(&args.source),
            Command::Check(args) => Some(&args.source),
            Command::New(args) => Some(&args.source),
            Command::Serve(args) => Some(&args.source),
            Command::Import(ImportCommand::Wordpress(args)) => Some(&args.site.source),
            Command::Import(ImportCommand::Feed(args)) => Some(&args.site.source),
            Command::Import(ImportCommand::Html(args)) => Some(&args.site.source),
            Command::Init { .. } => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder
    Build(BuildArgs),
    /// Check the site and every link and image in its Markdown, without writing anything
    Check(CheckArgs),
    /// Create a new site (site.toml, an example article, an About page, CI recipes) in DIR
    Init {
        /// Folder for the new site; created if missing, must not already hold a site.toml
        dir: PathBuf,
    },
    /// Bring an existing portal's news over (WordPress export, saved pages), keeping every old address
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write a new article, content/tin-tuc/<slug>.md, with its front-matter filled in
    New(NewArgs),
    /// Preview the site: build it in memory, serve it, rebuild and reload pages on every change
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// Port to listen on (0 picks a free one)
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on; the browser CMS can save through the preview only on a loopback
    /// address such as the default
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Include articles and pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future
    #[arg(long)]
    pub future: bool,
    /// After each build, print how long each stage took and the memory in use after it
    #[arg(long)]
    pub timings: bool,
}

impl ServeArgs {
    pub fn options(&self, lang: Lang) -> bantin::serve::ServeOptions {
        bantin::serve::ServeOptions {
            source: self.source.clone(),
            filter: bantin::content::Filter {
                drafts: self.drafts,
                future: self.future,
            },
            bind: self.bind.clone(),
            port: self.port,
            timings: self.timings,
            lang,
            decap_tarball: decap_tarball(),
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// Where to write the site [default: <source>/public]
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Override site.toml's base_url (e.g. for a preview on another host)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include articles and pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future
    #[arg(long)]
    pub future: bool,
    /// After the build, print how long each stage took (where the time goes)
    #[arg(long)]
    pub timings: bool,
    /// Build into an output folder that also holds files bantin did not write, leaving those
    /// files exactly as they are (without it, such a folder is refused)
    #[arg(long)]
    pub keep_foreign_files: bool,
    /// Fail on text left from `init`'s and `new`'s placeholders (phone "0000 000 000", the
    /// example article…), which are otherwise warnings: for CI, so a site never goes live so
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The article's title; its slug names the file
    pub title: String,
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// The province the article is about [default: the site's own, from site.toml]
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,
    /// The category (one of site.toml's `categories` when it lists them)
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,
    /// Tags, separated by commas
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Mark the article `draft: true` (left out of builds without --drafts)
    #[arg(long)]
    pub draft: bool,
}

impl NewArgs {
    pub fn article(&self) -> bantin::scaffold::NewArticle {
        bantin::scaffold::NewArticle {
            title: self.title.clone(),
            province: self.province.clone(),
            category: self.category.clone(),
            tags: self.tags.clone(),
            draft: self.draft,
            now: None,
        }
    }
}

/// The Decap CMS tarball the environment names (`BANTIN_DECAP_TARBALL`): the CMS's script is
/// then taken from it, not from the site's cache or the registry. An empty value names none.
pub fn decap_tarball() -> Option<PathBuf> {
    std::env::var_os(bantin::cms::decap::TARBALL_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

impl BuildArgs {
    pub fn options(&self) -> bantin::build::Options {
        bantin::build::Options {
            source: self.source.clone(),
            output: self.output.clone(),
            base_url: self.base_url.clone(),
            filter: bantin::content::Filter {
                drafts: self.drafts,
                future: self.future,
            },
            now: None,
            progress: None,
            keep_source_text: false,
            strict: self.strict,
            foreign: if self.keep_foreign_files {
                bantin::output::Foreign::Keep
            } else {
                bantin::output::Foreign::Refuse
            },
            cms: bantin::cms::Mode::Publish,
            decap_tarball: decap_tarball(),
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// Override site.toml's base_url
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include articles and pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future
    #[arg(long)]
    pub future: bool,
    /// Also check links to other sites (http/https), 8 at a time, with a 10 s timeout
    #[arg(long)]
    pub external: bool,
    /// How to report: diagnostics for people, or one JSON document on stdout
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also check that each old address in FILE (one URL or path per line, from the old site's
    /// sitemap or an access log) still leads to a page, file or redirect
    #[arg(long, value_name = "FILE")]
    pub old_urls: Option<PathBuf>,
    /// Also list the documents the articles cite (Nghị định 58/2022/NĐ-CP…) that the
    /// documents library (content/van-ban/) lacks, most cited first, with where each is cited
    #[arg(long)]
    pub missing_documents: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

impl CheckArgs {
    pub fn options(&self) -> bantin::check::Options {
        bantin::check::Options {
            build: bantin::build::Options {
                source: self.source.clone(),
                output: None,
                base_url: self.base_url.clone(),
                filter: bantin::content::Filter {
                    drafts: self.drafts,
                    future: self.future,
                },
                now: None,
                progress: None,
                keep_source_text: false,
                strict: false,
                foreign: bantin::output::Foreign::Refuse,
                cms: bantin::cms::Mode::Publish,
                decap_tarball: decap_tarball(),
            },
            external: self.external,
            old_urls: self.old_urls.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a WordPress export (Tools → Export → All content: an .xml file)
    Wordpress(ImportWordpressArgs),
    /// Import RSS or Atom feeds saved from an old portal (its newest articles)
    Feed(ImportFeedArgs),
    /// Import saved HTML pages of another portal, read through a mapping file of CSS selectors
    Html(ImportHtmlArgs),
}

#[derive(Debug, Args)]
pub struct ImportHtmlArgs {
    /// A folder of saved pages (*.html, *.htm, *.aspx), with the folders inside it
    #[arg(
        value_name = "DIR",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub dir: Option<PathBuf>,
    /// The mapping file (TOML): the old site's address and the selectors of an article page
    #[arg(long, value_name = "FILE")]
    pub mapping: PathBuf,
    /// A list of the old pages' addresses, one a line (`#` starts a comment), read from --mirror
    #[arg(long, value_name = "FILE", requires = "mirror")]
    pub list: Option<PathBuf>,
    /// The folder a mirroring tool (wget --mirror) saved the old site in
    #[arg(long, value_name = "DIR", requires = "list")]
    pub mirror: Option<PathBuf>,
    /// Show what the mapping finds in the first N pages; write nothing
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    #[command(flatten)]
    pub site: ImportSiteArgs,
}

impl ImportHtmlArgs {
    pub fn input(&self) -> bantin::import::pages::Input {
        use bantin::import::pages::Input;
        match (&self.dir, &self.list, &self.mirror) {
            (_, Some(list), Some(mirror)) => Input::List {
                list: list.clone(),
                mirror: mirror.clone(),
            },
            (Some(dir), _, _) => Input::Folder(dir.clone()),
            // clap requires DIR or --list with --mirror.
            _ => Input::Folder(PathBuf::from(".")),
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportWordpressArgs {
    /// The export file (WXR 1.1 or 1.2)
    #[arg(value_name = "EXPORT.xml")]
    pub export: PathBuf,
    #[command(flatten)]
    pub site: ImportSiteArgs,
}

#[derive(Debug, Args)]
pub struct ImportFeedArgs {
    /// The feed files (RSS 2.0 or Atom 1.0)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub site: ImportSiteArgs,
}

/// What every import takes: the site, the old files, and how to report.
#[derive(Debug, Args)]
pub struct ImportSiteArgs {
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// The old site's files: WordPress's wp-content/uploads, or another portal's document root
    /// or mirror, to copy photos and files from
    #[arg(long, value_name = "DIR")]
    pub media: Option<PathBuf>,
    /// Fetch photos and files that are not in --media from the old site's addresses (kept in
    /// <source>/.bantin-cache/import-media, so a second run fetches nothing)
    #[arg(long)]
    pub fetch_media: bool,
    /// The province of every imported article [default: site.toml's, or one the
    /// article's categories, tags or title name unambiguously]
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,
    /// Report what would be imported and added to site.toml; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// How to report: for people, or one JSON document on stdout
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

impl ImportSiteArgs {
    pub fn options(&self) -> bantin::import::Options {
        bantin::import::Options {
            source: self.source.clone(),
            media: self.media.clone(),
            province: self.province.clone(),
            dry_run: self.dry_run,
            fetch_media: self.fetch_media,
        }
    }
}

/// The language to show help and usage errors in, read before the command line is parsed:
/// `--messages`, else `BANTIN_MESSAGES`, else the `messages` of the site.toml in `--source` (or
/// the current folder), else Vietnamese — the order of `Cli::lang`.
fn lang_before_parsing(args: impl Iterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let value = |names: &[&str]| {
        args.iter().enumerate().find_map(|(i, arg)| {
            names.iter().find_map(|name| {
                if arg == name {
                    args.get(i + 1).cloned()
                } else {
                    arg.strip_prefix(&format!("{name}=")).map(str::to_string)
                }
            })
        })
    };
    let flag = value(&["--messages"]).and_then(|l| l.parse().ok());
    let env = || {
        std::env::var("BANTIN_MESSAGES")
            .ok()
            .and_then(|l| l.parse().ok())
    };
    let site = || {
        let source = value(&["--source", "-s"]).unwrap_or_else(|| ".".to_string());
        bantin::config::message_language(Path::new(&source))
    };
    flag.or_else(env).or_else(site).unwrap_or_default()
}

/// The command line with its words in `lang`: each command's description, each option's help
/// and the examples come from the catalogue (`messages/<lang>/help.ftl`), and so do clap's own
/// words (Usage, Options, the defaults and possible values, the help and version flags).
pub fn command(lang: Lang) -> clap::Command {
    localize(Cli::command(), &[], lang.catalogue())
}

fn localize(
    mut command: clap::Command,
    path: &[&str],
    catalogue: &bantin::messages::Catalogue,
) -> clap::Command {
    let text = |id: &str| catalogue.lookup(id).unwrap_or_default();
    let joined = path.join("-");
    let own = |kind: &str| match joined.as_str() {
        "" => format!("help-{kind}"),
        _ => format!("help-{kind}-{joined}"),
    };
    if let Some(about) = catalogue.lookup(&own("about")) {
        command = command.about(about).long_about(None);
    }
    // `build` shows the examples of bantin itself.
    let examples = match joined.as_str() {
        "build" => catalogue.lookup("help-examples"),
        _ => catalogue.lookup(&own("examples")),
    };
    if let Some(examples) = examples {
        command = command.after_help(examples);
    }
    let (options, arguments) = (text("help-options"), text("help-arguments"));
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            text("help-usage")
        ))
        .subcommand_help_heading(text("help-commands"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(usize::MAX)
                .help(text("help-flag-help")),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help(text("help-flag-version")),
        );
    let (default, values) = (text("help-default"), text("help-values"));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = catalogue
            .lookup(&format!("help-arg-{joined}-{id}"))
            .or_else(|| catalogue.lookup(&format!("help-arg-{id}")));
        command = command.mut_arg(id, |mut arg| {
            // A flag's own values (true/false) are not shown, as clap does.
            let takes_values = arg.get_action().takes_values();
            if let Some(help) = &help {
                let mut help = help.clone();
                let defaults: Vec<String> = arg
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
                    help.push_str(&format!(" [{default}: {}]", defaults.join(", ")));
                    arg = arg.hide_default_value(true);
                }
                let possible: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if takes_values && !possible.is_empty() && !arg.is_hide_possible_values_set() {
                    help.push_str(&format!(" [{values}: {}]", possible.join(", ")));
                    arg = arg.hide_possible_values(true);
                }
                arg = arg.help(help);
            }
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            arg.help_heading(heading.clone())
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let mut inner = path.to_vec();
        inner.push(&name);
        let inner = inner.clone();
        command = command.mut_subcommand(&name, |sub| localize(sub, &inner, catalogue));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option of the command line, as (help identifier, its English doc
    /// comment): `help-about-<path>` for commands, `help-arg-<path>-<id>` for options (the
    /// shared `help-arg-<id>` is found by `help_of`).
    fn described(command: &clap::Command, path: &[&str], out: &mut Vec<(Vec<String>, String)>) {
        let joined = path.join("-");
        let about = command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        let id = if path.is_empty() {
            "help-about".to_string()
        } else {
            format!("help-about-{joined}")
        };
        out.push((vec![id], about));
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            out.push((
                vec![format!("help-arg-{joined}-{id}"), format!("help-arg-{id}")],
                help,
            ));
        }
        for sub in command.get_subcommands() {
            let mut inner = path.to_vec();
            inner.push(sub.get_name());
            described(sub, &inner, out);
        }
    }

    fn all() -> Vec<(Vec<String>, String)> {
        let mut out = Vec::new();
        described(&Cli::command(), &[], &mut out);
        out
    }

    /// Each command and option has its words in Vietnamese and in English, and the English ones
    /// are the doc comments above (so the two cannot drift apart).
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        let mut problems = Vec::new();
        for (ids, doc) in all() {
            for lang in Lang::ALL {
                let found = ids.iter().find_map(|id| lang.catalogue().lookup(id));
                match (lang, found) {
                    (_, None) => problems.push(format!("{ids:?} has no {lang} help")),
                    (Lang::En, Some(text)) if text != doc => problems.push(format!(
                        "{ids:?}: the doc comment says {doc:?}, messages/en/help.ftl {text:?}"
                    )),
                    _ => {}
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Each `help-about-…` and `help-arg-…` of the catalogue belongs to a command or option that
    /// exists (a renamed option leaves no orphan).
    #[test]
    fn every_help_message_belongs_to_a_command_or_option() {
        let known: Vec<String> = all().into_iter().flat_map(|(ids, _)| ids).collect();
        let (_, _, en) = bantin::messages::FILES
            .iter()
            .find(|(area, _, _)| *area == "help")
            .copied()
            .unwrap_or(("", "", ""));
        let orphans: Vec<&str> = en
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim()))
            .filter(|id| id.starts_with("help-about") || id.starts_with("help-arg-"))
            .filter(|id| !known.iter().any(|k| k == id))
            .collect();
        assert!(orphans.is_empty(), "no such command or option: {orphans:?}");
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let mut vi = command(Lang::Vi);
        let text = vi.render_long_help().to_string();
        for words in [
            "Cách dùng:",
            "Các lệnh:",
            "Tùy chọn:",
            "Dựng trang web",
            "Ví dụ:",
            "Mã thoát:",
        ] {
            assert!(text.contains(words), "no {words:?} in:\n{text}");
        }
        let new = vi
            .find_subcommand_mut("new")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        assert!(new.contains("[mặc định: .]"), "{new}");
        assert!(new.contains("Tham số:") && new.contains("<TITLE>"), "{new}");
        let mut en = command(Lang::En);
        let text = en.render_long_help().to_string();
        for words in [
            "Usage:",
            "Commands:",
            "Options:",
            "Examples:",
            "Exit codes:",
        ] {
            assert!(text.contains(words), "no {words:?} in:\n{text}");
        }
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |list: &[&str]| {
            list.iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lang_before_parsing(args(&["--messages", "en", "build"]).into_iter()),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(args(&["build", "--messages=en"]).into_iter()),
            Lang::En
        );
    }
}
