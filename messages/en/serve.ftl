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

## The CMS's local backend (/__bantin/api/v1): the CMS shows these in its error notices.
serve-cms-off = the CMS cannot read or save the site's files through this preview: it was started with `--bind { $address }`, which other computers on the network can reach, and the CMS asks for no password. Start `bantin serve` without `--bind` on the computer you edit on, and open the CMS there; to edit from another computer, use the CMS of the published site (with its Git account)
serve-cms-remote = refused: the request comes from another computer ({ $address }); the CMS's local backend answers this computer only
serve-cms-host = refused: the request is addressed to `{ $host }`, not to this preview (`127.0.0.1:{ $port }` or `localhost:{ $port }`); open the CMS at the preview's own address
serve-cms-method = the CMS's local backend takes POST requests only
serve-cms-no-origin = refused: a request that changes the site must say which page sent it (`Origin`); only this preview's CMS page may send one
serve-cms-origin = refused: the request was sent by a page of `{ $origin }`, not by this preview's CMS page (`{ $own }`)
serve-cms-cross-site = refused: the browser says that the request comes from another site (`Sec-Fetch-Site: { $value }`)
serve-cms-not-json = refused: the request must be JSON (`Content-Type: application/json`), not `{ $content_type }`
serve-cms-too-large = the request is larger than { $limit } MB: save fewer or smaller photos at a time
serve-cms-unreadable = could not read the request: { $error }
serve-cms-bad-json = the request is not JSON: { $error }
serve-cms-bad-params = the request `{ $action }` lacks something or has a wrong value: { $error }
serve-cms-no-files = the request `persistEntry` names no file to save (`dataFiles`)
serve-cms-unknown-action = unknown request `{ $action }`: this preview answers the CMS in simple publishing only (the CMS's configuration must not say `publish_mode: editorial_workflow`)
serve-cms-path-empty = a path is empty, or names the site folder itself
serve-cms-path-absolute = `{ $path }`: a path starts from the site folder (like `content/tin-tuc/bai-viet.md`), not with `/`
serve-cms-path-character = `{ $path }`: a path may not contain a backslash, `:` or a NUL character
serve-cms-path-outside = `{ $path }` is outside the site folder
serve-cms-path-hidden = `{ $path }`: files and folders whose name starts with `.` are not for the CMS
serve-cms-path-not-allowed = `{ $path }`: the CMS may only change articles and pages (`.md` files in `content/`), photos (in `static/images/`) and documents' files (in `static/van-ban/`)
serve-cms-path-not-markdown = `{ $path }`: only articles and pages, `.md` files, go into `content/`
serve-cms-path-not-image = `{ $path }`: only photos go into `static/images/`: JPEG, PNG, WebP, GIF or AVIF files (not SVG or HTML, which could run code in the browser)
serve-cms-path-not-document = `{ $path }`: only documents' files go into `static/van-ban/`: { $types } (not programs such as `.exe`, nor HTML or SVG, which could run code on the computer)
serve-cms-path-link = `{ $path }` leads through a link (symlink) out of the site's `{ $area }` folder
serve-cms-path-not-folder = `{ $path }`: a part of this path is a file, not a folder
serve-cms-path-is-folder = `{ $path }` is a folder, not a file
serve-cms-path-unreadable = cannot look at `{ $path }`: { $error }
serve-cms-not-found = `{ $path }` does not exist
serve-cms-not-utf8 = `{ $path }` is not UTF-8 text, so the CMS cannot edit it without damaging it; `bantin check` shows where
serve-cms-encoding = the photo `{ $path }` came in the encoding `{ $encoding }`; only `base64` is understood
serve-cms-not-base64 = the photo `{ $path }` did not arrive as base64: { $error }
serve-cms-not-image = `{ $path }` is not a photo: its content is not JPEG, PNG, WebP, GIF or AVIF
serve-cms-not-document = `{ $path }` is not a real { $kind } file: its content does not begin as a { $kind } file does (perhaps another file renamed). Open the original and save (or export) it as { $kind }, then upload it again
serve-cms-document-too-large = `{ $path }` is about { $size } MB, over the { $limit } MB limit for a document's file: make it smaller (say, scan it again at a lower resolution) or split it into several files
serve-cms-document-exists = another file of that name is already at `{ $path }`, so the new one is not written over it: give the new file another name, or delete the old one in the CMS's media library first
serve-cms-target-exists = cannot move `{ $from }` to `{ $path }`: another file is already there
serve-cms-write-failed = could not save `{ $path }`: { $error }
serve-cms-read-failed = could not read `{ $path }`: { $error }
serve-cms-delete-failed = could not delete `{ $path }`: { $error }
