## site.toml và giao diện (theme) mà nó chọn (src/config.rs, src/theme.rs)

## Ngôn ngữ của các thông báo của bantin: `messages`

config-messages-unknown = messages = "{ $value }" không phải ngôn ngữ bantin dùng được
config-messages-unknown-label = phải là "vi" hoặc "en"
config-messages-unknown-help = bantin báo tin bằng tiếng Việt (messages = "vi", mặc định) hoặc tiếng Anh (messages = "en"); đây là ngôn ngữ của các thông báo của bantin, không phải ngôn ngữ của nội dung trang (cái đó là `language`)

## Đọc site.toml

config-unreadable = không đọc được { $path }: { $error }
config-unreadable-help = hãy chạy `bantin build` trong thư mục của trang web, hoặc chỉ ra thư mục đó bằng --source DIR, hoặc tạo trang mới bằng `bantin init DIR`
config-syntax = site.toml viết sai quy tắc TOML
# $error: lời báo của bộ đọc TOML (tiếng Anh).
config-syntax-label = chỗ viết sai (thông báo gốc: { $error })
config-syntax-help = TOML viết mỗi thiết lập thành `key = "value"`: chữ phải đặt trong dấu ngoặc kép, còn mỗi nhóm thiết lập bắt đầu bằng tên nhóm trong dấu ngoặc vuông, ví dụ [organization], trên một dòng riêng
config-syntax-brackets-label = đến chỗ này đã có hơn { $max } dấu `[` và `{"{"}`
config-syntax-brackets-help = thiết lập của một trang web chỉ có vài chục dấu ngoặc: hãy tìm đoạn chữ bị dán nhầm vào tệp

## Một dòng site.toml viết đúng thiết lập, để gợi ý cách sửa

config-example-title = title = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-example-description = description = "Cổng thông tin điện tử của Liên hiệp"
config-example-base-url = base_url = "https://example.github.io/lhhn-angiang/"
config-example-language = language = "vi"
config-example-messages = messages = "vi"
config-example-timezone = timezone = "Asia/Ho_Chi_Minh"
config-example-theme = theme = "default"
config-example-province = province = "An Giang"
config-example-page-size = page_size = 10
config-example-categories = categories = ["Tin tức hoạt động", "Đối ngoại nhân dân"]
config-example-image = image = "/images/bang-ron.jpg"
config-example-menu = dòng [[menu]], bên dưới là name = "Giới thiệu" và url = "/gioi-thieu/"
config-example-links = dòng [[links]], bên dưới là name = "VUFO" và url = "https://vufo.org.vn/"
config-example-feeds = dòng [feeds], bên dưới là limit = 20
config-example-full-content = full_content = false
config-example-provinces = dòng [provinces], bên dưới là include_merged = true
config-example-markdown = dòng [markdown], bên dưới là raw_html = "sanitize"
config-example-permalinks-previous = previous = ["/tin-tuc/:slug/"]
config-example-permalinks = dòng [permalinks], bên dưới là article = "/tin-tuc/:slug/"
config-example-redirects = dòng [redirects], bên dưới là "/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/"
config-example-counter = dòng [counter], bên dưới là endpoint = "https://dem.example.vn/luot-truy-cap"
config-example-organization = dòng [organization], bên dưới là name = "…", parent = "…" và các dòng khác
config-example-organization-name = name = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-example-organization-short-name = short_name = "AGUFO"
config-example-organization-parent = parent = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Giang"
config-example-organization-address = address = "Số 10 đường Lê Lợi, phường Long Xuyên, tỉnh An Giang"
config-example-organization-phone = phone = "0296 3852 111"
config-example-organization-fax = fax = "0296 3852 112"
config-example-organization-email = email = "lienhiep@angiang.gov.vn"
config-example-organization-editor = editor = "Nguyễn Văn An"
config-example-organization-editor-title = editor_title = "Trưởng Ban biên tập"
config-example-organization-licence = licence = "Giấy phép số …/GP-STTTT ngày … do … cấp"
config-example-other = tên = "giá trị"
# Nhiều ví dụ: $first và các ví dụ còn lại ($rest).
config-examples = { $first }; { $rest }

## Thiết lập viết sai loại giá trị: phải là gì ($what), viết thế nào ($how), đang là gì ($found)

config-kind-text = một đoạn chữ
config-kind-text-how = chữ phải đặt trong dấu ngoặc kép
config-kind-number = một số nguyên
config-kind-number-how = số thì viết không có dấu ngoặc kép
config-kind-bool = true hoặc false
config-kind-bool-how = hãy viết true hoặc false, không có dấu ngoặc kép
config-kind-texts = một danh sách các đoạn chữ
config-kind-texts-how = danh sách viết trong dấu ngoặc vuông, mỗi đoạn chữ đặt trong dấu ngoặc kép
config-kind-table = một nhóm thiết lập
config-kind-table-how = một nhóm thiết lập bắt đầu bằng tên nhóm trong dấu ngoặc vuông, trên một dòng riêng
config-kind-links = một danh sách liên kết
config-kind-links-how = mỗi liên kết là một nhóm riêng, có tên (name) và địa chỉ (url)
config-found-text = một đoạn chữ
config-found-integer = một số nguyên
config-found-float = một số thập phân
config-found-bool = giá trị true/false
config-found-date = một ngày tháng
config-found-list = một danh sách
config-found-table = một nhóm thiết lập
config-found-tables = một danh sách các nhóm thiết lập
config-found-nothing = không có gì
config-invalid = `{ $name }` phải là { $what }
config-invalid-each = mỗi mục của `{ $name }` phải là { $what }
config-invalid-label = đây là { $found }, không phải { $what }
config-invalid-help = { $how }, ví dụ { $example }

## Các thiết lập

config-base-url = không dùng được base_url `{ $url }`: { $why }
config-base-url-no-scheme = địa chỉ phải bắt đầu bằng https:// hoặc http://
config-base-url-bad-character = địa chỉ không được có dấu cách, dấu ngoặc kép, dấu ? hay dấu #
config-base-url-no-host = địa chỉ thiếu tên miền
config-base-url-label = địa chỉ này
config-base-url-help = hãy viết địa chỉ công khai của trang web, bắt đầu bằng http:// hoặc https://, ví dụ base_url = "https://example.github.io/portal/"
config-timezone = không có múi giờ nào tên `{ $name }`
config-timezone-label = không phải tên múi giờ theo chuẩn IANA
config-timezone-help = múi giờ Việt Nam là "Asia/Ho_Chi_Minh" (đây là mặc định, có thể bỏ hẳn dòng timezone)
config-page-size = page_size { $value } nằm ngoài khoảng cho phép
config-page-size-label = phải từ 1 đến { $max }
config-page-size-help = đây là số bài viết trên một trang danh sách, ví dụ page_size = 10
config-feed-limit = feeds.limit { $value } nằm ngoài khoảng cho phép
config-feed-limit-label = phải từ 1 đến 1000
config-feed-limit-help = đây là số bài viết mới nhất trong mỗi nguồn tin (RSS), ví dụ limit = 20
config-title-empty = tên của trang (title) đang để trống
config-title-empty-help = ví dụ title = "Liên hiệp các tổ chức hữu nghị tỉnh An Giang"
config-counter = địa chỉ bộ đếm lượt truy cập `{ $endpoint }` không phải một địa chỉ web
config-counter-help = hãy viết địa chỉ của dịch vụ đếm lượt truy cập, bắt đầu bằng https://, ví dụ endpoint = "https://dem.example.vn/luot-truy-cap"; bỏ dòng này đi nếu không muốn hiện bộ đếm
-config-raw-html-modes = "sanitize" (mặc định) gỡ bỏ mã script và những đoạn HTML không an toàn khỏi bài viết rồi báo lại; "trusted" đăng HTML đúng như đã viết, nghĩa là ai viết được bài cũng chạy được mã script trên trình duyệt của mọi người đọc: chỉ dùng cho trang mà mọi người viết bài đều đáng tin và không có bài nào lấy từ nơi khác về
config-raw-html = raw_html = "{ $value }" không phải cách xử lý HTML mà bantin biết
config-raw-html-label = phải là "sanitize" hoặc "trusted"
config-raw-html-help = { -config-raw-html-modes }
config-raw-html-help-suggest = có phải ý bạn là "{ $suggestion }"? { -config-raw-html-modes }
# Chỉ vào chỗ sai trong mẫu địa chỉ ([permalinks]); lời báo là render-pattern-….
config-permalink-label = ở đây

## [redirects]

config-redirect-from = địa chỉ cũ `{ $address }` không phải một đường dẫn trong trang web này
config-redirect-from-help = hãy viết địa chỉ cũ thành đường dẫn tính từ gốc của trang web, giữ cả phần sau dấu ? nếu địa chỉ cũ có, ví dụ "/category/tin-tuc/" = "/chuyen-muc/tin-tuc-hoat-dong/" hoặc "/?cat=3" = "/chuyen-muc/tin-tuc-hoat-dong/"
config-redirect-to = `{ $address }` không phải đường dẫn trong trang web này, cũng không phải một địa chỉ web
config-redirect-to-label = phải là một đường dẫn như /chuyen-muc/tin-tuc/ hoặc một địa chỉ https://
config-redirect-to-help = hãy viết nơi mà địa chỉ cũ nay dẫn tới: một trang trong trang web này, viết thành đường dẫn tính từ gốc (không có dấu ? hay #), ví dụ "/chuyen-muc/tin-tuc-hoat-dong/", "/rss.xml", hoặc địa chỉ đầy đủ của một trang web khác

## Thiết lập bắt buộc

config-organization-missing = thiếu nhóm thiết lập bắt buộc [organization]
config-organization-missing-label = site.toml chưa có nhóm [organization]
config-organization-missing-help = hãy thêm vào cuối site.toml một dòng [organization], bên dưới là các dòng { $lines } (xem phần site.toml trong README): chân mỗi trang phải ghi rõ cơ quan xuất bản trang, theo yêu cầu của TT 09/2014/TT-BTTTT và NĐ 147/2024/NĐ-CP đối với trang thông tin điện tử
config-missing = thiếu thiết lập bắt buộc `{ $key }`
config-missing-label = site.toml chưa có dòng `{ $key } = …`
config-missing-help = hãy thêm dòng này ở gần đầu site.toml, phía trên dòng [nhóm] đầu tiên (thiết lập nằm dưới một dòng [nhóm] là thuộc về nhóm đó), ví dụ { $example }
config-missing-in = nhóm [{ $table }] thiếu thiết lập bắt buộc `{ $key }`
config-missing-in-label = nhóm này chưa có dòng `{ $key } = …`
# $keys: các thiết lập, mỗi cái trong dấu `, cách nhau bằng dấu phẩy.
config-missing-several-in = nhóm [{ $table }] thiếu các thiết lập bắt buộc: { $keys }
config-missing-several-in-label = nhóm này chưa có { $keys }
config-missing-in-help = hãy thêm bên dưới dòng [{ $table }] các dòng như: { $examples }
config-missing-in-organization-help = hãy thêm bên dưới dòng [{ $table }] các dòng như: { $examples }; chân mỗi trang phải ghi tên cơ quan xuất bản, cơ quan chủ quản, địa chỉ, điện thoại, email và người chịu trách nhiệm nội dung, theo yêu cầu của TT 09/2014/TT-BTTTT và NĐ 147/2024/NĐ-CP đối với trang thông tin điện tử

## [[menu]] và [[links]]: $kind là menu hoặc sidebar; $missing là name, url hoặc both (cả hai)

config-link-missing = một liên kết { $kind ->
        [menu] trong menu
       *[other] ở khung "Liên kết"
    } thiếu { $missing ->
        [name] tên (`name`)
        [url] địa chỉ (`url`)
       *[other] tên (`name`) và địa chỉ (`url`)
    }
config-link-missing-label = liên kết này cần có { $missing ->
        [name] `name`
        [url] `url`
       *[other] `name` và `url`
    }
config-link-missing-help = mỗi liên kết có một tên và một địa chỉ, ví dụ { $example }
config-link-url = liên kết { $kind ->
        [menu] trong menu
       *[other] ở khung "Liên kết"
    } `{ $url }` không phải đường dẫn trong trang web này, cũng không phải một địa chỉ web
config-link-url-label = phải bắt đầu bằng / hoặc https://
config-link-url-help = các trang trong trang web này thì viết thành đường dẫn tính từ gốc, ví dụ url = "/gioi-thieu/"; trang web khác thì viết địa chỉ đầy đủ

## Thiết lập lạ: $known là các thiết lập của nhóm

config-unknown-key = site.toml có thiết lập lạ `{ $key }`
config-unknown-key-label = bantin không biết thiết lập này
config-unknown-key-help = các thiết lập ở đây là: { $known }
config-unknown-key-suggest-label = có phải ý bạn là `{ $suggestion }`?
config-unknown-key-suggest-help = hãy đổi tên thành `{ $suggestion }`; các thiết lập ở đây là: { $known }

## Giao diện (src/theme.rs)

config-theme-not-found = không có giao diện (theme) `{ $theme }`
config-theme-not-found-label = không có thư mục themes/{ $theme }/
config-theme-not-found-help = hãy dùng theme = "default" (giao diện có sẵn)
config-theme-not-found-help-folders = hãy dùng theme = "default" (giao diện có sẵn), hoặc một trong các thư mục trong themes/: { $folders }
config-template-unreadable = không đọc được mẫu trang (template): { $error }
config-theme-unreadable = không đọc được { $path }: { $error }

# [cms]: the browser CMS of the published site (/admin/)
config-example-cms = dòng [cms], bên dưới là backend = "github" và repo = "lienhiep-angiang/cong-thong-tin"
config-example-cms-backend = backend = "github"
config-example-cms-repo = repo = "lienhiep-angiang/cong-thong-tin"
config-example-cms-workflow = editorial_workflow = false
config-kind-numbers = một danh sách các số nguyên
config-kind-numbers-how = danh sách viết trong dấu ngoặc vuông, các số cách nhau bằng dấu phẩy
config-example-images = dòng [images], bên dưới là ví dụ widths = [480, 960, 1600] và quality = 75
config-example-images-widths = widths = [480, 960, 1600]
config-example-images-quality = quality = 75
config-images-range = { $key } = { $value } nằm ngoài khoảng cho phép
config-images-range-label = phải từ { $min } đến { $max }
config-images-help = ví dụ: { $example }
config-images-focus = focus = "{ $value }" không hiểu được
config-images-widths = widths phải là danh sách các chiều rộng ảnh (điểm ảnh), mỗi số từ 16 đến 8192
config-cms-backend = backend = "{ $value }" không phải nơi lưu mã nguồn mà trang quản trị nội dung (CMS) dùng được
config-cms-backend-label = phải là "github", "gitlab" hoặc "gitea"
config-cms-backend-help = hãy viết nơi lưu kho mã nguồn (repository) của trang: "github", "gitlab" (cả GitLab tự cài đặt) hoặc "gitea" (cả Forgejo, Codeberg)
config-cms-backend-help-suggest = có phải ý bạn là "{ $suggestion }"? Nơi lưu được dùng là "github", "gitlab" hoặc "gitea"
config-cms-repo = `{ $repo }` không phải tên một kho mã nguồn (repository)
config-cms-repo-label = phải có dạng chủ-sở-hữu/tên-kho
config-cms-repo-help = hãy viết tên kho như trong địa chỉ của nó, ví dụ repo = "lienhiep-angiang/cong-thong-tin" cho https://github.com/lienhiep-angiang/cong-thong-tin
config-cms-address = `{ $key }` = "{ $value }" không phải một địa chỉ web
config-cms-address-label = phải bắt đầu bằng https://
config-cms-address-help = hãy viết đầy đủ địa chỉ, bắt đầu bằng https://, ví dụ { $key } = "https://git.angiang.example"
config-cms-gitea = nhóm [cms] với backend = "gitea" thiếu { $keys }
config-cms-gitea-help = Gitea luôn là máy chủ riêng: hãy thêm base_url = "https://git.angiang.example" (địa chỉ máy chủ Gitea) và app_id = "…" (mã của ứng dụng OAuth tạo trong Gitea cho trang quản trị)
config-cms-workflow = trang quản trị nội dung với backend = "{ $backend }" không có quy trình duyệt bài (bản nháp → chờ duyệt → sẵn sàng)
config-cms-workflow-help = hãy bỏ dòng editorial_workflow = true; bài viết khi đó được đăng ngay khi bấm "Công bố", hoặc dùng GitHub hay GitLab nếu Ban biên tập cần bước duyệt bài
config-cms-github-login = nhóm [cms] với backend = "github" chưa có `base_url`: người biên tập sẽ đăng nhập qua dịch vụ của Netlify, chỉ dùng được khi trang đặt trên Netlify
config-cms-github-login-help = hãy thêm base_url = "https://…" là địa chỉ máy chủ đăng nhập OAuth của trang (xem README, phần "Editing in the browser"); trang đặt trên Netlify thì viết base_url = "https://api.netlify.com"
config-images-missing-alt = missing_alt = "{ $value }" không hiểu được
config-images-missing-alt-help = viết "error" (ảnh thiếu lời mô tả là lỗi, mặc định) hoặc "warning" (chỉ cảnh báo, khi đang bổ sung mô tả cho các bài cũ chuyển về)
