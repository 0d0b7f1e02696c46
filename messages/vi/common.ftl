raw-text = { $text }
