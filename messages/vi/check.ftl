## bantin check: liên kết và hình ảnh trong bài, liên kết ra trang ngoài, địa chỉ của trang cũ.

## Liên kết không dẫn tới đâu.
check-broken-link = liên kết hỏng `{ $url }`
check-broken-link-label = không có trang hay tệp này
check-missing-image = không tìm thấy ảnh `{ $url }`
check-missing-image-label = không có tệp này
check-nothing-at = không có trang hay tệp nào ở địa chỉ { $address }
check-above-root = { $address } (địa chỉ này vượt ra ngoài thư mục gốc của trang web)
check-base-path-hint = bantin tự thêm phần đường dẫn { $base } vào liên kết: hãy viết `/{ $rest }`
check-did-you-mean = có phải ý bạn là `{ $suggestion }`?
check-static-hint = các tệp trong thư mục static/ được đăng ở gốc trang web: tệp static/images/a.jpg có địa chỉ /images/a.jpg
# Lời khuyên gồm hai phần.
check-then = { $first }; { $then }

## Liên kết tới một bài viết hiện không có trên trang.
check-link-to-draft = liên kết `{ $url }` dẫn tới một bài viết còn là bản nháp
check-link-to-draft-help = liên kết sẽ dùng được khi bỏ dòng `draft: true` của bài viết đó; trước đó người đọc sẽ gặp trang "không tìm thấy"
check-link-to-scheduled = liên kết `{ $url }` dẫn tới một bài viết hẹn giờ đăng lúc { $date }
check-link-to-scheduled-help = liên kết sẽ dùng được từ ngày đăng của bài viết đó; trước đó người đọc sẽ gặp trang "không tìm thấy"
check-link-to-expired = liên kết `{ $url }` dẫn tới một bài viết đã hết hạn và đã gỡ khỏi trang (quá ngày `expires:`)
check-link-to-expired-help = người đọc sẽ gặp trang "không tìm thấy": hãy bỏ liên kết này, hoặc bỏ dòng `expires:` của bài viết đó
check-link-to-held-back-label = hiện không có trên trang

## Liên kết tới một vị trí trong trang (#…) mà trang đó không có.
check-broken-anchor = liên kết hỏng tới một vị trí trong trang: `{ $url }`
check-anchor-label-here = trang này không có vị trí này
check-anchor-label-there = trang kia không có vị trí này
check-anchor-help-here = trang này không có tiêu đề hay chú thích nào mang mã (id) `{ $id }`
check-anchor-help-there = trang { $page } không có vị trí nào mang mã (id) `{ $id }`
check-headings = các tiêu đề của trang: { $headings }

## Liên kết ra trang ngoài (--external).
check-external-broken = liên kết hỏng `{ $url }`
check-external-status = máy chủ trả lời mã { $status }
# $reason là cụm từ tiếng Anh của chính giao thức HTTP (Not Found).
check-external-status-reason = máy chủ trả lời mã { $status } ({ $reason })
check-external-failed-label = không tải được địa chỉ này
check-external-status-help = hãy sửa hoặc bỏ liên kết này; kết quả kiểm tra được giữ 24 giờ trong { $cache } (xóa tệp đó để kiểm tra lại ngay)
check-external-failed-help = { $error }; lỗi mạng không được ghi nhớ, lần kiểm tra sau sẽ thử lại
check-external-timeout = không có trả lời trong vòng { $seconds } giây
check-external-no-host = không tìm thấy tên miền này
check-external-redirects = bị chuyển hướng quá nhiều lần
# Lời của thư viện HTTP.
check-external-error = { $error }
check-external-not-checked = chưa kiểm tra
check-cache-save = không lưu được kết quả kiểm tra liên kết vào { $path }: { $error }
check-cache-save-help = lần chạy `bantin check --external` sau sẽ kiểm tra lại mọi liên kết từ đầu

## Địa chỉ của trang cũ (--old-urls).
check-old-urls-file = không đọc được danh sách địa chỉ cũ { $path }: { $error }
check-old-urls-file-help = hãy đưa một tệp văn bản, mỗi dòng một địa chỉ (URL) hoặc đường dẫn cũ, ví dụ lấy từ tệp sitemap.xml của trang cũ
check-old-url-lost = địa chỉ cũ `{ $address }` sẽ bị mất: người đọc vào đó sẽ không tới được nội dung cũ
check-old-url-lost-nothing = không có trang, tệp hay lệnh chuyển hướng nào ở địa chỉ này
check-old-url-lost-home = người đọc sẽ thấy trang chủ, không phải nội dung mà địa chỉ này chỉ tới
check-old-url-lost-no-entry = không có trang, tệp hay lệnh chuyển hướng nào ở địa chỉ này, và bảng chuyển hướng cũng không có nó
check-old-url-redirect = một dòng `"{ $address }" = "/dia-chi-moi/"` trong mục [redirects] của site.toml
check-old-url-help-query = trang cũ dùng phần sau dấu ? này để chỉ một bài viết hay trang (với WordPress: số của bài); hãy thêm "{ $address }" vào `aliases:` của bài viết hay trang đó, hoặc thêm { $redirect }
check-old-url-help-same-slug = có phải ý bạn là `{ $suggestion }`? hãy thêm "{ $address }" vào `aliases:` của { $file }, hoặc thêm { $redirect }
check-old-url-help-close = có phải ý bạn là `{ $suggestion }`? hãy giữ địa chỉ cũ bằng { $redirect }
check-old-url-help-none = không có địa chỉ nào của trang web gần giống địa chỉ này; hãy giữ nó bằng { $redirect }, hoặc ghi nó vào `aliases:` của bài viết trước đây ở địa chỉ đó
check-citation-date = bài viết ghi { $document } ngày { $written }, nhưng thư viện văn bản ghi ngày ban hành { $issued }
check-citation-date-label = thư viện ghi ngày { $issued }
check-citation-date-help = một trong hai ngày bị sai: sửa ngày trong bài, hoặc sửa dòng `issued:` trong { $file }
