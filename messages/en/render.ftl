render-more-pages = { $message } (and { $more ->
    [one] one more page
   *[other] { $more } more pages
 })
