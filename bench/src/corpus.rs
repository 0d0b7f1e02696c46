//! Takes a number of articles, a seed and the sample site's own text, and gives a synthetic
//! Vietnamese news site of the shape issue 6 describes: articles of about 1,000 words, the 63
//! provincial units of before the 2025 merger with a Zipf-like skew, 325 tags, 6 categories,
//! dates spread over nine and a half years, a few featured, and a site.toml with page_size 20.
//!
//! Nothing comes from outside: the vocabulary is the sample site's Markdown (its sentences,
//! headings, titles and tags, and a word-to-next-word chain built from them), read at
//! generation time and reused in shuffled order by a seeded PRNG. The same seed and the same
//! sample text give a byte-identical corpus (no hash-map order, no clock, no `powf`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use bantin::content::frontmatter;
use bantin::locale::slugify;
use bantin::problem::SourceFile;
use bantin::provinces::{Province, ProvinceId, Provinces};
use chrono::{Datelike, Days, NaiveDate};

/// The seed `bantin-bench` uses unless told another.
pub const DEFAULT_SEED: u64 = 2025;
/// The number of distinct tags the corpus uses.
pub const TAGS: usize = 325;
/// The site's categories (site.toml lists them; every article has one).
pub const CATEGORIES: [&str; 6] = [
    "Tin tức hoạt động",
    "Đối ngoại nhân dân",
    "Viện trợ phi chính phủ",
    "Người Việt Nam ở nước ngoài",
    "Hội hữu nghị",
    "Thông tin đối ngoại",
];
/// Articles per list page in the generated site.toml.
pub const PAGE_SIZE: usize = 20;
/// The generated site's address (with a path, so every link carries the base path).
pub const BASE_URL: &str = "https://bench.example/lhhn/";

/// SplitMix64: small, fast, and the same numbers on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Draws ranks 0..n with probability proportional to 1/(rank+1) (Zipf with s = 1: only
/// divisions, so the table is the same on every machine).
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|k| {
                total += 1.0 / k as f64;
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

/// What the sample site's text gives the generator.
pub struct Vocabulary {
    sentences: Vec<String>,
    headings: Vec<String>,
    tags: Vec<String>,
    /// Every distinct word (with its punctuation), in order of first appearance.
    words: Vec<String>,
    /// For each word, the words that follow it in the sample text (repeats kept: frequency).
    next: Vec<Vec<u32>>,
    /// Words that start a sentence.
    starts: Vec<u32>,
}

impl Vocabulary {
    /// Reads every `.md` file under `content_dir` (in file-name order).
    pub fn from_dir(content_dir: &Path) -> Result<Vocabulary, String> {
        let mut texts = Vec::new();
        for entry in walkdir::WalkDir::new(content_dir).sort_by_file_name() {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", content_dir.display()))?;
            if entry.file_type().is_file() && entry.file_name().to_string_lossy().ends_with(".md") {
                let text = std::fs::read_to_string(entry.path())
                    .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
                texts.push(text);
            }
        }
        Vocabulary::from_texts(texts.iter().map(String::as_str))
    }

    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Result<Vocabulary, String> {
        let mut sentences = Vec::new();
        let mut headings = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        for text in texts {
            let (front, body) = split_front_matter(text);
            for line in front.lines() {
                if let Some(rest) = line.strip_prefix("title:") {
                    headings.push(clean(rest.trim().trim_matches('"')));
                }
                if let Some(rest) = line.strip_prefix("tags:") {
                    let rest = rest.trim().trim_start_matches('[').trim_end_matches(']');
                    tags.extend(rest.split(',').map(|t| clean(t.trim())));
                }
            }
            let mut in_code = false;
            let mut paragraph = String::new();
            for line in body.lines().chain(std::iter::once("")) {
                let line = line.trim();
                if line.starts_with("```") {
                    in_code = !in_code;
                    continue;
                }
                if in_code {
                    continue;
                }
                if let Some(heading) = line.strip_prefix("## ").or(line.strip_prefix("### ")) {
                    headings.push(clean(heading));
                    continue;
                }
                let item = line
                    .strip_prefix("- ")
                    .or(line.strip_prefix("* "))
                    .unwrap_or(line);
                let skip = item.is_empty()
                    || item.starts_with(['!', '|', '<', '>', '#', '['])
                    || item.starts_with("*Bài")
                    || item.starts_with("---");
                if skip {
                    sentences.extend(split_sentences(&clean(&paragraph)));
                    paragraph.clear();
                } else {
                    paragraph.push(' ');
                    paragraph.push_str(item);
                }
            }
        }
        sentences.retain(|s| s.split_whitespace().count() >= 5);
        headings.retain(|h| !h.is_empty() && h.split_whitespace().count() <= 14);
        dedup_keep_order(&mut sentences);
        dedup_keep_order(&mut headings);
        tags.retain(|t| !t.is_empty());
        if sentences.len() < 20 {
            return Err(format!(
                "the sample text has only {} sentences; the generator needs at least 20",
                sentences.len()
            ));
        }
        let mut words: Vec<String> = Vec::new();
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts = Vec::new();
        for sentence in &sentences {
            let body = sentence.trim_end_matches(['.', '!', '?']);
            let mut prev: Option<u32> = None;
            for word in body.split_whitespace() {
                let id = *ids.entry(word.to_string()).or_insert_with(|| {
                    words.push(word.to_string());
                    next.push(Vec::new());
                    (words.len() - 1) as u32
                });
                match prev {
                    None => starts.push(id),
                    Some(p) => next[p as usize].push(id),
                }
                prev = Some(id);
            }
        }
        Ok(Vocabulary {
            sentences,
            headings,
            tags,
            words,
            next,
            starts,
        })
    }

    /// A sentence walked through the word chain: sample words in sample order, newly combined.
    fn chain(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let target = rng.range(min, max);
        let mut out: Vec<&str> = Vec::with_capacity(target);
        let mut at = *rng.pick(&self.starts) as usize;
        loop {
            out.push(&self.words[at]);
            if out.len() >= target {
                break;
            }
            let followers = &self.next[at];
            if followers.is_empty() {
                if out.len() >= min {
                    break;
                }
                // A dead end too early: carry on from a new sentence start.
                at = *rng.pick(&self.starts) as usize;
                continue;
            }
            at = *rng.pick(followers) as usize;
        }
        let mut text = out.join(" ");
        while text.ends_with([',', ';', ':', '–', '-', ' ']) {
            text.pop();
        }
        capitalize(&text)
    }

    /// A sentence of body text: a sample sentence as written, or one newly chained.
    fn sentence(&self, rng: &mut Rng) -> String {
        if rng.chance(0.55) {
            rng.pick(&self.sentences).clone()
        } else {
            format!("{}.", self.chain(rng, 10, 28))
        }
    }

    fn heading(&self, rng: &mut Rng) -> String {
        if rng.chance(0.5) && !self.headings.is_empty() {
            rng.pick(&self.headings).clone()
        } else {
            self.chain(rng, 4, 9)
        }
    }

    /// `count` distinct tag names (distinct addresses too): the sample's tags first, then
    /// two-to-four-word phrases from the chain.
    pub fn tag_names(&self, rng: &mut Rng, count: usize) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut names = Vec::with_capacity(count);
        let mut add = |name: String, names: &mut Vec<String>| {
            let slug = slugify(&name);
            if !slug.is_empty() && name.chars().count() <= 40 && seen.insert(slug) {
                names.push(name);
            }
        };
        for tag in &self.tags {
            if names.len() < count {
                add(tag.clone(), &mut names);
            }
        }
        let mut attempts = 0;
        while names.len() < count {
            attempts += 1;
            let phrase = if attempts < count * 200 {
                let words: Vec<String> = self
                    .chain(rng, 2, 4)
                    .split_whitespace()
                    .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
                    .filter(|w: &String| !w.is_empty())
                    .collect();
                if words.len() < 2 {
                    continue;
                }
                words.join(" ").to_lowercase()
            } else {
                // A vocabulary too small to give enough phrases: number them.
                format!("{} {attempts}", rng.pick(&self.words).to_lowercase())
            };
            add(phrase, &mut names);
        }
        names
    }
}

/// The front matter (without its `---` lines) and the body of a Markdown file, as bantin
/// splits them; a file without a closed front matter is all body.
pub fn split_front_matter(text: &str) -> (&str, &str) {
    let file = SourceFile::new("", text);
    match frontmatter::split(&file) {
        // The parts borrow `file`'s copy of the text: the same offsets in `text`.
        Ok(split) => {
            let yaml = split.yaml_start..split.yaml_start + split.yaml.len();
            (&text[yaml], &text[text.len() - split.body.len()..])
        }
        Err(_) => ("", text),
    }
}

/// Markdown text as plain words: links give their text, emphasis and footnote marks go.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' if chars.peek() == Some(&'^') => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for d in chars.by_ref() {
                    if d == ')' {
                        break;
                    }
                }
            }
            '*' | '_' | '`' | '\\' | '"' | ']' => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits at ". " (and "? ", "! ") before a capital letter, but not after an abbreviation
/// such as "TP." or a one-letter initial.
fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for i in 0..chars.len().saturating_sub(2) {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '?' | '!') || chars[i + 1].1 != ' ' || !chars[i + 2].1.is_uppercase()
        {
            continue;
        }
        let word_start = paragraph[..at].rfind(' ').map_or(0, |s| s + 1);
        let word = &paragraph[word_start..at];
        if word.chars().all(|w| w.is_uppercase() || w == '.') && word.chars().count() <= 3 {
            continue;
        }
        out.push(paragraph[start..=at].trim().to_string());
        start = chars[i + 2].0;
    }
    let rest = paragraph[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out.into_iter()
        .filter(|s| s.ends_with(['.', '?', '!']))
        .collect()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn dedup_keep_order(items: &mut Vec<String>) {
    let mut seen = HashSet::new();
    items.retain(|s| seen.insert(s.clone()));
}

/// One generated article, as the benchmark needs to find and edit it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Relative to the site's folder.
    pub path: PathBuf,
    pub title: String,
    /// The address under the base path, e.g. `tin-tuc/<slug>/`.
    pub url: String,
    /// For ordering: days since 2016-01-01 and minutes into the day.
    pub when: (u32, u32),
    pub featured: bool,
    /// What the front matter says, whatever form it was written in (for `bantin-bench compare`,
    /// which writes the same articles for another generator).
    pub meta: Meta,
}

/// An article's front matter as the generator meant it.
#[derive(Debug, Clone)]
pub struct Meta {
    pub slug: String,
    /// The day, and the time when the front matter gives one (untimed dates are 00:00).
    pub date: NaiveDate,
    pub timed: bool,
    pub updated: Option<NaiveDate>,
    /// The provincial unit it is filed under.
    pub province: ProvinceId,
    pub category: &'static str,
    pub tags: Vec<String>,
    /// `summary:` when the front matter has one (otherwise bantin takes the first paragraph).
    pub summary: Option<String>,
    pub author: Option<String>,
    /// The source's name and, in the long form, its address.
    pub source: Option<(String, Option<String>)>,
    /// Old addresses, as written (`/tin-tuc/chi-tiet/N`).
    pub aliases: Vec<String>,
}

/// The whole generated site: every file (relative path, contents) in path order, and the
/// articles' metadata.
pub struct Corpus {
    pub files: Vec<(PathBuf, String)>,
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Writes the files under `root`, which must not hold a site already.
    pub fn write(&self, root: &Path) -> Result<(), String> {
        if root.join("site.toml").exists() {
            return Err(format!("{} already holds a site", root.display()));
        }
        for (rel, text) in &self.files {
            let path = root.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

/// The 63 provincial units of before 1 July 2025, in data-file order, each with the way an
/// article names it: its name when that finds it (a name shared with a current successor finds
/// the successor, so those are written by their id, e.g. `an-giang-pre2025`).
fn pre_merger_units(provinces: &Provinces) -> Vec<(&Province, String)> {
    let last_day = NaiveDate::from_ymd_opt(2025, 6, 30);
    provinces
        .iter()
        .filter(|p| {
            (p.is_current() && p.unchanged()) || (!p.is_current() && p.valid_until() == last_day)
        })
        .map(|p| {
            let by_name = provinces.lookup(p.name()).is_ok_and(|q| q.id() == p.id());
            let written = if by_name {
                p.name().to_string()
            } else {
                p.key().to_string()
            };
            (p, written)
        })
        .collect()
}

/// The first day articles may carry, and how many days the corpus spans (to 30/06/2025).
const FIRST_DAY: (i32, u32, u32) = (2016, 1, 1);
const DAYS: u64 = 3469;

/// Generates `n` articles (plus site.toml and two pages) from `vocabulary` with `seed`.
pub fn generate(n: usize, seed: u64, vocabulary: &Vocabulary) -> Result<Corpus, String> {
    let mut rng = Rng::new(seed);
    let provinces = Provinces::builtin();
    let mut units = pre_merger_units(provinces);
    if units.len() != 63 {
        return Err(format!(
            "expected the 63 pre-merger provincial units, the registry gives {}",
            units.len()
        ));
    }
    // Which province is most written about is up to the seed.
    for i in (1..units.len()).rev() {
        units.swap(i, rng.below(i + 1));
    }
    let province_rank = Zipf::new(units.len());
    let tags = vocabulary.tag_names(&mut rng, TAGS);
    let tag_rank = Zipf::new(tags.len());
    // Categories skewed too, but gently: 6, 5, 4, 3, 2, 1.
    let category_weights: Vec<usize> = (1..=CATEGORIES.len()).rev().collect();
    let category_total: usize = category_weights.iter().sum();
    let first_day =
        NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).ok_or("bad first day")?;

    let mut files = vec![
        (PathBuf::from("site.toml"), site_toml()),
        (
            PathBuf::from("content/gioi-thieu.md"),
            page(&mut rng, vocabulary, "Giới thiệu"),
        ),
        (
            PathBuf::from("content/lien-he.md"),
            page(&mut rng, vocabulary, "Liên hệ"),
        ),
    ];
    let mut articles = Vec::with_capacity(n);
    let mut slugs: HashSet<String> = ["gioi-thieu", "lien-he"].map(String::from).into();
    for number in 1..=n {
        let (unit, written) = &units[province_rank.draw(&mut rng)];
        // More news in later years: the day is drawn with density growing linearly.
        let day = ((rng.unit().sqrt() * DAYS as f64) as u64).min(DAYS - 1);
        let date = first_day + Days::new(day);
        let minutes = (rng.range(6, 21) * 60 + rng.below(60)) as u32;

        let mut title = title(&mut rng, vocabulary, unit.name());
        let mut slug = slugify(&title);
        let mut round = 0;
        while slug.is_empty() || slugs.contains(&slug) {
            // Taken: a new title, and after a few tries a short one with a number (a long
            // title's slug is cut at 80 characters, so a suffix alone may not change it).
            round += 1;
            title = if round < 5 {
                self::title(&mut rng, vocabulary, unit.name())
            } else {
                format!("{} (kỳ {round})", vocabulary.chain(&mut rng, 3, 6))
            };
            slug = slugify(&title);
        }
        slugs.insert(slug.clone());

        let mut front = String::from("---\n");
        front.push_str(&format!("title: \"{title}\"\n"));
        let (date_line, timed) = date_text(&mut rng, date, minutes);
        front.push_str(&format!("date: {date_line}\n"));
        // A date without a time is 00:00, which is what orders it.
        let minutes = if timed { minutes } else { 0 };
        let mut updated = None;
        if rng.chance(0.08) {
            let later = date + Days::new(rng.range(1, 5) as u64);
            front.push_str(&format!(
                "updated: {:02}/{:02}/{}\n",
                later.day(),
                later.month(),
                later.year()
            ));
            updated = Some(later);
        }
        front.push_str(&format!(
            "province: {}\n",
            province_text(&mut rng, unit, written)
        ));
        let mut pick = rng.below(category_total);
        let category = CATEGORIES
            .iter()
            .zip(&category_weights)
            .find(|(_, w)| {
                if pick < **w {
                    true
                } else {
                    pick -= **w;
                    false
                }
            })
            .map_or(CATEGORIES[0], |(c, _)| c);
        front.push_str(&format!("category: {category}\n"));
        let mut chosen: Vec<&str> = Vec::new();
        let wanted = rng.range(2, 6);
        while chosen.len() < wanted {
            let tag = tags[tag_rank.draw(&mut rng)].as_str();
            if !chosen.contains(&tag) {
                chosen.push(tag);
            }
        }
        front.push_str(&tags_text(&mut rng, &chosen));
        let mut summary = None;
        if rng.chance(0.25) {
            let text = vocabulary.sentence(&mut rng).replace('"', "");
            front.push_str(&format!("summary: \"{text}\"\n"));
            summary = Some(text);
        }
        let mut byline = None;
        if rng.chance(0.5) {
            let name = author(&mut rng, vocabulary);
            front.push_str(&format!("author: \"{name}\"\n"));
            byline = Some(name);
        }
        let mut source = None;
        if rng.chance(0.1) {
            if rng.chance(0.5) {
                front.push_str("source: Thời Đại\n");
                source = Some(("Thời Đại".to_string(), None));
            } else {
                let url = format!("https://thoidai.com.vn/{slug}.html");
                front.push_str(&format!("source:\n  name: \"Thời Đại\"\n  url: {url}\n"));
                source = Some(("Thời Đại".to_string(), Some(url)));
            }
        }
        let mut aliases = Vec::new();
        if rng.chance(0.05) {
            let alias = format!("/tin-tuc/chi-tiet/{number}");
            front.push_str(&format!("aliases: [{alias}]\n"));
            aliases.push(alias);
        }
        let featured = rng.chance(0.02);
        if featured {
            front.push_str("featured: true\n");
        }
        front.push_str("---\n\n");
        let text = front + &body(&mut rng, vocabulary);
        let path = PathBuf::from(format!("content/tin-tuc/{}/{slug}.md", date.year()));
        articles.push(Article {
            path: path.clone(),
            title,
            url: format!("tin-tuc/{slug}/"),
            when: (day as u32, minutes),
            featured,
            meta: Meta {
                date,
                timed,
                updated,
                province: unit.id(),
                category,
                tags: chosen.iter().map(|t| t.to_string()).collect(),
                summary,
                author: byline,
                source,
                aliases,
                slug,
            },
        });
        files.push((path, text));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Corpus { files, articles })
}

fn title(rng: &mut Rng, vocabulary: &Vocabulary, province: &str) -> String {
    let text = vocabulary.chain(rng, 7, 15).replace('"', "");
    let text = text.trim_end_matches(['.', '!', '?']).to_string();
    if rng.chance(0.4) {
        format!("{province}: {text}")
    } else {
        text
    }
}

/// The date in one of the forms bantin accepts, most often the editors' `27/05/2020 08:30`.
/// Gives the text and whether it carries the time.
fn date_text(rng: &mut Rng, date: NaiveDate, minutes: u32) -> (String, bool) {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let (hh, mm) = (minutes / 60, minutes % 60);
    match rng.below(20) {
        0..=7 => (format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02}"), true),
        8..=12 => (format!("{y}-{m:02}-{d:02}T{hh:02}:{mm:02}:00+07:00"), true),
        13..=15 => (format!("{y}-{m:02}-{d:02} {hh:02}:{mm:02}"), true),
        16..=17 => (format!("{d}/{m}/{y}"), false),
        18 => (format!("{d:02}.{m:02}.{y}"), false),
        _ => (format!("{d:02}-{m:02}-{y}"), false),
    }
}

/// The province as editors write it: mostly its name, sometimes without accents or as a slug.
fn province_text(rng: &mut Rng, unit: &Province, written: &str) -> String {
    if written != unit.name() {
        return written.to_string();
    }
    match rng.below(10) {
        0 => unit.slug().to_string(),
        1 => unit.slug().replace('-', " "),
        _ => written.to_string(),
    }
}

/// Tags in each of the three forms: `[a, b]`, `- a` lines, `a, b`.
fn tags_text(rng: &mut Rng, tags: &[&str]) -> String {
    match rng.below(10) {
        0..=6 => format!("tags: [{}]\n", tags.join(", ")),
        7 | 8 => {
            let mut text = String::from("tags:\n");
            for tag in tags {
                text.push_str(&format!("  - {tag}\n"));
            }
            text
        }
        _ => format!("tags: {}\n", tags.join(", ")),
    }
}

fn author(rng: &mut Rng, vocabulary: &Vocabulary) -> String {
    let initial = |rng: &mut Rng| {
        rng.pick(&vocabulary.words)
            .chars()
            .find(|c| c.is_alphabetic())
            .map_or('N', |c| c.to_uppercase().next().unwrap_or(c))
    };
    match rng.below(3) {
        0 => "BBT.".to_string(),
        1 => format!("{}.{}", initial(rng), initial(rng)),
        _ => format!("{}.{}.{}", initial(rng), initial(rng), initial(rng)),
    }
}

/// About 1,000 words: a lead paragraph, then sections of two to four paragraphs, now and then
/// a list.
fn body(rng: &mut Rng, vocabulary: &Vocabulary) -> String {
    let target = rng.range(900, 1100);
    let mut words = 0;
    let mut out = String::new();
    let paragraph = |rng: &mut Rng, sentences: usize, out: &mut String, words: &mut usize| {
        let text: Vec<String> = (0..sentences).map(|_| vocabulary.sentence(rng)).collect();
        let text = text.join(" ");
        *words += text.split_whitespace().count();
        out.push_str(&text);
        out.push_str("\n\n");
    };
    let lead = rng.range(2, 3);
    paragraph(rng, lead, &mut out, &mut words);
    let mut headings = HashSet::new();
    while words < target {
        let mut heading = vocabulary.heading(rng);
        while !headings.insert(slugify(&heading)) {
            heading = vocabulary.chain(rng, 4, 9);
        }
        words += heading.split_whitespace().count();
        out.push_str(&format!("## {heading}\n\n"));
        for _ in 0..rng.range(2, 4) {
            if words >= target {
                break;
            }
            let sentences = rng.range(3, 5);
            paragraph(rng, sentences, &mut out, &mut words);
            if rng.chance(0.08) {
                for _ in 0..rng.range(3, 5) {
                    let item = vocabulary.chain(rng, 5, 12);
                    words += item.split_whitespace().count();
                    out.push_str(&format!("- {item}.\n"));
                }
                out.push('\n');
            }
        }
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    out
}

fn page(rng: &mut Rng, vocabulary: &Vocabulary, title: &str) -> String {
    let mut text = format!("---\ntitle: {title}\n---\n\n");
    for _ in 0..3 {
        let sentences: Vec<String> = (0..4).map(|_| vocabulary.sentence(rng)).collect();
        text.push_str(&sentences.join(" "));
        text.push_str("\n\n");
    }
    text.pop();
    text
}

fn site_toml() -> String {
    let categories: Vec<String> = CATEGORIES
        .iter()
        .map(|c| format!("    \"{c}\",\n"))
        .collect();
    format!(
        r#"# A synthetic news portal made by `bantin-bench generate` for benchmarks. Every name,
# address and text in it is generated from the sample site's own text.
title = "Liên hiệp các tổ chức hữu nghị (trang thử tải)"
description = "Trang tin tổng hợp sinh tự động để đo tốc độ của bantin."
base_url = "{BASE_URL}"
language = "vi"
timezone = "Asia/Ho_Chi_Minh"
page_size = {PAGE_SIZE}
categories = [
{}]

[[menu]]
name = "Trang chủ"
url = "/"

[[menu]]
name = "Giới thiệu"
url = "/gioi-thieu/"

[[menu]]
name = "Địa phương"
url = "/tinh/"

[[menu]]
name = "Chủ đề"
url = "/the/"

[[menu]]
name = "Lưu trữ"
url = "/luu-tru/"

[[menu]]
name = "Liên hệ"
url = "/lien-he/"

[organization]
name = "Liên hiệp các tổ chức hữu nghị (trang thử tải)"
parent = "Ủy ban Mặt trận Tổ quốc Việt Nam"
address = "Số 1 đường Hữu Nghị (địa chỉ giả định)"
phone = "0296 3000 000"
email = "bench@bench.example"
editor = "Ban biên tập"
"#,
        categories.concat()
    )
}
