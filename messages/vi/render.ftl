render-more-pages = { $message } (và { $more } trang khác)
