## Bài viết, trang, phần thông tin đầu bài, ngày tháng, tỉnh thành, Markdown: src/content,
## src/model, src/provinces.rs, src/markdown, src/locale.

## Những mẩu dùng chung

content-did-you-mean = có phải ý bạn là `{ $suggestion }`?
content-rename-to = đổi tên thành `{ $suggestion }`
# Một mục của danh sách nối bằng "hoặc": `$rest` là mục tiếp theo, hoặc cặp tiếp theo.
content-or = { $first } hoặc { $rest }

## Tìm các tệp (content/mod.rs: discover)

content-unreadable-folder = không đọc được thư mục nội dung (content): { $reason }
content-symlink-loop = lối tắt (symlink) này dẫn ngược về `{ $ancestor }`, một thư mục đang chứa chính nó, nên thư mục sẽ lặp lại không có điểm dừng
content-symlink-loop-help = xóa lối tắt này, hoặc cho nó trỏ tới một thư mục không chứa nó
content-unreadable-entry = không đọc được mục này: { $reason }
content-unreadable-entry-help = kiểm tra xem tệp hoặc thư mục có tồn tại không và bạn có quyền đọc nó không
content-symlink-outside = lối tắt (symlink) này trỏ ra ngoài thư mục của trang web, tới `{ $target }`, nên bantin không đọc nó
# $kind: `folder` hoặc `file`
content-symlink-outside-help = hãy chép { $kind ->
    [folder] thư mục
   *[file] tệp
 } đó vào thư mục của trang web thay vì tạo lối tắt tới nó: bantin chỉ đi theo lối tắt nằm bên trong trang web, để trang được dựng giống hệt nhau trên mọi máy tính
content-broken-symlink-unreadable = lối tắt (symlink) này trỏ tới `{ $target }`, nhưng không đọc được nơi đó: { $reason }
content-broken-symlink-missing = lối tắt (symlink) này trỏ tới `{ $target }`, nhưng nơi đó không tồn tại
content-broken-symlink-help = cho lối tắt trỏ tới một tệp hoặc thư mục có thật, hoặc xóa lối tắt đi
content-unreadable-file = không đọc được tệp: { $reason }

## HTML bị bỏ khỏi nội dung bài (content/mod.rs, markdown/sanitize.rs)

content-unsafe-html = đã bỏ một đoạn HTML không an toàn khỏi trang này
# $places: content-unsafe-html-in-articles, -in-pages hoặc -in-both
content-unsafe-html-summary = đã bỏ HTML không an toàn: { $items } chỗ trong { $places }; lệnh `bantin check` liệt kê từng chỗ
content-unsafe-html-in-articles = { $articles } bài viết
content-unsafe-html-in-pages = { $pages } trang
content-unsafe-html-in-both = { $articles } bài viết và { $pages } trang
content-unsafe-html-summary-help = mã chạy được (script), trình xử lý sự kiện, liên kết javascript:, khung nhúng (frame) và biểu mẫu (form) viết trong bài không được đưa lên trang web, để chúng không thể chạy trong trình duyệt của người đọc; phần còn lại của mỗi bài vẫn được đăng. Nếu mọi người viết bài cho trang web này đều đáng tin cậy và không có bài nào lấy từ nơi khác về, đặt raw_html = "trusted" trong mục [markdown] của site.toml để đăng HTML đúng như đã viết

content-removed-iframe = đã bỏ <iframe> (khung nhúng video sẽ có ở phiên bản sau)
content-removed-element = đã bỏ thẻ <{ $tag }>
content-removed-attribute = đã bỏ thuộc tính { $name }
content-removed-link = đã bỏ liên kết { $scheme }:…
content-removed-address = đã bỏ địa chỉ { $scheme }:… ({ $attribute })
content-removed-not-address = đã bỏ địa chỉ `{ $written }`, vì đó không phải là một địa chỉ web
content-removed-style = đã bỏ kiểu trình bày `{ $style }`
content-removed-id = đã bỏ id `{ $id }`
# $why: một trong các thông báo content-removed-why-*
content-removed-help = { $why }. Phần còn lại của bài vẫn được đăng. Nếu mọi người viết bài cho trang web này đều đáng tin cậy và không có bài nào lấy từ nơi khác về, đặt raw_html = "trusted" trong mục [markdown] của site.toml để đăng HTML đúng như đã viết
content-removed-why-iframe = khung phát video nhúng (YouTube, Facebook…) chưa được đăng: một phiên bản sau sẽ hiện chúng khi người đọc bấm vào; trước mắt hãy đặt liên kết tới video
content-removed-why-script = mã (script) trong bài sẽ chạy trong trình duyệt của mọi người đọc (nó có thể lấy cắp thông tin đăng nhập hoặc hiện một trang giả mạo)
content-removed-why-svg = SVG và MathML có thể chứa mã chạy được (script); hãy dùng ảnh (.png, .jpg) thay thế
content-removed-why-element = chỉ phần HTML của nội dung bài được đăng (chữ, bảng, ảnh, video và âm thanh); biểu mẫu, kiểu trình bày, mã script, khung nhúng và thiết lập của trang thì không
content-removed-why-handler = trình xử lý sự kiện (onclick, onerror…) sẽ chạy mã script trong trình duyệt của mọi người đọc
content-removed-why-attribute = chỉ những thuộc tính mô tả nội dung bài mới được đăng (title, lang, alt, width, colspan…)
content-removed-why-url = địa chỉ javascript:, data: hay vbscript: sẽ chạy mã script hoặc mở một trang giả mạo; liên kết và ảnh chỉ được dùng http(s), mailto, tel hoặc một đường dẫn của trang web
content-removed-why-style = những kiểu trình bày này có thể che chữ hoặc phủ một trang giả lên trang web; bảng vẫn giữ độ rộng, căn lề, đường viền và khoảng đệm
content-removed-why-id = các trang và mã script của giao diện (theme) dùng id này; một phần tử khác mang cùng id sẽ làm chúng hỏng, nên hãy chọn id khác

## Phần thông tin đầu bài (content/frontmatter.rs)

content-no-front-matter = tệp không bắt đầu bằng phần thông tin đầu bài (front-matter)
content-no-front-matter-label = chỗ này phải là `---`
content-front-matter-help = mở đầu tệp bằng một dòng `---`, tiếp theo là các trường (title: …, date: …), rồi thêm một dòng `---` nữa, sau đó mới đến nội dung bài
content-unclosed-front-matter = phần thông tin đầu bài (front-matter) không có dòng đóng lại
content-unclosed-front-matter-label = dòng `---` này không có dòng `---` đóng lại
content-yaml-too-deep = phần thông tin đầu bài lồng danh sách và nhóm trường vào nhau quá nhiều tầng
content-yaml-too-deep-label = chỗ này đã sâu hơn { $max } tầng
content-yaml-too-deep-help = các trường ở phần thông tin đầu bài có dạng `tên trường: giá trị`, danh sách và nhóm trường chỉ lồng nhau vài tầng là nhiều; kiểm tra cách thụt lề và các dấu `-`, `:`, `[` và `{ "{" }` phía trước chỗ này
content-yaml-syntax = phần thông tin đầu bài (front-matter) viết sai cú pháp YAML
# $reason: lời của bộ đọc YAML (tiếng Anh)
content-yaml-syntax-label = bộ đọc YAML báo (tiếng Anh): { $reason }
content-yaml-syntax-help = mỗi dòng có dạng `tên trường: giá trị`; đặt giá trị trong dấu ngoặc kép khi nó có `: ` hoặc ` #`, hoặc bắt đầu bằng một trong các ký tự [ ] { "{" } { "}" } * & ! | > ' " % @ `, và thụt lề các mục của danh sách vào dưới trường của nó bằng dấu cách, không dùng phím Tab
content-front-matter-not-a-map = phần thông tin đầu bài phải gồm các dòng `tên trường: giá trị`
content-bad-key = tên trường phải là chữ bình thường, không phải danh sách hay nhóm

## Các trường (content/frontmatter.rs)

# $kind: `article` hoặc `page`
content-unknown-field = bantin không biết trường `{ $field }` trong { $kind ->
    [page] trang
    [album] thư viện ảnh
    [document] văn bản
   *[article] bài viết
 }
content-unknown-field-label = bantin không biết trường này
content-unknown-field-rename-help = đổi tên thành `{ $suggestion }`; các trường riêng cho giao diện (theme) đặt dưới `extra:`
content-unknown-field-help = các trường dùng được là: { $fields }; các trường riêng cho giao diện (theme) đặt dưới `extra:`
content-empty-field = trường `{ $field }` đang để trống
content-empty-field-label = không có gì sau `{ $field }:`
content-empty-field-help = viết như sau: { $field }: { $example }
content-missing-field = thiếu trường bắt buộc `{ $field }`
content-missing-field-label = phần thông tin đầu bài này không có dòng `{ $field }:`
content-missing-field-help = thêm một dòng như sau vào giữa hai dòng `---`: { $field }: { $example }
content-not-single-line = trường `{ $field }` phải là một dòng chữ
content-not-single-line-help = viết thành `{ $field }: nội dung`
content-not-a-flag = trường `{ $field }` phải là true (có) hoặc false (không)
content-not-a-flag-label = không phải true hay false
content-not-a-flag-help = viết `{ $field }: true` hoặc `{ $field }: false`
content-list-item-not-text = mỗi mục của `{ $field }` phải là một đoạn chữ ngắn
content-list-help = viết `{ $field }: [mục thứ nhất, mục thứ hai]`
content-not-a-list = `{ $field }` phải là một danh sách
content-flag-in-text = trường `{ $field }` phải là chữ, không phải { $flag }
content-flag-in-text-label = được hiểu là giá trị true/false, không phải chữ
content-flag-in-text-help = viết nội dung mà trường này cần có; nếu bạn muốn ghi đúng chữ đó, hãy đặt nó trong dấu ngoặc kép: "{ $flag }"
# $what: content-a-number hoặc content-true-or-false
content-list-not-text = `{ $field }` phải là một danh sách chữ, không phải { $what }
content-item-not-text = mỗi mục của `{ $field }` phải là chữ, không phải { $what }
content-read-as = được hiểu là { $what }
content-a-number = một con số
content-true-or-false = giá trị true/false
content-aliases-not-text-help = viết các địa chỉ cũ thành danh sách đường dẫn tính từ gốc trang web: aliases: [/tin-tuc/chi-tiet/hoi-nghi-2019/123]
content-list-not-text-help = viết thành danh sách trong dấu ngoặc vuông, giá trị đặt trong dấu ngoặc kép: { $field }: ["{ $value }"]; nhiều mục thì cách nhau bằng dấu phẩy: { $field }: [hội nghị, hữu nghị]
content-item-not-text-help = đặt mục này trong dấu ngoặc kép để nó được hiểu là chữ: "{ $value }", ví dụ { $field }: [hội nghị, "{ $value }"]
content-unknown-nested-field = bantin không biết trường `{ $parent }.{ $field }`
content-nested-fields-are = `{ $parent }` có các trường: { $fields }

## Các trường của bài viết (content/mod.rs)

content-missing-province-help = thêm một dòng như `province: An Giang`, hoặc ghi tỉnh, thành phố của trang web trong site.toml (province = "An Giang") để dùng làm mặc định
content-source-needs-name = `source` (nguồn tin) cần có `name`
content-source-example =
    viết nguồn tin như sau:
      source:
        name: Thời Đại
        url: https://thoidai.com.vn/…
content-bad-source-url = địa chỉ nguồn tin `{ $url }` không phải là một địa chỉ web
content-bad-source-url-help = chép đầy đủ địa chỉ của bài gốc, bắt đầu bằng https://
content-image-needs-alt = ảnh cần có lời mô tả (alt) cho người đọc không nhìn thấy ảnh
content-image-example =
    viết ảnh như sau:
      image:
        src: /images/hoi-nghi.jpg
        alt: Các đại biểu dự hội nghị
        caption: Quang cảnh hội nghị (không bắt buộc)
        focus: 50% 30% (chỗ giữ lại khi cắt ảnh chia sẻ, không bắt buộc)
content-image-missing-part = `image` cần có `{ $field }`
content-missing-image = không có ảnh `{ $src }`
content-missing-image-label = không có tệp này trong thư mục static/
content-missing-image-help = đặt ảnh vào thư mục static/ của trang web và viết đường dẫn tính từ thư mục đó, ví dụ src: /images/2024/hoi-nghi.jpg cho tệp static/images/2024/hoi-nghi.jpg
content-image-focus = `focus` của ảnh không hiểu được: `{ $value }`
content-image-focus-help = viết hai tỉ lệ phần trăm tính từ bên trái và từ trên xuống, ví dụ focus: 50% 30% (giữa ảnh, hơi lệch lên trên), hoặc một trong các từ: giữa, trên, dưới, trái, phải
content-body-image-no-alt = ảnh `{ $src }` chưa có lời mô tả (alt)
content-body-image-no-alt-label = người đọc không nhìn thấy ảnh sẽ không biết ảnh nói gì
content-body-image-no-alt-help = viết lời mô tả vào giữa hai ngoặc vuông, ví dụ ![Các đại biểu dự hội nghị]({ $src }); ảnh chỉ để trang trí thì viết bằng HTML với alt để trống: <img src="{ $src }" alt="">
content-bad-id = `id: { $value }` không phải là số mà bantin dùng được
content-bad-id-label = phải là số nguyên từ 1 trở lên
content-bad-id-help = ghi số của bài như trên cổng thông tin cũ, ví dụ id: 1024
content-bad-alias = địa chỉ cũ `{ $alias }` không phải là một đường dẫn trên trang web này
content-bad-alias-help = viết địa chỉ cũ thành đường dẫn tính từ gốc trang web, ví dụ /tin-tuc/chi-tiet/hoi-nghi-2019/123, hoặc kèm phần sau dấu ? như địa chỉ cũ, ví dụ /?p=123 hoặc /index.php?page_id=5
# Vì sao một địa chỉ cũ (`aliases:`, [redirects]) không phải là đường dẫn của trang web.
content-old-address-no-slash = không bắt đầu bằng /
content-old-address-bad-character = có dấu #, dấu cách hoặc dấu gạch chéo ngược (\)
content-old-address-relative = có thư mục tương đối (. hoặc ..)
content-old-address-bad-query = phần sau dấu ? bị trống hoặc có thêm một dấu ? nữa
content-empty-slug = không tạo được địa chỉ web từ chữ này
content-empty-slug-label = không có chữ cái hay chữ số nào
content-empty-slug-help = viết tên trong địa chỉ (slug) có chữ cái hoặc chữ số, ví dụ slug: hoi-nghi-tong-ket-2024
content-long-summary = phần tóm tắt quá dài ({ $count } ký tự)
content-long-summary-label = { $count } ký tự
content-long-summary-help = phần tóm tắt được hiện nguyên văn trong kết quả tìm kiếm, thẻ chia sẻ lên mạng xã hội, nguồn tin (RSS) và danh sách bài, là những nơi chỉ hiện khoảng 160 đến 300 ký tự; hãy viết một hoặc hai câu (tối đa { $max } ký tự), hoặc xóa dòng này để dùng đoạn đầu của bài, cắt ở { $cut } ký tự
content-expires-before-date = bài viết hết hạn trước khi được đăng, nên sẽ không bao giờ hiện lên
content-expires-before-date-label = hết hạn { $expires }, trước ngày đăng { $date }
content-expires-same-as-date-label = hết hạn { $expires }, cùng lúc với ngày đăng { $date }
content-expires-before-date-help = `expires` là lúc bài viết được gỡ khỏi trang web, phải sau `date`; kiểm tra lại ngày, tháng, năm (ngày viết trước: 31/12/2024), hoặc xóa dòng `expires:` để giữ bài trên trang web
content-slug-changed = tên trong địa chỉ (slug) `{ $input }` đã thành `{ $slug }`
content-slug-changed-dropped = đã bỏ những ký tự không được có trong địa chỉ web
content-slug-changed-cut = đã cắt còn { $max } ký tự
content-slug-changed-dropped-and-cut = đã bỏ những ký tự không được có trong địa chỉ web, và cắt còn { $max } ký tự
content-slug-changed-help = địa chỉ của bài là { $address }; tên trong địa chỉ (slug) là một phần của địa chỉ, chỉ gồm chữ cái, chữ số và dấu gạch ngang (không có /, ., ?, # hay %): viết `slug: { $slug }` để giữ như vậy, hoặc viết một tên khác
content-bad-date = `{ $field }` không phải là ngày hợp lệ: { $value }
# $forms: các ví dụ nối bằng content-or
content-bad-date-help = viết ngày theo dạng { $forms } (ngày/tháng/năm; có thể không ghi giờ)
content-duplicate-id = { $first } và { $second } cùng có id: { $id }
content-duplicate-id-label = cũng là id của { $first }
content-duplicate-id-help = mỗi bài viết cần một số riêng; hãy giữ đúng số mà cổng thông tin cũ đã đặt cho bài
content-missing-id = bài viết này không có `id:`, mà địa chỉ của nó ({ $pattern }) cần có
content-missing-id-label = phần thông tin đầu bài không có dòng `id:`
content-missing-id-help = thêm `id: { $next }` vào phần thông tin đầu bài (số tiếp theo chưa dùng)
content-missing-address-part = bài viết này không có `{ $field }`, mà địa chỉ của nó ({ $pattern }) cần có
content-missing-address-part-label = ở đây không có `{ $field }:`
content-missing-address-part-help = thêm một dòng `{ $field }:`, hoặc đổi `article` trong mục [permalinks] của site.toml
content-unknown-category = chuyên mục `{ $category }` không có trong danh sách của site.toml
content-unknown-category-suggest-help = viết `category: { $suggestion }`, hoặc thêm chuyên mục mới vào `categories` trong site.toml
content-unknown-category-help = các chuyên mục là: { $categories }; muốn thêm chuyên mục, hãy ghi nó vào `categories` trong site.toml

## Ngày tháng (locale/date.rs: DateError)

content-date-empty = chưa ghi ngày
content-date-unknown-format = đây không phải là ngày theo cách viết mà bantin hiểu được
content-date-bad-year = năm phải có bốn chữ số, từ 1900 đến 9999 (đang ghi “{ $year }”)
content-date-bad-month = không có tháng { $month }: tháng chỉ từ 1 đến 12
# $month: số từ 1 đến 12
content-date-no-such-day = tháng { $month }/{ $year } không có ngày { $day }: tháng này chỉ có { $days } ngày
content-date-bad-time = { $time } không phải là giờ trong ngày: giờ từ 0 đến 23, phút và giây từ 0 đến 59
content-date-bad-offset = độ lệch múi giờ không hợp lệ: hãy viết như +07:00, hoặc Z cho giờ UTC
content-date-nonexistent = lúc { $local } không có ở múi giờ { $tz } (đồng hồ được chỉnh nhảy qua giờ này); hãy thêm độ lệch múi giờ, ví dụ +07:00
content-date-ambiguous = lúc { $local } có hai lần ở múi giờ { $tz } (đồng hồ được chỉnh lùi lại); hãy thêm độ lệch múi giờ, ví dụ +07:00, để chỉ rõ lần nào

## Tỉnh, thành phố (provinces.rs)

content-unknown-province-or-city = không có tỉnh, thành phố nào tên "{ $input }"
content-unknown-province = không có tỉnh, thành phố nào tên `{ $input }`
content-unknown-province-label = không phải tên một tỉnh, thành phố của Việt Nam
content-unknown-province-help = viết tên tỉnh, thành phố, có dấu hay không dấu đều được (ví dụ Kiên Giang, kien giang, TP. Hồ Chí Minh)
# $line: dòng cần viết, ví dụ province: Kiên Giang
content-unknown-province-suggest-help = viết `{ $line }`; tên có dấu hay không dấu đều được
content-unknown-province-suggest-others-help = viết `{ $line }` (hoặc: { $others }); tên có dấu hay không dấu đều được

## Cả trang web (model/mod.rs)

content-menu-missing-page = site.toml có liên kết tới `{ $url }`, nhưng trang web không có trang nào như vậy
content-menu-missing-page-label = không có trang nào ở địa chỉ này
content-menu-missing-page-help = hãy liên kết tới một trang có thật: / (trang chủ), /tinh/, /the/, /chuyen-muc/, /luu-tru/
content-menu-missing-page-help-pages = hãy liên kết tới một trang có thật: / (trang chủ), /tinh/, /the/, /chuyen-muc/, /luu-tru/, { $pages }
# $kind: `tag` hoặc `category`
content-name-collision = hai { $kind ->
    [tag] từ khóa (tag)
   *[category] chuyên mục
 } `{ $first }` ({ $first_file }) và `{ $second }` ({ $second_file }) sẽ dùng chung trang /{ $slug }/
content-name-collision-label = cùng địa chỉ với `{ $first }`
content-name-collision-help = nếu đây là cùng một { $kind ->
    [tag] từ khóa
   *[category] chuyên mục
 }, hãy viết giống hệt nhau (`{ $first }`); nếu không, hãy đặt tên khác nhau ở chữ cái, không chỉ khác ở dấu thanh hay dấu câu
content-former-province = { $province } đã thuộc { $current } từ ngày { $since }, nhưng bài viết này đề ngày { $date }
content-former-province-label = nay thuộc { $current }
content-former-province-help = với tin từ ngày { $since } trở đi, hãy viết `province: { $current }`; chỉ giữ `{ $province }` cho tin trước đó
# $what: một trong các nơi content-reserved-* bên dưới
content-reserved-article = bài viết { $file } sẽ chiếm địa chỉ /{ $path }, là nơi bantin đặt { $what }
content-reserved-article-label = địa chỉ được tạo từ đây
content-reserved-article-help = đặt cho bài viết một `slug:` khác, hoặc đổi `article` trong mục [permalinks] của site.toml
content-reserved-page = trang { $file } sẽ chiếm địa chỉ /{ $path }/, là nơi bantin đặt { $what }
content-reserved-page-help = tin bài nằm trong content/{ $folder }/; hãy đổi tên tệp của trang này hoặc đặt cho nó một `slug:`
content-reserved-home = trang chủ
content-reserved-file = một tệp do bantin tạo ra
content-reserved-provinces = các trang tỉnh, thành phố
content-reserved-tags = các trang từ khóa (tag)
content-reserved-categories = các trang chuyên mục
content-reserved-archive = trang lưu trữ
content-reserved-albums = thư viện ảnh
content-reserved-search-page = trang tìm kiếm
content-reserved-search-index = dữ liệu tìm kiếm
content-reserved-pager = các trang tiếp theo của trang chủ
content-reserved-articles = các tin bài
content-duplicate-url = { $first } và { $second } sẽ cùng được đăng ở địa chỉ /{ $path }
content-duplicate-url-label = cùng địa chỉ với { $first }
content-duplicate-articles-help = cho một trong hai bài viết một địa chỉ riêng bằng dòng `slug:`, ví dụ slug: hoi-nghi-tong-ket-2024-an-giang
content-duplicate-pages-help = đổi tên một trong hai tệp, hoặc đặt cho nó một `slug:`

# Thư viện ảnh (content/thu-vien-anh/)
content-album-photo-no-alt = ảnh `{ $src }` của thư viện ảnh chưa có lời mô tả (alt)
content-album-folder-photo-label = ảnh này nằm trong thư mục nhưng chưa được ghi trong `photos:`
content-album-photo-no-alt-help =
    ghi ảnh vào `photos:` kèm lời mô tả, ví dụ:
      photos:
        - src: 01.jpg
          alt: Đại biểu hai nước trao quà lưu niệm
          caption: Trao quà lưu niệm tại buổi gặp mặt
    nếu chỉ có `caption`, lời chú thích được dùng làm lời mô tả; ảnh chỉ để trang trí thì ghi alt: ""
content-album-photo-no-src = một ảnh trong `photos:` chưa có `src`
content-album-example =
    viết mỗi ảnh như sau:
      photos:
        - src: 01.jpg
          alt: Đại biểu hai nước trao quà lưu niệm
content-album-photo-missing-help = `src` tính từ thư mục trong `folder:` (ví dụ 01.jpg), hoặc là đường dẫn đầy đủ từ thư mục static/ (ví dụ /images/albums/2025/giao-luu/01.jpg)
content-album-folder = không có thư mục ảnh `{ $folder }`
content-album-folder-label = không có thư mục này trong thư mục static/
content-album-folder-help = đặt ảnh của thư viện vào một thư mục trong static/ và ghi đường dẫn tính từ static/, ví dụ folder: /images/albums/2025/giao-luu/ cho thư mục static/images/albums/2025/giao-luu/
content-album-empty = thư viện ảnh chưa có ảnh nào
content-album-empty-help = ghi thư mục ảnh vào `folder:` hoặc liệt kê các ảnh trong `photos:`
content-album-cover = ảnh bìa `{ $src }` không phải là một ảnh của thư viện
content-album-cover-help = ghi `cover:` giống `src` của một ảnh trong thư viện, hoặc bỏ `cover:` để dùng ảnh đầu tiên
content-unknown-album = không có thư viện ảnh `{ $slug }`
content-unknown-album-help = ghi `album:` là tên trong địa chỉ (slug) của một thư viện ảnh trong content/thu-vien-anh/, ví dụ album: giao-luu-huu-nghi-viet-lao
content-duplicate-albums-help = đổi tiêu đề của một trong hai thư viện ảnh, hoặc đặt cho nó một `slug:`

# Văn bản (content/van-ban/)
content-document-kind = bantin không biết loại văn bản `{ $kind }`
content-document-kind-label = không phải loại văn bản bantin biết
content-document-kind-help = ghi `kind:` là một trong các loại: { $kinds } (có dấu hay không dấu, chữ hoa hay chữ thường đều được)
content-document-choice = `{ $value }` không phải là giá trị được chấp nhận của `{ $field }`
content-document-choice-help = ghi `{ $field }:` là một trong các giá trị: { $values }
content-document-file-no-src = một tệp trong `files:` chưa có `src`
content-document-file-help =
    đặt tệp vào thư mục static/ và ghi đường dẫn tính từ static/, ví dụ:
      files:
        - src: /van-ban/2020/80-2020-nd-cp.pdf
          title: Toàn văn (PDF)
content-document-file-missing = không có tệp `{ $src }`
content-document-file-missing-label = không có tệp này trong thư mục static/
content-duplicate-document = { $first } và { $second } cùng ghi văn bản số { $number }
content-duplicate-document-label = trùng số hiệu với { $first }
content-duplicate-document-help = giữ lại một trong hai tệp; nếu là hai văn bản khác nhau, hãy sửa lại `number:` của một tệp
content-unknown-document = thư viện chưa có văn bản số { $number }
content-unknown-document-label = không có văn bản nào trong content/van-ban/ mang số hiệu này
content-unknown-document-help = số hiệu được hiển thị nhưng không có liên kết; thêm văn bản đó vào content/van-ban/ để có liên kết, hoặc kiểm tra lại cách ghi số hiệu (ví dụ 147/2024/NĐ-CP)
content-document-kind-number = số hiệu { $number } là số của một { $said }, nhưng `kind:` ghi { $kind }
content-document-kind-number-label = ký hiệu này là của { $said }
content-document-kind-number-help = nếu là { $said }, hãy sửa `kind:` thành { $said }; nếu đúng là { $kind }, hãy kiểm tra lại số hiệu
content-duplicate-documents-help = đặt cho một trong hai văn bản một địa chỉ riêng bằng dòng `slug:`
content-reserved-documents = thư viện văn bản
