## bantin serve: bản xem trước.

serve-bind = không mở được bản xem trước ở địa chỉ { $address }: { $reason }
serve-bind-help = có thể một chương trình khác (có khi là một `bantin serve` khác) đang dùng cổng này: hãy tắt nó, hoặc chọn cổng khác bằng --port
serve-watch = không theo dõi được các thay đổi trong { $path }: { $reason }
# Hiện trên mọi trang của bản xem trước khi lần dựng trang gần nhất bị lỗi; tiếp theo là các lỗi.
serve-overlay-heading = bantin: trang chưa được cập nhật vì có lỗi — sửa lỗi rồi lưu lại, trang sẽ tự tải lại.
# Trả lời cho một địa chỉ trang web không có, khi trang web không có trang "không tìm thấy" riêng.
serve-not-found = 404 — không có trang này

## Bộ đếm lượt truy cập của bản xem trước (/__bantin/counter), trả lời các yêu cầu của ô đếm.
serve-counter-not-json = nội dung gửi lên không phải dữ liệu JSON của bộ đếm: { $error }
serve-counter-bad-session = `session` phải gồm 8 đến 64 chữ cái, chữ số hoặc dấu gạch ngang
serve-counter-method = hãy dùng GET hoặc POST
serve-counter-unreadable = không đọc được yêu cầu: { $error }
