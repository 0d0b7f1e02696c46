## `bantin --help` and each command's `--help` (src/cli.rs). The English text of a command or
## an option is its doc comment in src/cli.rs (a test keeps the two equal); the examples live
## only here. Identifiers: help-about-<command>, help-arg-<option> (shared by the commands that
## take it) or help-arg-<command>-<option>, help-examples-<command>; <command> is the path of
## subcommands joined by "-" ("import-wordpress").

help-usage = Usage:
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-default = default
help-values = possible values
help-flag-help = Print help
help-flag-version = Print version

help-about = A static-site generator for Vietnamese provincial news portals
help-about-build = Build the site into the output folder
help-about-check = Check the site and every link and image in its Markdown, without writing anything
help-about-init = Create a new site (site.toml, an example article, an About page, CI recipes) in DIR
help-about-import = Bring an existing portal's news over (WordPress export, saved pages), keeping every old address
help-about-import-wordpress = Import a WordPress export (Tools → Export → All content: an .xml file)
help-about-import-feed = Import RSS or Atom feeds saved from an old portal (its newest articles)
help-about-import-html = Import saved HTML pages of another portal, read through a mapping file of CSS selectors
help-about-new = Write a new article, content/tin-tuc/<slug>.md, with its front-matter filled in
help-about-serve = Preview the site: build it in memory, serve it, rebuild and reload pages on every change

help-arg-verbose = Show more detail (where the output went)
help-arg-quiet = Show only errors
help-arg-messages = The language of bantin's messages: vi (the default) or en [env: BANTIN_MESSAGES; or `messages` in site.toml]
help-arg-source = The site's folder, holding site.toml
help-arg-drafts = Include articles and pages marked `draft: true`
help-arg-future = Include articles dated in the future
help-arg-init-dir = Folder for the new site; created if missing, must not already hold a site.toml
help-arg-serve-port = Port to listen on (0 picks a free one)
help-arg-serve-bind = Address to listen on; the browser CMS can save through the preview only on a loopback address such as the default
help-arg-serve-timings = After each build, print how long each stage took and the memory in use after it
help-arg-build-output = Where to write the site [default: <source>/public]
help-arg-build-base_url = Override site.toml's base_url (e.g. for a preview on another host)
help-arg-build-timings = After the build, print how long each stage took (where the time goes)
help-arg-build-keep_foreign_files = Build into an output folder that also holds files bantin did not write, leaving those files exactly as they are (without it, such a folder is refused)
help-arg-build-strict = Fail on text left from `init`'s and `new`'s placeholders (phone "0000 000 000", the example article…), which are otherwise warnings: for CI, so a site never goes live so
help-arg-new-title = The article's title; its slug names the file
help-arg-new-province = The province the article is about [default: the site's own, from site.toml]
help-arg-new-category = The category (one of site.toml's `categories` when it lists them)
help-arg-new-tags = Tags, separated by commas
help-arg-new-draft = Mark the article `draft: true` (left out of builds without --drafts)
help-arg-check-base_url = Override site.toml's base_url
help-arg-check-external = Also check links to other sites (http/https), 8 at a time, with a 10 s timeout
help-arg-check-format = How to report: diagnostics for people, or one JSON document on stdout
help-arg-check-old_urls = Also check that each old address in FILE (one URL or path per line, from the old site's sitemap or an access log) still leads to a page, file or redirect
help-arg-check-missing_documents = Also list the documents the articles cite (Nghị định 58/2022/NĐ-CP…) that the documents library (content/van-ban/) lacks, most cited first, with where each is cited
help-arg-media = The old site's files: WordPress's wp-content/uploads, or another portal's document root or mirror, to copy photos and files from
help-arg-fetch_media = Fetch photos and files that are not in --media from the old site's addresses (kept in <source>/.bantin-cache/import-media, so a second run fetches nothing)
help-arg-province = The province of every imported article [default: site.toml's, or one the article's categories, tags or title name unambiguously]
help-arg-dry_run = Report what would be imported and added to site.toml; write nothing
help-arg-format = How to report: for people, or one JSON document on stdout
help-arg-import-wordpress-export = The export file (WXR 1.1 or 1.2)
help-arg-import-feed-files = The feed files (RSS 2.0 or Atom 1.0)
help-arg-import-html-dir = A folder of saved pages (*.html, *.htm, *.aspx), with the folders inside it
help-arg-import-html-mapping = The mapping file (TOML): the old site's address and the selectors of an article page
help-arg-import-html-list = A list of the old pages' addresses, one a line (`#` starts a comment), read from --mirror
help-arg-import-html-mirror = The folder a mirroring tool (wget --mirror) saved the old site in
help-arg-import-html-sample = Show what the mapping finds in the first N pages; write nothing

help-examples =
    Examples:
      bantin build                        build the site in this folder into public/
      bantin build --source portal --output /tmp/site
      bantin build --base-url https://example.github.io/portal/
      bantin build --drafts --future      preview drafts and scheduled articles
      bantin init my-portal               start a new site
      bantin new "Hội nghị tổng kết năm 2026" --tags "hội nghị"
      bantin serve                        live preview at http://127.0.0.1:1111/
      bantin check --external             check every link, including other sites'

    Exit codes: 0 built, 1 the site has errors (nothing was written), 2 usage error.
help-examples-new =
    Example:
      bantin new "Hội nghị tổng kết công tác năm 2024" --category "Tin tức hoạt động" --tags "hội nghị,tổng kết"

    The date is now, in the site's timezone. An existing file is never overwritten.
help-examples-serve =
    Examples:
      bantin serve                        preview this folder at http://127.0.0.1:1111/
      bantin serve --port 8080 --drafts   also show drafts
      bantin serve --bind 0.0.0.0         let other devices on the network see the preview

    The preview is built in memory: the publish folder (public/) is never touched. A broken edit
    shows its errors over the page until it is fixed; the server keeps running.
help-examples-check =
    Examples:
      bantin check                        everything build checks, plus links, images and #anchors
      bantin check --external             also fetch links to other sites (cached for 24 h in
    {"                                      ."}bantin-cache/links.json)
      bantin check --format json          one JSON document on stdout, for CI and editors
      bantin check --old-urls old.txt     also check that every old address in old.txt (one URL
                                          or path per line) still leads somewhere

    Exit codes: 0 nothing broken, 1 the site has errors or broken links, 2 usage error.
help-examples-import-wordpress =
    Examples:
      bantin import wordpress export.xml --dry-run            see what would be imported
      bantin import wordpress export.xml --media old/wp-content/uploads
      bantin import wordpress export.xml --province "Kiên Giang" --format json

    Posts become articles in content/tin-tuc/<year>/, pages become standalone pages, uploads are
    copied into static/images/ and static/files/, and every old address (permalinks, ?p=ID,
    categories, tags, date archives, feeds) leads to the new page. A file that already exists with
    other text (an editor's change) is never overwritten; a second run changes nothing.

    Exit codes: 0 imported (read the report), 1 the export or site.toml could not be used (nothing
    was written), 2 usage error.
help-examples-import-feed =
    Examples:
      bantin import feed rss.xml --dry-run                     see what would be imported
      bantin import feed tin-tuc.rss hoat-dong.rss --fetch-media

    Each item's full text (content:encoded, Atom content, else the description) is imported like a
    WordPress post; its <link> and a <guid> that is another address of the old site keep leading
    to it. An article in several feeds is imported once.
help-examples-import-html =
    Examples:
      bantin import html ../saved-pages --mapping ../mapping.toml --sample 3   check the mapping first
      bantin import html ../saved-pages --mapping ../mapping.toml --dry-run
      bantin import html --list ../old-urls.txt --mirror ../mirror --mapping ../mapping.toml

    The mapping file names, by CSS selector, an article page's title, date, body, author, category and
    lead photo, and what to strip from the body (visitor counters, footer, share bar, related news,
    comment form); the README's "Other portals: saved pages" explains it. A page where the mapping
    finds no title, date or body is reported and left out, never guessed.

    Exit codes: 0 imported (read the report), 1 the mapping, pages or site.toml could not be used
    (nothing was written), 2 usage error.
