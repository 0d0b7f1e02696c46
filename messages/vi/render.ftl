## Dựng trang: mẫu trang (template), nguồn tin, chuyển hướng (src/render/), và địa chỉ (src/route.rs)

# Một dòng mẫu trang bị lỗi, báo một lần cho nhiều trang.
render-more-pages = { $message } (và { $more } trang khác)

## Trang đang dựng và nguồn của nó, nêu trong lỗi mẫu trang: $page là render-page

render-page = /{ $path } ({ $origin })
render-origin-home = trang chủ
render-origin-list = danh sách { $path }
render-origin-index = trang mục lục /{ $path }
render-origin-not-found = trang 404 (trang báo không tìm thấy)
render-origin-file = { $path }

## Các mẫu trang của giao diện

render-missing-templates = giao diện (theme) thiếu mẫu trang (template) { $templates }
render-missing-templates-help = một giao diện cần có các mẫu trang templates/{ $required }
render-context = không đưa được dữ liệu của trang /{ $path } vào mẫu trang của nó: { $error }
# Lỗi của bộ lọc date_vi. Bản tiếng Anh cũng là lời Tera mang theo.
render-date-vi-not-a-date = date_vi cần một ngày tháng dạng 2020-05-27T08:30:00+07:00 hoặc 2020-05-27, nhưng lại nhận được `{ $value }`
render-tera-help = mẫu trang Tera ghi giá trị bằng { "{{ name }}" } và lệnh bằng { "{% if … %}…{% endif %}" }; xem hướng dẫn ở https://keats.github.io/tera/docs/
render-help-keyword-argument = bộ lọc (filter) và hàm (function) nhận tham số kèm theo tên, ví dụ { "{{ url(path=\"/gioi-thieu/\") }}" } hoặc { "{{ article.date | date_vi(format=\"date\") }}" }
render-help-invalid-type = bộ lọc hoặc hàm này không dùng được với loại giá trị này; hãy đổi giá trị sang loại khác trước (ví dụ { "{{ x | int }}" }, { "{{ x | str }}" }) hoặc đưa vào một giá trị khác
# $error: lời báo của Tera (tiếng Anh).
render-tera-says = Tera báo: { $error }
render-tera-error = mẫu trang (template) có lỗi: { $error }
render-template-syntax = mẫu trang { $template } viết sai cú pháp
render-template-render = mẫu trang { $template } bị lỗi khi dựng trang { $page }
render-templates-do-not-fit = các mẫu trang của giao diện không khớp với nhau: { $error }
render-template-failed = mẫu trang { $template } bị lỗi khi dựng trang { $page }: { $error }
render-did-you-mean = có phải ý bạn là `{ $suggestion }`?
# $list: các tên có thể dùng (render-undefined-list, render-filters, render-blocks …).
render-rename = hãy đổi thành `{ $suggestion }`; { $list }

## Mẫu trang dùng một tên mà trang không có: $what là variable (biến) hoặc field (trường)

render-undefined-list = các { $what ->
        [variable] biến (variable)
       *[other] trường (field)
    } có ở đây là: { $names }
render-undefined-label = ở đây không có { $what ->
        [variable] biến
       *[other] trường
    } `{ $name }`
-render-undefined-default = một giá trị mà chỉ một số trang có thì có thể cho nó giá trị mặc định, ví dụ { "{{ article.image | default(value=\"\") }}" }, hoặc kiểm tra trước: { "{% if article.image is defined %}" }
render-undefined-help = { -render-undefined-default }
render-undefined-help-list = { $list }; { -render-undefined-default }

## Bộ lọc, phép kiểm tra, hàm, thành phần, khối và mẫu trang không có

render-unknown-component = không có thành phần (component) `{ $name }`
render-unknown-component-label = không có thành phần nào tên này
render-unknown-component-help = hãy định nghĩa nó trong một mẫu trang bằng { "{% component name(…) %}…{% endcomponent %}" }, hoặc kiểm tra lại chính tả
render-unknown-filter = không có bộ lọc (filter) `{ $name }`
render-unknown-test = không có phép kiểm tra (test) `{ $name }`
render-unknown-function = không có hàm (function) `{ $name }`
# $what: filter, test hoặc function.
render-unknown-name-label = không có { $what ->
        [filter] bộ lọc
        [test] phép kiểm tra
       *[other] hàm
    } nào tên này
render-filters = các bộ lọc của bantin là { $ours }; của Tera là { $teras }
render-tests = các phép kiểm tra (`is …`) là { $teras }
render-functions = các hàm của bantin là { $ours }; của Tera là { $teras }
render-unknown-block = khối (block) `{ $name }` không có trong mẫu trang mà mẫu này kế thừa (extends)
render-blocks = các khối có thể điền là: { $blocks }
render-blocks-none = mẫu trang được kế thừa không có khối nào
render-unknown-block-label = các mẫu trang bên trên không có khối nào tên này
render-unknown-block-help = một trang chỉ hiện những khối mà mẫu trang cha của nó có; { $list }
render-unknown-template = không có mẫu trang (template) `{ $name }`
render-unknown-template-label = không có mẫu trang nào tên này
render-unknown-template-write = hãy viết `{ $suggestion }`; các mẫu trang hiện có: { $names }
render-unknown-template-help = các mẫu trang hiện có: { $names } (mẫu trang riêng của trang web nằm ở templates/<tên>)

## Các mẫu trang kế thừa hoặc chèn lẫn nhau thành vòng: $circle là các mẫu trang nối bằng →

render-extends-itself = mẫu trang `{ $template }` kế thừa (extends) chính nó
render-extends-circle = các mẫu trang kế thừa (extends) lẫn nhau thành một vòng
render-extends-circle-label = kế thừa `{ $template }` ở đây làm khép vòng
render-extends-circle-help = một mẫu trang không thể kế thừa chính nó, dù trực tiếp hay qua mẫu khác: { $circle }; hãy cho một trong số đó kế thừa một mẫu trang khác (các trang có sẵn kế thừa base.html)
render-includes-itself = mẫu trang `{ $template }` chèn (include) chính nó
render-includes-circle = các mẫu trang chèn (include) lẫn nhau thành một vòng
render-includes-circle-label = chèn `{ $template }` ở đây làm khép vòng
render-includes-circle-help = việc chèn sẽ không bao giờ dừng: { $circle }; hãy bỏ một trong các lệnh include này

## Địa chỉ cũ (aliases:, mẫu địa chỉ cũ, [redirects]): ai đã giữ một địa chỉ

render-claimant-home = trang chủ
render-claimant-page = trang /{ $path }
render-claimant-old-address = một địa chỉ cũ của { $file }
render-claimant-redirect = site.toml:{ $line } (trong [redirects])
render-previous-address-taken = địa chỉ cũ /{ $address } của bài viết này nay đã thuộc về một trang khác: bantin không tạo trang chuyển hướng ở đó
render-previous-address-taken-help = nếu các liên kết tới địa chỉ cũ còn cần, hãy ghi cho bài viết này một địa chỉ cũ khác trong `aliases:`, hoặc đổi địa chỉ của trang kia
render-redirect-from-page = địa chỉ cũ { $address } hiện là địa chỉ của một trang đang có
render-redirect-from-page-help = địa chỉ này vẫn đang dùng được: hãy xóa dòng này (chuyển hướng ở đó sẽ che mất trang)
# $other: render-claimant-….
render-old-address-taken = địa chỉ cũ { $address } trùng với { $other }
render-redirect-taken-label = bị khai báo hai lần
render-redirect-taken-help = hãy giữ lại một trong hai: một địa chỉ cũ chỉ dẫn được tới một trang
render-alias-taken-help = hãy bỏ địa chỉ cũ (alias) này hoặc địa chỉ kia; một địa chỉ chỉ dẫn được tới một trang
render-redirect-missing-page = site.toml chuyển hướng { $from } tới `{ $to }`, nhưng không có trang nào ở địa chỉ đó
render-redirect-missing-page-label = không có trang nào ở địa chỉ này
-render-redirect-targets = hãy dẫn tới một trang có thật: / (trang chủ), một danh sách như /chuyen-muc/<slug>/, /the/<slug>/, /luu-tru/<year>/<month>/, một nguồn tin như /rss.xml, một bài viết hoặc một trang riêng
render-redirect-missing-page-help = { -render-redirect-targets }
render-redirect-missing-page-help-suggest = có phải ý bạn là { $suggestion }? { -render-redirect-targets }


## Mẫu địa chỉ của bài viết ([permalinks] trong site.toml)

-render-pattern-example-list = ví dụ "/tin-tuc/:slug/", "/:year/:month/:day/:slug/" hoặc "/tin-tuc/:slug-:id.html"
render-pattern-examples = { -render-pattern-example-list }
render-pattern-no-slash = mẫu địa chỉ `{ $pattern }` không bắt đầu bằng dấu /
render-pattern-no-slash-help = hãy viết mẫu tính từ gốc của trang web, { -render-pattern-example-list }
render-pattern-bad-character = địa chỉ không được có `{ $character }`
render-pattern-bad-character-help = chỉ dùng chữ cái, chữ số, dấu - và dấu /, { -render-pattern-example-list }
render-pattern-relative = mẫu địa chỉ `{ $pattern }` có thư mục rỗng (//) hoặc thư mục tương đối (. hoặc ..)
render-pattern-bad-end = mẫu địa chỉ `{ $pattern }` không kết thúc bằng / hay .html
render-pattern-bad-end-help = hãy kết thúc bằng / (trang dạng thư mục, như các trang của bantin) hoặc bằng .html (như nhiều cổng thông tin cũ)
# $field và $names viết kèm dấu hai chấm: `:sulg`, `:year, :month …`.
render-pattern-unknown-field = `{ $field }` không phải phần địa chỉ mà bantin biết
render-pattern-unknown-field-help = mẫu địa chỉ chỉ dùng được { $names }
render-pattern-unknown-field-help-suggest = có phải ý bạn là `{ $suggestion }`? mẫu địa chỉ chỉ dùng được { $names }
render-pattern-adjacent-fields = `{ $field }` đứng liền sau một phần khác, không có gì ngăn cách
render-pattern-adjacent-fields-help = hãy đặt dấu - hoặc / giữa hai phần, ví dụ :slug-:id
render-pattern-not-unique = với mẫu địa chỉ `{ $pattern }`, hai bài viết có thể trùng một địa chỉ
render-pattern-not-unique-help = hãy thêm :slug, :stem hoặc :id vào mẫu, { -render-pattern-example-list }
# $what: render-reserved-….
render-pattern-reserved = mẫu địa chỉ `{ $pattern }` đặt bài viết vào /{ $folder }/, là nơi bantin đặt { $what }
render-pattern-reserved-help = hãy chọn thư mục đầu tiên khác, { -render-pattern-example-list }
render-picture-image = picture() cần image= là một ảnh của trang (ví dụ article.image), có src và alt
