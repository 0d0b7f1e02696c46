## bantin init và bantin new, và những chỗ chúng để lại cho người biên tập viết thay.

scaffold-init-exists = { $path } đã có một trang web (có tệp site.toml); không ghi gì cả
scaffold-cannot-write = không ghi được { $path }: { $error }
scaffold-new-empty-slug = không tạo được địa chỉ cho bài viết từ tiêu đề `{ $title }`: tiêu đề không có chữ cái hay chữ số nào
scaffold-new-exists = { $path } đã có rồi; không ghi gì cả (hãy chọn tiêu đề khác, hoặc sửa tệp đó)
scaffold-new-needs-province = trang web chưa có tỉnh, thành phố của riêng mình (site.toml không có dòng `province =`), nên bài viết cần có --province
scaffold-new-invalid = bài viết mới sẽ không hợp lệ; không ghi gì cả
scaffold-new-invalid-help = hãy sửa --province, --category hoặc --tags

## Chỗ để trống: những gì init và new viết sẵn để người biên tập thay bằng nội dung thật (site::placeholder).
scaffold-placeholder-setting = thiết lập `{ $key }` vẫn còn giá trị mẫu do `bantin init` viết: { $placeholder }
scaffold-placeholder-label = giá trị mẫu
scaffold-placeholder-setting-help = hãy viết { $what } của chính Liên hiệp
scaffold-what-name = tên
scaffold-what-description = phần mô tả
scaffold-what-base-url = địa chỉ trên mạng (hoặc dùng --base-url)
scaffold-what-parent = cơ quan chủ quản
scaffold-what-address = địa chỉ
scaffold-what-phone = số điện thoại
scaffold-what-email = địa chỉ e-mail
scaffold-what-editor = tên người chịu trách nhiệm nội dung
scaffold-placeholder-title = “{ $title }” là bài viết mẫu do `bantin init` viết
scaffold-placeholder-title-help = hãy xóa tệp này, hoặc viết tin đầu tiên của Liên hiệp vào đó
scaffold-placeholder-body = bài vẫn còn đoạn văn mẫu do bantin viết để bạn thay: “{ $text }”
scaffold-placeholder-body-help = hãy viết nội dung thật của bài thay cho đoạn văn mẫu
