//! From upright sRGB pixels to published bytes: scaling down (`fast_image_resize`, Lanczos3,
//! alpha premultiplied while filtering), cropping share pictures around a focus point, and
//! encoding JPEG, PNG, lossy WebP (libwebp) and AVIF (ravif through `image`). No encoder here
//! writes EXIF, XMP or an ICC profile: outputs are plain sRGB, as browsers assume.

use fast_image_resize as fr;
use image::codecs::avif::AvifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use crate::{Focus, Format, SHARE_SIZE};

/// AVIF encoder speed (1 slowest … 10 fastest). 8 is measured in BENCHMARKS.md ("Photos"):
/// below it the files shrink by a few per cent for twice the time or more.
pub const AVIF_SPEED: u8 = 8;

/// JPEG (and lossy WebP) quality of the cleaned copy when it must be re-encoded (rotated,
/// converted to sRGB, scaled down).
pub const CLEAN_JPEG_QUALITY: u8 = 85;

/// Scales `image` to `width`×`height` (a crop window of the source first, when given), with
/// Lanczos3. `fast_image_resize` premultiplies RGBA by its alpha before filtering and divides
/// after (its default `use_alpha`), so transparent pixels' colours do not bleed into edges.
pub fn resize(
    image: &DynamicImage,
    width: u32,
    height: u32,
    crop: Option<(f64, f64, f64, f64)>,
) -> DynamicImage {
    if crop.is_none() && (width, height) == (image.width(), image.height()) {
        return image.clone();
    }
    let mut dst = DynamicImage::new(width.max(1), height.max(1), image.color());
    let mut options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    if let Some((left, top, w, h)) = crop {
        // Kept inside the image: a window computed in floating point may pass its edge by a
        // rounding error, which fast_image_resize refuses.
        let (iw, ih) = (f64::from(image.width()), f64::from(image.height()));
        let (left, top) = (left.clamp(0.0, iw), top.clamp(0.0, ih));
        options = options.crop(left, top, w.min(iw - left), h.min(ih - top));
    }
    // Both images are of the same pixel type and the crop is inside the source, so this
    // cannot fail; if it ever did, an unscaled copy is better than a panic.
    if fr::Resizer::new()
        .resize(image, &mut dst, &options)
        .is_err()
    {
        return image.clone();
    }
    dst
}

/// The height of `image` scaled to `width`, at least 1.
pub fn height_at(width: u32, height: u32, to_width: u32) -> u32 {
    ((u64::from(height) * u64::from(to_width) + u64::from(width) / 2) / u64::from(width.max(1)))
        .max(1) as u32
}

/// The share picture's crop window (left, top, width, height in source pixels) and its size:
/// the largest 1.91:1 window the image holds, centred on `focus` as far as the image allows,
/// scaled to 1200×630 when larger, kept at its own size otherwise (never scaled up).
pub fn share_window(width: u32, height: u32, focus: Focus) -> ((f64, f64, f64, f64), (u32, u32)) {
    let (sw, sh) = (f64::from(SHARE_SIZE.0), f64::from(SHARE_SIZE.1));
    let (w, h) = (f64::from(width), f64::from(height));
    let (cw, ch) = if w / h > sw / sh {
        (h * sw / sh, h)
    } else {
        (w, w * sh / sw)
    };
    let place = |size: f64, window: f64, at: f32| {
        let at = if at.is_nan() { 0.5 } else { at };
        (size * f64::from(at.clamp(0.0, 1.0)) - window / 2.0).clamp(0.0, (size - window).max(0.0))
    };
    let (left, top) = (place(w, cw, focus.x), place(h, ch, focus.y));
    let out = if cw >= sw {
        SHARE_SIZE
    } else {
        ((cw.round() as u32).max(1), (ch.round() as u32).max(1))
    };
    ((left, top, cw, ch), out)
}

/// Encodes pixels in `format`. JPEG and WebP use `quality`; PNG is lossless; AVIF uses
/// `quality` at `AVIF_SPEED`, one thread (the stage already keeps every core busy with one
/// photo each). JPEG drops the alpha channel onto white.
pub fn encode(image: &DynamicImage, format: Format, quality: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let (w, h) = (image.width(), image.height());
    match format {
        Format::Jpeg => {
            let rgb = if image.color().has_alpha() {
                DynamicImage::ImageRgb8(on_white(image))
            } else {
                DynamicImage::ImageRgb8(image.to_rgb8())
            };
            JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100))
                .write_image(rgb.as_bytes(), w, h, ExtendedColorType::Rgb8)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            let (bytes, colour) = layout(image);
            PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
                .write_image(bytes, w, h, colour)
                .map_err(|e| e.to_string())?;
        }
        Format::Webp => {
            let (bytes, _) = layout(image);
            let encoder = if image.color().has_alpha() {
                webp::Encoder::from_rgba(bytes, w, h)
            } else {
                webp::Encoder::from_rgb(bytes, w, h)
            };
            out = encoder.encode(f32::from(quality.clamp(1, 100))).to_vec();
        }
        Format::Avif => out = avif(image, quality, AVIF_SPEED)?,
        Format::Gif => return Err("GIF is not encoded".into()),
    }
    Ok(out)
}

/// AVIF at `speed` (1 slowest … 10 fastest), on one thread; `encode` uses `AVIF_SPEED`.
pub fn avif(image: &DynamicImage, quality: u8, speed: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let (bytes, colour) = layout(image);
    AvifEncoder::new_with_speed_quality(&mut out, speed.clamp(1, 10), quality.clamp(1, 100))
        .with_num_threads(Some(1))
        .write_image(bytes, image.width(), image.height(), colour)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The pixels as 8-bit RGB or RGBA bytes (`decode` gives nothing else).
fn layout(image: &DynamicImage) -> (&[u8], ExtendedColorType) {
    match image {
        DynamicImage::ImageRgba8(rgba) => (rgba.as_raw(), ExtendedColorType::Rgba8),
        DynamicImage::ImageRgb8(rgb) => (rgb.as_raw(), ExtendedColorType::Rgb8),
        other => (other.as_bytes(), other.color().into()),
    }
}

/// RGBA over white, for JPEG (which has no alpha).
fn on_white(image: &DynamicImage) -> image::RgbImage {
    let rgba = image.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(from[3]);
        for c in 0..3 {
            to[c] = ((u16::from(from[c]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_window_follows_the_focus() {
        let ((left, top, w, h), out) = share_window(4000, 3000, Focus { x: 0.5, y: 0.0 });
        assert_eq!(out, SHARE_SIZE);
        assert_eq!((left, top), (0.0, 0.0));
        assert!((w - 4000.0).abs() < 1e-9 && (h - 2100.0).abs() < 1.0);
        let ((_, top, _, h), _) = share_window(4000, 3000, Focus { x: 0.5, y: 1.0 });
        assert!((top + h - 3000.0).abs() < 1e-6);
        // Tall: the window is as wide as the image and slides vertically.
        let ((left, top, w, _), _) = share_window(3000, 4000, Focus { x: 0.9, y: 0.5 });
        assert_eq!((left, w), (0.0, 3000.0));
        assert!(top > 0.0);
        // Small: never scaled up.
        let (_, out) = share_window(600, 400, Focus::default());
        assert_eq!(out, (600, 315));
        let (_, out) = share_window(1, 1, Focus::default());
        assert_eq!(out, (1, 1));
    }

    #[test]
    fn share_windows_stay_inside_odd_sizes() {
        for (w, h) in [
            (1200, 630),
            (2400, 1260),
            (3821, 2006),
            (7, 3),
            (3, 7),
            (1, 1000),
        ] {
            for focus in [(0.0, 0.0), (1.0, 1.0), (0.3, 0.9), (f32::NAN, 2.0)] {
                let focus = Focus {
                    x: focus.0,
                    y: focus.1,
                };
                let ((left, top, cw, ch), (ow, oh)) = share_window(w, h, focus);
                assert!(left >= 0.0 && top >= 0.0, "{w}x{h}");
                assert!(left + cw <= f64::from(w) + 1e-6 && top + ch <= f64::from(h) + 1e-6);
                // Scaling is slow in the tests' debug build: only the small ones.
                if w * h < 50_000 {
                    let image = DynamicImage::new_rgb8(w, h);
                    let out = resize(&image, ow, oh, Some((left, top, cw, ch)));
                    assert_eq!((out.width(), out.height()), (ow, oh));
                }
            }
        }
    }

    #[test]
    fn heights_round_and_never_vanish() {
        assert_eq!(height_at(4000, 3000, 480), 360);
        assert_eq!(height_at(3000, 1, 480), 1);
    }
}
