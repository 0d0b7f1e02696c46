//! Takes a list's length and the page size and gives its pages: how many, which articles each
//! holds, and which page numbers a pager shows (`route::list_page` says where each lives).

/// Pages needed for `items` at `size` per page: an empty list still has its first page.
pub fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// The items of page `page` (1-based) as a range into the list.
pub fn page_range(items: usize, size: usize, page: usize) -> std::ops::Range<usize> {
    let size = size.max(1);
    let start = (page.saturating_sub(1) * size).min(items);
    start..(start + size).min(items)
}

/// The page numbers a pager shows: the first, the last, and two either side of the current one;
/// `None` stands for a gap ("…").
pub fn window(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut shown = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        let near = n + 2 >= current && n <= current + 2;
        if n == 1 || n == total || near {
            if last != 0 && n > last + 1 {
                shown.push(None);
            }
            shown.push(Some(n));
            last = n;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // each slice lists a list's pages; some have one
    fn counts_and_ranges() {
        // (items, size, pages, ranges of each page)
        let cases: &[(usize, usize, usize, &[std::ops::Range<usize>])] = &[
            (0, 10, 1, &[0..0]),
            (1, 10, 1, &[0..1]),
            (10, 10, 1, &[0..10]),
            (11, 10, 2, &[0..10, 10..11]),
            (95, 20, 5, &[0..20, 20..40, 40..60, 60..80, 80..95]),
        ];
        for (items, size, pages, ranges) in cases {
            assert_eq!(page_count(*items, *size), *pages, "{items} items");
            for (i, range) in ranges.iter().enumerate() {
                assert_eq!(
                    page_range(*items, *size, i + 1),
                    *range,
                    "{items} items, page {}",
                    i + 1
                );
            }
            // Past the last page there is nothing.
            assert!(page_range(*items, *size, pages + 1).is_empty());
        }
    }

    #[test]
    fn windows() {
        let cases: &[(usize, usize, &[Option<usize>])] = &[
            (1, 1, &[Some(1)]),
            (1, 2, &[Some(1), Some(2)]),
            (1, 9, &[Some(1), Some(2), Some(3), None, Some(9)]),
            (
                5,
                9,
                &[
                    Some(1),
                    None,
                    Some(3),
                    Some(4),
                    Some(5),
                    Some(6),
                    Some(7),
                    None,
                    Some(9),
                ],
            ),
            (
                4,
                9,
                &[
                    Some(1),
                    Some(2),
                    Some(3),
                    Some(4),
                    Some(5),
                    Some(6),
                    None,
                    Some(9),
                ],
            ),
            (9, 9, &[Some(1), None, Some(7), Some(8), Some(9)]),
        ];
        for (current, total, expected) in cases {
            assert_eq!(
                window(*current, *total),
                *expected,
                "page {current} of {total}"
            );
        }
    }
}
