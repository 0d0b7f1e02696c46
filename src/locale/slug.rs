//! Takes any text (usually a title or a place name) and gives a lowercase ASCII URL slug.

use unicode_normalization::UnicodeNormalization;

/// Longest slug we produce, in bytes (slugs are ASCII, so also in characters).
pub const MAX_SLUG_LEN: usize = 80;

/// Turns `input` into a slug such as `ba-ria-vung-tau`.
///
/// NFC comes first so decomposed input (typed in Unikey's "Unicode tổ hợp" mode) transliterates
/// exactly like precomposed input. `deunicode` maps đ/Đ to d, which mark-stripping alone would miss.
/// Prefixes such as "TP." are kept: stripping them is the caller's business.
pub fn slugify(input: &str) -> String {
    bound_length(words(input, |c| !c.is_ascii_alphanumeric()))
}

/// What `slugify` did to an author's slug beyond transliteration, case and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlugChange {
    /// Characters that cannot be in an address were dropped: `/`, `.`, `?`, `#`, `%`, quotes…
    pub dropped: bool,
    /// The slug was cut at `MAX_SLUG_LEN`.
    pub cut: bool,
}

/// How `slugify(input)` differs from what the author wrote, or `None` when it only did what
/// every author expects: `Hội nghị tổng kết` → `hoi-nghi-tong-ket` (accents, đ, case, spaces,
/// `_`). An explicit `slug: "../../x"` that becomes `x` is worth telling the author about.
pub fn slug_change(input: &str) -> Option<SlugChange> {
    // The same transliteration, splitting words only at white space, `-` and `_`: any other
    // character left in a word is one `slugify` drops.
    let plain = words(input, |c| c.is_whitespace() || c == '-' || c == '_');
    let change = SlugChange {
        dropped: plain.contains(|c: char| !(c.is_ascii_alphanumeric() || c == '-')),
        cut: words(input, |c| !c.is_ascii_alphanumeric()).len() > MAX_SLUG_LEN,
    };
    (change.dropped || change.cut).then_some(change)
}

/// The input transliterated to lowercase ASCII, its words (split where `is_gap`) joined by `-`.
///
/// NFC comes first so decomposed input transliterates exactly like precomposed input.
fn words(input: &str, is_gap: impl Fn(char) -> bool) -> String {
    let nfc: String = input.nfc().collect();
    let ascii = deunicode::deunicode(&nfc);

    let mut slug = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if is_gap(c) {
            gap = true;
        } else {
            // A gap only becomes a dash between two words, which trims both ends for free.
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c.to_ascii_lowercase());
        }
    }
    slug
}

/// Cuts an over-long slug at the last word boundary that fits, so URLs never end in half a word;
/// a single word longer than the limit is the one case that gets a hard cut.
fn bound_length(mut slug: String) -> String {
    if slug.len() <= MAX_SLUG_LEN {
        return slug;
    }
    // The slug is pure ASCII, so every byte index is a char boundary. A dash at index
    // MAX_SLUG_LEN means the first MAX_SLUG_LEN bytes are whole words, hence the inclusive range.
    let cut = match slug.as_bytes()[..=MAX_SLUG_LEN]
        .iter()
        .rposition(|&b| b == b'-')
    {
        Some(dash) if dash > 0 => dash,
        _ => MAX_SLUG_LEN,
    };
    slug.truncate(cut);
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn examples() {
        let cases = [
            ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
            ("Đắk Lắk", "dak-lak"),
            ("ĐẮK NÔNG", "dak-nong"),
            ("TP. Hồ Chí Minh", "tp-ho-chi-minh"),
            (
                "Hội nghị BCH lần thứ 3 (2022–2027)",
                "hoi-nghi-bch-lan-thu-3-2022-2027",
            ),
            ("Thừa Thiên Huế", "thua-thien-hue"),
            ("Bắc Kạn", "bac-kan"),
            ("Hòa Bình", "hoa-binh"),
            ("Hoà Bình", "hoa-binh"),
            ("  Tin  nóng!!  ", "tin-nong"),
            ("Chỉ thị 38-CT/TW", "chi-thi-38-ct-tw"),
            ("\"Hữu nghị & Hợp tác\"", "huu-nghi-hop-tac"),
            ("MiXeD CaSe Đà Nẵng", "mixed-case-da-nang"),
            ("a_b.c,d", "a-b-c-d"),
            ("91,1%", "91-1"),
            ("", ""),
            ("---", ""),
            ("!?…–—", ""),
            ("   ", ""),
            ("already-a-slug", "already-a-slug"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input), want, "input {input:?}");
        }
    }

    #[test]
    fn nfd_input_gives_the_same_slug() {
        for s in [
            "Bà Rịa – Vũng Tàu",
            "Đắk Lắk",
            "Tỉnh ủy Kiên Giang",
            "Người Việt Nam ở nước ngoài",
            "Hữu nghị",
        ] {
            let decomposed = nfd(s);
            assert_ne!(decomposed, s, "test input {s:?} should change under NFD");
            assert_eq!(slugify(&decomposed), slugify(s), "input {s:?}");
        }
    }

    #[test]
    fn odd_scripts_still_give_a_clean_slug() {
        for s in [
            "Tin vui 🎉 hôm nay",
            "北京 hữu nghị",
            "Ελληνικά",
            "😀",
            "\u{0301}\u{0300}",
        ] {
            let slug = slugify(s);
            assert!(
                slug.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s:?} gave {slug:?}"
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
        assert!(slugify("Tin vui 🎉 hôm nay").starts_with("tin-vui-"));
        assert!(slugify("Tin vui 🎉 hôm nay").ends_with("-hom-nay"));
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let title = "Tổng kết công tác đối ngoại nhân dân năm 2019 và triển khai phương hướng \
                     nhiệm vụ năm 2020 của Liên hiệp các tổ chức hữu nghị tỉnh Kiên Giang";
        let slug = slugify(title);
        assert!(slug.len() <= MAX_SLUG_LEN, "{slug}");
        assert!(!slug.ends_with('-'));
        // The cut must leave whole words: the slug is a prefix of the full slug, followed there by '-'.
        let full: String = {
            let mut s = String::new();
            for w in deunicode::deunicode(title).split(|c: char| !c.is_ascii_alphanumeric()) {
                if !w.is_empty() {
                    if !s.is_empty() {
                        s.push('-');
                    }
                    s.push_str(&w.to_ascii_lowercase());
                }
            }
            s
        };
        assert!(full.len() > MAX_SLUG_LEN);
        assert!(full.starts_with(&slug));
        assert_eq!(full.as_bytes()[slug.len()], b'-');
        assert_eq!(
            slug,
            "tong-ket-cong-tac-doi-ngoai-nhan-dan-nam-2019-va-trien-khai-phuong-huong-nhiem"
        );
    }

    #[test]
    fn changes_beyond_transliteration_are_named() {
        let none = None;
        let dropped = Some(SlugChange {
            dropped: true,
            cut: false,
        });
        let cut = Some(SlugChange {
            dropped: false,
            cut: true,
        });
        let long = "tong ket ".repeat(12);
        let long_and_dotted = format!("{long}.");
        let cases: &[(&str, Option<SlugChange>)] = &[
            ("Hội nghị tổng kết", none),
            ("ĐẮK NÔNG", none),
            ("  hoi_nghi--tong  ket ", none),
            ("already-a-slug", none),
            ("2024", none),
            ("../../x", dropped),
            ("a/b", dropped),
            ("tin.html", dropped),
            ("hoi-nghi?id=3", dropped),
            ("muc#2", dropped),
            ("91,1%", dropped),
            ("\"Hữu nghị\"", dropped),
            ("Chỉ thị 38-CT/TW", dropped),
            (&long, cut),
            (
                &long_and_dotted,
                Some(SlugChange {
                    dropped: true,
                    cut: true,
                }),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(slug_change(input), *want, "input {input:?}");
        }
        // NFD input is the same text.
        assert_eq!(slug_change(&nfd("Hội nghị tổng kết")), None);
    }

    #[test]
    fn length_edges() {
        let word79 = "a".repeat(79);
        let word80 = "b".repeat(80);
        let cases = [
            // Exactly at the limit: untouched.
            (word80.clone(), word80.clone()),
            // A dash right after 80 bytes: the first 80 bytes are whole words.
            (format!("{word80} tail"), word80.clone()),
            // 79 + dash + "cc" = 82: the second word does not fit.
            (format!("{word79} cc"), word79.clone()),
            // One giant word: hard cut.
            ("x".repeat(200), "x".repeat(80)),
            // Short word then a giant one: keep the short word only.
            (format!("ab {}", "y".repeat(100)), "ab".to_string()),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(&input), want, "input of {} bytes", input.len());
        }
    }
}
