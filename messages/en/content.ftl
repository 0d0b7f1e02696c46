## Articles, pages, front-matter, dates, provinces, Markdown: src/content, src/model,
## src/provinces.rs, src/markdown, src/locale.

## Shared pieces

content-did-you-mean = did you mean `{ $suggestion }`?
content-rename-to = rename it to `{ $suggestion }`
# One item of a list joined with "or": `$rest` is the next item, or the next pair.
content-or = { $first } or { $rest }

## Finding the files (content/mod.rs: discover)

content-unreadable-folder = cannot read the content folder: { $reason }
content-symlink-loop = this folder link leads back to `{ $ancestor }`, a folder that contains it, so the folder would never end
content-symlink-loop-help = remove the link, or point it at a folder that does not contain it
content-unreadable-entry = cannot read this: { $reason }
content-unreadable-entry-help = check that the file or folder exists and that you may read it
content-symlink-outside = this link points outside the site folder, to `{ $target }`, and is not followed
# $kind: `folder` or `file`
content-symlink-outside-help = copy the { $kind ->
    [folder] folder
   *[file] file
 } into the site folder instead of linking to it: links are followed only inside the site, so that it builds the same on any computer
content-broken-symlink-unreadable = this link points to `{ $target }`, which cannot be read: { $reason }
content-broken-symlink-missing = this link points to `{ $target }`, which does not exist
content-broken-symlink-help = point the link at a file or folder that exists, or delete the link
content-unreadable-file = cannot read the file: { $reason }

## HTML removed from bodies (content/mod.rs, markdown/sanitize.rs)

content-unsafe-html = unsafe HTML was removed from this page
# $places: content-unsafe-html-in-articles, -in-pages or -in-both
content-unsafe-html-summary = unsafe HTML removed: { $items ->
    [one] { $items } item
   *[other] { $items } items
 } in { $places }; `bantin check` lists each
content-unsafe-html-in-articles = { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
 }
content-unsafe-html-in-pages = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
 }
content-unsafe-html-in-both = { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
 } and { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
 }
content-unsafe-html-summary-help = scripts, event handlers, javascript: links, frames and forms written in articles are left out of the site so that they cannot run in readers' browsers; the rest of each article is published. If every writer of this site is trusted and no article is imported from elsewhere, raw_html = "trusted" under [markdown] in site.toml publishes HTML exactly as written

content-removed-iframe = removed <iframe> (embedded players come later)
content-removed-element = removed <{ $tag }>
content-removed-attribute = removed the attribute { $name }
content-removed-link = removed the link { $scheme }:…
content-removed-address = removed the address { $scheme }:… ({ $attribute })
content-removed-not-address = removed the address `{ $written }`, which is not a web address
content-removed-style = removed the style `{ $style }`
content-removed-id = removed the id `{ $id }`
# $why: one of the content-removed-why-* messages
content-removed-help = { $why }. The rest of the article is published. If every writer of this site is trusted and no article is imported from elsewhere, raw_html = "trusted" under [markdown] in site.toml publishes HTML exactly as written
content-removed-why-iframe = embedded players (YouTube, Facebook…) are not published yet: a later version shows them after a click; for now link to the video
content-removed-why-script = a script in an article would run in the browser of every reader (it can steal logins or show a fake page)
content-removed-why-svg = SVG and MathML can carry scripts; use a picture (.png, .jpg) instead
content-removed-why-element = only the HTML of article text is published (text, tables, pictures, video and audio); forms, styles, scripts, frames and page settings are not
content-removed-why-handler = an event handler (onclick, onerror…) runs a script in the browser of every reader
content-removed-why-attribute = only attributes that describe article text are published (title, lang, alt, width, colspan…)
content-removed-why-url = a javascript:, data: or vbscript: address runs a script or opens a fake page; links and pictures may use http(s), mailto, tel or a path of the site
content-removed-why-style = these styles can hide text or lay a fake page over the site; tables keep their widths, alignment, borders and padding
content-removed-why-id = the theme's pages and scripts use this id; another element with it would break them, so choose another id

## The front-matter block (content/frontmatter.rs)

content-no-front-matter = the file does not start with front-matter
content-no-front-matter-label = expected `---` here
content-front-matter-help = start the file with a line `---`, then the fields (title: …, date: …), then another `---` line, then the article text
content-unclosed-front-matter = the front-matter is never closed
content-unclosed-front-matter-label = this `---` has no closing `---` line
content-yaml-too-deep = the front-matter nests lists and maps too deeply
content-yaml-too-deep-label = more than { $max } levels deep here
content-yaml-too-deep-help = front-matter fields are `field: value`, with lists and maps a few levels deep at most; check the indentation and the `-`, `:`, `[` and `{ "{" }` before this point
content-yaml-syntax = the front-matter is not valid YAML
# $reason: the YAML reader's own words (in English)
content-yaml-syntax-label = { $reason }
content-yaml-syntax-help = each line is `field: value`; put a value in double quotes when it contains `: `, ` #` or starts with one of [ ] { "{" } { "}" } * & ! | > ' " % @ `, and indent list items under their field with spaces, not tabs
content-front-matter-not-a-map = the front-matter must be a list of `field: value` lines
content-bad-key = a field name must be plain text

## Fields (content/frontmatter.rs)

# $kind: `article` or `page`
content-unknown-field = unknown field `{ $field }` in the { $kind ->
    [page] page
    [album] photo album
    [document] document
   *[article] article
 }
content-unknown-field-label = not a field bantin knows
content-unknown-field-rename-help = rename it to `{ $suggestion }`; custom fields for the theme go under `extra:`
content-unknown-field-help = the fields are: { $fields }; custom fields for the theme go under `extra:`
content-empty-field = the field `{ $field }` is empty
content-empty-field-label = nothing after `{ $field }:`
content-empty-field-help = write it like this: { $field }: { $example }
content-missing-field = the required field `{ $field }` is missing
content-missing-field-label = this front-matter has no `{ $field }:` line
content-missing-field-help = add a line like this between the `---` lines: { $field }: { $example }
content-not-single-line = the field `{ $field }` must be a single line of text
content-not-single-line-help = write it as `{ $field }: some text`
content-not-a-flag = the field `{ $field }` must be true or false
content-not-a-flag-label = not true or false
content-not-a-flag-help = write `{ $field }: true` or `{ $field }: false`
content-list-item-not-text = each item of `{ $field }` must be a short text
content-list-help = write `{ $field }: [first, second]`
content-not-a-list = `{ $field }` must be a list
content-flag-in-text = the field `{ $field }` must be text, not { $flag }
content-flag-in-text-label = read as true or false, not as text
content-flag-in-text-help = write the text this field should hold; if you mean the word itself, put it in quotes: "{ $flag }"
# $what: content-a-number or content-true-or-false
content-list-not-text = `{ $field }` must be a list of texts, not { $what }
content-item-not-text = each item of `{ $field }` must be text, not { $what }
content-read-as = read as { $what }
content-a-number = a number
content-true-or-false = true or false
content-aliases-not-text-help = write the old addresses as a list of paths from the site root: aliases: [/tin-tuc/chi-tiet/hoi-nghi-2019/123]
content-list-not-text-help = write it as a list in square brackets, with the value in quotes: { $field }: ["{ $value }"]; several are separated by commas: { $field }: [hội nghị, hữu nghị]
content-item-not-text-help = put the item in quotes so it is read as text: "{ $value }", e.g. { $field }: [hội nghị, "{ $value }"]
content-unknown-nested-field = unknown field `{ $parent }.{ $field }`
content-nested-fields-are = `{ $parent }` has these fields: { $fields }

## An article's fields (content/mod.rs)

content-missing-province-help = add a line like `province: An Giang`, or set the site's own province in site.toml (province = "An Giang") to make it the default
content-source-needs-name = `source` needs a `name`
content-source-example =
    write the source like this:
      source:
        name: Thời Đại
        url: https://thoidai.com.vn/…
content-bad-source-url = the source address `{ $url }` is not a web address
content-bad-source-url-help = copy the full address of the original article, starting with https://
content-image-needs-alt = the image needs a description (alt text) for readers who cannot see it
content-image-example =
    write the image like this:
      image:
        src: /images/hoi-nghi.jpg
        alt: Các đại biểu dự hội nghị
        caption: Quang cảnh hội nghị (optional)
        focus: 50% 30% (what a share picture is cropped around; optional)
content-image-missing-part = `image` needs `{ $field }`
content-missing-image = the image `{ $src }` does not exist
content-missing-image-label = no such file in static/
content-missing-image-help = put the image in the site's static/ folder and write its path from there, e.g. src: /images/2024/hoi-nghi.jpg for static/images/2024/hoi-nghi.jpg
content-image-focus = the image's `focus` is not understood: `{ $value }`
content-image-focus-help = write two percentages, from the left and from the top, e.g. focus: 50% 30% (the middle, a little above the centre), or one of the words center, top, bottom, left, right
content-body-image-no-alt = the image `{ $src }` has no description (alt text)
content-body-image-no-alt-label = a reader who cannot see the image will not know what it shows
content-body-image-no-alt-help = write the description between the square brackets, e.g. ![Delegates at the conference]({ $src }); for a purely decorative image write HTML with an empty alt: <img src="{ $src }" alt="">
content-bad-id = `id: { $value }` is not a number bantin can use
content-bad-id-label = should be a whole number from 1
content-bad-id-help = write the article's number as it was on the old portal, e.g. id: 1024
content-bad-alias = the old address `{ $alias }` is not a path on this site
content-bad-alias-help = write old addresses as paths from the site root, e.g. /tin-tuc/chi-tiet/hoi-nghi-2019/123, or with the old query string, e.g. /?p=123 or /index.php?page_id=5
# Why an old address (`aliases:`, [redirects]) is not a path of the site.
content-old-address-no-slash = it does not start with /
content-old-address-bad-character = it holds a #, a space or a backslash
content-old-address-relative = it has a relative folder (. or ..)
content-old-address-bad-query = its query string is empty or holds a second ?
content-empty-slug = no web address can be made from this text
content-empty-slug-label = has no letters or digits
content-empty-slug-help = write a slug with letters or digits, e.g. slug: hoi-nghi-tong-ket-2024
content-long-summary = the summary is very long ({ $count } characters)
content-long-summary-label = { $count } characters
content-long-summary-help = a summary is shown whole in search results, social cards, feeds and lists, which show about 160 to 300 characters; write one or two sentences (at most { $max } characters), or remove the line to use the article's first paragraph, cut at { $cut } characters
content-expires-before-date = the article expires before it is published, so it would never be shown
content-expires-before-date-label = expires { $expires }, before its date { $date }
content-expires-same-as-date-label = expires { $expires }, the same time as its date { $date }
content-expires-before-date-help = `expires` is when the article is taken off the site and must come after `date`; check the day, month and year (day first: 31/12/2024), or remove the `expires:` line to keep the article on the site
content-slug-changed = the slug `{ $input }` became `{ $slug }`
content-slug-changed-dropped = characters that cannot be in a web address were dropped
content-slug-changed-cut = cut to { $max } characters
content-slug-changed-dropped-and-cut = characters that cannot be in a web address were dropped, and it was cut to { $max } characters
content-slug-changed-help = the address is { $address }; a slug is one part of an address, made of letters, digits and dashes (no /, ., ?, # or %): write `slug: { $slug }` to keep it, or another slug
content-bad-date = `{ $field }` is not a valid date: { $value }
# $forms: examples joined with content-or
content-bad-date-help = write the date like { $forms } (day/month/year; the time is optional)
content-duplicate-id = { $first } and { $second } both have id: { $id }
content-duplicate-id-label = also the id of { $first }
content-duplicate-id-help = every article needs its own number; keep the number the old portal gave it
content-missing-id = this article has no `id:`, and its address ({ $pattern }) needs one
content-missing-id-label = no `id:` line in the front-matter
content-missing-id-help = add `id: { $next }` to the front-matter (the next free number)
content-missing-address-part = this article has no { $field }, and its address ({ $pattern }) needs one
content-missing-address-part-label = no `{ $field }:` here
content-missing-address-part-help = add a `{ $field }:` line, or change `article` under [permalinks] in site.toml
content-unknown-category = the category `{ $category }` is not in site.toml's list
content-unknown-category-suggest-help = write `category: { $suggestion }`, or add the new category to `categories` in site.toml
content-unknown-category-help = the categories are: { $categories }; to add one, list it in `categories` in site.toml

## Dates (locale/date.rs: DateError)

content-date-empty = the date is empty
content-date-unknown-format = this is not a date in a form bantin understands
content-date-bad-year = the year must have four digits, from 1900 to 9999 (found “{ $year }”)
content-date-bad-month = there is no month { $month }: months go from 1 to 12
# $month: a number from 1 to 12
content-date-no-such-day = there is no day { $day } in { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
 } { $year }, which has { $days } days
content-date-bad-time = { $time } is not a time of day: hours go from 0 to 23, minutes and seconds from 0 to 59
content-date-bad-offset = the time zone offset is not valid: write it like +07:00, or Z for UTC
content-date-nonexistent = { $local } never happened in the { $tz } time zone (the clocks jumped over it); add an offset such as +07:00
content-date-ambiguous = { $local } happened twice in the { $tz } time zone (the clocks went back); add an offset such as +07:00 to say which

## Provinces (provinces.rs)

content-unknown-province-or-city = unknown province or city "{ $input }"
content-unknown-province = unknown province `{ $input }`
content-unknown-province-label = not a Vietnamese province or city
content-unknown-province-help = write the province's name, with or without accents (e.g. Kiên Giang, kien giang, TP. Hồ Chí Minh)
# $line: what to write, e.g. province: Kiên Giang
content-unknown-province-suggest-help = write `{ $line }`; names may be written with or without accents
content-unknown-province-suggest-others-help = write `{ $line }` (or: { $others }); names may be written with or without accents

## The site as a whole (model/mod.rs)

content-menu-missing-page = site.toml links to `{ $url }`, but the site has no such page
content-menu-missing-page-label = no page at this address
content-menu-missing-page-help = link to a page that exists: / (home), /tinh/, /the/, /chuyen-muc/, /luu-tru/
content-menu-missing-page-help-pages = link to a page that exists: / (home), /tinh/, /the/, /chuyen-muc/, /luu-tru/, { $pages }
# $kind: `tag` or `category`
content-name-collision = the { $kind ->
    [tag] tags
   *[category] categories
 } `{ $first }` ({ $first_file }) and `{ $second }` ({ $second_file }) would share the page /{ $slug }/
content-name-collision-label = same address as `{ $first }`
content-name-collision-help = if they are the same { $kind ->
    [tag] tag
   *[category] category
 }, spell them the same way (`{ $first }`); if not, make the names differ in letters, not only in accents or punctuation
content-former-province = { $province } has been part of { $current } since { $since }, but this article is dated { $date }
content-former-province-label = now part of { $current }
content-former-province-help = for news after { $since } write `province: { $current }`; keep `{ $province }` only for news from before
# $what: one of the content-reserved-* places below
content-reserved-article = the article { $file } would take the address /{ $path }, where bantin puts { $what }
content-reserved-article-label = this makes the address
content-reserved-article-help = give the article another `slug:`, or change `article` under [permalinks] in site.toml
content-reserved-page = the page { $file } would take the address /{ $path }/, where bantin puts { $what }
content-reserved-page-help = news articles go in content/{ $folder }/; give this page another file name or `slug:`
content-reserved-home = the home page
content-reserved-file = a file bantin writes
content-reserved-provinces = the province pages
content-reserved-tags = the tag pages
content-reserved-categories = the category pages
content-reserved-archive = the archive
content-reserved-albums = the photo albums
content-reserved-search-page = the search page
content-reserved-search-index = the search index
content-reserved-pager = the home page's further pages
content-reserved-articles = the news articles
content-duplicate-url = { $first } and { $second } would both be published at /{ $path }
content-duplicate-url-label = same address as { $first }
content-duplicate-articles-help = give one of the two articles its own address with a `slug:` line, e.g. slug: hoi-nghi-tong-ket-2024-an-giang
content-duplicate-pages-help = rename one of the files, or give it a `slug:`

# Photo albums (content/thu-vien-anh/)
content-album-photo-no-alt = the album's photo `{ $src }` has no description (alt)
content-album-folder-photo-label = this photo is in the folder but not listed under `photos:`
content-album-photo-no-alt-help =
    list the photo under `photos:` with a description, e.g.:
      photos:
        - src: 01.jpg
          alt: Delegates of both countries exchange gifts
          caption: Exchanging gifts at the meeting
    with only a `caption`, the caption is the description; for a purely decorative photo write alt: ""
content-album-photo-no-src = a photo under `photos:` has no `src`
content-album-example =
    write each photo like this:
      photos:
        - src: 01.jpg
          alt: Delegates of both countries exchange gifts
content-album-photo-missing-help = `src` is relative to the `folder:` (e.g. 01.jpg), or a full path from static/ (e.g. /images/albums/2025/giao-luu/01.jpg)
content-album-folder = there is no photo folder `{ $folder }`
content-album-folder-label = no such folder in static/
content-album-folder-help = put the album's photos in a folder of static/ and write its path from static/, e.g. folder: /images/albums/2025/giao-luu/ for the folder static/images/albums/2025/giao-luu/
content-album-empty = the photo album has no photos
content-album-empty-help = write the photo folder as `folder:` or list the photos under `photos:`
content-album-cover = the cover `{ $src }` is not a photo of the album
content-album-cover-help = write `cover:` as the `src` of one of the album's photos, or leave `cover:` out to use the first photo
content-unknown-album = there is no photo album `{ $slug }`
content-unknown-album-help = write `album:` as the slug of a photo album in content/thu-vien-anh/, e.g. album: giao-luu-huu-nghi-viet-lao
content-duplicate-albums-help = change the title of one of the two albums, or give it a `slug:`

# Documents (content/van-ban/)
content-document-kind = `{ $kind }` is not a kind of document bantin knows
content-document-kind-label = not a known kind of document
content-document-kind-help = write `kind:` as one of: { $kinds } (with or without tones, in any case)
content-document-choice = `{ $value }` is not an accepted value of `{ $field }`
content-document-choice-help = write `{ $field }:` as one of: { $values }
content-document-file-no-src = a file under `files:` has no `src`
content-document-file-help =
    put the file in static/ and write its path from static/, e.g.:
      files:
        - src: /van-ban/2020/80-2020-nd-cp.pdf
          title: Full text (PDF)
content-document-file-missing = there is no file `{ $src }`
content-document-file-missing-label = no such file in static/
content-duplicate-document = { $first } and { $second } both describe the document { $number }
content-duplicate-document-label = the same number as in { $first }
content-duplicate-document-help = keep one of the two files; if they are different documents, correct the `number:` of one
content-unknown-document = the library has no document { $number }
content-unknown-document-label = no document in content/van-ban/ has this number
content-unknown-document-help = the number is shown without a link; add the document to content/van-ban/ to link it, or check how the number is written (e.g. 147/2024/NĐ-CP)
content-document-kind-number = the number { $number } is a { $said }'s, but `kind:` says { $kind }
content-document-kind-number-label = this symbol is a { $said }'s
content-document-kind-number-help = if it is a { $said }, change `kind:` to { $said }; if it really is a { $kind }, check the number
content-duplicate-documents-help = give one of the two documents its own address with a `slug:` line
content-reserved-documents = the documents library
