## site.toml and the theme it names (src/config.rs, src/theme.rs)

## The language of bantin's messages: `messages`

config-messages-unknown = messages = "{ $value }" is not a language bantin speaks
config-messages-unknown-label = should be "vi" or "en"
config-messages-unknown-help = bantin speaks Vietnamese (messages = "vi", the default) and English (messages = "en"); this is the language of bantin's own messages, not of the site's content (that is `language`)

## Reading site.toml

config-unreadable = cannot read { $path }: { $error }
config-unreadable-help = run `bantin build` in the site's folder, pass --source DIR, or create a site with `bantin init DIR`
config-syntax = site.toml is not valid TOML
# $error: what the TOML reader says (English).
config-syntax-label = { $error }
config-syntax-help = TOML writes settings as `key = "value"`; text needs double quotes, a block of settings starts with [name] on a line of its own
config-syntax-brackets-label = more than { $max } `[` and `{"{"}` by here
config-syntax-brackets-help = a site's settings have a few dozen brackets: look for text pasted in by mistake

## A line of site.toml that sets a setting well, for the help of a problem with it

config-example-title = title = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-example-description = description = "Cổng thông tin điện tử của Liên hiệp"
config-example-base-url = base_url = "https://example.github.io/lhhn-angiang/"
config-example-language = language = "vi"
config-example-messages = messages = "vi"
config-example-timezone = timezone = "Asia/Ho_Chi_Minh"
config-example-theme = theme = "default"
config-example-province = province = "An Giang"
config-example-page-size = page_size = 10
config-example-categories = categories = ["Tin tức hoạt động", "Đối ngoại nhân dân"]
config-example-image = image = "/images/bang-ron.jpg"
config-example-menu = [[menu]] followed by name = "Giới thiệu" and url = "/gioi-thieu/"
config-example-links = [[links]] followed by name = "VUFO" and url = "https://vufo.org.vn/"
config-example-feeds = [feeds] followed by limit = 20
config-example-full-content = full_content = false
config-example-provinces = [provinces] followed by include_merged = true
config-example-markdown = [markdown] followed by raw_html = "sanitize"
config-example-permalinks-previous = previous = ["/tin-tuc/:slug/"]
config-example-permalinks = [permalinks] followed by article = "/tin-tuc/:slug/"
config-example-redirects = [redirects] followed by "/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/"
config-example-counter = [counter] followed by endpoint = "https://dem.example.vn/luot-truy-cap"
config-example-organization = [organization] followed by name = "…", parent = "…" and the other lines
config-example-organization-name = name = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-example-organization-short-name = short_name = "AGUFO"
config-example-organization-parent = parent = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang"
config-example-organization-address = address = "Số 10 đường Lê Lợi, phường Long Xuyên, tỉnh An Giang"
config-example-organization-phone = phone = "0296 3852 111"
config-example-organization-fax = fax = "0296 3852 112"
config-example-organization-email = email = "lienhiep@angiang.gov.vn"
config-example-organization-editor = editor = "Nguyễn Văn An"
config-example-organization-editor-title = editor_title = "Trưởng Ban biên tập"
config-example-organization-licence = licence = "Giấy phép số …/GP-STTTT ngày … do … cấp"
config-example-other = key = "value"
# Several examples: $first and the others ($rest).
config-examples = { $first }; { $rest }

## A setting of the wrong kind: what it should be ($what), how that is written ($how), what it is ($found)

config-kind-text = text
config-kind-text-how = text is written in double quotes
config-kind-number = a whole number
config-kind-number-how = numbers are written without quotes
config-kind-bool = true or false
config-kind-bool-how = write true or false, without quotes
config-kind-texts = a list of texts
config-kind-texts-how = a list is written in square brackets, each text in double quotes
config-kind-table = a block of settings
config-kind-table-how = a block starts with its name in square brackets on a line of its own
config-kind-links = a list of links
config-kind-links-how = each link is a block of its own with a name and a url
config-found-text = text
config-found-integer = a whole number
config-found-float = a decimal number
config-found-bool = true/false
config-found-date = a date
config-found-list = a list
config-found-table = a block of settings
config-found-tables = a list of blocks
config-found-nothing = nothing
config-invalid = `{ $name }` should be { $what }
config-invalid-each = each of `{ $name }` should be { $what }
config-invalid-label = this is { $found }, not { $what }
config-invalid-help = { $how }, e.g. { $example }

## Settings

config-base-url = base_url `{ $url }` is not usable: { $why }
config-base-url-no-scheme = it must start with https:// or http://
config-base-url-bad-character = it may not contain spaces, quotes, ? or #
config-base-url-no-host = it has no host name
config-base-url-label = this address
config-base-url-help = write the site's public address with http:// or https://, e.g. base_url = "https://example.github.io/portal/"
config-timezone = unknown timezone `{ $name }`
config-timezone-label = not an IANA timezone name
config-timezone-help = Vietnam is "Asia/Ho_Chi_Minh" (the default; you can leave timezone out)
config-page-size = page_size { $value } is out of range
config-page-size-label = must be between 1 and { $max }
config-page-size-help = the number of articles on one list page, e.g. page_size = 10
config-feed-limit = feeds.limit { $value } is out of range
config-feed-limit-label = must be between 1 and 1000
config-feed-limit-help = the number of newest articles in each feed, e.g. limit = 20
config-title-empty = the site title is empty
config-title-empty-help = e.g. title = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-counter = the counter endpoint `{ $endpoint }` is not a web address
config-counter-help = write the counting service's address with https://, e.g. endpoint = "https://dem.example.vn/luot-truy-cap"; leave it out to show no counter
-config-raw-html-modes = "sanitize" (the default) removes scripts and other unsafe HTML from articles and reports it; "trusted" publishes HTML exactly as written, so that anyone who can write an article can run scripts in the browser of every reader: only for sites where every writer is trusted and no article is imported from elsewhere
config-raw-html = raw_html = "{ $value }" is not a way of handling HTML that bantin knows
config-raw-html-label = should be "sanitize" or "trusted"
config-raw-html-help = { -config-raw-html-modes }
config-raw-html-help-suggest = did you mean "{ $suggestion }"? { -config-raw-html-modes }
# Points at the bad part of an address pattern ([permalinks]); the message is render-pattern-….
config-permalink-label = here

## [redirects]

config-redirect-from = the old address `{ $address }` is not a path on this site
config-redirect-from-help = write the old address as a path from the site root, with its query string if it had one, e.g. "/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/" or "/?cat=3" = "/chuyen-muc/tin-tuc-hoat-dong/"
config-redirect-to = `{ $address }` is neither a path of this site nor a web address
config-redirect-to-label = should be a path such as /chuyen-muc/tin-tuc/ or a https:// address
config-redirect-to-help = write where the old address leads now: a page of this site as a path from the site root (no query string or #), e.g. "/chuyen-muc/tin-tuc-hoat-dong/", "/rss.xml", or another site's full address

## Required settings

config-organization-missing = the required block [organization] is missing
config-organization-missing-label = site.toml has no [organization] block
config-organization-missing-help = add at the end of site.toml a line [organization] followed by the lines { $lines } (see the site.toml section of the README): every page's footer shows who publishes the site, as TT 09/2014/TT-BTTTT and NĐ 147/2024/NĐ-CP ask of a news site
config-missing = the required setting `{ $key }` is missing
config-missing-label = site.toml has no `{ $key } = …` line
config-missing-help = add it near the top of site.toml, above the first [block] line (a setting below one belongs to that block), e.g. { $example }
config-missing-in = the required setting `{ $key }` is missing from [{ $table }]
config-missing-in-label = this block has no `{ $key } = …` line
# $keys: the settings, each in backticks, separated by commas.
config-missing-several-in = required settings are missing from [{ $table }]: { $keys }
config-missing-several-in-label = this block has no { $keys }
config-missing-in-help = add below [{ $table }] lines like: { $examples }
config-missing-in-organization-help = add below [{ $table }] lines like: { $examples }; every page's footer shows the publisher's name, parent body, address, phone, email and the person answering for the content, as TT 09/2014/TT-BTTTT and NĐ 147/2024/NĐ-CP ask of a news site

## [[menu]] and [[links]]: $kind is menu or sidebar; $missing is name, url or both

config-link-missing = a { $kind ->
        [menu] menu
       *[other] sidebar
    } link has no { $missing ->
        [name] name
        [url] url
       *[other] name and url
    }
config-link-missing-label = this link needs { $missing ->
        [name] a `name`
        [url] a `url`
       *[other] a `name` and a `url`
    }
config-link-missing-help = each link has a name and an address, e.g. { $example }
config-link-url = the { $kind ->
        [menu] menu
       *[other] sidebar
    } link `{ $url }` is neither a site path nor a web address
config-link-url-label = should start with / or https://
config-link-url-help = write pages of this site as paths from the site root, e.g. url = "/gioi-thieu/"; other sites as full addresses

## Unknown settings: $known lists the settings of the block

config-unknown-key = unknown setting `{ $key }` in site.toml
config-unknown-key-label = not a setting bantin knows
config-unknown-key-help = the settings here are: { $known }
config-unknown-key-suggest-label = did you mean `{ $suggestion }`?
config-unknown-key-suggest-help = rename it to `{ $suggestion }`; the settings here are: { $known }

## The theme (src/theme.rs)

config-theme-not-found = the theme `{ $theme }` does not exist
config-theme-not-found-label = no folder themes/{ $theme }/
config-theme-not-found-help = use theme = "default" (built in)
config-theme-not-found-help-folders = use theme = "default" (built in), or one of the folders in themes/: { $folders }
config-template-unreadable = cannot read the template: { $error }
config-theme-unreadable = cannot read { $path }: { $error }

# [cms]: the browser CMS of the published site (/admin/)
config-example-cms = [cms] followed by backend = "github" and repo = "lienhiep-angiang/cong-thong-tin"
config-example-cms-backend = backend = "github"
config-example-cms-repo = repo = "lienhiep-angiang/cong-thong-tin"
config-example-cms-workflow = editorial_workflow = false
config-kind-numbers = a list of whole numbers
config-kind-numbers-how = a list is written in square brackets, the numbers separated by commas
config-example-images = [images] followed by, e.g., widths = [480, 960, 1600] and quality = 75
config-example-images-widths = widths = [480, 960, 1600]
config-example-images-quality = quality = 75
config-images-range = { $key } = { $value } is out of range
config-images-range-label = must be from { $min } to { $max }
config-images-help = for example: { $example }
config-images-focus = focus = "{ $value }" is not understood
config-images-widths = widths must be a list of image widths (pixels), each from 16 to 8192
config-cms-backend = backend = "{ $value }" is not a Git host the CMS can work with
config-cms-backend-label = should be "github", "gitlab" or "gitea"
config-cms-backend-help = write where the site's repository is kept: "github", "gitlab" (self-hosted GitLab too) or "gitea" (Forgejo and Codeberg too)
config-cms-backend-help-suggest = did you mean "{ $suggestion }"? The hosts are "github", "gitlab" and "gitea"
config-cms-repo = `{ $repo }` is not the name of a repository
config-cms-repo-label = should be owner/name
config-cms-repo-help = write the repository's name as in its address, e.g. repo = "lienhiep-angiang/cong-thong-tin" for https://github.com/lienhiep-angiang/cong-thong-tin
config-cms-address = `{ $key }` = "{ $value }" is not a web address
config-cms-address-label = should start with https://
config-cms-address-help = write the whole address, starting with https://, e.g. { $key } = "https://git.angiang.example"
config-cms-gitea = [cms] with backend = "gitea" lacks { $keys }
config-cms-gitea-help = Gitea is always a server of your own: add base_url = "https://git.angiang.example" (the Gitea server's address) and app_id = "…" (the id of the OAuth application made in Gitea for the CMS)
config-cms-workflow = the CMS with backend = "{ $backend }" has no editorial workflow (draft → in review → ready)
config-cms-workflow-help = remove editorial_workflow = true; articles are then published when "Publish" is clicked; or use GitHub or GitLab if the board needs an approval step
config-cms-github-login = [cms] with backend = "github" has no `base_url`: editors would log in through Netlify's service, which only works for a site hosted on Netlify
config-cms-github-login-help = add base_url = "https://…", the address of the site's OAuth login server (see the README, "Editing in the browser"); for a site on Netlify write base_url = "https://api.netlify.com"
config-images-missing-alt = missing_alt = "{ $value }" is not understood
config-images-missing-alt-help = write "error" (an image without a description is an error, the default) or "warning" (only a warning, while the descriptions of an imported archive are written)
