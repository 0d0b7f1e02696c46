## bantin import wordpress | feed | html: the problems about exports, feeds, mapping files,
## saved pages and media, and the report the import prints.

## Why an import did not happen, or stopped

import-error-site = site.toml has errors; nothing was imported
import-error-read = cannot read the export { $path }: { $reason }
import-error-province = --province "{ $name }" is not a Vietnamese province or city; { $hint }
import-province-did-you-mean = did you mean “{ $suggestion }”?
import-province-how-to-write = write a province's name, with or without accents (e.g. Kiên Giang)
import-error-media-folder = the --media folder { $path } does not exist or is not a folder
import-error-mapping = the mapping file has errors; nothing was imported
import-error-pages-folder = the saved pages' folder { $path } does not exist or is not a folder
import-error-write = could not write { $path }: { $reason }

## Files that are not what they should be ($file: export or feed)

import-not-wordpress-xml = this is XML, but not a WordPress export: it starts with <{ $element }>, not <rss><channel>
import-not-wordpress-xml-help = in WordPress, Tools → Export → All content gives the right file (an .xml file)
import-not-wordpress-rss = this is an RSS feed, but not a WordPress export: it has no <wp:wxr_version>
import-not-wordpress-rss-help = a WordPress export comes from Tools → Export in WordPress; to bring over a feed, a later version of bantin has `bantin import feed`
import-xml-again = { $file ->
    [feed] save the feed again from the old portal; nothing was imported
   *[export] download or copy the export again (Tools → Export in WordPress); nothing was imported
 }
import-xml-cut-short = the { $file ->
    [feed] feed
   *[export] export
 } ends in the middle: the file was cut short
import-xml-not-xml = this file is not XML, so not a { $file ->
    [feed] feed
   *[export] WordPress export
 } ({ $reason })
import-xml-not-xml-help = the { $file ->
    [feed] feed
   *[export] export
 } is an .xml file; { $again }
import-xml-malformed = the { $file ->
    [feed] feed
   *[export] export
 } is not well-formed XML here: { $reason }
import-xml-malformed-help = it was probably changed by hand or damaged in a copy; { $again }
import-no-feed = no feed file was given
import-not-a-feed = this is XML, but not an RSS or Atom feed: it starts with <{ $element }>
import-not-a-feed-help = save the portal's feed (its RSS or Atom address, often /rss or /feed) as a file and import that

## Items of the export

import-no-title = item { $id } has no title: it was not imported
import-no-title-label = this item
import-no-title-help = give it a title in WordPress and export again, or write it as an article by hand (`bantin new`)
import-no-date = “{ $title }” has no date: it was not imported
import-province-unclear = “{ $title }” names { $provinces }: the site's own province was given, change `province:` if another is right
import-legacy-suspect = { $what } of { $item } may be typed in { $encoding }, which bantin could not convert with certainty
import-legacy-suspect-help = read the article after the import and retype the text in Unicode where it looks wrong
import-missing-attachment = the featured image of “{ $title }” (attachment { $id }) is not in the export
import-missing-attachment-help = export “All content”, which holds the attachments

## An item, and its parts, as other messages name them

import-item-untitled = item { $id }
import-item-titled = “{ $title }”
# A saved page: its title, else its address or file.
import-item-page = { $title }
import-part-title = the title
import-part-excerpt = the excerpt
import-part-term = a category or tag
import-part-text = the text

## Lists in a sentence

import-join-and = { $first } and { $second }
import-join-or = { $first } or { $second }
import-join-comma = { $first }, { $second }
import-join-semicolon = { $first }; { $second }

## Why an item was not imported (the report counts each)

import-skip-type = type "{ $kind }" is not content bantin publishes
import-skip-status = status "{ $status }" (not a post anyone published or was writing)
import-skip-no-title = no title
import-skip-no-date = no date
import-skip-no-body = no body
import-skip-no-photo = no lead photo
import-skip-not-in-mirror = not in the mirror
import-skip-unreadable = cannot be read
import-skip-not-utf8 = not UTF-8 text

## The mapping file of `bantin import html`

import-mapping-syntax = the mapping file is not valid TOML
# The TOML reader's own words.
import-mapping-syntax-label = { $reason }
import-mapping-syntax-help = write each setting as `key = "value"`; the selectors go under [article]
import-mapping-no-site = the mapping has no `site`
import-mapping-no-site-help = add the old portal's address on the first line: site = "https://lhhn-travinh.example.vn"
import-mapping-bad-site = `site` must be the old portal's address, starting with https:// or http://
import-mapping-bad-site-help = e.g. site = "https://lhhn-travinh.example.vn"
import-mapping-no-article = the mapping has no [article] table
import-mapping-no-article-help = under [article], name the selectors: title = "h1.title", date = ".ngay-dang", body = "div.noi-dung"
import-mapping-missing = [article] has no `{ $key }`: a page's { $key } cannot be found without it
import-mapping-missing-help = add { $key } = "<CSS selector>" under [article]
import-mapping-not-selector = `article.{ $key }` must be a CSS selector in quotes
import-mapping-strip-entry = each `strip` entry must be a CSS selector in quotes
import-mapping-strip-list = `article.strip` must be a list of CSS selectors
import-mapping-strip-list-help = strip = [".thong-ke-truy-cap", "footer", ".chia-se"]
import-mapping-date-format = `article.date_format` is not a date format
import-mapping-date-format-help = write it with chrono's % codes: "%d/%m/%Y %H:%M:%S" for 22/02/2024 12:00:00, "%d.%m.%Y" for 27.05.2020, or a list of such; leave it out to accept bantin's own date forms
import-mapping-empty-selector = an empty CSS selector
import-mapping-empty-selector-help = write the selector that finds the element, e.g. "h1.title"
import-mapping-bad-selector = “{ $selector }” is not a CSS selector ({ $reason })
import-mapping-bad-selector-label = this selector
import-mapping-bad-selector-help = write it as in a stylesheet: "h1.title", "div.noi-dung", ".breadcrumb a:last-child"; in the browser, right-click the element → Inspect shows its tag and class
import-mapping-unknown-key = unknown setting `{ $key }` in the mapping
import-mapping-did-you-mean = did you mean `{ $suggestion }`?
import-mapping-rename-help = rename it to `{ $suggestion }`; the settings here are: { $known }
import-mapping-not-a-setting = not a setting bantin knows
import-mapping-known-help = the settings here are: { $known }

## Saved pages

import-page-not-in-mirror = { $address } is not in the mirror { $mirror }: it was not imported
import-page-not-in-mirror-label = no saved page for this address
import-page-not-in-mirror-help = save it into the mirror (wget --mirror keeps the query string in the file name), or take the line out of the list
import-page-unreadable = cannot read { $file }: { $reason }
import-page-not-utf8 = { $file } is not UTF-8 text: it was not imported
import-page-incomplete = { $missing }: it was not imported
import-page-incomplete-label = the page { $address }
import-page-incomplete-help = a page the mapping reads only in part is left out, never guessed: if it is an article, fix the selector in the mapping (`bantin import html --sample` shows what it finds); list pages and other pages that are no articles are rightly left out
import-missing-title-empty = no title: “{ $selector }” is empty
import-missing-title = no title: “{ $selector }” matched nothing
import-missing-date = no date: “{ $selector }” matched nothing
import-missing-date-unread = no date: “{ $selector }” holds “{ $text }”, no date in a form bantin knows
import-missing-date-unread-format = no date: “{ $selector }” holds “{ $text }”, no date in the form { $formats }
import-missing-body = no body: “{ $selector }” matched nothing
import-missing-photo-no-src = no lead photo: “{ $selector }” has no src
import-missing-photo = no lead photo: “{ $selector }” matched nothing

## What `bantin import html --sample` shows for a page (the labels are lined up by the code)

import-sample-address = address
import-sample-title = title
import-sample-date = date
import-sample-author = author
import-sample-category = category
import-sample-image = image
import-sample-body = body
import-sample-stripped = stripped
import-sample-missing = missing
import-sample-date-from = { $date } (from “{ $text }”)
import-sample-image-alt = { $src } (alt “{ $alt }”)
import-sample-elements = { $count } elements
import-sample-nothing = nothing

## What was read

import-what-wordpress = WordPress export (WXR { $version })
import-what-feeds = { $count ->
    [one] { $count } feed
   *[other] { $count } feeds
 } ({ $formats })
import-what-pages = { $count } saved pages

## The report ($dry: yes for --dry-run, else no)

import-report-header = { $export }: { $what }, { $items } items
import-report-imported = imported: { $articles } articles, { $pages } pages
import-report-imported-with = imported: { $articles } articles, { $pages } pages ({ $extra })
import-report-as-drafts = { $count } as drafts
import-report-scheduled = { $count } scheduled
import-report-featured = { $count } featured (sticky)
import-report-list-draft = draft
import-report-list-scheduled = scheduled
import-report-list-featured = featured
import-report-list-kept = kept
import-report-list-fetch-failed = could not fetch
import-report-list-missing = missing
import-report-more = … and { $count } more (--format json lists all)
import-report-skipped = skipped: { $count } items
import-report-attachments = attachments: { $attachments } (their files are the media below); comments: { $comments } (not published)
import-report-files = files: { $written } { $dry ->
    [yes] would be written
   *[no] written
 }, { $unchanged } unchanged, { $kept } kept (changed since the last import: left as they are)
import-report-media = media: { $copied } { $dry ->
    [yes] would be copied
   *[no] copied
 }, { $unchanged } unchanged, { $kept } kept, { $missing } missing
import-report-fetched = fetched from the old site: { $count }
import-report-missing-not-in-folder = missing (not in the --media folder; they keep their old address):
import-report-missing-no-folder = missing (no --media folder was given; they keep their old address):
import-report-missing-item = { $url } (in { $files })
import-report-lifted = lifted: { $sources } sources (“Theo …”), { $bylines } bylines, { $images } featured images
import-report-dropped = dropped (meaningless on the new site):
import-report-kept-html = kept as HTML (published through the sanitizer; read these articles): { $count }
import-report-kept-html-item = { $file }: { $what }
import-report-unsafe-html = unsafe HTML will be removed when these are published ({ $count }; bantin check lists each removal):
import-report-alt = image descriptions: { $filled } filled from a caption or title, { $missing } still missing{ $missing ->
        [0] {""}
       *[other] {" "}(bantin build reports each image without a description as an error: describe them before publishing)
    }
import-report-legacy = converted from a legacy Vietnamese encoding: { $count }
import-legacy-converted = { $item } ({ $what }): { $encoding }
import-report-provinces = provinces guessed (only where one was named): { $count }
import-report-province-guess = { $title } → { $province } (from { $from })
import-report-categories-added = site.toml: categories { $dry ->
    [yes] would be added
   *[no] added
 }: { $categories }
import-report-redirects-added = site.toml: { $count } old list and feed addresses { $dry ->
    [yes] would be added
   *[no] added
 } under [redirects]
import-report-old-site-links = { $count } links to pages of the old site that were not imported keep their old address
import-report-permalink-hint = hint: the old posts' addresses follow { $pattern }; with `article = "{ $pattern }"` under [permalinks] in site.toml they stay the real addresses (now each old address redirects)
import-report-nothing-changed = nothing changed: everything in the export was already imported
import-report-dry-run = dry run: nothing was written
# $source: empty, or " --source <the site's folder>".
import-report-next = next: bantin serve{ $source } to read the imported articles (those listed above first), then bantin check{ $source }

## Drafts: the title and why ($status: WordPress's word: draft, pending, private, …)

import-draft = { $title } ({ $status })
import-draft-password = { $title } (password-protected)

## What the conversion dropped on purpose ($element: an HTML element's name)

import-dropped-inline-style = inline style
import-dropped-alignment = alignment
import-dropped-block-comment = block comment
import-dropped-block-shown = block shown by WordPress, not in the text: wp:{ $block }
import-dropped-block-shown-group = block shown by WordPress, not in the text
import-dropped-more-marker = more marker
import-dropped-page-break = page break
import-dropped-comment = comment
import-dropped-around-blocks = <{ $element }> around blocks
import-dropped-empty-paragraph = empty paragraph
import-dropped-photo-and-caption = photo and caption in a paragraph
import-dropped-empty-quote = empty quote
import-dropped-empty-caption-box = empty caption box
import-dropped-alignment-wrapper = alignment wrapper
import-dropped-script = script
import-dropped-style = style
import-dropped-element = <{ $element }>
import-dropped-wrapper = wrapper <{ $element }>
import-dropped-empty-heading = empty heading
import-dropped-empty-list-item = empty list item
import-dropped-empty-list = empty list
import-dropped-empty-element = empty <{ $element }>
import-dropped-formatting-in-pre = formatting inside <pre>
import-dropped-empty-table = empty table
import-dropped-formatting-in-caption = formatting in a caption
import-dropped-gallery-wrapper = gallery wrapper
import-dropped-embed = embed
import-dropped-image-without-address = image without an address
import-dropped-link-to-own-file = link from an image to its own file
import-dropped-link-around-captioned-image = link around a captioned image
import-dropped-unknown-element = unknown element <{ $element }>
import-dropped-empty-formatting = empty formatting
import-dropped-anchor-without-address = anchor without an address
import-dropped-link-in-link = link inside a link
import-dropped-empty-link = empty link
import-dropped-shortcode = shortcode [{ $name }]
import-dropped-gallery-without-images = shortcode [gallery] without its images
import-dropped-gallery-image-not-in-export = gallery image not in the export

## What stays HTML

import-kept-element = <{ $element }>
import-kept-table-merged-cells = <table> with merged cells
import-kept-table-blocks-in-cells = <table> with blocks in cells
import-kept-table-other-content = <table> with other content
import-kept-figure-in-list = <figure> in a list
