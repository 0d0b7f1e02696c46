//! The pixel work behind bantin's photos, apart from any site: a photo's real format and
//! headers (`decode`), its metadata removed without re-encoding (`clean`), scaling, share crops
//! and encoding to JPEG, PNG, WebP and AVIF (`encode`), and camera-like test photos (`sample`).
//!
//! A crate of its own so that it is always compiled optimised: the image crates' generic and
//! inlined code is compiled in the crate that calls it, so in bantin's unoptimised test builds
//! resizing and encoding ran ten times slower. The workspace's dev profile optimises this
//! crate (Cargo.toml), and everything pixel-sized happens inside it. bantin's `images` module
//! decides what to make, caches it and reports problems.

pub mod clean;
pub mod decode;
pub mod encode;
pub mod sample;

/// A point of a photo, each coordinate from 0 (left, top) to 1 (right, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub x: f32,
    pub y: f32,
}

/// The middle, a little above the centre: where faces usually are in news photos.
impl Default for Focus {
    fn default() -> Self {
        Focus { x: 0.5, y: 0.4 }
    }
}

/// The size of share pictures (Open Graph, Zalo, Facebook): 1.91 : 1.
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// An image file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Gif,
    Avif,
}

impl Format {
    /// Its media type, for `<source type=…>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
            Format::Gif => "image/gif",
            Format::Avif => "image/avif",
        }
    }

    /// The file name extension bantin gives its copies.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Avif => "avif",
        }
    }

    /// The format of a file name's extension, for the raster formats bantin publishes.
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            "gif" => Some(Format::Gif),
            "avif" => Some(Format::Avif),
            _ => None,
        }
    }
}

impl Focus {
    /// A point as written in site.toml or an article: two percentages from the left and the top
    /// (`50% 30%`, as CSS's `object-position`), or a word: `center`/`giữa`, `top`/`trên`,
    /// `bottom`/`dưới`, `left`/`trái`, `right`/`phải`.
    pub fn parse(text: &str) -> Option<Focus> {
        let text = text.trim().to_lowercase();
        let word = |w: &str| match w {
            "center" | "giữa" => Some(Focus { x: 0.5, y: 0.5 }),
            "top" | "trên" => Some(Focus { x: 0.5, y: 0.0 }),
            "bottom" | "dưới" => Some(Focus { x: 0.5, y: 1.0 }),
            "left" | "trái" => Some(Focus { x: 0.0, y: 0.5 }),
            "right" | "phải" => Some(Focus { x: 1.0, y: 0.5 }),
            _ => None,
        };
        if let Some(focus) = word(&text) {
            return Some(focus);
        }
        let percent = |p: &str| -> Option<f32> {
            let n: f32 = p.strip_suffix('%')?.trim().replace(',', ".").parse().ok()?;
            (0.0..=100.0).contains(&n).then_some(n / 100.0)
        };
        let mut parts = text.split_whitespace();
        let (x, y) = (parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Some(Focus {
            x: percent(x)?,
            y: percent(y)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Focus;

    #[test]
    fn a_focus_is_two_percentages_or_a_word() {
        assert_eq!(Focus::parse("50% 30%"), Some(Focus { x: 0.5, y: 0.3 }));
        assert_eq!(
            Focus::parse(" 12,5% 100% "),
            Some(Focus { x: 0.125, y: 1.0 })
        );
        assert_eq!(Focus::parse("Trên"), Some(Focus { x: 0.5, y: 0.0 }));
        assert_eq!(Focus::parse("center"), Some(Focus { x: 0.5, y: 0.5 }));
        for wrong in [
            "",
            "50%",
            "50 30",
            "120% 0%",
            "50% 30% 10%",
            "giữa trên",
            "-5% 0%",
        ] {
            assert_eq!(Focus::parse(wrong), None, "{wrong:?}");
        }
    }
}
