## bantin init and bantin new, and what they left for the editor to replace.

scaffold-init-exists = { $path } already holds a site (site.toml exists); nothing was written
scaffold-cannot-write = could not write { $path }: { $error }
scaffold-new-empty-slug = no web address can be made from the title `{ $title }`: it has no letters or digits
scaffold-new-exists = { $path } already exists; nothing was written (choose another title, or edit that file)
scaffold-new-needs-province = the site has no province of its own (no `province =` in site.toml), so the article needs --province
scaffold-new-invalid = the new article would not be valid; nothing was written
scaffold-new-invalid-help = fix --province, --category or --tags

## Placeholders: what init and new wrote for the editor to replace (site::placeholder).
scaffold-placeholder-setting = `{ $key }` still holds what `bantin init` wrote: { $placeholder }
scaffold-placeholder-label = a placeholder
scaffold-placeholder-setting-help = write the union's own { $what }
scaffold-what-name = name
scaffold-what-description = description
scaffold-what-base-url = address on the web (or pass --base-url)
scaffold-what-parent = parent body (cơ quan chủ quản)
scaffold-what-address = address
scaffold-what-phone = phone number
scaffold-what-email = e-mail address
scaffold-what-editor = editor's name (người chịu trách nhiệm nội dung)
scaffold-placeholder-title = “{ $title }” is the example article that `bantin init` wrote
scaffold-placeholder-title-help = delete this file, or write the union's first news in it
scaffold-placeholder-body = the text still holds what bantin wrote for you to replace: “{ $text }”
scaffold-placeholder-body-help = write the article's own text in place of the example
