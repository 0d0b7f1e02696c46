## bantin build: lần dựng trang nói chung, và thư mục xuất bản.

build-site-errors = trang web có { $count } lỗi

## Thư mục xuất bản.
build-output-io = { $action ->
        [create] không tạo được { $path }
        [read] không đọc được { $path }
        [write] không ghi được { $path }
        [copy] không chép được { $path }
        [list] không xem được nội dung của { $path }
        [clear] không dọn sạch được { $path }
        [move-aside] không chuyển được { $path } sang chỗ tạm
        [move-in] không chuyển được bản dựng mới vào { $path }
        [move-into-place] không chuyển được { $path } vào chỗ
        [remove-old-build] không xóa được bản dựng cũ { $path }
        [remove-leftover] không xóa được thư mục còn sót lại { $path }
       *[remove] không xóa được { $path }
    }: { $error }
build-output-unsafe = bantin không dùng { $path } làm thư mục xuất bản: { $why }
build-unsafe-is-file = đây là một tệp, không phải thư mục
build-unsafe-outside = một tệp sẽ bị ghi ra ngoài thư mục xuất bản
build-unsafe-manifest = { $manifest } là tên tệp danh sách riêng của bantin
build-unsafe-duplicate = hai tệp của lần dựng có cùng đường dẫn này
build-unsafe-holds-site = thư mục này chứa chính các tệp của trang web
build-unsafe-is-source = đây là thư mục { $dir }/ của trang web, nơi chứa các tệp nguồn
build-unsafe-in-source = thư mục này nằm trong thư mục { $dir }/ của trang web, nơi chứa các tệp nguồn
build-unsafe-looks-like-site = thư mục này trông như một trang web (có site.toml hoặc content/) hay một kho git, không phải thư mục xuất bản
build-output-unsafe-help = hãy dựng trang vào một thư mục riêng, ví dụ thư mục mặc định <thư mục trang web>/public, hoặc dùng --output ../public-site
build-output-foreign = bantin không dựng trang vào { $path }: thư mục này có { $total } tệp không phải do bantin ghi: { $files }
build-output-foreign-help = bantin chỉ ghi đè và xóa những tệp do chính nó ghi, có tên trong tệp { $manifest } của thư mục xuất bản. Hãy dựng trang vào một thư mục mới hoặc trống, hoặc chuyển các tệp kia đi nơi khác (tệp cần đăng cùng trang web thì đặt trong thư mục static/). Muốn vẫn dựng trang và để nguyên các tệp đó, hãy thêm --keep-foreign-files
build-output-foreign-no-manifest-help = thư mục này không có tệp { $manifest }, nên bantin không biết tệp nào do nó ghi, và đây là những tệp mà lần dựng này không tạo ra. Nếu thư mục là kết quả của một phiên bản bantin cũ, hãy xóa nó rồi dựng lại. Muốn vẫn dựng trang — ghi đè các tệp lần dựng này tạo ra và để nguyên các tệp khác — hãy thêm --keep-foreign-files
build-output-would-replace = bantin không dựng trang vào { $path }: lần dựng sẽ phải ghi đè { $total } tệp không phải do bantin ghi: { $files }
build-output-would-replace-help = hãy chuyển đi hoặc đổi tên các tệp đó (tệp cần đăng cùng trang web thì đặt trong thư mục static/), hoặc dựng trang vào một thư mục khác
build-output-and-more = { $files } (và { $more } tệp khác)

## Các bước của một lần dựng, như --timings liệt kê (∥: chạy song song với các bước bên cạnh).
build-stage-theme = giao diện (theme)
build-stage-index = chỉ mục: danh sách, từ khóa, bài liên quan
build-stage-plan = kế hoạch: mỗi trang một việc
build-stage-site-files = sơ đồ trang (sitemap), robots, chuyển hướng
build-stage-links = liên kết: tra các liên kết trong bài
build-stage-cms = trang quản trị nội dung admin/
build-stage-find = tìm các tệp nội dung
build-stage-images = ảnh: thu nhỏ, mã hóa, làm sạch
build-stage-read = đọc bài, chuyển Markdown thành HTML
build-stage-render = ∥ tạo các trang
build-stage-feeds = ∥ nguồn tin (RSS)
build-stage-search = ∥ chỉ mục tìm kiếm
build-stage-commit = chuyển vào thư mục xuất bản
build-stage-serve-index = xem trước: lập danh sách tệp
build-stage-serve-swap = xem trước: thay bằng bản mới
build-stage-other = { $name }
build-image-copy-clash = bantin cần ghi bản thu nhỏ `{ $path }` của ảnh `{ $image }`, nhưng trang web đã có một tệp tên như vậy
build-image-copy-twice = hai ảnh `{ $image }` và `{ $other }` cho ra cùng một bản thu nhỏ `{ $path }`
build-image-copy-clash-help = đổi tên một trong hai tệp: bantin đặt tên các bản thu nhỏ theo tên ảnh gốc, thêm chiều rộng (ví dụ hoi-nghi-480w.webp)
