config-messages-unknown = messages = "{ $value }" is not a language bantin speaks
config-messages-unknown-label = should be "vi" or "en"
config-messages-unknown-help = bantin speaks Vietnamese (messages = "vi", the default) and English (messages = "en"); this is the language of bantin's own messages, not of the site's content (that is `language`)
