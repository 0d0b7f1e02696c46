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

## Phần lưu trữ tại chỗ của CMS (/__bantin/api/v1): CMS hiện các câu này trong thông báo lỗi.
serve-cms-off = CMS không đọc, không lưu được tệp của trang web qua bản xem trước này: bản xem trước được mở bằng `--bind { $address }`, nên các máy khác trong mạng cũng vào được, mà CMS lại không hỏi mật khẩu. Hãy chạy `bantin serve` không có `--bind` trên chính máy dùng để soạn bài rồi mở CMS ở máy đó; muốn soạn bài từ máy khác, hãy dùng CMS của trang web đã xuất bản (với tài khoản Git của trang)
serve-cms-remote = từ chối: yêu cầu đến từ một máy khác ({ $address }); phần lưu trữ tại chỗ của CMS chỉ trả lời chính máy này
serve-cms-host = từ chối: yêu cầu gửi tới `{ $host }`, không phải tới bản xem trước này (`127.0.0.1:{ $port }` hoặc `localhost:{ $port }`); hãy mở CMS ở đúng địa chỉ của bản xem trước
serve-cms-method = phần lưu trữ tại chỗ của CMS chỉ nhận yêu cầu POST
serve-cms-no-origin = từ chối: yêu cầu thay đổi trang web phải cho biết trang nào gửi nó (`Origin`); chỉ trang CMS của bản xem trước này mới được gửi
serve-cms-origin = từ chối: yêu cầu do một trang của `{ $origin }` gửi, không phải trang CMS của bản xem trước này (`{ $own }`)
serve-cms-cross-site = từ chối: trình duyệt báo rằng yêu cầu này đến từ một trang web khác (`Sec-Fetch-Site: { $value }`)
serve-cms-not-json = từ chối: yêu cầu phải là dữ liệu JSON (`Content-Type: application/json`), không phải `{ $content_type }`
serve-cms-too-large = yêu cầu lớn hơn { $limit } MB: mỗi lần hãy lưu ít ảnh hơn, hoặc ảnh nhỏ hơn
serve-cms-unreadable = không đọc được yêu cầu: { $error }
serve-cms-bad-json = yêu cầu không phải dữ liệu JSON: { $error }
serve-cms-bad-params = yêu cầu `{ $action }` thiếu thông tin hoặc có giá trị sai: { $error }
serve-cms-no-files = yêu cầu `persistEntry` không nêu tệp nào để lưu (`dataFiles`)
serve-cms-unknown-action = không biết yêu cầu `{ $action }`: bản xem trước này chỉ trả lời CMS ở chế độ đăng bài đơn giản (cấu hình của CMS không được có `publish_mode: editorial_workflow`)
serve-cms-path-empty = đường dẫn bị bỏ trống, hoặc chỉ là chính thư mục trang web
serve-cms-path-absolute = `{ $path }`: đường dẫn phải tính từ thư mục trang web (như `content/tin-tuc/bai-viet.md`), không bắt đầu bằng `/`
serve-cms-path-character = `{ $path }`: đường dẫn không được chứa dấu gạch chéo ngược, dấu `:` hay ký tự NUL
serve-cms-path-outside = `{ $path }` nằm ngoài thư mục trang web
serve-cms-path-hidden = `{ $path }`: CMS không được dùng các tệp và thư mục có tên bắt đầu bằng `.`
serve-cms-path-not-allowed = `{ $path }`: CMS chỉ được thay đổi bài viết và trang (các tệp `.md` trong `content/`), ảnh (trong `static/images/`) và tệp của văn bản (trong `static/van-ban/`)
serve-cms-path-not-markdown = `{ $path }`: trong `content/` chỉ có bài viết và trang, tức các tệp `.md`
serve-cms-path-not-image = `{ $path }`: trong `static/images/` chỉ có ảnh: tệp JPEG, PNG, WebP, GIF hoặc AVIF (không nhận SVG hay HTML, vì chúng có thể chạy mã trong trình duyệt)
serve-cms-path-not-document = `{ $path }`: trong `static/van-ban/` chỉ có tệp của văn bản: { $types } (không nhận chương trình như `.exe`, cũng không nhận HTML hay SVG, vì chúng có thể chạy mã trên máy)
serve-cms-path-link = `{ $path }` đi qua một liên kết tắt (symlink) ra ngoài thư mục `{ $area }` của trang web
serve-cms-path-not-folder = `{ $path }`: một phần của đường dẫn này là tệp, không phải thư mục
serve-cms-path-is-folder = `{ $path }` là thư mục, không phải tệp
serve-cms-path-unreadable = không xem được `{ $path }`: { $error }
serve-cms-not-found = không có `{ $path }`
serve-cms-not-utf8 = `{ $path }` không phải văn bản UTF-8, nên CMS không sửa được mà không làm hỏng nó; `bantin check` chỉ ra chỗ sai
serve-cms-encoding = ảnh `{ $path }` được gửi theo kiểu mã hóa `{ $encoding }`; chỉ hiểu được `base64`
serve-cms-not-base64 = ảnh `{ $path }` không được gửi đúng dạng base64: { $error }
serve-cms-not-image = `{ $path }` không phải ảnh: nội dung của nó không phải JPEG, PNG, WebP, GIF hay AVIF
serve-cms-not-document = `{ $path }` không phải tệp { $kind } thật: nội dung của nó không bắt đầu như một tệp { $kind } (có lẽ là tệp khác bị đổi tên đuôi). Hãy mở tệp gốc và lưu (hoặc xuất) lại thành { $kind }, rồi tải lên lần nữa
serve-cms-document-too-large = `{ $path }` nặng khoảng { $size } MB, quá giới hạn { $limit } MB của một tệp văn bản: hãy giảm dung lượng (chẳng hạn quét lại với độ phân giải thấp hơn) hoặc chia thành nhiều tệp
serve-cms-document-exists = ở `{ $path }` đã có một tệp khác cùng tên, nên tệp mới không được ghi đè lên: hãy đặt tên khác cho tệp mới, hoặc xóa tệp cũ trong thư viện tệp của trang quản trị trước
serve-cms-target-exists = không chuyển được `{ $from }` sang `{ $path }`: ở đó đã có một tệp khác
serve-cms-write-failed = không lưu được `{ $path }`: { $error }
serve-cms-read-failed = không đọc được `{ $path }`: { $error }
serve-cms-delete-failed = không xóa được `{ $path }`: { $error }
