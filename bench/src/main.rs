//! `bantin-bench`: the benchmark command. `generate` writes a deterministic synthetic
//! Vietnamese news site; `serve` measures `bantin build` and `bantin serve` on such sites of
//! several sizes, `search` what the search index costs and what queries download, `compare`
//! bantin against Hugo on the same corpus, `import` what importing a WordPress export of it
//! costs, `images` what publishing camera photos costs; each prints Markdown tables (see
//! BENCHMARKS.md).

mod compare;
mod corpus;
#[cfg(test)]
mod corpus_tests;
mod hugo;
mod images;
mod import;
mod search;
mod serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const ABOUT: &str = "\
Benchmarks for bantin on a synthetic Vietnamese news corpus (~1,000-word articles, the 63
pre-merger provinces with a Zipf skew, 325 tags, 6 categories, page_size 20), generated
deterministically from the sample site's own text (content/**/*.md).

The bantin binary measured is `bantin` next to this program (target/release/bantin when run
with `cargo run --release -p bantin-bench`), or --bantin PATH. When it is missing or older
than this program, `cargo build --release -p bantin --bin bantin` is run first.

The generated sites go to the system's temporary folder (--work-dir) and are deleted at the
end. On ext4, creating files is much slower for a few minutes after many files were deleted,
so do not run it right after deleting a large output folder (or another run's).";

#[derive(Debug, Parser)]
#[command(name = "bantin-bench", version, about = ABOUT, long_about = ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Writes a synthetic site of N articles into DIR (same seed → byte-identical files)
    Generate {
        /// How many articles
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// The folder to write the site into (must not hold a site.toml yet)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// Cold `bantin build` time, `bantin serve` startup and save-to-served latency of body,
    /// title and new-tag edits, for each corpus size (and for a --baseline binary alongside);
    /// prints a Markdown table
    Serve(serve::Args),
    /// What the search index adds to the build (time, files, bytes) and what typical queries
    /// download (search.js run in node over the written index); fails past 300 KB a query
    Search(search::Args),
    /// bantin against Hugo 0.168.0 on the same corpus: an equivalent Hugo site (same articles,
    /// addresses, lists, feeds), cold builds alternating between the two, wall time, CPU time
    /// and peak memory of each, pages and feeds of each; prints Markdown tables
    Compare(compare::Args),
    /// `bantin import wordpress` on a WordPress export of the corpus: the first run (every file
    /// written) and a second run (nothing changes), wall time, CPU time and peak memory of each
    Import(import::Args),
    /// Camera photos through `bantin::images::process`: cold runs with and without AVIF,
    /// each output kind's encode time on one core, a warm run over 1,000 photos; prints
    /// Markdown tables
    Images(images::Args),
}

/// The repository: the sample site, the theme and the test tools the benchmarks use (this
/// crate is its `bench/` folder).
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Where the corpus comes from.
#[derive(Debug, Clone, clap::Args)]
pub struct CorpusArgs {
    /// The PRNG seed
    #[arg(long, default_value_t = corpus::DEFAULT_SEED)]
    seed: u64,
    /// The content folder whose Markdown gives the vocabulary (default: this repository's
    /// sample site)
    #[arg(long, value_name = "DIR", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))]
    vocabulary: PathBuf,
}

impl CorpusArgs {
    pub fn generate(&self, articles: usize) -> Result<corpus::Corpus, String> {
        let vocabulary = corpus::Vocabulary::from_dir(&self.vocabulary)?;
        corpus::generate(articles, self.seed, &vocabulary)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate {
            articles,
            out,
            corpus,
        } => corpus.generate(articles).and_then(|c| {
            c.write(&out)?;
            println!(
                "wrote {} articles ({} files) into {}",
                c.articles.len(),
                c.files.len(),
                out.display()
            );
            Ok(())
        }),
        Command::Serve(args) => serve::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Images(args) => images::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
