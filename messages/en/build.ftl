## bantin build: the build as a whole, and the output folder.

build-site-errors = the site has { $count } error(s)

## The output folder.
build-output-io = could not { $action ->
        [create] create
        [read] read
        [write] write
        [copy] copy
        [list] list
        [clear] clear
        [move-aside] move aside
        [move-in] move the new build into
        [move-into-place] move into place
        [remove-old-build] remove the old build
        [remove-leftover] remove the leftover
       *[remove] remove
    } { $path }: { $error }
build-output-unsafe = refusing to use { $path } as the output folder: { $why }
build-unsafe-is-file = it is a file, not a folder
build-unsafe-outside = a file would be written outside the output folder
build-unsafe-manifest = { $manifest } is the name of bantin's own list of files
build-unsafe-duplicate = two files of the build have this path
build-unsafe-holds-site = it contains the site's own files
build-unsafe-is-source = it is the site's { $dir }/ folder, which holds the site's sources
build-unsafe-in-source = it is inside the site's { $dir }/ folder, which holds the site's sources
build-unsafe-looks-like-site = it looks like a site or a repository, not a build output
build-output-unsafe-help = build into a folder of its own, e.g. the default <site>/public, or --output ../public-site
build-output-foreign = refusing to build into { $path }: it holds { $total ->
        [one] { $total } file
       *[other] { $total } files
    } that bantin did not write: { $files }
build-output-foreign-help = bantin replaces and removes only the files it wrote, listed in { $manifest } in the output folder. Build into a new or empty folder, or move those files away (files to publish with the site belong in static/). To build anyway and leave them untouched, add --keep-foreign-files
build-output-foreign-no-manifest-help = this folder has no { $manifest }, so bantin cannot tell which files it wrote, and these are files this build does not make. If the folder is the output of an older bantin, delete it and build again. To build anyway — replacing the files this build makes and leaving the others untouched — add --keep-foreign-files
build-output-would-replace = refusing to build into { $path }: the build would replace { $total ->
        [one] { $total } file
       *[other] { $total } files
    } that bantin did not write: { $files }
build-output-would-replace-help = move or rename those files (files to publish with the site belong in static/), or build into another folder
build-output-and-more = { $files } (and { $more } more)

## The stages of a build, as --timings lists them (∥: side by side with the stages around it).
build-stage-theme = theme
build-stage-index = index: lists, terms, related
build-stage-plan = plan: a job per page
build-stage-site-files = sitemaps, robots, redirects
build-stage-links = links: look up the bodies' links
build-stage-cms = the CMS at admin/
build-stage-find = find content files
build-stage-images = images: resize, encode, clean
build-stage-read = read, parse, render Markdown
build-stage-render = ∥ render pages
build-stage-feeds = ∥ feeds
build-stage-search = ∥ search index
build-stage-commit = move into the output folder
build-stage-serve-index = serve: index the files
build-stage-serve-swap = serve: swap in
build-stage-other = { $name }
build-image-copy-clash = bantin must write the resized copy `{ $path }` of the image `{ $image }`, but the site already has a file of that name
build-image-copy-twice = the images `{ $image }` and `{ $other }` make the same resized copy `{ $path }`
build-image-copy-clash-help = rename one of the two files: resized copies are named after the original with their width (e.g. hoi-nghi-480w.webp)
