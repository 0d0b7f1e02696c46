//! `bantin import feed`, as the technician of a union on a provincial CMS runs it: takes
//! bantin's own saved feeds (tests/fixtures/feeds: an RSS 2.0 feed with full text, an Atom feed
//! that repeats one article, has one in XHTML and one without a date), the old site's files
//! served by a real HTTP server on 127.0.0.1, and gives proof that the items become articles
//! with their old `.html` and `Default.aspx?…` addresses kept, that photos are fetched once
//! (`--fetch-media`) or copied from a folder, and that the site passes the checks.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::import::{assert_site_passes_the_checks, body, build, front_matter, new_site, read};
use crate::support::{self, Outcome, TempSite, Tree, bantin};

fn fixture(name: &str) -> PathBuf {
    support::repo().join("tests/fixtures/feeds").join(name)
}

/// The two feeds, copied beside the site with the old site's address replaced by `origin`
/// (a local server), and the run of `bantin import feed` on them from inside the site.
fn import(site: &TempSite, origin: &str, more: &[&str]) -> Outcome {
    let mut args = vec!["import".to_string(), "feed".to_string()];
    for name in ["tin-tuc.rss", "hoat-dong.atom"] {
        let text = fs::read_to_string(fixture(name)).expect("fixture");
        let path = site.sibling(name);
        support::write(
            &path,
            text.replace("https://lhhn-travinh.example.vn", origin),
        );
        args.push(format!("../{name}"));
    }
    args.extend(["--province".to_string(), "Trà Vinh".to_string()]);
    args.extend(more.iter().map(|s| s.to_string()));
    bantin(&site.root, args)
}

/// The old portal's files on a real HTTP server at 127.0.0.1: its document root is `root`;
/// counts the requests.
fn old_portal(root: &Path) -> (String, Arc<AtomicUsize>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a port");
    let port = server.server_addr().to_ip().expect("an IP address").port();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            counter.fetch_add(1, Ordering::SeqCst);
            let path = request
                .url()
                .split('?')
                .next()
                .unwrap_or("")
                .trim_start_matches('/');
            let response = match fs::read(root.join(path)) {
                Ok(bytes) => tiny_http::Response::from_data(bytes).with_status_code(200),
                Err(_) => {
                    tiny_http::Response::from_data(b"khong co".to_vec()).with_status_code(404)
                }
            };
            let _ = request.respond(response);
        }
    });
    (format!("http://127.0.0.1:{port}"), requests)
}

/// The old portal's document root: the photo and the report the articles use.
fn old_files(site: &TempSite) -> PathBuf {
    let root = site.sibling("old-portal");
    fs::create_dir_all(root.join("Uploads/images/2020/05")).expect("folder");
    fs::create_dir_all(root.join("Uploads/files")).expect("folder");
    fs::copy(
        support::repo().join("static/images/2023/giao-luu-viet-nhat.jpg"),
        root.join("Uploads/images/2020/05/hoi-nghi-vien-tro.jpg"),
    )
    .expect("a photo");
    support::write(
        &root.join("Uploads/files/bao-cao-vien-tro-2019.pdf"),
        "%PDF-1.4\n%%EOF\n",
    );
    root
}

#[test]
fn feeds_become_articles_with_their_old_addresses_and_fetched_photos() {
    let site = new_site();
    let (origin, requests) = old_portal(&old_files(&site));
    let run = import(&site, &origin, &["--fetch-media"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("2 feeds (Atom, RSS), 5 items"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("imported: 3 articles"),
        "an article in both feeds is imported once: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 × no date"),
        "the Atom entry without a date: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("fetched from the old site: 2"),
        "{}",
        run.stdout
    );

    let hoi_nghi = read(&site, "content/tin-tuc/2020/hoi-nghi-tong-ket-vien-tro.md");
    let head = front_matter(&hoi_nghi);
    for line in [
        "date: 27/05/2020 08:30\n",
        "id: 1024\n",
        "province: \"Trà Vinh\"\n",
        "category: \"Tin hoạt động\"\n",
        "tags: [\"Viện trợ phi chính phủ\"]\n",
        "summary: \"Năm 2019, tỉnh tiếp nhận 45 chương trình, dự án viện trợ phi chính phủ nước ngoài.\"\n",
        "author: \"T.H\"\n",
        "  src: \"/images/Uploads/images/2020/05/hoi-nghi-vien-tro.jpg\"\n",
        "aliases: [\"/tin-tuc/hoi-nghi-tong-ket-vien-tro-1024.html\", \"/Default.aspx?tabid=56&ItemID=1024\"]\n",
    ] {
        assert!(head.contains(line), "{line:?} missing:\n{head}");
    }
    let text = body(&hoi_nghi);
    assert!(
        text.contains("![Quang cảnh hội nghị](/images/Uploads/images/2020/05/hoi-nghi-vien-tro.jpg \"Quang cảnh hội nghị\")"),
        "the photo over its italic caption is a figure: {text}"
    );
    assert!(
        text.contains("[báo cáo](/files/Uploads/files/bao-cao-vien-tro-2019.pdf)"),
        "{text}"
    );
    assert!(!text.contains("T.H") && !text.contains("style="), "{text}");
    assert!(
        site.root
            .join("static/images/Uploads/images/2020/05/hoi-nghi-vien-tro.jpg")
            .is_file()
    );
    assert_eq!(
        support::read(&site.root.join(".bantin-cache/.gitignore")),
        "*\n",
        "what was fetched is never committed"
    );

    let giao_luu = read(&site, "content/tin-tuc/2020/giao-luu-huu-nghi.md");
    assert!(
        front_matter(&giao_luu).contains("source: \"Báo Trà Vinh\"\n"),
        "{giao_luu}"
    );
    assert!(
        body(&giao_luu).contains("Hai bên trao đổi"),
        "the fuller text of the two feeds: {giao_luu}"
    );

    let hoc_bong = read(
        &site,
        "content/tin-tuc/2020/trao-hoc-bong-tiep-suc-den-truong-nam-hoc-2020-2021.md",
    );
    let head = front_matter(&hoc_bong);
    assert!(
        head.contains("title: \"Trao học bổng “Tiếp sức đến trường” năm học 2020 – 2021\"\n"),
        "{head}"
    );
    assert!(
        head.contains("id: 1040\n") && head.contains("author: \"Minh Thư\"\n"),
        "{head}"
    );
    assert!(
        head.contains("aliases: [\"/Default.aspx?tabid=56&ItemID=1040\"]\n"),
        "{head}"
    );
    assert!(
        body(&hoc_bong).contains("- Huyện Trà Cú: 25 suất;"),
        "{hoc_bong}"
    );

    // A second run fetches nothing (the cache) and writes nothing.
    let fetched = requests.load(Ordering::SeqCst);
    let before = Tree::of(&site.root);
    let again = import(&site, &origin, &["--fetch-media"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
    assert_eq!(
        requests.load(Ordering::SeqCst),
        fetched,
        "nothing fetched twice"
    );
    Tree::of(&site.root).assert_same(&before, "a second run");

    let (built, out) = build(&site);
    assert_eq!(built.code, 0, "{}", built.transcript());
    assert_site_passes_the_checks(&out, crate::import::BASE_URL);
    let map = support::read(&out.join("redirects.json"));
    assert!(
        map.contains("\"/Default.aspx?tabid=56&ItemID=1024\""),
        "{map}"
    );
    let old = out.join("tin-tuc/hoi-nghi-tong-ket-vien-tro-1024.html");
    assert!(
        support::read(&old).contains("/tin-tuc/hoi-nghi-tong-ket-vien-tro/"),
        "the old .html address redirects"
    );

    let list = site.sibling("dia-chi-cu.txt");
    support::write(
        &list,
        "https://lhhn-travinh.example.vn/tin-tuc/hoi-nghi-tong-ket-vien-tro-1024.html\n\
         https://lhhn-travinh.example.vn/Default.aspx?tabid=56&ItemID=1024\n\
         /Default.aspx?tabid=56&ItemID=1040\n\
         /tin-tuc/giao-luu-huu-nghi-1031.html\n\
         /tin-tuc/thong-bao-lich-tiep-1050.html\n",
    );
    let check = bantin(&site.root, ["check", "--old-urls", "../dia-chi-cu.txt"]);
    assert!(
        check
            .stderr
            .contains("checked 5 old addresses: 4 kept, 1 would be lost")
            && check.stderr.contains("dia-chi-cu.txt:5:"),
        "the undated item was not imported, and is the one lost: {}",
        check.transcript()
    );

    let ended = crate::redirects::opened(&out, "/", &["/Default.aspx?tabid=56&ItemID=1040"]);
    assert_eq!(
        ended[0].1, "/tin-tuc/trao-hoc-bong-tiep-suc-den-truong-nam-hoc-2020-2021/",
        "in Chromium"
    );
}

#[test]
fn without_fetching_photos_come_from_a_folder_or_keep_their_address() {
    let site = new_site();
    let root = old_files(&site);
    let dry = import(
        &site,
        "https://lhhn-travinh.example.vn",
        &["--dry-run", "--fetch-media", "--media", "../old-portal"],
    );
    assert_eq!(dry.code, 0, "{}", dry.transcript());
    assert!(
        !site.root.join(".bantin-cache").exists(),
        "a dry run fetches nothing into the site"
    );
    fs::remove_file(root.join("Uploads/files/bao-cao-vien-tro-2019.pdf")).expect("remove");
    let run = import(
        &site,
        "https://lhhn-travinh.example.vn",
        &["--media", "../old-portal"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("media: 1 copied, 0 unchanged, 0 kept, 1 missing"),
        "{}",
        run.stdout
    );
    let text = read(&site, "content/tin-tuc/2020/hoi-nghi-tong-ket-vien-tro.md");
    assert!(
        text.contains("](https://lhhn-travinh.example.vn/Uploads/files/bao-cao-vien-tro-2019.pdf)"),
        "{text}"
    );
    assert!(
        text.contains("/images/Uploads/images/2020/05/hoi-nghi-vien-tro.jpg"),
        "{text}"
    );
}

#[test]
fn what_is_not_a_feed_is_refused_at_its_line() {
    let site = new_site();
    let before = Tree::of(&site.root);
    let bad = site.sibling("trang.xml");
    support::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<html>\n<body>Trang chủ</body>\n</html>\n",
    );
    let run = bantin(&site.root, ["import", "feed", "../trang.xml"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains("not an RSS or Atom feed") && run.stderr.contains("trang.xml:2:1"),
        "{}",
        run.stderr
    );
    Tree::of(&site.root).assert_same(&before, "a refused feed");
}
