# The browser CMS at /admin/ (src/cms/): getting Decap CMS's script.
cms-script-unreadable = không đọc được tệp chương trình của trang quản trị nội dung (Decap CMS) `{ $path }`: { $error }
cms-script-download = không tải được chương trình của trang quản trị nội dung (Decap CMS) từ { $url }: { $error }
cms-script-checksum = tệp `{ $path }` không phải Decap CMS { $version } như bản đã công bố (mã kiểm tra của nó là { $found }); không dùng tệp này cho trang quản trị
cms-script-checksum-download = tệp tải về từ { $url } không phải Decap CMS { $version } như bản đã công bố (mã kiểm tra của nó là { $found }); không dùng tệp này cho trang quản trị
cms-script-damaged = tệp `{ $path }` không chứa chương trình của trang quản trị: { $error }
cms-script-label = trang quản trị /admin/ cần chương trình Decap CMS
cms-script-given-help = biến môi trường { $variable } chỉ tới tệp này; hãy tải lại đúng bản bằng lệnh `{ $pack }` rồi đặt { $variable } là đường dẫn tới tệp .tgz vừa tải, hoặc bỏ biến này đi để bantin tự tải về
cms-script-cache-help = hãy xóa tệp { $path } rồi dựng trang lại: bantin sẽ tải lại bản đúng từ kho npm
cms-script-download-help = chỉ cần có mạng một lần: bantin giữ tệp đã tải trong thư mục { $folder }/ của trang; máy không có mạng thì tải tệp ở máy khác bằng lệnh `{ $pack }` rồi đặt biến môi trường { $variable } là đường dẫn tới tệp .tgz đó; với `bantin serve`, hãy khởi động lại sau khi có mạng
