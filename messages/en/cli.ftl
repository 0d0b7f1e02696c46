## What the `bantin` command prints (src/main.rs).

# "error: …" before a line that says why a command failed.
cli-error = error: { $text }
cli-help = help: { $text }

## bantin init
cli-init-done = created a new site in { $dir } ({ $count } files); build it with: bantin build --source { $dir }

## bantin build
cli-timings-stage = stage (∥: side by side)
cli-timings-time = time
cli-timings-memory = memory after
cli-output-in = output in { $path }
cli-built = built { $pages } pages, { $other } feeds and other files, { $statics } static files{ $images } in { $seconds } s{ $warnings }{ $held_back }
cli-built-warnings = { $count ->
    [one] {" "}(1 warning)
   *[other] {" "}({ $count } warnings)
}
cli-built-images = {" "}({ $images } { $images ->
        [one] image
       *[other] images
    }: { $encoded } { $encoded ->
        [one] file
       *[other] files
    } encoded, { $reused } from the cache)
cli-held-back = ; held back: { $parts }
cli-held-back-scheduled = { $count } scheduled
cli-held-back-draft = { $count } draft
cli-held-back-expired = { $count } expired
cli-next-change = ; next change due { $when }
cli-output-updated = output updated: { $changed } files written, { $unchanged } unchanged, { $removed } removed
cli-output-kept = kept { $count ->
    [one] 1 file
   *[other] { $count } files
} in the output folder that bantin did not write (--keep-foreign-files)
cli-output-leftovers = removed { $count ->
    [one] 1 staging folder
   *[other] { $count } staging folders
} left beside the output by an interrupted build
cli-build-failed = the site has { $count ->
    [one] 1 error
   *[other] { $count } errors
}; nothing was written, the output folder is unchanged
cli-output-unchanged = nothing was changed in the output folder
cli-progress-reading = reading
cli-progress-rendering = rendering

## bantin new
cli-config-errors-nothing-written = site.toml has errors; nothing was written
cli-new-invalid = the new article would not be valid; nothing was written (fix --province, --category or --tags)

## bantin check
cli-json-failed = cannot write the JSON report: { $reason }
cli-check-external-skipped = {" "}({ $count } external not checked: use --external)
cli-check-external = {" "}({ $count } external, { $cached } answered from the cache)
cli-check-summary = checked { $articles ->
    [one] 1 article
   *[other] { $articles } articles
}, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $links ->
    [one] 1 link
   *[other] { $links } links
}{ $external }: { $broken ->
    [0] nothing broken
   *[other] { $broken } broken
}
cli-check-old-urls = checked { $count ->
    [one] 1 old address
   *[other] { $count } old addresses
}: { $kept } kept, { $lost } would be lost
cli-check-documents = documents cited in the articles: { $citations ->
    [one] 1 citation
   *[other] { $citations } citations
}, { $linked } linked to the documents library; { $missing ->
    [one] 1 document cited is
   *[other] { $missing } documents cited are
} not in the library
cli-check-documents-hint = to list the documents the library lacks and where they are cited: bantin check --missing-documents
cli-check-missing-document = – { $document }: cited { $count ->
    [one] once
   *[other] { $count } times
}, at { $places }
cli-check-not-checked = the site has { $count ->
    [one] 1 error
   *[other] { $count } errors
}; links were not checked

## bantin serve
cli-serving = serving { $url } (press Ctrl+C to stop)
cli-serve-built = built { $pages } pages in { $ms } ms ({ $rerendered } re-rendered)
cli-serve-failed = { $count ->
    [one] 1 error
   *[other] { $count } errors
}; still serving the last good pages, fix the file and save

## bantin import
cli-import-sample = sample of { $count } pages: nothing was written; without --sample the import runs
cli-import-config-errors = site.toml has errors; nothing was imported
cli-import-mapping-errors = the mapping file has errors; nothing was imported
cli-import-unreadable = the file could not be read; nothing was imported
