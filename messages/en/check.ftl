## bantin check: the links and images of the site's Markdown, external links, old addresses.

## A link that leads nowhere.
check-broken-link = broken link `{ $url }`
check-broken-link-label = no such page or file
check-missing-image = missing image `{ $url }`
check-missing-image-label = no such file
check-nothing-at = no page or file at { $address }
check-above-root = { $address } (it climbs above the site root)
check-base-path-hint = bantin adds the base path { $base } to links itself: write /{ $rest }
check-did-you-mean = did you mean { $suggestion }?
check-static-hint = files in static/ are published at the site root: static/images/a.jpg is /images/a.jpg
# A help of two parts.
check-then = { $first }; { $then }

## A link to an article that is not on the site now.
check-link-to-draft = the link `{ $url }` leads to an article that is a draft
check-link-to-draft-help = the link works once the article's `draft: true` is removed; until then readers get the not-found page
check-link-to-scheduled = the link `{ $url }` leads to an article that is scheduled for { $date }
check-link-to-scheduled-help = the link works from the article's date on; until then readers get the not-found page
check-link-to-expired = the link `{ $url }` leads to an article that is taken off the site (past its `expires:`)
check-link-to-expired-help = readers get the not-found page: remove the link, or the article's `expires:`
check-link-to-held-back-label = not published now

## A link to a place in a page (#…) that the page does not have.
check-broken-anchor = broken anchor `{ $url }`
check-anchor-label-here = no such anchor on this page
check-anchor-label-there = no such anchor on that page
check-anchor-help-here = no heading or footnote with id `{ $id }` on this page
check-anchor-help-there = no id `{ $id }` on { $page }
check-headings = its headings: { $headings }

## External links (--external).
check-external-broken = broken link `{ $url }`
check-external-status = the server answered { $status }
# $reason is HTTP's own phrase for the status (Not Found).
check-external-status-reason = the server answered { $status } { $reason }
check-external-failed-label = could not fetch it
check-external-status-help = fix or remove the link; answers are kept for 24 hours in { $cache } (delete it to check again at once)
check-external-failed-help = { $error }; network errors are not cached, the next check tries again
check-external-timeout = no answer within { $seconds } s
check-external-no-host = the host name does not resolve
check-external-redirects = too many redirects
# The HTTP library's own words.
check-external-error = { $error }
check-external-not-checked = not checked
check-cache-save = cannot save the link cache { $path }: { $error }
check-cache-save-help = the next `bantin check --external` fetches every link again

## The old site's addresses (--old-urls).
check-old-urls-file = cannot read the list of old addresses { $path }: { $error }
check-old-urls-file-help = give a text file with one old URL or path per line, e.g. made from the old site's sitemap.xml
check-old-url-lost = the old address `{ $address }` would be lost
check-old-url-lost-nothing = no page, file or redirect at this address
check-old-url-lost-home = the home page would be shown, not what this query named
check-old-url-lost-no-entry = no page, file or redirect at this address, and no entry in the redirect map
check-old-url-redirect = a line `"{ $address }" = "/new/address/"` under [redirects] in site.toml
check-old-url-help-query = the old site named a post or page by this query (WordPress: its number); add "{ $address }" to the `aliases:` of the article or page it was, or { $redirect }
check-old-url-help-same-slug = did you mean { $suggestion }? add "{ $address }" to the `aliases:` of { $file }, or { $redirect }
check-old-url-help-close = did you mean { $suggestion }? keep the old address with { $redirect }
check-old-url-help-none = no address of the site is close to it; keep it with { $redirect }, or in the `aliases:` of the article it was
check-citation-date = the article gives { $document } the date { $written }, but the documents library says it was issued on { $issued }
check-citation-date-label = the library says { $issued }
check-citation-date-help = one of the two dates is wrong: fix the date in the article, or the `issued:` line in { $file }
