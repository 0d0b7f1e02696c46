//! `bantin-bench import`: takes corpus sizes and gives, for each, what `bantin import wordpress`
//! costs on a WordPress export of that many posts made from the corpus (the articles' text
//! rendered to HTML as WordPress stores it, each with a category, tags, an old permalink and a
//! featured image): the first run, which writes every file, and a second run of the same export,
//! which finds everything written and changes nothing — wall time, CPU time and peak memory of
//! each, measured with `wait4`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use bantin::markdown::{self, Highlighter};

use crate::CorpusArgs;
use crate::compare::{Usage, measure};
use crate::corpus::{Corpus, split_front_matter};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus sizes (posts in the export), comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [1000, 5000])]
    articles: Vec<usize>,
    /// The bantin binary to measure (default: next to this program, built when stale)
    #[arg(long, value_name = "PATH")]
    bantin: Option<PathBuf>,
    /// Where to put the exports and sites (default: the system's temporary folder)
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

pub fn run(args: &Args) -> Result<(), String> {
    let bantin = crate::serve::bantin_binary(args.bantin.as_deref())?;
    let root = args
        .work_dir
        .clone()
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("bantin-bench-import-{}", std::process::id()));
    let result = measure_sizes(args, &bantin, &root);
    let _ = std::fs::remove_dir_all(&root);
    result
}

fn measure_sizes(args: &Args, bantin: &Path, root: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    for &n in &args.articles {
        let corpus = args.corpus.generate(n)?;
        let work = root.join(n.to_string());
        std::fs::create_dir_all(&work)
            .map_err(|e| format!("cannot make {}: {e}", work.display()))?;
        let export = work.join("export.xml");
        let text = wxr(&corpus);
        std::fs::write(&export, &text)
            .map_err(|e| format!("cannot write {}: {e}", export.display()))?;
        let site = work.join("site");
        let init = Command::new(bantin)
            .arg("init")
            .arg(&site)
            .output()
            .map_err(|e| format!("cannot run bantin init: {e}"))?;
        if !init.status.success() {
            return Err(format!(
                "bantin init failed: {}",
                String::from_utf8_lossy(&init.stderr)
            ));
        }
        let log = work.join("import.log");
        let import = || {
            let mut command = Command::new(bantin);
            command
                .env("BANTIN_MESSAGES", "en")
                .args(["import", "wordpress"])
                .arg(&export)
                .arg("--source")
                .arg(&site);
            measure(&mut command, &log, "bantin import wordpress")
        };
        let first = import()?;
        let second = import()?;
        eprintln!(
            "[{n}] export {:.1} MB: first run {:.2} s, second {:.2} s",
            text.len() as f64 / 1e6,
            first.wall.as_secs_f64(),
            second.wall.as_secs_f64()
        );
        rows.push((n, text.len(), first, second));
    }
    println!(
        "| posts | export | first run: wall | CPU | peak RSS | second run (nothing changes): wall | CPU | peak RSS |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (n, bytes, first, second) in rows {
        println!(
            "| {n} | {:.1} MB | {} | {} |",
            bytes as f64 / 1e6,
            cells(&first),
            cells(&second)
        );
    }
    Ok(())
}

fn cells(u: &Usage) -> String {
    format!(
        "{:.2} s | {:.2} s | {} MiB",
        u.wall.as_secs_f64(),
        u.cpu.as_secs_f64(),
        u.peak_rss_kib / 1024
    )
}

/// The corpus as a WordPress export (WXR 1.2): each article a published post whose content is
/// its body rendered to HTML, with its category, tags, old permalink and a featured image.
pub fn wxr(corpus: &Corpus) -> String {
    let highlighter = Highlighter::new();
    let options = markdown::Options::new("/");
    let site = "https://lhhn-cu.example.vn";
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Liên hiệp (bản xuất thử tải)</title>\n",
    );
    let _ = writeln!(
        out,
        "<link>{site}</link>\n<wp:wxr_version>1.2</wp:wxr_version>"
    );
    let bodies: std::collections::HashMap<&Path, &str> = corpus
        .files
        .iter()
        .map(|(path, text)| (path.as_path(), split_front_matter(text).1))
        .collect();
    for (i, article) in corpus.articles.iter().enumerate() {
        let id = 1000 + i as u64;
        let meta = &article.meta;
        let html = bodies
            .get(article.path.as_path())
            .map(|body| markdown::render(body, &options, &highlighter).html)
            .unwrap_or_default();
        let (_, minute) = article.when;
        let date = meta
            .date
            .and_hms_opt(minute / 60 % 24, minute % 60, 0)
            .unwrap_or_default();
        let gmt = date - chrono::Duration::hours(7);
        let link = format!("{site}/{}/{}/", meta.date.format("%Y/%m/%d"), meta.slug);
        let _ = write!(
            out,
            "<item>\n<title><![CDATA[{}]]></title>\n<link>{link}</link>\n<guid isPermaLink=\"false\">{site}/?p={id}</guid>\n<dc:creator><![CDATA[bbt]]></dc:creator>\n<content:encoded><![CDATA[{}]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>{id}</wp:post_id>\n<wp:post_date>{}</wp:post_date>\n<wp:post_date_gmt>{}</wp:post_date_gmt>\n<wp:post_name>{}</wp:post_name>\n<wp:status>publish</wp:status>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>{}</wp:is_sticky>\n<category domain=\"category\" nicename=\"c\"><![CDATA[{}]]></category>\n",
            article.title,
            html.replace("]]>", "]]]]><![CDATA[>"),
            date.format("%Y-%m-%d %H:%M:%S"),
            gmt.format("%Y-%m-%d %H:%M:%S"),
            meta.slug,
            u8::from(article.featured),
            meta.category,
        );
        for tag in &meta.tags {
            let _ = writeln!(
                out,
                "<category domain=\"post_tag\" nicename=\"t\"><![CDATA[{tag}]]></category>"
            );
        }
        let _ = writeln!(
            out,
            "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{}</wp:meta_value></wp:postmeta>\n</item>",
            900_000 + id
        );
        let _ = writeln!(
            out,
            "<item>\n<title>Ảnh {id}</title>\n<wp:post_id>{}</wp:post_id>\n<wp:status>inherit</wp:status>\n<wp:post_type>attachment</wp:post_type>\n<wp:post_parent>{id}</wp:post_parent>\n<wp:attachment_url>{site}/wp-content/uploads/{}/anh-{id}.jpg</wp:attachment_url>\n</item>",
            900_000 + id,
            meta.date.format("%Y/%m"),
        );
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

#[cfg(test)]
mod tests {
    use bantin::import::wxr::{self, Kind};
    use bantin::problem::SourceFile;

    use crate::corpus;

    /// The export the benchmark imports is one bantin's reader takes whole: every article a
    /// post with its text, every post's picture an attachment.
    #[test]
    fn the_export_is_a_wordpress_export_of_every_article() {
        let vocabulary = corpus::Vocabulary::from_dir(&crate::repo().join("content"))
            .unwrap_or_else(|e| panic!("{e}"));
        let corpus = corpus::generate(30, corpus::DEFAULT_SEED, &vocabulary)
            .unwrap_or_else(|e| panic!("{e}"));
        let export = wxr::parse(SourceFile::new("export.xml", super::wxr(&corpus)))
            .unwrap_or_else(|p| panic!("{}", p.message));
        let posts: Vec<_> = export
            .items
            .iter()
            .filter(|i| i.kind == Kind::Post)
            .collect();
        assert_eq!(posts.len(), 30);
        assert_eq!(export.items.len(), 60, "a picture per post");
        assert!(
            posts
                .iter()
                .all(|p| p.content.contains("<p>") && !p.date_gmt.is_empty())
        );
        assert_eq!(posts[0].title, corpus.articles[0].title);
    }
}
