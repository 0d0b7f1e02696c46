## Photos: resizing, re-encoding, removing camera metadata (src/images/).

images-unreadable = this image cannot be read: { $error }
