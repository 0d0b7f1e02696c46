//! Vietnamese text rules in one place: takes raw text, dates and numbers from content and templates,
//! gives slugs, cited document numbers, summaries cut to length, search keys, tone-normalised text,
//! parsed/formatted dates and formatted numbers.
//!
//! Every function here is total: odd input yields an error value or a sane string, never a panic,
//! because the inputs come straight from authors' front-matter and theme templates.

pub mod citation;
pub mod collate;
pub mod date;
pub mod excerpt;
pub mod fold;
pub mod number;
pub mod slug;

pub use date::{ACCEPTED_FORMATS, DateError, format_date, parse_date, weekday_vi};
pub use excerpt::excerpt;
pub use fold::{fold, normalize_tones};
pub use number::{format_integer, format_number};
pub use slug::{MAX_SLUG_LEN, SlugChange, slug_change, slugify};
