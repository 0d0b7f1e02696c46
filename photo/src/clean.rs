//! Removing metadata from an original without re-encoding it: JPEG segments, PNG chunks and
//! WebP chunks that carry EXIF (GPS, camera serial numbers), XMP, IPTC, comments or dates are
//! dropped with `img-parts`; the compressed pixels stay byte for byte, and so does the ICC
//! profile (the colours stay as the photographer saw them).

use img_parts::{Bytes, ImageEXIF};

use crate::Format;

/// The original without its metadata, or None when it has none to remove (publish it as it
/// is). An error when the container cannot be parsed.
pub fn strip(bytes: &[u8], format: Format) -> Result<Option<Vec<u8>>, String> {
    let out = match format {
        Format::Jpeg => strip_jpeg(bytes)?,
        Format::Png => {
            let mut png = img_parts::png::Png::from_bytes(Bytes::copy_from_slice(bytes))
                .map_err(|e| e.to_string())?;
            png.chunks_mut()
                .retain(|chunk| !PNG_METADATA.contains(&&chunk.kind()));
            png.encoder().bytes().to_vec()
        }
        Format::Webp => {
            let mut webp = img_parts::webp::WebP::from_bytes(Bytes::copy_from_slice(bytes))
                .map_err(|e| e.to_string())?;
            webp.set_exif(None);
            webp.remove_chunks_by_id(*b"XMP ");
            webp.encoder().bytes().to_vec()
        }
        // GIF has no EXIF; AVIF is published as it is (see `process`).
        Format::Gif | Format::Avif => return Ok(None),
    };
    Ok((out != bytes).then_some(out))
}

/// PNG chunks that say things about the file rather than draw it.
const PNG_METADATA: [&[u8; 4]; 5] = [b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"tIME"];

/// JPEG APPn segments kept: JFIF (APP0), the ICC profile (APP2 `ICC_PROFILE`) and Adobe's
/// colour transform flag (APP14), which decoders need to read CMYK/YCCK right. Every other
/// APPn (EXIF and XMP in APP1, MPF in APP2, IPTC in APP13, makers' own) and comments go.
fn keep_segment(marker: u8, contents: &[u8]) -> bool {
    match marker {
        0xE0 => contents.starts_with(b"JFIF\0"),
        0xE2 => contents.starts_with(b"ICC_PROFILE\0"),
        0xEE => contents.starts_with(b"Adobe"),
        0xE1..=0xEF | 0xFE => false,
        _ => true,
    }
}

fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::copy_from_slice(bytes))
        .map_err(|e| e.to_string())?;
    jpeg.segments_mut()
        .retain(|segment| keep_segment(segment.marker(), segment.contents()));
    let mut out = jpeg.encoder().bytes().to_vec();
    // img-parts keeps everything after the first scan as it is, including what phones append
    // after the end-of-image marker (MPF preview images, each with its own EXIF and GPS):
    // cut the file after its end-of-image marker.
    if let Some(end) = end_of_image(&out) {
        out.truncate(end);
    }
    Ok(out)
}

/// The offset just after a JPEG's end-of-image marker (FF D9): the marker segments are walked
/// by their lengths up to the first scan, then the compressed data is searched, where an FF
/// byte is always followed by 00, a restart marker or a marker, so FF D9 is only ever EOI.
pub fn end_of_image(bytes: &[u8]) -> Option<usize> {
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        at += 2 + length;
        if marker == 0xDA {
            break;
        }
    }
    let end = bytes[at..].windows(2).position(|w| w == [0xFF, 0xD9])?;
    Some(at + end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_what_draws_the_picture() {
        assert!(keep_segment(0xE0, b"JFIF\0\x01\x01"));
        assert!(keep_segment(0xE2, b"ICC_PROFILE\0\x01\x01"));
        assert!(!keep_segment(0xE2, b"MPF\0"));
        assert!(!keep_segment(0xE1, b"Exif\0\0"));
        assert!(!keep_segment(0xED, b"Photoshop 3.0\0"));
        assert!(!keep_segment(0xFE, b"a comment"));
        assert!(keep_segment(0xDB, b"quant tables"));
    }

    #[test]
    fn cuts_what_follows_the_end_of_image() {
        let jpeg = crate::sample::camera_jpeg(32, 24, 1, &Default::default());
        let mut with_trailer = jpeg.clone();
        with_trailer.extend(b"\xFF\xD8\xFF\xE1trailing preview with EXIF\xFF\xD9");
        assert_eq!(end_of_image(&with_trailer), Some(jpeg.len()));
        let stripped = strip(&with_trailer, Format::Jpeg).unwrap().unwrap();
        assert_eq!(stripped, jpeg);
    }
}
