//! Takes two strings and gives their Vietnamese dictionary order (CLDR `vi` collation via ICU4X),
//! made total by byte-order tie-breaks so that sorted lists are reproducible from build to build.
//!
//! What the `vi` tailoring gives (and byte order or the root collation do not):
//! - ă, â, đ, ê, ô, ơ, ư are letters of their own: a < ă < â < b, d < đ < e, o < ô < ơ < p, u < ư < v.
//!   So "Duy" < "Dz" < "Đà Nẵng": every D… name comes before the first Đ… name.
//! - Tones are a secondary difference, in the order ngang < huyền < hỏi < ngã < sắc < nặng
//!   (ma < mà < mả < mã < má < mạ); they decide only between names equal letter for letter.
//! - Case is tertiary and lowercase comes first: "an giang" < "An Giang" < "an giangx", i.e. case
//!   never outweighs a letter or a tone.
//! - Spaces and punctuation are not ignored: "Cà Mau" < "Cao Bằng" because a space sorts before
//!   every letter. Digits sort before letters, digit by digit ("10" < "9"; no numeric ordering).
//! - Canonically equivalent input (NFC from most editors, NFD from Unikey's "Unicode tổ hợp")
//!   collates the same.
//! - Old and new tone placement (hoà / hòa) are different strings: "Hoà" < "Hòa". Callers that
//!   want them merged should key on `fold::normalize_tones` first.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;
use unicode_normalization::UnicodeNormalization;

/// A Vietnamese collator: build one per site build and share it by reference (it is `Send + Sync`).
///
/// The ICU data is compiled into the binary, so construction only looks up the `vi` tailoring;
/// no allocation happens per comparison.
#[derive(Debug)]
pub struct Collator {
    /// `None` only if the compiled-in data lacks the `vi` tailoring, which would be a packaging
    /// bug, not bad input; we then degrade to NFC code-point order instead of panicking, and the
    /// `loads_vietnamese_tailoring` test catches it.
    icu: Option<CollatorBorrowed<'static>>,
}

impl Collator {
    /// The collator for locale `vi` with default options (tertiary strength, lowercase first).
    pub fn new() -> Self {
        let prefs = CollatorPreferences::from(locale!("vi"));
        let icu = icu_collator::Collator::try_new(prefs, CollatorOptions::default()).ok();
        Self { icu }
    }

    /// Vietnamese order of `a` and `b`; `Equal` only when the two strings are byte-identical.
    ///
    /// Ties at every collation level (canonically equivalent strings, or strings differing only
    /// in characters the collation ignores) are broken first by their NFC forms, then by raw
    /// bytes. Each step is a total preorder and the last one is a total order, so the result is
    /// a total order consistent with `str`'s `Eq`: sorting is deterministic whatever the input
    /// order, and `sort_by` (stable) and `sort_unstable_by` give the same list.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        let by_collation = match &self.icu {
            Some(icu) => icu.compare(a, b),
            None => Ordering::Equal,
        };
        by_collation
            .then_with(|| a.nfc().cmp(b.nfc()))
            .then_with(|| a.as_bytes().cmp(b.as_bytes()))
    }
}

impl Default for Collator {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn assert_sorted(collator: &Collator, expected: &[&str]) {
        // Sorting the reversed list and a rotated one must both yield `expected`: the order comes
        // from the comparison, not from the input order.
        let mut reversed: Vec<&str> = expected.iter().rev().copied().collect();
        reversed.sort_by(|a, b| collator.compare(a, b));
        assert_eq!(reversed, expected);

        let mut rotated: Vec<&str> = expected.to_vec();
        rotated.rotate_left(expected.len() / 2);
        rotated.sort_unstable_by(|a, b| collator.compare(a, b));
        assert_eq!(rotated, expected);

        for pair in expected.windows(2) {
            assert_eq!(
                collator.compare(pair[0], pair[1]),
                Ordering::Less,
                "{:?} should sort before {:?}",
                pair[0],
                pair[1]
            );
            assert_eq!(collator.compare(pair[1], pair[0]), Ordering::Greater);
        }
    }

    #[test]
    fn loads_vietnamese_tailoring() {
        let collator = Collator::new();
        assert!(
            collator.icu.is_some(),
            "compiled data has no `vi` collation"
        );
        // Root collation would put đ next to d (Đà < Dak); the tailoring puts it after all of D.
        assert_eq!(collator.compare("Đà Nẵng", "Dak Nông"), Ordering::Greater);
    }

    #[test]
    fn is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Collator>();
    }

    #[test]
    fn pairwise_order() {
        let collator = Collator::default();
        // (smaller, greater, why)
        let cases: &[(&str, &str, &str)] = &[
            ("a", "ă", "ă is a letter after a"),
            ("ă", "â", "â is a letter after ă"),
            ("az", "ă", "ă after every a-word"),
            ("âz", "b", "b after â"),
            ("dz", "đ", "đ after every d-word"),
            ("đz", "e", "e after đ"),
            ("ez", "ê", "ê after e"),
            ("oz", "ô", "ô after o"),
            ("ô", "ơ", "ơ after ô"),
            ("ơz", "p", "p after ơ"),
            ("uz", "ư", "ư after u"),
            ("ưz", "v", "v after ư"),
            ("Bà Rịa – Vũng Tàu", "Bạc Liêu", "space before c"),
            ("Bạc Liêu", "Bắc Giang", "ă after a outweighs the tone"),
            ("Dak Nông", "Đà Nẵng", "đ after d outweighs the rest"),
            ("Hòa Bình", "Huế", "o before u"),
            ("Huế", "Hưng Yên", "u before ư"),
            ("Hồ Chí Minh", "Huế", "ô before u"),
            ("Cà Mau", "Cao Bằng", "space before letters"),
            ("mạ", "mac", "tone loses to a later letter"),
            (
                "Hoà Bình",
                "Hòa Bình",
                "old and new tone placement differ, old first",
            ),
            ("0", "9", "digits in value order"),
            ("9", "a", "digits before letters"),
            ("9", "Đ", "digits before đ"),
            ("10", "9", "no numeric ordering: digit by digit"),
            ("Quận 10", "Quận 2", "no numeric ordering inside text"),
            ("", "a", "empty first"),
        ];
        for &(smaller, greater, why) in cases {
            assert_eq!(
                collator.compare(smaller, greater),
                Ordering::Less,
                "{smaller:?} < {greater:?}: {why}"
            );
            assert_eq!(
                collator.compare(greater, smaller),
                Ordering::Greater,
                "{greater:?} > {smaller:?}: {why}"
            );
        }
    }

    #[test]
    fn tones_are_secondary_in_traditional_order() {
        let collator = Collator::new();
        assert_sorted(&collator, &["ma", "mà", "mả", "mã", "má", "mạ", "man"]);
        assert_sorted(&collator, &["ă", "ằ", "ẳ", "ẵ", "ắ", "ặ"]);
        assert_sorted(&collator, &["ư", "ừ", "ử", "ữ", "ứ", "ự"]);
    }

    #[test]
    fn case_is_tertiary_lowercase_first() {
        let collator = Collator::new();
        // Lowercase before uppercase, but only when nothing else differs.
        assert_sorted(&collator, &["a", "A", "à", "À", "b"]);
        assert_sorted(
            &collator,
            &["an giang", "An Giang", "AN GIANG", "an giangx"],
        );
        assert_sorted(&collator, &["đ", "Đ", "e"]);
        assert_sorted(&collator, &["ma", "Ma", "mà"]);
    }

    #[test]
    fn documented_examples() {
        let collator = Collator::new();
        assert_sorted(
            &collator,
            &[
                "Bà Rịa – Vũng Tàu",
                "Bạc Liêu",
                "Bắc Giang",
                "Dak Nông",
                "Duy Xuyên",
                "Đà Nẵng",
                "Đắk Lắk",
                "Hòa Bình",
                "Huế",
                "Hưng Yên",
            ],
        );
    }

    #[test]
    fn da_nang_after_every_d_name() {
        let collator = Collator::new();
        let d_names = [
            "D",
            "Dak Nông",
            "Dầu Tiếng",
            "Di Linh",
            "Duy Xuyên",
            "Dương Minh Châu",
            "Dz",
        ];
        for name in d_names {
            assert_eq!(
                collator.compare(name, "Đà Nẵng"),
                Ordering::Less,
                "{name:?} should come before Đà Nẵng"
            );
            assert_eq!(
                collator.compare(name, "đà nẵng"),
                Ordering::Less,
                "{name:?} should come before đà nẵng"
            );
        }
    }

    /// The 34 provincial-level units in force since 01/7/2025, in the order of data/provinces.yaml.
    const CURRENT_UNITS_FILE_ORDER: [&str; 34] = [
        "Hà Nội",
        "Huế",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
        "Lạng Sơn",
        "Quảng Ninh",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Cao Bằng",
        "Tuyên Quang",
        "Lào Cai",
        "Thái Nguyên",
        "Phú Thọ",
        "Bắc Ninh",
        "Hưng Yên",
        "Hải Phòng",
        "Ninh Bình",
        "Quảng Trị",
        "Đà Nẵng",
        "Quảng Ngãi",
        "Gia Lai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Đắk Lắk",
        "Hồ Chí Minh",
        "Đồng Nai",
        "Tây Ninh",
        "Cần Thơ",
        "Vĩnh Long",
        "Đồng Tháp",
        "Cà Mau",
        "An Giang",
    ];

    /// The same 34 in Vietnamese order, written out by hand and cross-checked with ICU4C 72
    /// (PyICU, locale `vi`). The tricky neighbours:
    /// - Cà Mau < Cao Bằng < Cần Thơ: the space after "Cà" sorts before "o"; â is after a.
    /// - the Đ block sits between C and G.
    /// - Hà Nội < Hà Tĩnh < Hải Phòng: after "Hà", a space beats "i".
    /// - Hồ Chí Minh < Huế < Hưng Yên: o-family (ô) < u < ư.
    /// - Lai Châu < Lạng Sơn < Lào Cai < Lâm Đồng: i < n < o, then â after a.
    /// - Thái Nguyên < Thanh Hóa: i < n; the tone on "Thái" only matters after the letters tie.
    const CURRENT_UNITS_SORTED: [&str; 34] = [
        "An Giang",
        "Bắc Ninh",
        "Cà Mau",
        "Cao Bằng",
        "Cần Thơ",
        "Đà Nẵng",
        "Đắk Lắk",
        "Điện Biên",
        "Đồng Nai",
        "Đồng Tháp",
        "Gia Lai",
        "Hà Nội",
        "Hà Tĩnh",
        "Hải Phòng",
        "Hồ Chí Minh",
        "Huế",
        "Hưng Yên",
        "Khánh Hòa",
        "Lai Châu",
        "Lạng Sơn",
        "Lào Cai",
        "Lâm Đồng",
        "Nghệ An",
        "Ninh Bình",
        "Phú Thọ",
        "Quảng Ngãi",
        "Quảng Ninh",
        "Quảng Trị",
        "Sơn La",
        "Tây Ninh",
        "Thái Nguyên",
        "Thanh Hóa",
        "Tuyên Quang",
        "Vĩnh Long",
    ];

    #[test]
    fn current_units_sort_in_vietnamese_order() {
        let collator = Collator::new();
        assert_sorted(&collator, &CURRENT_UNITS_SORTED);

        let mut from_file = CURRENT_UNITS_FILE_ORDER;
        from_file.sort_by(|a, b| collator.compare(a, b));
        assert_eq!(from_file, CURRENT_UNITS_SORTED);
    }

    #[test]
    fn nfd_input_sorts_like_nfc() {
        let collator = Collator::new();
        let nfd: Vec<String> = CURRENT_UNITS_FILE_ORDER
            .iter()
            .map(|name| name.nfd().collect())
            .collect();
        // Sanity: the decomposed forms really are different bytes.
        assert!(
            nfd.iter()
                .zip(CURRENT_UNITS_FILE_ORDER)
                .any(|(d, c)| d != c)
        );

        let mut sorted = nfd.clone();
        sorted.sort_by(|a, b| collator.compare(a, b));
        let recomposed: Vec<String> = sorted.iter().map(|name| name.nfc().collect()).collect();
        assert_eq!(recomposed, CURRENT_UNITS_SORTED);

        // Mixed: each NFD name compares against every NFC name exactly as its NFC form does.
        for (d, c) in nfd.iter().zip(CURRENT_UNITS_FILE_ORDER) {
            for other in CURRENT_UNITS_SORTED {
                if other != c {
                    assert_eq!(collator.compare(d, other), collator.compare(c, other));
                }
            }
        }
    }

    #[test]
    fn ties_are_broken_deterministically() {
        let collator = Collator::new();
        let nfc = "Huế";
        let nfd: String = nfc.nfd().collect();
        // Canonically equivalent: equal to the collator, yet not equal to us.
        assert_ne!(collator.compare(nfc, &nfd), Ordering::Equal);
        assert_eq!(
            collator.compare(nfc, &nfd),
            collator.compare(&nfd, nfc).reverse()
        );
        // Same verdict however the list starts out.
        let mut one = vec![nfd.as_str(), nfc, nfc, nfd.as_str()];
        let mut two = vec![nfc, nfd.as_str(), nfd.as_str(), nfc];
        one.sort_by(|a, b| collator.compare(a, b));
        two.sort_by(|a, b| collator.compare(a, b));
        assert_eq!(one, two);
        // Equal means byte-identical, including for odd input.
        for s in [
            "",
            " ",
            "\u{0}",
            "\u{301}",
            "a\u{301}\u{301}",
            "\u{FFFF}",
            "Đà Nẵng",
        ] {
            assert_eq!(collator.compare(s, s), Ordering::Equal, "{s:?}");
        }
        // A control character is ignorable to the collator but still breaks the tie.
        assert_ne!(collator.compare("ab", "a\u{1}b"), Ordering::Equal);
    }

    #[test]
    fn order_is_a_strict_total_order_on_a_mixed_sample() {
        let collator = Collator::new();
        let mut sample: Vec<String> = CURRENT_UNITS_SORTED
            .iter()
            .flat_map(|s| [s.to_string(), s.nfd().collect(), s.to_uppercase()])
            .chain(["", "1", "10", "9", "a", "A", "Hoà Bình", "Hòa Bình"].map(String::from))
            .collect();
        sample.sort_by(|a, b| collator.compare(a, b));
        sample.dedup();
        // After sorting, every earlier item must compare Less than every later one (both ways
        // round): that is what a consistent total order looks like, with no cycles or ties.
        for (i, a) in sample.iter().enumerate() {
            assert_eq!(collator.compare(a, a), Ordering::Equal);
            for b in &sample[i + 1..] {
                assert_eq!(collator.compare(a, b), Ordering::Less, "{a:?} vs {b:?}");
                assert_eq!(collator.compare(b, a), Ordering::Greater, "{b:?} vs {a:?}");
            }
        }
    }
}
