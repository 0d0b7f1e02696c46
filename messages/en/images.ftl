## Photos: resizing, re-encoding, removing camera metadata (src/images/).

images-unreadable = this image cannot be read: { $error }. The file may be damaged or incompletely uploaded
images-unknown-format = this file is not a JPEG, PNG, WebP, GIF or AVIF image
images-heic = this photo is in the iPhone's HEIC format, which browsers cannot show
images-heic-help = use a JPEG of the photo. On the iPhone: Settings → Camera → Formats → Most Compatible makes later photos JPEG; for a photo already taken, share or export it as JPEG (e.g. mail it, or copy it to a computer with the Photos app), and replace this file with the .jpg
images-large = the original is very large: { $megabytes }.{ $tenth } MB, { $megapixels } megapixels. The published copy weighs only { $published_kb } KB, but the original stays in the site's repository and makes it heavier
images-large-help = resize the photo (e.g. to 2048 pixels wide) before adding it to the site
images-duplicate = the same photo is in { $count } files: { $files }
images-duplicate-help = keep one file, delete the others and point the articles at the one you keep
images-cache-unwritable = the image cache folder `{ $folder }` cannot be created; processed images are kept in `{ $temporary }` instead, so the next build may have to make them again
images-truncated = the file is cut off before its end
images-cache-write = the processed image cannot be written into `{ $folder }`: { $error }
