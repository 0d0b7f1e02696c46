//! Takes numbers and gives Vietnamese-style text: '.' between thousands, ',' before decimals
//! ("21.759.990.000", "34,6"), the forms real portals get wrong ("1,982", "9.6 tỷ").

/// Most decimals we print; more would only show binary noise and could make huge strings.
const MAX_DECIMALS: usize = 20;

/// Formats `value` with exactly `decimals` decimals (capped at 20), rounding half away from zero.
///
/// Rounding works on the shortest decimal text that reads back as the same `f64` (what the author
/// wrote), not on its exact binary value, so 1.005 with 2 decimals gives "1,01" as a reader
/// expects. NaN and infinities give "" so a bad value leaves a gap instead of "NaN" on the page.
/// A result that rounds to zero never carries a minus sign.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let decimals = decimals.min(MAX_DECIMALS);
    // `Display` for f64 never uses exponent notation, so this is plain digits with an optional '.'.
    let text = value.abs().to_string();
    let (int_text, frac_text) = text.split_once('.').unwrap_or((&text, ""));

    // All digits as numbers, integer part first, cut to the kept length.
    let mut digits: Vec<u8> = int_text.bytes().map(|b| b - b'0').collect();
    let int_len = digits.len();
    let frac: Vec<u8> = frac_text.bytes().map(|b| b - b'0').collect();
    digits.extend(frac.iter().take(decimals));
    digits.resize(int_len + decimals, 0);

    let round_up = frac.get(decimals).is_some_and(|&d| d >= 5);
    let mut int_len = int_len;
    if round_up {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, 1);
            int_len += 1;
        }
    }

    let negative = value < 0.0 && digits.iter().any(|&d| d != 0);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if negative {
        out.push('-');
    }
    push_grouped(&mut out, &digits[..int_len]);
    if decimals > 0 {
        out.push(',');
        out.extend(digits[int_len..].iter().map(|&d| char::from(b'0' + d)));
    }
    out
}

/// Formats a whole number with '.' between thousands: 21759990000 → "21.759.990.000".
pub fn format_integer(value: i64) -> String {
    // unsigned_abs keeps i64::MIN from overflowing.
    let digits: Vec<u8> = value
        .unsigned_abs()
        .to_string()
        .bytes()
        .map(|b| b - b'0')
        .collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    push_grouped(&mut out, &digits);
    out
}

/// Appends decimal digits (values 0–9) with a '.' before every group of three from the right.
fn push_grouped(out: &mut String, digits: &[u8]) {
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(char::from(b'0' + d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_number_examples() {
        let cases: &[(f64, usize, &str)] = &[
            (21759990000.0, 0, "21.759.990.000"),
            (21628810000.0, 0, "21.628.810.000"),
            (34.6, 1, "34,6"),
            (91.1, 1, "91,1"),
            (1.3, 1, "1,3"),
            (31.5, 1, "31,5"),
            (-1234.5, 1, "-1.234,5"),
            (0.0, 0, "0"),
            (-0.0, 0, "0"),
            (0.0, 2, "0,00"),
            (9974.0, 0, "9.974"),
            (999.0, 0, "999"),
            (1000.0, 0, "1.000"),
            (200000.0, 0, "200.000"),
            (1.25, 2, "1,25"),
            (1.25, 1, "1,3"),
            (-1.25, 1, "-1,3"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (0.5, 0, "1"),
            (0.49, 0, "0"),
            (0.125, 2, "0,13"),
            (1.005, 2, "1,01"),
            (999.95, 1, "1.000,0"),
            (999999.5, 0, "1.000.000"),
            (9.99, 1, "10,0"),
            (-0.04, 1, "0,0"),
            (-0.05, 1, "-0,1"),
            (123.0, 3, "123,000"),
            (0.001, 2, "0,00"),
            (1e21, 0, "1.000.000.000.000.000.000.000"),
            (78.0, 0, "78"),
            (1.0, 50, "1,00000000000000000000"),
        ];
        for &(value, decimals, want) in cases {
            assert_eq!(
                format_number(value, decimals),
                want,
                "value {value}, decimals {decimals}"
            );
        }
    }

    #[test]
    fn non_finite_numbers_give_empty_text() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_number(v, 2), "");
        }
    }

    #[test]
    fn extreme_finite_numbers_do_not_panic() {
        for v in [f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, -5e-324] {
            let s = format_number(v, 3);
            assert!(!s.is_empty());
        }
        assert_eq!(format_number(5e-324, 3), "0,000");
        assert!(format_number(f64::MAX, 0).starts_with("179.769.313"));
    }

    #[test]
    fn format_integer_examples() {
        let cases: &[(i64, &str)] = &[
            (0, "0"),
            (7, "7"),
            (-7, "-7"),
            (999, "999"),
            (1000, "1.000"),
            (-1000, "-1.000"),
            (21759990000, "21.759.990.000"),
            (123456, "123.456"),
            (i64::MAX, "9.223.372.036.854.775.807"),
            (i64::MIN, "-9.223.372.036.854.775.808"),
        ];
        for &(value, want) in cases {
            assert_eq!(format_integer(value), want, "value {value}");
        }
    }
}
