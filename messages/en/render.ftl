## Rendering the site: templates, feeds, redirects (src/render/), and addresses (src/route.rs)

# One broken template line reported for several pages.
render-more-pages = { $message } (and { $more ->
    [one] one more page
   *[other] { $more } more pages
 })

## What a page is made from, named in template errors: $page is render-page

render-page = /{ $path } ({ $origin })
render-origin-home = the home page
render-origin-list = the list { $path }
render-origin-index = the index /{ $path }
render-origin-not-found = the 404 page
render-origin-file = { $path }

## The theme's templates

render-missing-templates = the theme has no template { $templates }
render-missing-templates-help = a theme needs templates/{ $required }
render-context = the page /{ $path } cannot be given to its template: { $error }
# The date_vi filter's error, which Tera shows as it is (also as its own text, in English).
render-date-vi-not-a-date = date_vi needs a date like 2020-05-27T08:30:00+07:00 or 2020-05-27, got `{ $value }`
render-tera-help = Tera templates write values as { "{{ name }}" } and tags as { "{% if … %}…{% endif %}" }; see https://keats.github.io/tera/docs/
render-help-keyword-argument = filters and functions take their arguments by name, e.g. { "{{ url(path=\"/gioi-thieu/\") }}" } or { "{{ article.date | date_vi(format=\"date\") }}" }
render-help-invalid-type = this filter or function cannot use this kind of value; convert it first (e.g. { "{{ x | int }}" }, { "{{ x | str }}" }) or give it another value
# $error: what Tera says (English).
render-tera-says = { $error }
render-tera-error = { $error }
render-template-syntax = template syntax error in { $template }
render-template-render = template error in { $template } while rendering { $page }
render-templates-do-not-fit = the theme's templates do not fit together: { $error }
render-template-failed = the template { $template } failed while rendering { $page }: { $error }
render-did-you-mean = did you mean `{ $suggestion }`?
# $list: what the names are (render-undefined-list, render-filters, render-blocks …).
render-rename = rename it to `{ $suggestion }`; { $list }

## A name a template uses that the page does not have: $what is variable or field

render-undefined-list = the { $what ->
        [variable] variables
       *[other] fields
    } here are: { $names }
render-undefined-label = no { $what ->
        [variable] variable
       *[other] field
    } `{ $name }` here
-render-undefined-default = a value that only some pages have can be given a default, e.g. { "{{ article.image | default(value=\"\") }}" }, or tested first: { "{% if article.image is defined %}" }
render-undefined-help = { -render-undefined-default }
render-undefined-help-list = { $list }; { -render-undefined-default }

## Unknown filters, tests, functions, components, blocks and templates

render-unknown-component = unknown component `{ $name }`
render-unknown-component-label = no component by this name
render-unknown-component-help = define it in a template with { "{% component name(…) %}…{% endcomponent %}" }, or check its spelling
render-unknown-filter = unknown filter `{ $name }`
render-unknown-test = unknown test `{ $name }`
render-unknown-function = unknown function `{ $name }`
# $what: filter, test or function.
render-unknown-name-label = no { $what ->
        [filter] filter
        [test] test
       *[other] function
    } by this name
render-filters = bantin's filters are { $ours }; Tera's are { $teras }
render-tests = the tests (`is …`) are { $teras }
render-functions = bantin's functions are { $ours }; Tera's are { $teras }
render-unknown-block = block `{ $name }` is not in the template this one extends
render-blocks = the blocks it can fill are: { $blocks }
render-blocks-none = the template it extends has no blocks
render-unknown-block-label = no block by this name above this template
render-unknown-block-help = a page only shows the blocks its parent template has; { $list }
render-unknown-template = the template `{ $name }` does not exist
render-unknown-template-label = no template by this name
render-unknown-template-write = write `{ $suggestion }`; the templates are: { $names }
render-unknown-template-help = the templates are: { $names } (a template of the site is templates/<name>)

## Templates that extend or include each other in a circle: $circle is the templates joined by →

render-extends-itself = the template `{ $template }` extends itself
render-extends-circle = templates extend each other in a circle
render-extends-circle-label = extending `{ $template }` closes the circle
render-extends-circle-help = a template cannot extend itself, directly or through others: { $circle }; make one of them extend another template (the built-in pages extend base.html)
render-includes-itself = the template `{ $template }` includes itself
render-includes-circle = templates include each other in a circle
render-includes-circle-label = including `{ $template }` closes the circle
render-includes-circle-help = including would never end: { $circle }; remove one of these includes

## Old addresses (aliases:, former permalink patterns, [redirects]): who has an address already

render-claimant-home = the home page
render-claimant-page = the page /{ $path }
render-claimant-old-address = an old address of { $file }
render-claimant-redirect = site.toml:{ $line } ([redirects])
render-previous-address-taken = the old address /{ $address } of this article now belongs to another page: no redirect is made there
render-previous-address-taken-help = if links to the old address matter, give this article an `aliases:` entry elsewhere, or change the other page's address
render-redirect-from-page = the old address { $address } is already a page of this site
render-redirect-from-page-help = the address works already: remove this line (a redirect there would hide the page)
# $other: render-claimant-….
render-old-address-taken = the old address { $address } is already used by { $other }
render-redirect-taken-label = claimed twice
render-redirect-taken-help = keep one of the two: one old address can lead to one page only
render-alias-taken-help = remove this alias, or the other one; one address can lead to one page only
render-redirect-missing-page = site.toml sends { $from } to `{ $to }`, but the site has no such page
render-redirect-missing-page-label = no page at this address
-render-redirect-targets = lead it to a page that exists: / (home), a list such as /chuyen-muc/<slug>/, /the/<slug>/, /luu-tru/<year>/<month>/, a feed such as /rss.xml, an article or a page
render-redirect-missing-page-help = { -render-redirect-targets }
render-redirect-missing-page-help-suggest = did you mean { $suggestion }? { -render-redirect-targets }


## The articles' address pattern ([permalinks] in site.toml)

-render-pattern-example-list = e.g. "/tin-tuc/:slug/", "/:year/:month/:day/:slug/" or "/tin-tuc/:slug-:id.html"
render-pattern-examples = { -render-pattern-example-list }
render-pattern-no-slash = the address pattern `{ $pattern }` does not start with /
render-pattern-no-slash-help = write it from the site root, { -render-pattern-example-list }
render-pattern-bad-character = an address cannot hold `{ $character }`
render-pattern-bad-character-help = use letters, digits, - and / only, { -render-pattern-example-list }
render-pattern-relative = the address pattern `{ $pattern }` has an empty or relative folder
render-pattern-bad-end = the address pattern `{ $pattern }` ends neither in / nor in .html
render-pattern-bad-end-help = end it with / (a folder page, as bantin's own pages are) or with .html (as many old portals do)
# $field and $names are written with their colon: `:sulg`, `:year, :month …`.
render-pattern-unknown-field = `{ $field }` is not a part of an address bantin knows
render-pattern-unknown-field-help = a pattern may use { $names }
render-pattern-unknown-field-help-suggest = did you mean `{ $suggestion }`? a pattern may use { $names }
render-pattern-adjacent-fields = `{ $field }` follows another field with nothing between them
render-pattern-adjacent-fields-help = put a - or / between two fields, e.g. :slug-:id
render-pattern-not-unique = with the address pattern `{ $pattern }`, two articles could share one address
render-pattern-not-unique-help = put :slug, :stem or :id in it, { -render-pattern-example-list }
# $what: render-reserved-….
render-pattern-reserved = the address pattern `{ $pattern }` puts articles in /{ $folder }/, where bantin puts { $what }
render-pattern-reserved-help = choose another first folder, { -render-pattern-example-list }
render-picture-image = picture() needs image= to be an image of the page (e.g. article.image), with src and alt
