## Tệp không phải văn bản UTF-8 (src/problem.rs, utf8_text).

problem-not-utf8 = tệp này không được lưu dưới dạng văn bản UTF-8
problem-not-utf8-utf16 = tệp được lưu dạng UTF-16 (mục "Unicode" trong Notepad), không phải UTF-8
problem-not-utf8-byte = byte { $byte } ở dòng { $line } không phải UTF-8 (có lẽ tệp được lưu theo bảng mã Windows-1258 hoặc TCVN3)
problem-not-utf8-help = mở tệp và lưu lại dưới dạng UTF-8 (Notepad: File → Save As → Encoding: UTF-8; VS Code: bấm vào tên bảng mã ở thanh trạng thái → Save with Encoding → UTF-8); chữ gõ bằng phông TCVN3 hoặc VNI phải được chuyển sang Unicode trước, ví dụ bằng công cụ chuyển mã của Unikey (Ctrl+Shift+F6)

# Chữ đứng trước lời gợi ý cách sửa của mỗi lỗi (miette viết "help:").
problem-help = gợi ý:
