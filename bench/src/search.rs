//! `bantin-bench search`: takes corpus sizes and gives, for each, what the search index costs —
//! the full build's median time, the index build's median time and its share of the rest of the
//! build, the index's files and bytes — and what typical queries download, measured by running
//! the site's own search.js in node over the written index (tests/search/measure.mjs), as a
//! browser would fetch it: the manifest, the posting shards and the first page of records.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use bantin::build::{self, Options};
use bantin::provinces::Provinces;
use bantin::render::context::Site;

use crate::CorpusArgs;

/// The budget for one query, all fetches together.
const QUERY_BUDGET: u64 = 300_000;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus sizes, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [10000])]
    articles: Vec<usize>,
    /// Full builds and index builds per size (the median is reported)
    #[arg(long, default_value_t = 3)]
    builds: usize,
    /// Queries to measure, comma-separated (default: a mix of unmarked, marked, phrase and
    /// frequent-word queries)
    #[arg(long, value_delimiter = ',')]
    queries: Vec<String>,
    /// Where to put the generated sites (default: the system's temporary folder)
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

const DEFAULT_QUERIES: &[&str] = &[
    "huu nghi",
    "hữu nghị",
    "hợp tác quốc tế",
    "da nang",
    "đường",
    "DAK LAK",
    "tổ chức phi chính phủ",
    "Liên hiệp các tổ chức hữu nghị tỉnh An Giang",
];

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

pub fn run(args: &Args) -> Result<(), String> {
    let queries: Vec<String> = if args.queries.is_empty() {
        DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect()
    } else {
        args.queries.clone()
    };
    let work = args
        .work_dir
        .clone()
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("bantin-bench-search-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot make {}: {e}", work.display()))?;
    let result = measure_sizes(args, &queries, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn measure_sizes(args: &Args, queries: &[String], work: &Path) -> Result<(), String> {
    println!(
        "| articles | full build (median) | index build (median) | index / rest of build | index files | index size | worst query |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut query_tables = Vec::new();
    let mut over_budget = Vec::new();
    for &n in &args.articles {
        let site = work.join(format!("site-{n}"));
        args.corpus.generate(n)?.write(&site)?;
        let out = work.join(format!("public-{n}"));
        let options = Options {
            source: site.clone(),
            output: Some(out.clone()),
            ..Default::default()
        };
        let mut builds = Vec::new();
        for _ in 0..args.builds.max(1) {
            let started = Instant::now();
            build::build(&options)
                .map_err(|e| format!("the build of {n} articles failed: {e:?}"))?;
            builds.push(started.elapsed());
        }
        let compiled =
            build::compile(&options).map_err(|e| format!("compiling {n} articles: {e:?}"))?;
        let provinces = Provinces::builtin();
        let site_ctx = Site {
            config: &compiled.config,
            provinces,
            index: &compiled.index,
            gallery: &compiled.gallery,
        };
        let mut index_builds = Vec::new();
        let mut files = Vec::new();
        for _ in 0..args.builds.max(1) {
            let started = Instant::now();
            files = bantin::render::extras::search_files(site_ctx);
            index_builds.push(started.elapsed());
        }
        let full = median(&mut builds);
        let index = median(&mut index_builds);
        let rest = full.saturating_sub(index);
        let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
        let measured = measure(&out.join("search"), queries)?;
        let worst = measured.iter().map(|m| m.bytes).max().unwrap_or(0);
        println!(
            "| {n} | {:.2} s | {:.2} s | {:.0} % | {} | {:.1} MB | {:.0} KB |",
            full.as_secs_f64(),
            index.as_secs_f64(),
            100.0 * index.as_secs_f64() / rest.as_secs_f64().max(1e-9),
            files.len(),
            bytes as f64 / 1e6,
            worst as f64 / 1000.0,
        );
        for m in &measured {
            if m.bytes > QUERY_BUDGET {
                over_budget.push(format!("{n} articles, “{}”: {} bytes", m.query, m.bytes));
            }
        }
        query_tables.push((n, measured));
        // Free the disk for the next size.
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_dir_all(&site);
    }
    for (n, measured) in query_tables {
        println!("\nQueries at {n} articles (bytes are what search.js downloads, uncompressed):\n");
        println!("| query | results | files | manifest | shards | records | total |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for m in measured {
            println!(
                "| {} | {} | {} | {:.1} KB | {:.1} KB | {:.1} KB | {:.1} KB |",
                m.query,
                m.results,
                m.files,
                m.manifest as f64 / 1000.0,
                m.shards as f64 / 1000.0,
                m.records as f64 / 1000.0,
                m.bytes as f64 / 1000.0
            );
        }
    }
    if over_budget.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "queries over the {QUERY_BUDGET}-byte budget: {}",
            over_budget.join("; ")
        ))
    }
}

struct Measured {
    query: String,
    results: u64,
    files: u64,
    bytes: u64,
    manifest: u64,
    shards: u64,
    records: u64,
}

/// Runs tests/search/measure.mjs (search.js itself, in node) over the written index.
fn measure(index: &Path, queries: &[String]) -> Result<Vec<Measured>, String> {
    let repo = crate::repo();
    let output = Command::new("node")
        .arg(repo.join("tests/search/measure.mjs"))
        .arg(index)
        .args(queries)
        .output()
        .map_err(|e| format!("cannot run node (needed to measure queries): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "measure.mjs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("measure.mjs printed {line}: {e}"))?;
            let num = |k: &str| v[k].as_u64().unwrap_or(0);
            Ok(Measured {
                query: v["query"].as_str().unwrap_or_default().to_string(),
                results: num("results"),
                files: num("files"),
                bytes: num("bytes"),
                manifest: num("manifest"),
                shards: num("shards"),
                records: num("records"),
            })
        })
        .collect()
}
