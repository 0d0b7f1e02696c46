## Ảnh: thu nhỏ, mã hóa lại, bỏ thông tin máy ảnh (src/images/).

images-unreadable = không đọc được ảnh này: { $error }. Tệp có thể bị hỏng hoặc chưa tải lên hết
images-unknown-format = tệp này không phải ảnh JPEG, PNG, WebP, GIF hay AVIF
images-heic = ảnh này ở định dạng HEIC của iPhone, trình duyệt không hiển thị được
images-heic-help = hãy dùng bản JPEG của ảnh. Trên iPhone: vào Cài đặt → Camera → Định dạng, chọn „Tương thích nhất“ để các ảnh chụp sau là JPEG; với ảnh đã chụp, chia sẻ hoặc xuất ảnh dưới dạng JPEG (ví dụ gửi qua thư điện tử, hoặc chép sang máy tính bằng ứng dụng Ảnh), rồi thay tệp này bằng tệp .jpg
images-large = ảnh gốc rất nặng: { $megabytes },{ $tenth } MB, { $megapixels } triệu điểm ảnh. Bản đăng lên trang chỉ còn { $published_kb } KB, nhưng ảnh gốc vẫn nằm trong kho lưu trữ của trang và làm nó nặng thêm
images-large-help = hãy thu nhỏ ảnh (ví dụ rộng 2048 điểm ảnh) trước khi thêm vào trang
images-duplicate = cùng một ảnh có { $count } bản ở các tệp: { $files }
images-duplicate-help = hãy giữ một tệp, xóa các tệp còn lại và sửa các bài viết để cùng dùng tệp được giữ
images-cache-unwritable = không tạo được thư mục lưu tạm ảnh `{ $folder }`; ảnh đã xử lý được lưu tạm ở `{ $temporary }`, lần dựng sau có thể phải xử lý lại
images-truncated = tệp bị thiếu phần cuối
images-cache-write = không ghi được ảnh đã xử lý vào thư mục `{ $folder }`: { $error }
