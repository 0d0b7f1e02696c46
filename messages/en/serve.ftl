## bantin serve: the preview.

serve-bind = cannot listen on { $address }: { $reason }
serve-bind-help = another program (perhaps another `bantin serve`) may be using this port: stop it, or choose another port with --port
serve-watch = cannot watch { $path }: { $reason }
# Over every page of the preview while the last build failed; the errors follow it.
serve-overlay-heading = bantin: the page was not updated because of errors — fix them and save, and the page reloads by itself.
# The answer to an address the site does not have, when it has no not-found page of its own.
serve-not-found = 404

## The preview's visitor counter (/__bantin/counter), as the counter box's requests get it.
serve-counter-not-json = the body is not the counter's JSON: { $error }
serve-counter-bad-session = `session` must be 8 to 64 letters, digits or dashes
serve-counter-method = use GET or POST
# The system's own words.
serve-counter-unreadable = { $error }
