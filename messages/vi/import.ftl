## bantin import wordpress | feed | html: các vấn đề về tệp xuất (export), nguồn tin (RSS), tệp
## mapping, trang đã lưu, ảnh và tệp, và bản báo cáo lệnh nhập in ra.

## Vì sao lệnh nhập không chạy, hoặc dừng giữa chừng

import-error-site = site.toml có lỗi nên chưa nhập gì cả
import-error-read = không đọc được tệp xuất { $path }: { $reason }
import-error-province = --province "{ $name }" không phải tên một tỉnh, thành phố của Việt Nam; { $hint }
import-province-did-you-mean = có phải ý bạn là “{ $suggestion }”?
import-province-how-to-write = hãy viết tên tỉnh, thành phố, có dấu hay không dấu đều được (ví dụ: Kiên Giang)
import-error-media-folder = không tìm thấy thư mục --media { $path } (hoặc đó không phải là thư mục)
import-error-mapping = tệp mapping có lỗi nên chưa nhập gì cả
import-error-pages-folder = không tìm thấy thư mục trang đã lưu { $path } (hoặc đó không phải là thư mục)
import-error-write = không ghi được { $path }: { $reason }

## Tệp không đúng loại ($file: export là tệp xuất, feed là nguồn tin)

import-not-wordpress-xml = đây là tệp XML nhưng không phải tệp xuất (export) của WordPress: tệp bắt đầu bằng <{ $element }>, không phải <rss><channel>
import-not-wordpress-xml-help = trong WordPress, vào Công cụ → Xuất → Tất cả nội dung (Tools → Export → All content) để lấy đúng tệp (một tệp .xml)
import-not-wordpress-rss = đây là một nguồn tin (RSS) chứ không phải tệp xuất (export) của WordPress: trong tệp không có <wp:wxr_version>
import-not-wordpress-rss-help = tệp xuất của WordPress lấy ở Công cụ → Xuất (Tools → Export) trong WordPress; muốn chuyển bài từ một nguồn tin (RSS) thì dùng lệnh `bantin import feed`
import-xml-again = { $file ->
    [feed] hãy lưu lại nguồn tin từ cổng thông tin cũ rồi nhập lại; chưa có gì được nhập
   *[export] hãy tải về hoặc chép lại tệp xuất (Công cụ → Xuất trong WordPress) rồi nhập lại; chưa có gì được nhập
 }
import-xml-cut-short = { $file ->
    [feed] nguồn tin
   *[export] tệp xuất
 } dừng giữa chừng: tệp đã bị cắt mất phần cuối
import-xml-not-xml = tệp này không phải XML nên không phải { $file ->
    [feed] một nguồn tin (RSS)
   *[export] tệp xuất (export) của WordPress
 } (chi tiết: { $reason })
import-xml-not-xml-help = { $file ->
    [feed] nguồn tin
   *[export] tệp xuất
 } phải là một tệp .xml; { $again }
import-xml-malformed = { $file ->
    [feed] nguồn tin
   *[export] tệp xuất
 } bị sai cấu trúc XML ở chỗ này: { $reason }
import-xml-malformed-help = có lẽ tệp đã bị sửa tay hoặc bị hỏng khi sao chép; { $again }
import-no-feed = lệnh chưa có tệp nguồn tin nào
import-not-a-feed = đây là tệp XML nhưng không phải nguồn tin RSS hay Atom: tệp bắt đầu bằng <{ $element }>
import-not-a-feed-help = hãy lưu nguồn tin của cổng thông tin cũ (địa chỉ RSS hoặc Atom, thường là /rss hoặc /feed) thành một tệp rồi nhập tệp đó

## Các mục trong tệp xuất

import-no-title = mục { $id } không có tiêu đề nên không được nhập
import-no-title-label = mục này
import-no-title-help = hãy đặt tiêu đề cho mục này trong WordPress rồi xuất lại, hoặc tự viết lại thành bài viết (`bantin new`)
import-no-date = “{ $title }” không có ngày đăng nên không được nhập
import-province-unclear = “{ $title }” nhắc đến { $provinces }: bài được gán tỉnh, thành phố của trang; nếu bài thuộc nơi khác, hãy sửa trường `province:`
import-legacy-suspect = { $what } của { $item } có thể được gõ bằng bảng mã { $encoding }, bantin không chắc chuyển được chính xác sang Unicode
import-legacy-suspect-help = sau khi nhập, hãy đọc lại bài và gõ lại bằng Unicode những chỗ chữ bị lỗi
import-missing-attachment = ảnh đại diện của “{ $title }” (tệp đính kèm { $id }) không có trong tệp xuất
import-missing-attachment-help = hãy xuất “Tất cả nội dung” (All content): lựa chọn này có kèm các tệp đính kèm

## Một mục và các phần của nó, như các thông báo khác gọi tên

import-item-untitled = mục { $id }
import-item-titled = “{ $title }”
# Một trang đã lưu: tiêu đề của nó, nếu không có thì địa chỉ hoặc tên tệp.
import-item-page = { $title }
import-part-title = tiêu đề
import-part-excerpt = phần tóm tắt
import-part-term = một chuyên mục hoặc từ khóa
import-part-text = nội dung

## Liệt kê trong một câu

import-join-and = { $first } và { $second }
import-join-or = { $first } hoặc { $second }
import-join-comma = { $first }, { $second }
import-join-semicolon = { $first }; { $second }

## Vì sao một mục không được nhập (báo cáo đếm từng lý do)

import-skip-type = loại "{ $kind }" không phải nội dung bantin đăng lên trang
import-skip-status = trạng thái "{ $status }" (không phải bài đã đăng hay đang viết dở)
import-skip-no-title = không có tiêu đề
import-skip-no-date = không có ngày đăng
import-skip-no-body = không có nội dung
import-skip-no-photo = không có ảnh đầu bài
import-skip-not-in-mirror = không có trong bản sao trang cũ (mirror)
import-skip-unreadable = không đọc được
import-skip-not-utf8 = không phải văn bản UTF-8

## Tệp mapping của `bantin import html`

import-mapping-syntax = tệp mapping viết sai cú pháp TOML
# Lời của bộ đọc TOML (tiếng Anh).
import-mapping-syntax-label = lỗi TOML: { $reason }
import-mapping-syntax-help = mỗi thiết lập viết thành một dòng `key = "value"`; các bộ chọn (selector) đặt dưới [article]
import-mapping-no-site = tệp mapping thiếu `site`
import-mapping-no-site-help = thêm địa chỉ của cổng thông tin cũ vào dòng đầu tiên: site = "https://lhhn-travinh.example.vn"
import-mapping-bad-site = `site` phải là địa chỉ của cổng thông tin cũ, bắt đầu bằng https:// hoặc http://
import-mapping-bad-site-help = ví dụ: site = "https://lhhn-travinh.example.vn"
import-mapping-no-article = tệp mapping thiếu bảng [article]
import-mapping-no-article-help = dưới [article], ghi các bộ chọn (selector): title = "h1.title", date = ".ngay-dang", body = "div.noi-dung"
import-mapping-missing = [article] thiếu `{ $key }`: thiếu nó thì bantin không tìm được phần `{ $key }` trong trang
import-mapping-missing-help = thêm dòng { $key } = "<bộ chọn CSS>" dưới [article]
import-mapping-not-selector = `article.{ $key }` phải là một bộ chọn CSS đặt trong dấu ngoặc kép
import-mapping-strip-entry = mỗi mục trong `strip` phải là một bộ chọn CSS đặt trong dấu ngoặc kép
import-mapping-strip-list = `article.strip` phải là một danh sách các bộ chọn CSS
import-mapping-strip-list-help = strip = [".thong-ke-truy-cap", "footer", ".chia-se"]
import-mapping-date-format = `article.date_format` không phải là một dạng ngày tháng
import-mapping-date-format-help = hãy viết bằng các mã % của chrono: "%d/%m/%Y %H:%M:%S" cho 22/02/2024 12:00:00, "%d.%m.%Y" cho 27.05.2020, hoặc một danh sách các dạng như vậy; bỏ dòng này đi thì bantin nhận các dạng ngày tháng nó vốn đọc được
import-mapping-empty-selector = bộ chọn CSS để trống
import-mapping-empty-selector-help = hãy ghi bộ chọn tìm ra phần cần lấy, ví dụ "h1.title"
import-mapping-bad-selector = “{ $selector }” không phải bộ chọn CSS (chi tiết: { $reason })
import-mapping-bad-selector-label = bộ chọn này
import-mapping-bad-selector-help = hãy viết như trong tệp CSS: "h1.title", "div.noi-dung", ".breadcrumb a:last-child"; trong trình duyệt, bấm chuột phải vào phần cần lấy → Kiểm tra (Inspect) sẽ thấy thẻ và lớp (class) của nó
import-mapping-unknown-key = tệp mapping có thiết lập lạ `{ $key }`
import-mapping-did-you-mean = có phải ý bạn là `{ $suggestion }`?
import-mapping-rename-help = đổi tên thành `{ $suggestion }`; các thiết lập dùng được ở đây là: { $known }
import-mapping-not-a-setting = bantin không biết thiết lập này
import-mapping-known-help = các thiết lập dùng được ở đây là: { $known }

## Trang đã lưu

import-page-not-in-mirror = { $address } không có trong bản sao trang cũ { $mirror } nên không được nhập
import-page-not-in-mirror-label = không có trang đã lưu cho địa chỉ này
import-page-not-in-mirror-help = hãy lưu trang này vào bản sao (wget --mirror giữ phần sau dấu ? trong tên tệp), hoặc xóa dòng này khỏi danh sách
import-page-unreadable = không đọc được { $file }: { $reason }
import-page-not-utf8 = { $file } không phải văn bản UTF-8 nên không được nhập
import-page-incomplete = { $missing }: trang không được nhập
import-page-incomplete-label = trang { $address }
import-page-incomplete-help = trang nào tệp mapping chỉ đọc được một phần thì bị bỏ qua, bantin không đoán: nếu đó là bài viết, hãy sửa bộ chọn trong tệp mapping (`bantin import html --sample` cho xem bộ chọn tìm được gì); trang danh sách và các trang khác không phải bài viết thì bỏ qua là đúng
import-missing-title-empty = không có tiêu đề: “{ $selector }” trống
import-missing-title = không có tiêu đề: “{ $selector }” không tìm thấy gì
import-missing-date = không có ngày đăng: “{ $selector }” không tìm thấy gì
import-missing-date-unread = không có ngày đăng: “{ $selector }” chứa “{ $text }”, không có ngày tháng nào ở dạng bantin đọc được
import-missing-date-unread-format = không có ngày đăng: “{ $selector }” chứa “{ $text }”, không có ngày tháng nào ở dạng { $formats }
import-missing-body = không có nội dung: “{ $selector }” không tìm thấy gì
import-missing-photo-no-src = không có ảnh đầu bài: “{ $selector }” không có src
import-missing-photo = không có ảnh đầu bài: “{ $selector }” không tìm thấy gì

## Những gì `bantin import html --sample` cho xem ở mỗi trang (chương trình tự căn thẳng các nhãn)

import-sample-address = địa chỉ
import-sample-title = tiêu đề
import-sample-date = ngày đăng
import-sample-author = tác giả
import-sample-category = chuyên mục
import-sample-image = ảnh đầu bài
import-sample-body = nội dung
import-sample-stripped = đã bỏ
import-sample-missing = còn thiếu
import-sample-date-from = { $date } (từ “{ $text }”)
import-sample-image-alt = { $src } (mô tả “{ $alt }”)
import-sample-elements = { $count } phần
import-sample-nothing = không thiếu gì

## Những gì đã đọc

import-what-wordpress = tệp xuất WordPress (WXR { $version })
import-what-feeds = { $count } nguồn tin ({ $formats })
import-what-pages = { $count } trang đã lưu

## Bản báo cáo ($dry: yes khi chạy thử --dry-run, nếu không là no)

import-report-header = { $export }: { $what }, { $items } mục
import-report-imported = nhập: { $articles } bài viết, { $pages } trang riêng
import-report-imported-with = nhập: { $articles } bài viết, { $pages } trang riêng ({ $extra })
import-report-as-drafts = { $count } bản nháp
import-report-scheduled = { $count } bài hẹn giờ đăng
import-report-featured = { $count } bài nổi bật (ghim)
import-report-list-draft = bản nháp
import-report-list-scheduled = hẹn giờ đăng
import-report-list-featured = nổi bật
import-report-list-kept = giữ nguyên
import-report-list-fetch-failed = không tải được
import-report-list-missing = còn thiếu
import-report-more = … và { $count } mục nữa (--format json liệt kê đủ)
import-report-skipped = bỏ qua: { $count } mục
import-report-attachments = tệp đính kèm: { $attachments } (tệp của chúng nằm trong phần ảnh và tệp bên dưới); bình luận: { $comments } (không đăng lên trang mới)
import-report-files = tệp bài: { $dry ->
    [yes] sẽ ghi
   *[no] đã ghi
 } { $written }, { $unchanged } không đổi, { $kept } giữ nguyên (đã được sửa sau lần nhập trước nên để nguyên như vậy)
import-report-media = ảnh và tệp: { $dry ->
    [yes] sẽ chép
   *[no] đã chép
 } { $copied }, { $unchanged } không đổi, { $kept } giữ nguyên, { $missing } còn thiếu
import-report-fetched = tải về từ trang cũ: { $count }
import-report-missing-not-in-folder = còn thiếu (không có trong thư mục --media; vẫn dùng địa chỉ cũ):
import-report-missing-no-folder = còn thiếu (lệnh không có thư mục --media; vẫn dùng địa chỉ cũ):
import-report-missing-item = { $url } (trong { $files })
import-report-lifted = tách ra: { $sources } dòng nguồn (“Theo …”), { $bylines } tên tác giả, { $images } ảnh đại diện
import-report-dropped = bỏ đi (không còn ý nghĩa trên trang mới):
import-report-kept-html = giữ nguyên dạng HTML (được lọc an toàn khi đăng; hãy đọc lại các bài này): { $count }
import-report-kept-html-item = { $file }: { $what }
import-report-unsafe-html = phần HTML không an toàn sẽ bị gỡ khi đăng các bài này ({ $count }; `bantin check` liệt kê từng chỗ bị gỡ):
import-report-alt = lời mô tả ảnh: { $filled } lấy từ chú thích hoặc tên ảnh, { $missing } vẫn còn thiếu{ $missing ->
        [0] {""}
       *[other] {" "}(bantin build báo lỗi ở từng ảnh thiếu mô tả: hãy viết lời mô tả trước khi đăng)
    }
import-report-legacy = chuyển từ bảng mã tiếng Việt cũ: { $count }
import-legacy-converted = { $item } ({ $what }): { $encoding }
import-report-provinces = tỉnh, thành phố được đoán (chỉ khi bài nhắc đúng một nơi): { $count }
import-report-province-guess = { $title } → { $province } (dựa vào { $from })
import-report-categories-added = site.toml: { $dry ->
    [yes] sẽ thêm
   *[no] đã thêm
 } chuyên mục: { $categories }
import-report-redirects-added = site.toml: { $dry ->
    [yes] sẽ thêm
   *[no] đã thêm
 } { $count } địa chỉ danh sách và nguồn tin cũ vào [redirects]
import-report-old-site-links = { $count } liên kết đến những trang của trang web cũ không được nhập, vẫn giữ địa chỉ cũ
import-report-permalink-hint = gợi ý: địa chỉ các bài cũ có dạng { $pattern }; ghi `article = "{ $pattern }"` dưới [permalinks] trong site.toml thì địa chỉ cũ vẫn là địa chỉ thật của bài (hiện giờ mỗi địa chỉ cũ được chuyển hướng sang địa chỉ mới)
import-report-nothing-changed = không có gì thay đổi: mọi thứ trong tệp xuất đã được nhập từ trước
import-report-dry-run = chạy thử: chưa ghi gì cả
# $source: để trống, hoặc " --source <thư mục của trang>".
import-report-next = tiếp theo: chạy `bantin serve{ $source }` để đọc các bài vừa nhập (đọc những bài liệt kê ở trên trước), rồi chạy `bantin check{ $source }`

## Bản nháp: tiêu đề và lý do ($status: từ của WordPress: draft, pending, private, …)

import-draft = { $title } ({ $status ->
    [draft] bản nháp
    [pending] chờ duyệt
    [private] riêng tư
   *[other] { $status }
 })
import-draft-password = { $title } (có mật khẩu)

## Những gì bị bỏ đi khi chuyển bài ($element: tên một thẻ HTML)

import-dropped-inline-style = định dạng viết thẳng trong thẻ (style)
import-dropped-alignment = căn lề
import-dropped-block-comment = dấu đánh khối của WordPress
import-dropped-block-shown = khối do WordPress tự hiện, không nằm trong bài: wp:{ $block }
import-dropped-block-shown-group = khối do WordPress tự hiện, không nằm trong bài
import-dropped-more-marker = dấu “đọc tiếp” (more)
import-dropped-page-break = dấu ngắt trang
import-dropped-comment = ghi chú ẩn trong HTML
import-dropped-around-blocks = <{ $element }> bao quanh các khối
import-dropped-empty-paragraph = đoạn văn trống
import-dropped-photo-and-caption = ảnh và chú thích gói trong một đoạn
import-dropped-empty-quote = trích dẫn trống
import-dropped-empty-caption-box = khung chú thích trống
import-dropped-alignment-wrapper = khung căn lề
import-dropped-script = mã lệnh (script)
import-dropped-style = định dạng (style)
import-dropped-element = <{ $element }>
import-dropped-wrapper = khung <{ $element }>
import-dropped-empty-heading = tiêu đề mục trống
import-dropped-empty-list-item = mục danh sách trống
import-dropped-empty-list = danh sách trống
import-dropped-empty-element = <{ $element }> trống
import-dropped-formatting-in-pre = định dạng bên trong <pre>
import-dropped-empty-table = bảng trống
import-dropped-formatting-in-caption = định dạng trong chú thích ảnh
import-dropped-gallery-wrapper = khung thư viện ảnh
import-dropped-embed = khung nhúng (embed)
import-dropped-image-without-address = ảnh không có địa chỉ
import-dropped-link-to-own-file = liên kết từ ảnh đến chính tệp ảnh đó
import-dropped-link-around-captioned-image = liên kết bao quanh ảnh có chú thích
import-dropped-unknown-element = thẻ lạ <{ $element }>
import-dropped-empty-formatting = định dạng trống
import-dropped-anchor-without-address = thẻ liên kết không có địa chỉ
import-dropped-link-in-link = liên kết lồng trong liên kết
import-dropped-empty-link = liên kết trống
import-dropped-shortcode = mã ngắn (shortcode) [{ $name }]
import-dropped-gallery-without-images = mã ngắn (shortcode) [gallery] không có ảnh
import-dropped-gallery-image-not-in-export = ảnh thư viện không có trong tệp xuất

## Những gì giữ nguyên dạng HTML

import-kept-element = <{ $element }>
import-kept-table-merged-cells = <table> có ô gộp
import-kept-table-blocks-in-cells = <table> có khối nội dung trong ô
import-kept-table-other-content = <table> có nội dung khác
import-kept-figure-in-list = <figure> trong danh sách
