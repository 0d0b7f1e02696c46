## `bantin --help` và `--help` của từng lệnh (src/cli.rs). Bản tiếng Anh của một lệnh hay một
## tùy chọn là chú thích của nó trong src/cli.rs (có kiểm thử giữ hai bản giống nhau); các ví dụ
## chỉ nằm ở đây.

help-usage = Cách dùng:
help-commands = Các lệnh
help-arguments = Tham số
help-options = Tùy chọn
help-default = mặc định
help-values = giá trị có thể dùng
help-flag-help = In hướng dẫn này
help-flag-version = In số phiên bản

help-about = Công cụ dựng trang tin tĩnh cho cổng thông tin các tỉnh, thành phố của Việt Nam
help-about-build = Dựng trang web vào thư mục xuất bản
help-about-check = Kiểm tra trang web, mọi liên kết và ảnh trong bài viết, mà không ghi gì cả
help-about-init = Tạo một trang web mới trong DIR (site.toml, một bài viết mẫu, trang Giới thiệu, công thức CI)
help-about-import = Chuyển tin bài của một cổng thông tin cũ sang (tệp xuất của WordPress, các trang đã lưu), giữ mọi địa chỉ cũ
help-about-import-wordpress = Nhập tệp xuất của WordPress (Công cụ → Xuất → Tất cả nội dung: một tệp .xml)
help-about-import-feed = Nhập các nguồn tin RSS hoặc Atom đã lưu từ cổng thông tin cũ (các bài mới nhất của nó)
help-about-import-html = Nhập các trang HTML đã lưu của một cổng thông tin khác, đọc qua một tệp ánh xạ (mapping) gồm các bộ chọn CSS
help-about-new = Viết một bài mới, content/tin-tuc/<slug>.md, với phần thông tin đầu bài (front-matter) đã điền sẵn
help-about-serve = Xem trước trang web: dựng trong bộ nhớ, phục vụ qua trình duyệt, dựng lại và tải lại trang mỗi khi có thay đổi

help-arg-verbose = In thêm chi tiết (trang đã được ghi vào đâu)
help-arg-quiet = Chỉ in lỗi
help-arg-messages = Ngôn ngữ các thông báo của bantin: vi (mặc định) hoặc en [biến môi trường: BANTIN_MESSAGES; hoặc `messages` trong site.toml]
help-arg-source = Thư mục của trang web, nơi có tệp site.toml
help-arg-drafts = Đưa cả các bài viết và trang có `draft: true` (bản nháp)
help-arg-future = Đưa cả các bài viết có ngày đăng trong tương lai (hẹn giờ đăng)
help-arg-init-dir = Thư mục cho trang web mới; chưa có thì được tạo, không được có sẵn tệp site.toml
help-arg-serve-port = Cổng để nghe (0: tự chọn một cổng còn trống)
help-arg-serve-bind = Địa chỉ để nghe; CMS trên trình duyệt chỉ lưu được bài qua bản xem trước khi địa chỉ này là của riêng máy (loopback), như địa chỉ mặc định
help-arg-serve-timings = Sau mỗi lần dựng, in thời gian của từng giai đoạn và bộ nhớ đang dùng sau đó
help-arg-build-output = Nơi ghi trang web [mặc định: <source>/public]
help-arg-build-base_url = Thay base_url của site.toml (ví dụ để xem thử trên một máy chủ khác)
help-arg-build-timings = Sau khi dựng, in thời gian của từng giai đoạn (thời gian tốn vào đâu)
help-arg-build-keep_foreign_files = Dựng vào một thư mục xuất bản có cả những tệp bantin không ghi, và để nguyên các tệp đó (không có tùy chọn này thì thư mục như vậy bị từ chối)
help-arg-build-strict = Báo lỗi khi còn chữ mẫu mà `init` và `new` để lại cho bạn thay (số điện thoại "0000 000 000", bài viết mẫu…), bình thường chỉ là cảnh báo: dùng cho CI, để trang không bao giờ lên mạng với chữ mẫu
help-arg-new-title = Tiêu đề bài viết; tên tệp được đặt theo tiêu đề
help-arg-new-province = Tỉnh, thành phố mà bài viết nói đến [mặc định: tỉnh của trang, ghi trong site.toml]
help-arg-new-category = Chuyên mục (một trong các `categories` của site.toml, nếu có danh sách)
help-arg-new-tags = Các từ khóa (tag), cách nhau bằng dấu phẩy
help-arg-new-draft = Đánh dấu bài là bản nháp `draft: true` (không được dựng nếu không có --drafts)
help-arg-check-base_url = Thay base_url của site.toml
help-arg-check-external = Kiểm tra cả các liên kết ra trang ngoài (http/https), mỗi lần 8 liên kết, chờ tối đa 10 giây
help-arg-check-format = Cách báo kết quả: thông báo cho người đọc, hoặc một tài liệu JSON trên stdout
help-arg-check-old_urls = Kiểm tra cả từng địa chỉ cũ trong FILE (mỗi dòng một địa chỉ, lấy từ sơ đồ trang cũ hoặc nhật ký truy cập) xem còn dẫn tới một trang, một tệp hay một chuyển hướng không
help-arg-check-missing_documents = Liệt kê cả những văn bản mà bài viết dẫn tới (Nghị định 58/2022/NĐ-CP…) nhưng thư viện văn bản (content/van-ban/) chưa có, văn bản được dẫn nhiều nhất trước, kèm nơi dẫn
help-arg-media = Các tệp của trang cũ: thư mục wp-content/uploads của WordPress, hoặc thư mục gốc hay bản sao của cổng thông tin khác, để chép ảnh và tệp đính kèm
help-arg-fetch_media = Tải những ảnh và tệp không có trong --media từ địa chỉ cũ của chúng (lưu trong <source>/.bantin-cache/import-media, nên lần chạy sau không phải tải lại)
help-arg-province = Tỉnh, thành phố của mọi bài được nhập [mặc định: tỉnh trong site.toml, hoặc tỉnh mà chuyên mục, từ khóa hay tiêu đề của bài nêu rõ]
help-arg-dry_run = Chỉ báo những gì sẽ được nhập và thêm vào site.toml; không ghi gì cả
help-arg-format = Cách báo kết quả: cho người đọc, hoặc một tài liệu JSON trên stdout
help-arg-import-wordpress-export = Tệp xuất (WXR 1.1 hoặc 1.2)
help-arg-import-feed-files = Các tệp nguồn tin (RSS 2.0 hoặc Atom 1.0)
help-arg-import-html-dir = Thư mục chứa các trang đã lưu (*.html, *.htm, *.aspx), kể cả các thư mục con
help-arg-import-html-mapping = Tệp ánh xạ (TOML): địa chỉ của trang cũ và các bộ chọn CSS của một trang bài viết
help-arg-import-html-list = Danh sách địa chỉ các trang cũ, mỗi dòng một địa chỉ (`#` bắt đầu một ghi chú), đọc từ --mirror
help-arg-import-html-mirror = Thư mục mà công cụ sao trang (wget --mirror) đã lưu trang cũ vào
help-arg-import-html-sample = Cho xem tệp ánh xạ tìm được gì trong N trang đầu; không ghi gì cả

help-examples =
    Ví dụ:
      bantin build                        dựng trang trong thư mục này vào public/
      bantin build --source portal --output /tmp/site
      bantin build --base-url https://example.github.io/portal/
      bantin build --drafts --future      xem thử cả bản nháp và bài hẹn giờ đăng
      bantin init my-portal               bắt đầu một trang web mới
      bantin new "Hội nghị tổng kết năm 2026" --tags "hội nghị"
      bantin serve                        xem trước tại http://127.0.0.1:1111/
      bantin check --external             kiểm tra mọi liên kết, kể cả ra trang ngoài

    Mã thoát: 0 đã dựng, 1 trang có lỗi (chưa ghi gì cả), 2 gõ lệnh sai.
help-examples-new =
    Ví dụ:
      bantin new "Hội nghị tổng kết công tác năm 2024" --category "Tin tức hoạt động" --tags "hội nghị,tổng kết"

    Ngày đăng là lúc này, theo múi giờ của trang. Tệp đã có thì không bao giờ bị ghi đè.
help-examples-serve =
    Ví dụ:
      bantin serve                        xem trước thư mục này tại http://127.0.0.1:1111/
      bantin serve --port 8080 --drafts   xem cả bản nháp
      bantin serve --bind 0.0.0.0         cho các máy khác trong mạng xem bản xem trước

    Bản xem trước được dựng trong bộ nhớ: thư mục xuất bản (public/) không bao giờ bị động tới.
    Một lần sửa bị lỗi sẽ hiện lỗi đè lên trang cho tới khi được sửa; máy chủ vẫn chạy tiếp.
help-examples-check =
    Ví dụ:
      bantin check                        mọi thứ build kiểm tra, thêm liên kết, ảnh và #neo
      bantin check --external             tải thử cả liên kết ra trang ngoài (kết quả lưu 24 giờ
                                          trong .bantin-cache/links.json)
      bantin check --format json          một tài liệu JSON trên stdout, cho CI và trình soạn thảo
      bantin check --old-urls old.txt     kiểm tra cả từng địa chỉ cũ trong old.txt (mỗi dòng một
                                          địa chỉ) xem còn dẫn tới đâu đó không

    Mã thoát: 0 không có gì hỏng, 1 trang có lỗi hoặc liên kết hỏng, 2 gõ lệnh sai.
help-examples-import-wordpress =
    Ví dụ:
      bantin import wordpress export.xml --dry-run            xem những gì sẽ được nhập
      bantin import wordpress export.xml --media old/wp-content/uploads
      bantin import wordpress export.xml --province "Kiên Giang" --format json

    Bài đăng (post) thành bài viết trong content/tin-tuc/<năm>/, trang (page) thành trang riêng,
    tệp tải lên được chép vào static/images/ và static/files/, và mọi địa chỉ cũ (đường dẫn tĩnh,
    ?p=ID, chuyên mục, thẻ, lưu trữ theo ngày, nguồn tin) đều dẫn tới trang mới. Tệp đã có với nội
    dung khác (do biên tập viên sửa) không bao giờ bị ghi đè; chạy lần hai không thay đổi gì.

    Mã thoát: 0 đã nhập (hãy đọc báo cáo), 1 không dùng được tệp xuất hoặc site.toml (chưa ghi gì
    cả), 2 gõ lệnh sai.
help-examples-import-feed =
    Ví dụ:
      bantin import feed rss.xml --dry-run                     xem những gì sẽ được nhập
      bantin import feed tin-tuc.rss hoat-dong.rss --fetch-media

    Toàn văn của mỗi mục (content:encoded, nội dung Atom, nếu không có thì phần mô tả) được nhập
    như một bài đăng WordPress; <link> của nó và <guid> là một địa chỉ khác của trang cũ vẫn dẫn
    tới bài. Một bài có trong nhiều nguồn tin chỉ được nhập một lần.
help-examples-import-html =
    Ví dụ:
      bantin import html ../saved-pages --mapping ../mapping.toml --sample 3   thử tệp ánh xạ trước
      bantin import html ../saved-pages --mapping ../mapping.toml --dry-run
      bantin import html --list ../old-urls.txt --mirror ../mirror --mapping ../mapping.toml

    Tệp ánh xạ chỉ ra, bằng bộ chọn CSS, tiêu đề, ngày, nội dung, tác giả, chuyên mục và ảnh đại
    diện của một trang bài viết, và những gì cần bỏ khỏi nội dung (bộ đếm truy cập, chân trang,
    nút chia sẻ, tin liên quan, ô bình luận); mục "Other portals: saved pages" của README giải
    thích cách viết. Trang nào tệp ánh xạ không tìm thấy tiêu đề, ngày hoặc nội dung thì được báo
    và bỏ qua, không bao giờ đoán.

    Mã thoát: 0 đã nhập (hãy đọc báo cáo), 1 không dùng được tệp ánh xạ, các trang hoặc site.toml
    (chưa ghi gì cả), 2 gõ lệnh sai.
