config-messages-unknown = messages = "{ $value }" không phải ngôn ngữ bantin dùng được
config-messages-unknown-label = phải là "vi" hoặc "en"
config-messages-unknown-help = bantin báo tin bằng tiếng Việt (messages = "vi", mặc định) hoặc tiếng Anh (messages = "en"); đây là ngôn ngữ của các thông báo của bantin, không phải ngôn ngữ của nội dung trang (cái đó là `language`)
