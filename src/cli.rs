//! The command line: clap definitions, turned into typed options for the library. clap stays here.

use std::path::{Path, PathBuf};

use bantin::messages::Lang;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  bantin build                        build the site in this folder into public/
  bantin build --source portal --output /tmp/site
  bantin build --base-url https://example.github.io/portal/
  bantin build --drafts --future      preview drafts and scheduled articles
  bantin init my-portal               start a new site
  bantin new \"Hội nghị tổng kết năm 2026\" --tags \"hội nghị\"
  bantin serve                        live preview at http://127.0.0.1:1111/
  bantin check --external             check every link, including other sites'

Exit codes: 0 built, 1 the site has errors (nothing was written), 2 usage error.";

const NEW_EXAMPLE: &str = "\
Example:
  bantin new \"Hội nghị tổng kết công tác năm 2024\" --category \"Tin tức hoạt động\" --tags \"hội nghị,tổng kết\"

The date is now, in the site's timezone. An existing file is never overwritten.";

/// bantin — builds Vietnamese news portals from Markdown articles.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about, after_help = EXAMPLES, propagate_version = true)]
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
    #[command(after_help = EXAMPLES)]
    Build(BuildArgs),
    /// Check the site and every link and image in its Markdown, without writing anything
    #[command(after_help = CHECK_EXAMPLES)]
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
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
}

const SERVE_EXAMPLES: &str = "\
Examples:
  bantin serve                        preview this folder at http://127.0.0.1:1111/
  bantin serve --port 8080 --drafts   also show drafts
  bantin serve --bind 0.0.0.0         let other devices on the network see the preview

The preview is built in memory: the publish folder (public/) is never touched. A broken edit
shows its errors over the page until it is fixed; the server keeps running.";

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site's folder, holding site.toml
    #[arg(long, short = 's', value_name = "DIR", default_value = ".")]
    pub source: PathBuf,
    /// Port to listen on (0 picks a free one)
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on
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
#[command(after_help = NEW_EXAMPLE)]
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
        }
    }
}

const CHECK_EXAMPLES: &str = "\
Examples:
  bantin check                        everything build checks, plus links, images and #anchors
  bantin check --external             also fetch links to other sites (cached for 24 h in
                                      .bantin-cache/links.json)
  bantin check --format json          one JSON document on stdout, for CI and editors
  bantin check --old-urls old.txt     also check that every old address in old.txt (one URL
                                      or path per line) still leads somewhere

Exit codes: 0 nothing broken, 1 the site has errors or broken links, 2 usage error.";

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
            },
            external: self.external,
            old_urls: self.old_urls.clone(),
        }
    }
}

const IMPORT_EXAMPLES: &str = "\
Examples:
  bantin import wordpress export.xml --dry-run            see what would be imported
  bantin import wordpress export.xml --media old/wp-content/uploads
  bantin import wordpress export.xml --province \"Kiên Giang\" --format json

Posts become articles in content/tin-tuc/<year>/, pages become standalone pages, uploads are
copied into static/images/ and static/files/, and every old address (permalinks, ?p=ID,
categories, tags, date archives, feeds) leads to the new page. A file that already exists with
other text (an editor's change) is never overwritten; a second run changes nothing.

Exit codes: 0 imported (read the report), 1 the export or site.toml could not be used (nothing
was written), 2 usage error.";

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a WordPress export (Tools → Export → All content: an .xml file)
    #[command(after_help = IMPORT_EXAMPLES)]
    Wordpress(ImportWordpressArgs),
    /// Import RSS or Atom feeds saved from an old portal (its newest articles)
    #[command(after_help = FEED_EXAMPLES)]
    Feed(ImportFeedArgs),
    /// Import saved HTML pages of another portal, read through a mapping file of CSS selectors
    #[command(after_help = IMPORT_HTML_EXAMPLES)]
    Html(ImportHtmlArgs),
}

const IMPORT_HTML_EXAMPLES: &str = "\
Examples:
  bantin import html ../saved-pages --mapping ../mapping.toml --sample 3   check the mapping first
  bantin import html ../saved-pages --mapping ../mapping.toml --dry-run
  bantin import html --list ../old-urls.txt --mirror ../mirror --mapping ../mapping.toml

The mapping file names, by CSS selector, an article page's title, date, body, author, category and
lead photo, and what to strip from the body (visitor counters, footer, share bar, related news,
comment form); the README's \"Other portals: saved pages\" explains it. A page where the mapping
finds no title, date or body is reported and left out, never guessed.

Exit codes: 0 imported (read the report), 1 the mapping, pages or site.toml could not be used
(nothing was written), 2 usage error.";

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

const FEED_EXAMPLES: &str = "\
Examples:
  bantin import feed rss.xml --dry-run                     see what would be imported
  bantin import feed tin-tuc.rss hoat-dong.rss --fetch-media

Each item's full text (content:encoded, Atom content, else the description) is imported like a
WordPress post; its <link> and a <guid> that is another address of the old site keep leading
to it. An article in several feeds is imported once.";

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
