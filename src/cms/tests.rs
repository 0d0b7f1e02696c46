//! The generated `admin/config.yml`, read back as Decap reads it (YAML), and site.toml's `[cms]`.

use std::path::Path;

use saphyr::{LoadableYamlNode, Yaml};

use super::*;
use crate::config::Overrides;
use crate::messages::Lang;
use crate::problem::SourceFile;

const ORG: &str = "[organization]\nname = \"Liên hiệp\"\nparent = \"UBMTTQ\"\naddress = \"1 Đường A\"\nphone = \"0297 000 000\"\nemail = \"a@example.vn\"\neditor = \"Nguyễn Văn A\"\n";

/// A site.toml with `top` settings and `tables` (`[cms]` …) after the organization.
fn site(top: &str, tables: &str) -> Config {
    let text = format!(
        "title = \"Liên hiệp <An Giang>\"\nbase_url = \"https://lh.example/cong/\"\n{top}\n{ORG}{tables}"
    );
    let (config, problems) = Config::understand(
        Path::new("/site"),
        SourceFile::new("site.toml", text),
        &Overrides::default(),
        Provinces::builtin(),
    );
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.one_line(Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    config
}

fn yml(config: &Config, mode: Mode) -> Yaml<'static> {
    let text = config_yml(config, Provinces::builtin(), mode, 2026);
    let mut docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(docs.len(), 1, "{text}");
    docs.remove(0)
}

fn text<'a>(node: &'a Yaml<'_>) -> &'a str {
    node.as_str()
        .unwrap_or_else(|| panic!("not text: {node:?}"))
}

fn list<'a, 'b>(node: &'a Yaml<'b>) -> &'a [Yaml<'b>] {
    node.as_vec()
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("not a list: {node:?}"))
}

fn collection<'a, 'b>(doc: &'a Yaml<'b>, name: &str) -> &'a Yaml<'b> {
    list(&doc["collections"])
        .iter()
        .find(|c| c["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no collection {name}"))
}

fn field<'a, 'b>(parent: &'a Yaml<'b>, name: &str) -> &'a Yaml<'b> {
    list(&parent["fields"])
        .iter()
        .find(|f| f["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// Whether a mapping lacks `key`.
fn absent(node: &Yaml<'_>, key: &str) -> bool {
    let map = node
        .as_mapping()
        .unwrap_or_else(|| panic!("not a mapping: {node:?}"));
    !map.keys().any(|k| k.as_str() == Some(key))
}

fn names(parent: &Yaml<'_>) -> Vec<String> {
    list(&parent["fields"])
        .iter()
        .map(|f| text(&f["name"]).to_string())
        .collect()
}

const GITHUB: &str = "[cms]\nbackend = \"github\"\nrepo = \"lienhiep-angiang/cong\"\nbase_url = \"https://dang-nhap.lh.example\"\n";

#[test]
fn articles_have_every_field_bantin_reads_with_its_widget() {
    let config = site(
        "province = \"An Giang\"\ncategories = [\"Thông báo\"]",
        GITHUB,
    );
    let doc = yml(&config, Mode::Publish);
    let news = collection(&doc, ARTICLES);
    assert_eq!(text(&news["folder"]), "content/tin-tuc");
    assert_eq!(text(&news["extension"]), "md");
    assert_eq!(text(&news["format"]), "yaml-frontmatter");
    assert_eq!(text(&news["slug"]), "{{slug}}");
    // As `bantin new` writes them: straight into the folder, no year subfolder.
    assert!(absent(news, "path"));
    assert_eq!(
        names(news),
        [
            "title", "date", "province", "category", "tags", "summary", "image", "author",
            "source", "featured", "draft", "updated", "expires", "body"
        ]
    );
    // Every field is one bantin reads (an unknown one is an error there).
    for name in names(news) {
        assert!(
            crate::content::ARTICLE_FIELDS.contains(&name.as_str()) || name == "body",
            "{name}"
        );
    }
    let widgets: Vec<(String, String)> = list(&news["fields"])
        .iter()
        .map(|f| (text(&f["name"]).to_string(), text(&f["widget"]).to_string()))
        .collect();
    let widget = |name: &str| {
        widgets
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, w)| w.as_str())
    };
    assert_eq!(widget("title"), Some("string"));
    assert_eq!(widget("date"), Some("datetime"));
    assert_eq!(widget("province"), Some("select"));
    assert_eq!(widget("category"), Some("select"));
    assert_eq!(widget("tags"), Some("list"));
    assert_eq!(widget("summary"), Some("text"));
    assert_eq!(widget("image"), Some("object"));
    assert_eq!(widget("source"), Some("object"));
    assert_eq!(widget("featured"), Some("boolean"));
    assert_eq!(widget("draft"), Some("boolean"));
    assert_eq!(widget("body"), Some("markdown"));

    // Dates as `bantin new` writes them.
    let date = field(news, "date");
    assert_eq!(text(&date["format"]), "DD/MM/YYYY HH:mm");
    assert_eq!(text(&date["format"]), DATE_FORMAT);
    assert_eq!(text(&date["default"]), "{{now}}");
    for name in ["updated", "expires"] {
        assert_eq!(text(&field(news, name)["format"]), DATE_FORMAT, "{name}");
        assert_eq!(field(news, name)["required"].as_bool(), Some(false));
    }
}

#[test]
fn image_and_source_are_groups_whose_parts_are_all_optional() {
    let config = site("", GITHUB);
    let doc = yml(&config, Mode::Publish);
    let news = collection(&doc, ARTICLES);
    let image = field(news, "image");
    assert_eq!(image["required"].as_bool(), Some(false));
    assert_eq!(names(image), ["src", "alt", "caption", "focus"]);
    assert_eq!(text(&field(image, "src")["widget"]), "image");
    for part in ["src", "alt", "caption", "focus"] {
        // decaporg/decap-cms#7748: a required part blocks saving an article without a photo.
        assert_eq!(
            field(image, part)["required"].as_bool(),
            Some(false),
            "{part}"
        );
    }
    let source = field(news, "source");
    assert_eq!(names(source), ["name", "url", "author", "published"]);
    assert_eq!(text(&field(source, "published")["format"]), DATE_FORMAT);
    for part in ["name", "url", "author", "published"] {
        assert_eq!(
            field(source, part)["required"].as_bool(),
            Some(false),
            "{part}"
        );
    }
}

#[test]
fn provinces_are_the_current_ones_then_the_former_with_their_merger() {
    let config = site("province = \"Cà Mau\"", GITHUB);
    let doc = yml(&config, Mode::Publish);
    let province = field(collection(&doc, ARTICLES), "province");
    let options: Vec<(String, String)> = list(&province["options"])
        .iter()
        .map(|o| (text(&o["label"]).to_string(), text(&o["value"]).to_string()))
        .collect();
    let current: Vec<&(String, String)> = options.iter().filter(|(l, v)| l == v).collect();
    assert_eq!(current.len(), 34, "{current:?}");
    assert!(options.contains(&("Cà Mau".to_string(), "Cà Mau".to_string())));
    assert!(options.contains(&("TP. Hồ Chí Minh".to_string(), "TP. Hồ Chí Minh".to_string())));
    assert!(
        options.contains(&(
            "Bạc Liêu (nay thuộc Cà Mau từ 01/07/2025)".to_string(),
            "Bạc Liêu".to_string()
        )),
        "{options:?}"
    );
    assert!(options.contains(&(
        "Thừa Thiên Huế (nay là Huế từ 01/01/2025)".to_string(),
        "Thừa Thiên Huế".to_string()
    )));
    // Every value is a name bantin reads, and each once: former An Giang's name is the
    // current province's.
    let mut values: Vec<&str> = options.iter().map(|(_, v)| v.as_str()).collect();
    for value in &values {
        assert!(Provinces::builtin().lookup(value).is_ok(), "{value}");
    }
    let all = values.len();
    values.sort_unstable();
    values.dedup();
    assert_eq!(values.len(), all, "a value twice");
    // The site's own province is the default; with one, the field may stay empty.
    assert_eq!(text(&province["default"]), "Cà Mau");
    assert_eq!(province["required"].as_bool(), Some(false));
    let without = yml(&site("", GITHUB), Mode::Publish);
    let province = field(collection(&without, ARTICLES), "province");
    assert!(absent(province, "default"));
    assert!(absent(province, "required"), "required by default");
}

#[test]
fn categories_come_from_site_toml() {
    let config = site(
        "categories = [\"Tin tức hoạt động\", \"Đối ngoại nhân dân\"]",
        GITHUB,
    );
    let doc = yml(&config, Mode::Publish);
    let category = field(collection(&doc, ARTICLES), "category");
    assert_eq!(text(&category["widget"]), "select");
    let options: Vec<&str> = list(&category["options"]).iter().map(text).collect();
    assert_eq!(options, ["Tin tức hoạt động", "Đối ngoại nhân dân"]);
    // Without a list any category goes: a text box.
    let doc = yml(&site("", GITHUB), Mode::Publish);
    let category = field(collection(&doc, ARTICLES), "category");
    assert_eq!(text(&category["widget"]), "string");
    assert!(absent(category, "options"));
}

#[test]
fn pages_have_the_fields_of_a_standalone_page() {
    let doc = yml(&site("", GITHUB), Mode::Publish);
    let pages = collection(&doc, PAGES);
    assert_eq!(text(&pages["folder"]), "content");
    assert_eq!(
        names(pages),
        ["title", "summary", "updated", "draft", "body"]
    );
    for name in names(pages) {
        assert!(
            crate::content::PAGE_FIELDS.contains(&name.as_str()) || name == "body",
            "{name}"
        );
    }
}

#[test]
fn uploads_go_into_this_years_folder_and_the_interface_speaks_vietnamese() {
    let doc = yml(&site("", GITHUB), Mode::Publish);
    assert_eq!(text(&doc["locale"]), "vi");
    assert_eq!(text(&doc["media_folder"]), "static/images/2026");
    // The path bantin reads in front-matter (it adds the base path /cong/ itself).
    assert_eq!(text(&doc["public_folder"]), "/images/2026");
    assert_eq!(text(&doc["site_url"]), "https://lh.example/cong/");
    let slug = &doc["slug"];
    assert_eq!(text(&slug["encoding"]), "ascii");
    assert_eq!(slug["clean_accents"].as_bool(), Some(true));
    assert_eq!(text(&slug["sanitize_replacement"]), "-");
    let news = collection(&doc, ARTICLES);
    assert_eq!(text(&news["label"]), "Tin tức");
    assert_eq!(text(&field(news, "title")["label"]), "Tiêu đề");
}

#[test]
fn the_published_site_uses_the_host_of_cms_with_the_editorial_workflow() {
    let doc = yml(&site("", GITHUB), Mode::Publish);
    let backend = &doc["backend"];
    assert_eq!(text(&backend["name"]), "github");
    assert_eq!(text(&backend["repo"]), "lienhiep-angiang/cong");
    assert_eq!(text(&backend["branch"]), "main");
    assert_eq!(text(&backend["base_url"]), "https://dang-nhap.lh.example");
    assert_eq!(text(&doc["publish_mode"]), "editorial_workflow");

    // Self-hosted GitLab with its own login (PKCE): the API is found beside it.
    let gitlab = site(
        "",
        "[cms]\nbackend = \"gitlab\"\nrepo = \"ubmttq/lhhn/cong\"\nbranch = \"xuat-ban\"\nbase_url = \"https://git.tinh.example/\"\napp_id = \"abc123\"\neditorial_workflow = false\n",
    );
    let doc = yml(&gitlab, Mode::Publish);
    let backend = &doc["backend"];
    assert_eq!(text(&backend["name"]), "gitlab");
    assert_eq!(text(&backend["repo"]), "ubmttq/lhhn/cong");
    assert_eq!(text(&backend["branch"]), "xuat-ban");
    assert_eq!(text(&backend["base_url"]), "https://git.tinh.example");
    assert_eq!(
        text(&backend["api_root"]),
        "https://git.tinh.example/api/v4"
    );
    assert_eq!(text(&backend["auth_type"]), "pkce");
    assert_eq!(text(&backend["app_id"]), "abc123");
    assert!(absent(&doc, "publish_mode"), "workflow turned off");

    // Gitea: Decap's Gitea backend has no editorial workflow, so none is asked for.
    let gitea = site(
        "",
        "[cms]\nbackend = \"gitea\"\nrepo = \"lh/cong\"\nbase_url = \"https://git.tinh.example\"\napp_id = \"x\"\n",
    );
    let doc = yml(&gitea, Mode::Publish);
    assert_eq!(
        text(&doc["backend"]["api_root"]),
        "https://git.tinh.example/api/v1"
    );
    assert!(absent(&doc, "publish_mode"));
}

#[test]
fn the_preview_uses_the_local_api_in_simple_mode() {
    for config in [site("", GITHUB), site("", "")] {
        let doc = yml(&config, Mode::Preview);
        let backend = &doc["backend"];
        assert_eq!(text(&backend["name"]), "proxy");
        assert_eq!(text(&backend["proxy_url"]), "/__bantin/api/v1");
        assert_eq!(text(&backend["proxy_url"]), PREVIEW_API);
        assert_eq!(text(&backend["branch"]), "main");
        assert!(absent(backend, "repo"));
        assert!(absent(&doc, "publish_mode"));
    }
}

#[test]
fn a_site_without_cms_publishes_no_admin() {
    let config = site("", "");
    assert!(config.cms.is_none());
    assert!(!wanted(&config, Mode::Publish));
    assert!(wanted(&config, Mode::Preview));
    let (files, problem) = admin(
        &config,
        Provinces::builtin(),
        Mode::Publish,
        2026,
        &mut decap::Cache::default(),
        Some(Path::new("/nowhere.tgz")),
    );
    assert!(files.is_empty() && problem.is_none());
}

#[test]
fn without_its_script_the_published_admin_is_an_error_and_the_previews_a_warning() {
    let nowhere = Path::new("/nowhere/decap-cms-3.16.3.tgz");
    let config = site("", GITHUB);
    let build = |mode| {
        admin(
            &config,
            Provinces::builtin(),
            mode,
            2026,
            &mut decap::Cache::default(),
            Some(nowhere),
        )
    };
    let (files, problem) = build(Mode::Publish);
    let problem = problem.unwrap();
    assert!(files.is_empty());
    assert!(problem.is_error());
    assert_eq!(problem.code, "cms::script");
    // At [cms] in site.toml, in both languages, naming what to do.
    assert!(problem.location().unwrap().starts_with("site.toml:"));
    let en = problem.shown(Lang::En);
    assert!(
        en.message.contains("/nowhere/decap-cms-3.16.3.tgz"),
        "{en:?}"
    );
    assert!(en.help.unwrap().contains("npm pack decap-cms@3.16.3"));
    let vi = problem.shown(Lang::Vi);
    assert!(vi.message.starts_with("không đọc được"), "{vi:?}");
    assert!(vi.help.unwrap().contains("BANTIN_DECAP_TARBALL"));

    let (_, problem) = build(Mode::Preview);
    assert!(!problem.unwrap().is_error());
}

#[test]
fn the_page_loads_decaps_script_then_bantins() {
    let html = index_html(&site("", GITHUB));
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("<title>Quản trị nội dung – Liên hiệp &lt;An Giang&gt;</title>"));
    let decap = html.find("<script src=\"decap-cms.js\"></script>").unwrap();
    let ours = html.find("<script src=\"bantin.js\"></script>").unwrap();
    assert!(decap < ours);
    assert!(!html.contains("livereload"));
    let files = generated(&site("", GITHUB), Provinces::builtin(), Mode::Publish, 2026);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, [CONFIG_FILE, INDEX_FILE, SCRIPT_FILE]);
    let script = String::from_utf8_lossy(&files[2].bytes);
    assert!(script.contains("name: 'preSave'") && script.contains("normalize('NFC')"));
    assert!(script.contains("CMS.registerLocale('vi'"));
}

/// Decap's slug for a title with `slug: {encoding: ascii, clean_accents: true,
/// sanitize_replacement: "-"}` (decap-cms-core `prepareSlug` then `sanitizeSlug`): lowercase,
/// `'` dropped, `.` → `-`, accents removed (đ → d), every character but `[a-z0-9_.~-]` → `-`,
/// runs of `-` joined and trimmed.
fn decap_slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let prepared = title
        .trim()
        .to_lowercase()
        .replace('\'', "")
        .replace('.', "-");
    let plain: String = prepared
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.~-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    plain
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[test]
fn the_cms_names_new_articles_as_bantin_new_does() {
    for title in [
        "Hội nghị tổng kết năm 2024: Đồng bằng sông Cửu Long",
        "TP.HCM: Đường Nguyễn Huệ đón 2 triệu lượt khách – “kỷ lục” mới!",
        "Ủy ban MTTQ tỉnh An Giang trao 150 căn nhà Đại đoàn kết",
        "Hòa bình, hữu nghị (hoà/hòa, uỷ/ủy)",
        "  Khai mạc   Tuần lễ Văn hóa  ",
    ] {
        assert_eq!(decap_slug(title), crate::locale::slugify(title), "{title}");
    }
    // Where they part: `_` and `~`, kept by Decap, and the cut at 80 characters, which bantin
    // makes. The file name only differs then: the address comes from the title either way.
    assert_ne!(decap_slug("a_b"), crate::locale::slugify("a_b"));
    let long = "Hội nghị ".repeat(12);
    assert!(decap_slug(&long).len() > crate::locale::slugify(&long).len());
}
