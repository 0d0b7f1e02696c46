## Những gì lệnh `bantin` in ra (src/main.rs).

# "lỗi: …" trước dòng cho biết vì sao một lệnh không làm được.
cli-error = lỗi: { $text }
cli-help = gợi ý: { $text }

## bantin init
cli-init-done = đã tạo trang mới trong { $dir } ({ $count } tệp); dựng trang bằng lệnh: bantin build --source { $dir }

## bantin build
cli-timings-stage = giai đoạn (∥: chạy song song)
cli-timings-time = thời gian
cli-timings-memory = bộ nhớ sau đó
cli-output-in = thư mục xuất bản: { $path }
cli-built = đã dựng { $pages } trang, { $other } nguồn tin (RSS) và tệp khác, { $statics } tệp tĩnh{ $images } trong { $seconds } giây{ $warnings }{ $held_back }
cli-built-warnings = {" "}({ $count } cảnh báo)
cli-built-images = {" "}({ $images } ảnh: { $encoded } tệp mã hóa mới, { $reused } tệp lấy từ bộ nhớ đệm)
cli-held-back = ; chưa đăng: { $parts }
cli-held-back-scheduled = { $count } bài hẹn giờ đăng
cli-held-back-draft = { $count } bản nháp
cli-held-back-expired = { $count } bài đã hết hạn
cli-next-change = ; lần thay đổi tới: { $when }
cli-output-updated = thư mục xuất bản đã cập nhật: ghi { $changed } tệp, { $unchanged } tệp không đổi, xóa { $removed } tệp
cli-output-kept = giữ lại { $count } tệp trong thư mục xuất bản mà bantin không ghi (--keep-foreign-files)
cli-output-leftovers = đã xóa { $count } thư mục tạm còn sót lại bên cạnh thư mục xuất bản từ một lần dựng bị ngắt giữa chừng
cli-build-failed = trang web có { $count } lỗi; chưa ghi gì cả, thư mục xuất bản vẫn giữ nguyên như cũ
cli-output-unchanged = thư mục xuất bản không bị thay đổi gì
cli-progress-reading = đang đọc
cli-progress-rendering = đang dựng

## bantin new
cli-config-errors-nothing-written = site.toml có lỗi; chưa ghi gì cả
cli-new-invalid = bài viết mới sẽ không hợp lệ; chưa ghi gì cả (hãy sửa --province, --category hoặc --tags)

## bantin check
cli-json-failed = không ghi được báo cáo JSON: { $reason }
cli-check-external-skipped = {" "}({ $count } liên kết ra trang ngoài chưa được kiểm tra: dùng --external)
cli-check-external = {" "}({ $count } liên kết ra trang ngoài, { $cached } lấy kết quả đã lưu)
cli-check-summary = đã kiểm tra { $articles } bài viết, { $pages } trang, { $links } liên kết{ $external }: { $broken ->
    [0] không có gì hỏng
   *[other] { $broken } liên kết hỏng
}
cli-check-old-urls = đã kiểm tra { $count } địa chỉ cũ: giữ được { $kept }, sẽ mất { $lost }
cli-check-documents = văn bản được dẫn trong bài: { $citations } lần, { $linked } lần có liên kết tới thư viện văn bản; { $missing } văn bản được dẫn mà thư viện chưa có
cli-check-documents-hint = xem danh sách các văn bản thư viện chưa có, và nơi dẫn chúng: bantin check --missing-documents
cli-check-missing-document = – { $document }: dẫn { $count } lần, tại { $places }
cli-check-not-checked = trang web có { $count } lỗi; chưa kiểm tra liên kết

## bantin serve
cli-serving = bản xem trước ở { $url } (bấm Ctrl+C để dừng)
cli-serve-built = đã dựng { $pages } trang trong { $ms } ms (dựng lại { $rerendered } trang)
cli-serve-failed = có { $count } lỗi; vẫn hiển thị các trang tốt lần trước, hãy sửa tệp rồi lưu lại

## bantin import
cli-import-sample = thử { $count } trang: chưa ghi gì cả; bỏ --sample thì việc nhập mới chạy thật
cli-import-config-errors = site.toml có lỗi; chưa nhập gì cả
cli-import-mapping-errors = tệp ánh xạ (mapping) có lỗi; chưa nhập gì cả
cli-import-unreadable = không đọc được tệp; chưa nhập gì cả
