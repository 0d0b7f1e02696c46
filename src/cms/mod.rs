//! Takes the site's settings (`Config`, its `[cms]` block) and the province registry, and gives
//! the browser CMS at `admin/`: Decap CMS's configuration (`admin/config.yml`), its page
//! (`admin/index.html`), bantin's additions to it (`admin/bantin.js`) and Decap's own script
//! (`decap`). Made anew at every build, so the CMS's lists (provinces, categories) and fields
//! never drift from what bantin reads.
//!
//! Two kinds of `admin/`:
//! - **published** (`bantin build`, only with `[cms]` in site.toml): the backend is the Git host
//!   `[cms]` names and editors log in with it; the editorial workflow (draft → in review →
//!   ready) is the board's approval step where the host has it.
//! - **preview** (`bantin serve`, always): the backend is `proxy` at [`PREVIEW_API`], which
//!   `bantin serve` answers by writing the site's own files; simple publishing only (drafts
//!   are bantin's `draft: true`), as Decap's local server has it.
//!
//! Whoever answers the preview's API lists a folder collection's entries: for `tin-tuc`, every
//! `.md` below `content/tin-tuc/` (bantin reads any subfolder; the CMS asks with depth 1,
//! since new articles go straight into the folder as `bantin new` writes them); for `trang`,
//! only the `.md` files directly in `content/`.

pub mod decap;
mod yaml;

use chrono::NaiveDate;

use crate::config::{CmsBackend, CmsSettings, Config};
use crate::msg;
use crate::output::Output;
use crate::problem::Problem;
use crate::provinces::{Province, Provinces};
use yaml::{Node, map};

/// The folder of the CMS in the output, below the site's base path.
pub const ADMIN: &str = "admin/";
/// The address of the local backend's API that the preview's CMS talks to: absolute, beside
/// the preview's other addresses (`/__bantin/version`), whatever the site's base path.
pub const PREVIEW_API: &str = "/__bantin/api/v1";
/// The files bantin writes itself, beside Decap's script.
pub const CONFIG_FILE: &str = "admin/config.yml";
pub const INDEX_FILE: &str = "admin/index.html";
pub const SCRIPT_FILE: &str = "admin/bantin.js";
/// The collection of news articles and the folder it edits.
pub const ARTICLES: &str = "tin-tuc";
pub const ARTICLES_FOLDER: &str = "content/tin-tuc";
/// The collection of photo albums and the folder it edits (any subfolder, like articles).
pub const ALBUMS: &str = "thu-vien-anh";
pub const ALBUMS_FOLDER: &str = "content/thu-vien-anh";
/// The collection of documents (văn bản) and the folder it edits (any subfolder, like articles).
pub const DOCUMENTS: &str = "van-ban";
pub const DOCUMENTS_FOLDER: &str = "content/van-ban";
/// Where the documents' files go (by the year of the configuration), below the site folder.
pub const DOCUMENT_FILES_FOLDER: &str = "static/van-ban";
/// How a document's dates are written: the day alone.
pub const DAY_FORMAT: &str = "DD/MM/YYYY";
/// The collection of standalone pages (`content/*.md`).
pub const PAGES: &str = "trang";
pub const PAGES_FOLDER: &str = "content";
/// How dates are written: the form `bantin new` writes (`27/05/2024 08:30`), in Decap's
/// (dayjs's) notation.
pub const DATE_FORMAT: &str = "DD/MM/YYYY HH:mm";

const BANTIN_JS: &str = include_str!("bantin.js");

/// Which `admin/` a build makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// For publication: only with `[cms]`, on the Git host it names.
    #[default]
    Publish,
    /// For `bantin serve`: always, on the preview's local API.
    Preview,
}

/// Whether a build in `mode` of a site with these settings has an `admin/`.
pub fn wanted(config: &Config, mode: Mode) -> bool {
    mode == Mode::Preview || config.cms.is_some()
}

/// The files bantin writes into `admin/` (not Decap's script): the configuration, the page and
/// bantin's script. `year` is the year uploads go into (`static/images/<year>/`): the build's.
pub fn generated(config: &Config, provinces: &Provinces, mode: Mode, year: i32) -> Vec<Output> {
    let file = |path: &str, text: String| Output {
        path: path.to_string(),
        bytes: text.into_bytes().into(),
    };
    vec![
        file(CONFIG_FILE, config_yml(config, provinces, mode, year)),
        file(INDEX_FILE, index_html(config)),
        file(SCRIPT_FILE, BANTIN_JS.to_string()),
    ]
}

/// The whole `admin/` of a build: bantin's files and Decap's script (from `cache`), or the
/// problem that kept the script away — an error for the published site (its /admin/ would be
/// blank), a warning for the preview (the rest of it works). `given` is the tarball
/// `BANTIN_DECAP_TARBALL` names.
pub fn admin(
    config: &Config,
    provinces: &Provinces,
    mode: Mode,
    year: i32,
    cache: &mut decap::Cache,
    given: Option<&std::path::Path>,
) -> (Vec<Output>, Option<Problem>) {
    if !wanted(config, mode) {
        return (Vec::new(), None);
    }
    let mut files = generated(config, provinces, mode, year);
    match cache.script(&config.root, given) {
        Ok(script) => {
            files.extend(script.iter().cloned());
            (files, None)
        }
        Err(e) => {
            let problem = match mode {
                Mode::Publish => Problem::error("cms::script", e.message()),
                Mode::Preview => Problem::warning("cms::script", e.message()),
            };
            let problem = match (mode, config.value_span(&["cms", "backend"])) {
                (Mode::Publish, Some(span)) => problem
                    .at(&config.source, span)
                    .label(msg!("cms-script-label")),
                (Mode::Publish, None) => problem.in_file(crate::config::CONFIG_FILE),
                (Mode::Preview, _) => problem,
            };
            // Without the script the preview's page would be blank: it is left out.
            (Vec::new(), Some(problem.help(e.help())))
        }
    }
}

/// `admin/index.html`: loads Decap's script, then bantin's. No inline script (a content
/// security policy may forbid them) and no `cms-config-url` link (not an HTML keyword): Decap
/// loads `config.yml` next to the page by itself.
pub fn index_html(config: &Config) -> String {
    let title = crate::markdown::escape_html(&config.title);
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>Quản trị nội dung – {title}</title>\n</head>\n<body>\n\
         <noscript>Trang quản trị nội dung cần JavaScript: hãy bật JavaScript trong trình duyệt \
         rồi tải lại trang.</noscript>\n\
         <script src=\"{}\"></script>\n<script src=\"bantin.js\"></script>\n</body>\n</html>\n",
        decap::MAIN_SCRIPT
    )
}

/// `admin/config.yml`.
pub fn config_yml(config: &Config, provinces: &Provinces, mode: Mode, year: i32) -> String {
    let mut root = map([("backend", backend(config.cms.as_ref(), mode))]);
    if mode == Mode::Publish && config.cms.as_ref().is_some_and(|c| c.editorial_workflow) {
        root.push("publish_mode", "editorial_workflow");
    }
    root.push("locale", "vi");
    if !config.base_url.is_empty() {
        root.push("site_url", config.base_url.as_str());
        root.push("display_url", config.base_url.as_str());
    }
    root.push("media_folder", format!("static/images/{year}"));
    root.push("public_folder", format!("/images/{year}"));
    root.push(
        "slug",
        map([
            ("encoding", "ascii".into()),
            ("clean_accents", true.into()),
            ("sanitize_replacement", "-".into()),
        ]),
    );
    root.push(
        "collections",
        Node::List(vec![
            articles(config, provinces),
            albums(config, provinces),
            documents(year),
            pages(),
        ]),
    );
    format!(
        "# Made by bantin from site.toml and its province list at every build: change site.toml,\n\
         # not this file. Decap CMS {} reads it (https://decapcms.org/docs/configuration-options/).\n{}",
        decap::VERSION,
        root.to_yaml()
    )
}

/// The `backend` block: the preview's local API, or the Git host of `[cms]`.
fn backend(cms: Option<&CmsSettings>, mode: Mode) -> Node {
    let branch = cms.map_or("main", |c| c.branch.as_str());
    let Some(cms) = cms.filter(|_| mode == Mode::Publish) else {
        return map([
            ("name", "proxy".into()),
            ("proxy_url", PREVIEW_API.into()),
            ("branch", branch.into()),
        ]);
    };
    let mut node = map([
        ("name", cms.backend.name().into()),
        ("repo", cms.repo.as_str().into()),
        ("branch", branch.into()),
    ]);
    let api_root = cms.api_root.clone().or_else(|| {
        // A Gitea server's API, and a GitLab server's when editors log in to it directly.
        let server = cms.base_url.as_deref()?;
        match cms.backend {
            CmsBackend::Gitea => Some(format!("{server}/api/v1")),
            CmsBackend::GitLab if cms.app_id.is_some() => Some(format!("{server}/api/v4")),
            _ => None,
        }
    });
    if let Some(api_root) = api_root {
        node.push("api_root", api_root);
    }
    if let Some(base_url) = &cms.base_url {
        node.push("base_url", base_url.as_str());
    }
    if let Some(endpoint) = &cms.auth_endpoint {
        node.push("auth_endpoint", endpoint.as_str());
    }
    if let Some(app_id) = &cms.app_id {
        if cms.backend == CmsBackend::GitLab {
            // An application id on GitLab means its own login, without a server of ours.
            node.push("auth_type", "pkce");
        }
        node.push("app_id", app_id.as_str());
    }
    node
}

/// A field of the CMS's form.
fn field(name: &'static str, label: &str, widget: &str, required: bool) -> Node {
    let mut node = map([
        ("name", name.into()),
        ("label", label.into()),
        ("widget", widget.into()),
    ]);
    if !required {
        node.push("required", false);
    }
    node
}

fn with_hint(mut node: Node, hint: &str) -> Node {
    node.push("hint", hint);
    node
}

fn datetime(name: &'static str, label: &str, required: bool) -> Node {
    let mut node = field(name, label, "datetime", required);
    node.push("format", DATE_FORMAT);
    node
}

/// The province select of articles and albums: the site's own province by default.
fn province_field(config: &Config, provinces: &Provinces, required: bool) -> Node {
    let mut province = field("province", "Tỉnh, thành phố", "select", required);
    province.push("options", Node::List(province_options(provinces)));
    if let Some(own) = config.province {
        province.push("default", provinces.get(own).display_name());
    }
    with_hint(
        province,
        "Gõ vài chữ để tìm. Tin trước ngày 01/07/2025 vẫn chọn được tỉnh cũ.",
    )
}

/// Photo albums ("Thư viện ảnh"): `content/thu-vien-anh/<slug>.md`, an index of a folder of
/// photos under `static/` and of the photos listed with their descriptions.
fn albums(config: &Config, provinces: &Provinces) -> Node {
    let mut date = datetime("date", "Ngày", true);
    date.push("default", "{{now}}");
    let photos = {
        let mut node = field("photos", "Các ảnh", "list", false);
        node.push("summary", "{{fields.alt}}");
        node.push(
            "fields",
            Node::List(vec![
                with_hint(
                    field("src", "Ảnh", "image", false),
                    "Chọn hoặc tải ảnh lên. Ảnh tải lên được lưu vào thư mục static/images/ của năm nay.",
                ),
                with_hint(
                    field("alt", "Mô tả ảnh", "string", false),
                    "Tả ngắn gọn ảnh cho người không xem được ảnh. Để trống thì dùng chú thích.",
                ),
                field("caption", "Chú thích ảnh", "string", false),
            ]),
        );
        with_hint(
            node,
            "Các ảnh ghi ở đây hiện trước, theo thứ tự này. Mỗi ảnh cần mô tả hoặc chú thích.",
        )
    };
    let fields = vec![
        field("title", "Tiêu đề", "string", true),
        date,
        province_field(config, provinces, false),
        with_hint(
            field("tags", "Từ khóa (tag)", "list", false),
            "Ngăn cách các từ khóa bằng dấu phẩy.",
        ),
        with_hint(
            field("summary", "Tóm tắt", "text", false),
            "Để trống thì trang dùng đoạn đầu của phần giới thiệu.",
        ),
        with_hint(
            field("folder", "Thư mục ảnh", "string", false),
            "Thư mục trong static/ chứa ảnh của thư viện, ví dụ /images/albums/2025/giao-luu/. Mọi ảnh trong thư mục đều được đưa vào thư viện; ảnh nào chưa có trong danh sách dưới đây thì cần ghi thêm vào để có mô tả.",
        ),
        photos,
        with_hint(
            field("cover", "Ảnh bìa", "string", false),
            "Ghi giống ô Ảnh của một ảnh trong danh sách. Để trống thì dùng ảnh đầu tiên.",
        ),
        with_hint(
            field("draft", "Bản nháp", "boolean", false),
            "Bật lên thì thư viện ảnh chưa được đăng lên trang.",
        ),
        with_hint(
            field("body", "Giới thiệu", "markdown", false),
            "Vài dòng giới thiệu thư viện ảnh.",
        ),
    ];
    map([
        ("name", ALBUMS.into()),
        ("label", "Thư viện ảnh".into()),
        ("label_singular", "Thư viện ảnh".into()),
        ("folder", ALBUMS_FOLDER.into()),
        ("create", true.into()),
        ("extension", "md".into()),
        ("format", "yaml-frontmatter".into()),
        ("slug", "{{slug}}".into()),
        ("identifier_field", "title".into()),
        ("summary", "{{title}}".into()),
        ("fields", Node::List(fields)),
    ])
}

/// A day without a time of day (`issued`, `effective`).
fn day(name: &'static str, label: &str, required: bool) -> Node {
    let mut node = field(name, label, "datetime", required);
    node.push("format", DAY_FORMAT);
    node.push("date_format", DAY_FORMAT);
    node.push("time_format", false);
    node
}

/// A select of `(label, value)` options.
fn choice(name: &'static str, label: &str, options: &[(&str, &str)], default: &str) -> Node {
    let mut node = field(name, label, "select", false);
    node.push(
        "options",
        Node::List(
            options
                .iter()
                .map(|(label, value)| map([("label", (*label).into()), ("value", (*value).into())]))
                .collect(),
        ),
    );
    node.push("default", default);
    node
}

/// Documents ("Văn bản"): `content/van-ban/<name>.md`, a decree, directive, plan… with its
/// number, issuer, dates, status and files to download. The files go into
/// `static/van-ban/<year>/` (the year of the build that made the configuration, as photos: Decap
/// cannot read the `issued:` day to file them by the document's year), where the preview's local
/// backend accepts them, and are written as `/van-ban/<year>/…`, the path bantin reads.
fn documents(year: i32) -> Node {
    use crate::content::{DOCUMENT_KINDS, Level, Status};
    let mut kind = field("kind", "Loại văn bản", "select", true);
    kind.push(
        "options",
        Node::List(
            DOCUMENT_KINDS
                .iter()
                .map(|(name, _)| (*name).into())
                .collect(),
        ),
    );
    let level_labels = ["Trung ương", "Tỉnh", "Liên hiệp (đơn vị mình)"];
    let levels: Vec<(&str, &str)> = level_labels
        .iter()
        .copied()
        .zip(Level::ACCEPTED.iter().copied())
        .collect();
    let status_labels = ["Còn hiệu lực", "Đã được sửa đổi, bổ sung", "Hết hiệu lực"];
    let statuses: Vec<(&str, &str)> = status_labels
        .iter()
        .copied()
        .zip(Status::ACCEPTED.iter().copied())
        .collect();
    let mut level = choice("level", "Cấp ban hành", &levels, Level::ACCEPTED[0]);
    level = with_hint(
        level,
        "Văn bản của Trung ương, của tỉnh, hay của chính Liên hiệp.",
    );
    let files = {
        let mut node = field("files", "Tệp đính kèm", "list", false);
        node.push("summary", "{{fields.title}}");
        node.push(
            "fields",
            Node::List(vec![
                {
                    let mut src = with_hint(
                        field("src", "Tệp", "file", true),
                        "Chọn hoặc tải lên tệp PDF, DOCX, DOC, XLSX, ODT… của văn bản (tối đa 20 MB).",
                    );
                    // Absolute (a leading `/`): from the site folder, not the entry's.
                    src.push("media_folder", format!("/{}/{year}", DOCUMENT_FILES_FOLDER));
                    src.push("public_folder", format!("/van-ban/{year}"));
                    src
                },
                with_hint(
                    field("title", "Tên tệp", "string", false),
                    "Ví dụ: Toàn văn (PDF). Để trống thì dùng tên tệp.",
                ),
            ]),
        );
        node
    };
    let fields = vec![
        with_hint(
            field("number", "Số hiệu", "string", true),
            "Ghi đúng như trên văn bản, ví dụ 80/2020/NĐ-CP, 38-CT/TW, 1970/KH-UBND.",
        ),
        kind,
        with_hint(
            field("issuer", "Cơ quan ban hành", "string", true),
            "Ví dụ: Chính phủ, Ban Bí thư, UBND tỉnh An Giang.",
        ),
        level,
        day("issued", "Ngày ban hành", true),
        with_hint(
            day("effective", "Ngày hiệu lực", false),
            "Để trống nếu không rõ.",
        ),
        field("signer", "Người ký", "string", false),
        with_hint(
            field("summary", "Trích yếu", "text", true),
            "Nội dung chính của văn bản trong một câu, như dòng trích yếu trên văn bản.",
        ),
        choice("status", "Tình trạng", &statuses, Status::ACCEPTED[0]),
        with_hint(
            field("replaced_by", "Được thay thế bởi", "string", false),
            "Số hiệu của văn bản thay thế, ví dụ 147/2024/NĐ-CP.",
        ),
        with_hint(
            field("amended_by", "Được sửa đổi bởi", "string", false),
            "Số hiệu của văn bản sửa đổi, bổ sung.",
        ),
        files,
        with_hint(
            field("link", "Đường dẫn văn bản gốc", "string", false),
            "Địa chỉ văn bản trên trang chính thức, ví dụ trên vanban.chinhphu.vn.",
        ),
        with_hint(
            field("tags", "Từ khóa (tag)", "list", false),
            "Ngăn cách các từ khóa bằng dấu phẩy.",
        ),
        with_hint(
            field("draft", "Bản nháp", "boolean", false),
            "Bật lên thì văn bản chưa được đăng lên trang.",
        ),
        with_hint(
            field("body", "Ghi chú", "markdown", false),
            "Ghi chú thêm về văn bản (không bắt buộc).",
        ),
    ];
    map([
        ("name", DOCUMENTS.into()),
        ("label", "Văn bản".into()),
        ("label_singular", "Văn bản".into()),
        ("folder", DOCUMENTS_FOLDER.into()),
        ("create", true.into()),
        ("extension", "md".into()),
        ("format", "yaml-frontmatter".into()),
        ("slug", "{{slug}}".into()),
        ("identifier_field", "number".into()),
        ("summary", "{{kind}} {{number}}: {{summary}}".into()),
        ("fields", Node::List(fields)),
    ])
}

/// News articles, as `bantin new` writes them: `content/tin-tuc/<slug>.md`.
fn articles(config: &Config, provinces: &Provinces) -> Node {
    let mut date = datetime("date", "Ngày đăng", true);
    date.push("default", "{{now}}");
    let date = with_hint(
        date,
        "Ngày giờ đăng bài. Bài có ngày giờ trong tương lai được đăng tự động sau thời điểm đó.",
    );
    let province = province_field(config, provinces, config.province.is_none());
    let category = if config.categories.is_empty() {
        field("category", "Chuyên mục", "string", false)
    } else {
        let mut node = field("category", "Chuyên mục", "select", false);
        node.push(
            "options",
            Node::List(
                config
                    .categories
                    .iter()
                    .map(|c| Node::from(c.as_str()))
                    .collect(),
            ),
        );
        node
    };
    let image = {
        // All three optional: Decap cannot save an optional object with required parts
        // (decaporg/decap-cms#7748); bantin's build reports a photo without its description.
        let mut node = field("image", "Ảnh đầu bài", "object", false);
        node.push("collapsed", false);
        node.push(
            "fields",
            Node::List(vec![
                with_hint(
                    field("src", "Ảnh", "image", false),
                    "Ảnh được lưu vào thư mục static/images/ của năm nay.",
                ),
                with_hint(
                    field("alt", "Mô tả ảnh", "string", false),
                    "Bắt buộc khi có ảnh: tả ngắn gọn ảnh cho người không xem được ảnh.",
                ),
                field("caption", "Chú thích ảnh", "string", false),
                with_hint(
                    field("focus", "Điểm giữ lại khi cắt ảnh chia sẻ", "string", false),
                    "Không bắt buộc. Ảnh chia sẻ lên Facebook, Zalo được cắt theo khổ ngang: \
                     viết hai tỉ lệ tính từ trái và từ trên xuống, ví dụ 50% 30%, hoặc \
                     giữa, trên, dưới, trái, phải.",
                ),
            ]),
        );
        node
    };
    let source = {
        let mut node = field("source", "Nguồn tin (bài đăng lại)", "object", false);
        node.push("collapsed", true);
        node.push(
            "fields",
            Node::List(vec![
                with_hint(
                    field("name", "Tên nguồn", "string", false),
                    "Ví dụ: Thời Đại. Để trống nếu là bài của mình.",
                ),
                field("url", "Địa chỉ bài gốc", "string", false),
                field("author", "Tác giả bài gốc", "string", false),
                datetime("published", "Thời gian đăng bài gốc", false),
            ]),
        );
        node
    };
    let fields = vec![
        field("title", "Tiêu đề", "string", true),
        date,
        province,
        category,
        with_hint(
            field("tags", "Từ khóa (tag)", "list", false),
            "Ngăn cách các từ khóa bằng dấu phẩy.",
        ),
        with_hint(
            field("summary", "Tóm tắt (sapo)", "text", false),
            "Để trống thì trang dùng đoạn đầu của bài.",
        ),
        image,
        field("author", "Tác giả, bút danh", "string", false),
        source,
        with_hint(
            field("featured", "Tin nổi bật", "boolean", false),
            "Hiện bài trong khối tin nổi bật ở trang chủ.",
        ),
        with_hint(
            field("draft", "Bản nháp", "boolean", false),
            "Bật lên thì bài chưa được đăng lên trang.",
        ),
        datetime("updated", "Ngày cập nhật", false),
        with_hint(
            datetime("expires", "Gỡ bài lúc", false),
            "Bài được gỡ khỏi trang từ thời điểm này.",
        ),
        field("body", "Nội dung", "markdown", true),
    ];
    map([
        ("name", ARTICLES.into()),
        ("label", "Tin tức".into()),
        ("label_singular", "Bài viết".into()),
        ("folder", ARTICLES_FOLDER.into()),
        ("create", true.into()),
        ("extension", "md".into()),
        ("format", "yaml-frontmatter".into()),
        ("slug", "{{slug}}".into()),
        ("identifier_field", "title".into()),
        ("summary", "{{title}}".into()),
        (
            "view_groups",
            Node::List(vec![map([
                ("label", "Tỉnh, thành phố".into()),
                ("field", "province".into()),
            ])]),
        ),
        ("fields", Node::List(fields)),
    ])
}

/// Standalone pages: `content/<slug>.md` (Giới thiệu, Liên hệ).
fn pages() -> Node {
    map([
        ("name", PAGES.into()),
        ("label", "Trang riêng".into()),
        ("label_singular", "Trang".into()),
        ("folder", PAGES_FOLDER.into()),
        ("create", true.into()),
        ("extension", "md".into()),
        ("format", "yaml-frontmatter".into()),
        ("slug", "{{slug}}".into()),
        ("identifier_field", "title".into()),
        (
            "fields",
            Node::List(vec![
                field("title", "Tiêu đề", "string", true),
                with_hint(
                    field("summary", "Tóm tắt", "text", false),
                    "Dùng làm mô tả của trang khi chia sẻ lên mạng xã hội.",
                ),
                datetime("updated", "Ngày cập nhật", false),
                with_hint(
                    field("draft", "Bản nháp", "boolean", false),
                    "Bật lên thì trang chưa được đăng.",
                ),
                field("body", "Nội dung", "markdown", true),
            ]),
        ),
    ])
}

/// The province select's options: the 34 units in force, then the former ones with where they
/// went and since when. The value is the name bantin reads; a former unit whose name its
/// successor kept (An Giang before 2025) has no option of its own, since that name is the
/// current unit's.
fn province_options(provinces: &Provinces) -> Vec<Node> {
    let option =
        |label: String, value: &str| map([("label", label.into()), ("value", value.into())]);
    let mut options: Vec<Node> = provinces
        .current()
        .map(|p| option(p.display_name().to_string(), p.display_name()))
        .collect();
    for former in provinces.former() {
        let taken = provinces
            .lookup(former.display_name())
            .is_ok_and(|p| p.id() != former.id());
        if taken {
            continue;
        }
        options.push(option(
            former_label(provinces, former),
            former.display_name(),
        ));
    }
    options
}

/// "Bạc Liêu (nay thuộc Cà Mau từ 01/07/2025)", "Thừa Thiên Huế (nay là Huế từ 01/01/2025)".
fn former_label(provinces: &Provinces, former: &Province) -> String {
    let since = former
        .valid_until()
        .and_then(|d| d.succ_opt())
        .map(|d: NaiveDate| d.format("%d/%m/%Y").to_string());
    let name = former.display_name();
    match (former.merged_into(), former.renamed_to(), since) {
        (Some(to), _, Some(since)) => format!(
            "{name} (nay thuộc {} từ {since})",
            provinces.get(to).display_name()
        ),
        (None, Some(to), Some(since)) => format!(
            "{name} (nay là {} từ {since})",
            provinces.get(to).display_name()
        ),
        _ => format!("{name} (tỉnh cũ)"),
    }
}

#[cfg(test)]
mod tests;
