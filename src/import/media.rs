//! The old site's uploads: which addresses are uploads, where each file lands in `static/`, and
//! the new address every link to it gets. A file that is not in `--media` keeps its absolute
//! old address (the site still builds, its links still check) and is reported with the
//! articles that use it. Links to the old site's own posts become their new addresses.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::html::Links;

/// Picture types: they go to `static/images/`; anything else (PDF, DOCX, …) to `static/files/`.
const IMAGE_TYPES: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp"];

/// Files people attach to news besides pictures, recognised in links as uploads.
const FILE_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip", "rar", "mp3", "mp4",
    "txt", "rtf",
];

/// One upload the import found: where it comes from and where it goes.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The path below the uploads folder: `2019/05/hoi-nghi.jpg`.
    pub rel: String,
    /// The file in `--media`, when it is there.
    pub from: Option<PathBuf>,
    /// The path below `static/`: `images/2019/05/hoi-nghi.jpg`.
    pub to: String,
    /// The address as the old site had it, absolute.
    pub old_url: String,
    /// The articles and pages (their content files) that use it.
    pub used_by: BTreeSet<String>,
}

/// Every upload, and how links to the old site's own pages map to new addresses.
#[derive(Debug)]
pub struct Media {
    /// The old site's address, without a trailing `/`: `https://lhhn.example.vn`.
    site_url: String,
    /// `--media`: the old `wp-content/uploads` folder.
    uploads: Option<PathBuf>,
    /// Old page path (`/2019/05/27/x/`, `/?p=12`) → new path below the site root.
    pages: HashMap<String, String>,
    pub found: BTreeMap<String, Upload>,
    /// The content file being converted now, to credit uploads to it.
    current: String,
    /// Links to the old site that lead to nothing imported, kept absolute.
    pub old_site_links: usize,
}

impl Media {
    /// New addresses are written from the site root (bantin adds the base path when it builds).
    pub fn new(site_url: &str, uploads: Option<&Path>) -> Self {
        Media {
            site_url: site_url.trim_end_matches('/').to_string(),
            uploads: uploads.map(Path::to_path_buf),
            pages: HashMap::new(),
            found: BTreeMap::new(),
            current: String::new(),
            old_site_links: 0,
        }
    }

    /// An old address of an imported page and the new one (below the site root, no leading
    /// `/`).
    pub fn page(&mut self, old: &str, new: &str) {
        self.pages.insert(old.to_string(), new.to_string());
    }

    pub fn start(&mut self, file: &str) {
        self.current = file.to_string();
    }

    /// Is it an upload, and if so its path below the uploads folder?
    fn upload_rel(&self, url: &str) -> Option<String> {
        let url = url.split(['?', '#']).next().unwrap_or(url);
        let rel = if let Some(i) = url.find("/wp-content/uploads/") {
            &url[i + "/wp-content/uploads/".len()..]
        } else if let Some(rest) = host_and_path(url)
            .filter(|(host, _)| host.ends_with(".files.wordpress.com"))
            .map(|(_, path)| path)
        {
            rest.trim_start_matches('/')
        } else {
            return None;
        };
        let rel = crate::check::percent_decode(rel);
        let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        let known = IMAGE_TYPES.contains(&ext.as_str()) || FILE_TYPES.contains(&ext.as_str());
        (known && !rel.split('/').any(|s| s == ".." || s.is_empty())).then_some(rel)
    }

    /// The new address of an upload (recording it), or `None` when `url` is not one.
    fn upload(&mut self, url: &str) -> Option<String> {
        let rel = self.upload_rel(url)?;
        let ext = rel
            .rsplit_once('.')
            .map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
        let folder = if IMAGE_TYPES.contains(&ext.as_str()) {
            "images"
        } else {
            "files"
        };
        let old_url = self.absolute(url);
        let from = self
            .uploads
            .as_ref()
            .map(|dir| dir.join(&rel))
            .filter(|p| p.is_file());
        let entry = self.found.entry(rel.clone()).or_insert_with(|| Upload {
            to: format!("{folder}/{rel}"),
            rel,
            from,
            old_url: old_url.clone(),
            used_by: BTreeSet::new(),
        });
        entry.used_by.insert(self.current.clone());
        Some(if entry.from.is_some() {
            format!("/{}", encode_path(&entry.to))
        } else {
            old_url
        })
    }

    /// An address made absolute against the old site.
    fn absolute(&self, url: &str) -> String {
        if url.starts_with("//") {
            format!("https:{url}")
        } else if url.starts_with('/') {
            format!("{}{url}", self.site_url)
        } else {
            url.to_string()
        }
    }

    /// The path of an address on the old site (`/2019/05/x/`, `/?p=12`), if it is on it.
    pub fn old_path(&self, url: &str) -> Option<String> {
        old_path(&self.site_url, url)
    }
}

/// The path of `url` on the site at `site_url` (`https://host` or `https://host/blog`), from
/// that site's root, percent-escapes decoded: `https://host/2019/05/x/` → `/2019/05/x/`.
pub fn old_path(site_url: &str, url: &str) -> Option<String> {
    let url = url.split('#').next().unwrap_or(url);
    let rest = if url.starts_with('/') && !url.starts_with("//") {
        url.to_string()
    } else {
        let (host, path) = host_and_path(url)?;
        let (site_host, site_path) = host_and_path(site_url)?;
        let bare = |h: &str| h.trim_start_matches("www.").to_ascii_lowercase();
        if bare(host) != bare(site_host) {
            return None;
        }
        let path = path
            .strip_prefix(site_path.trim_end_matches('/'))
            .unwrap_or(path);
        if path.is_empty() {
            "/".to_string()
        } else {
            path.to_string()
        }
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest.as_str(), None),
    };
    let path = crate::check::percent_decode(path);
    use unicode_normalization::UnicodeNormalization;
    let path: String = path.nfc().collect();
    // `https://host//greek/` (a real export has it) is served as `/greek/`.
    let mut path = format!("/{}", path.trim_start_matches('/'));
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    Some(match query {
        Some(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path,
    })
}

/// The slug and the number an old CMS's address carries: `/tin-tuc/hoi-nghi-1024.html` →
/// (`hoi-nghi`, 1024); `/Default.aspx?tabid=56&ItemID=1024` → (``, 1024), the number of the
/// query's `id`-like key; `/2019/05/hoi-nghi/` → (`hoi-nghi`, none). The slug is made by
/// bantin's rule; dates and numbers alone are no slug.
pub fn slug_and_id(path: &str) -> (String, Option<u64>) {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let from_query = query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        let key = key.to_ascii_lowercase();
        (key == "id"
            || key.ends_with("id") && key != "tabid" && key != "catid" && key != "moduleid")
            .then(|| value.parse::<u64>().ok())
            .flatten()
    });
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let stem = last
        .rsplit_once('.')
        .filter(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "html" | "htm" | "aspx" | "asp" | "php" | "jsp"
            )
        })
        .map_or(last, |(stem, _)| stem);
    let (stem, number) = match stem.rsplit_once(['-', '_']) {
        Some((rest, n))
            if !rest.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) =>
        {
            (rest, n.parse().ok())
        }
        _ => (stem, None),
    };
    let slug = crate::locale::slugify(&crate::check::percent_decode(stem));
    let generic = [
        "default", "index", "chi-tiet", "chitiet", "detail", "news", "view",
    ];
    let slug = if slug.chars().all(|c| c.is_ascii_digit() || c == '-')
        || generic.contains(&slug.as_str())
    {
        String::new()
    } else {
        slug
    };
    let number = number.or(from_query).or_else(|| {
        stem.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| stem.parse().ok())
            .flatten()
    });
    (slug, number)
}

/// `https://host:8080/a/b?c` → (`host:8080`, `/a/b?c`).
fn host_and_path(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    Some(match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    })
}

/// Spaces, parentheses and other characters that would end a Markdown link, escaped.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

impl Links for Media {
    fn image(&mut self, url: &str) -> String {
        self.upload(url).unwrap_or_else(|| self.absolute(url))
    }

    fn link(&mut self, url: &str) -> String {
        if let Some(new) = self.upload(url) {
            return new;
        }
        if let Some(old) = self.old_path(url) {
            let key = old.split('#').next().unwrap_or(&old);
            let fragment = url.find('#').map_or("", |i| &url[i..]);
            if let Some(new) = self
                .pages
                .get(key)
                .or_else(|| self.pages.get(&format!("{}/", key.trim_end_matches('/'))))
            {
                return format!("/{new}{fragment}");
            }
            if key != "/" {
                self.old_site_links += 1;
            }
            return self.absolute(url);
        }
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_numbers_of_old_addresses() {
        for (path, slug, id) in [
            (
                "/tin-tuc/hoi-nghi-tong-ket-1024.html",
                "hoi-nghi-tong-ket",
                Some(1024),
            ),
            ("/Default.aspx?tabid=56&ItemID=1024", "", Some(1024)),
            ("/2019/05/hoi-nghi/", "hoi-nghi", None),
            ("/tin-tuc/chi-tiet/1024", "", Some(1024)),
            ("/news/view.php?id=77", "", Some(77)),
            (
                "/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B-12.htm",
                "hoi-nghi",
                Some(12),
            ),
            ("/gioi-thieu/", "gioi-thieu", None),
        ] {
            assert_eq!(slug_and_id(path), (slug.to_string(), id), "{path}");
        }
    }

    #[test]
    fn old_paths() {
        let site = "https://lhhn.example.vn";
        assert_eq!(
            old_path(site, "https://lhhn.example.vn/2019/05/27/hoi-nghi/").as_deref(),
            Some("/2019/05/27/hoi-nghi/")
        );
        assert_eq!(
            old_path(site, "http://www.lhhn.example.vn/?p=12").as_deref(),
            Some("/?p=12")
        );
        assert_eq!(
            old_path(site, "https://lhhn.example.vn").as_deref(),
            Some("/")
        );
        assert_eq!(
            old_path(site, "https://lhhn.example.vn/h%e1%bb%99i-ngh%e1%bb%8b/").as_deref(),
            Some("/hội-nghị/")
        );
        assert_eq!(old_path(site, "https://other.vn/x/"), None);
        assert_eq!(
            old_path(site, "https://lhhn.example.vn//gioi-thieu//lich-su/").as_deref(),
            Some("/gioi-thieu/lich-su/")
        );
        assert_eq!(
            old_path("https://host.vn/blog", "https://host.vn/blog/x/").as_deref(),
            Some("/x/")
        );
    }

    #[test]
    fn uploads_are_found_and_missing_ones_stay_absolute() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("2019/05")).expect("dir");
        std::fs::write(dir.path().join("2019/05/hoi nghi.jpg"), b"jpg").expect("write");
        let mut media = Media::new("https://lhhn.example.vn/", Some(dir.path()));
        media.start("content/tin-tuc/a.md");
        assert_eq!(
            media.image("https://lhhn.example.vn/wp-content/uploads/2019/05/hoi%20nghi.jpg?w=300"),
            "/images/2019/05/hoi%20nghi.jpg"
        );
        assert_eq!(
            media.image("/wp-content/uploads/2019/05/thieu.jpg"),
            "https://lhhn.example.vn/wp-content/uploads/2019/05/thieu.jpg"
        );
        assert_eq!(
            media.link("https://lhhn.example.vn/wp-content/uploads/2019/05/ke-hoach.pdf"),
            "https://lhhn.example.vn/wp-content/uploads/2019/05/ke-hoach.pdf"
        );
        assert_eq!(
            media.found["2019/05/ke-hoach.pdf"].to,
            "files/2019/05/ke-hoach.pdf"
        );
        assert!(media.found["2019/05/thieu.jpg"].from.is_none());
        assert!(media.found["2019/05/hoi nghi.jpg"].from.is_some());
        assert_eq!(
            media.image("https://cdn.other.vn/a.jpg"),
            "https://cdn.other.vn/a.jpg"
        );

        media.page("/2019/05/27/hoi-nghi/", "tin-tuc/hoi-nghi/");
        assert_eq!(
            media.link("https://lhhn.example.vn/2019/05/27/hoi-nghi/#ket-qua"),
            "/tin-tuc/hoi-nghi/#ket-qua"
        );
        assert_eq!(
            media.link("https://lhhn.example.vn/2019/05/27/hoi-nghi"),
            "/tin-tuc/hoi-nghi/"
        );
        assert_eq!(
            media.link("https://lhhn.example.vn/lost/"),
            "https://lhhn.example.vn/lost/"
        );
        assert_eq!(media.old_site_links, 1);
    }
}
