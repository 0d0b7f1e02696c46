//! Takes an article and gives what a list shows of it (`Shown`), and nothing else: the render
//! plan stamps each article shown in a list by its hash (`Article::stamps`, made when the file
//! is read), and `render::context::ArticleSummary` is made from it alone, so both change
//! together.

use chrono::{DateTime, FixedOffset};

use super::Article;
use crate::provinces::ProvinceId;

/// Everything a list takes from an article, and nothing else: `ArticleSummary` is made from
/// this alone, so its hash (the render plan's stamp of an article shown in a list) changes
/// exactly when what lists show of the article does. A body edit that keeps the summary
/// re-renders the article's own page only.
#[derive(Hash)]
pub struct Shown<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub date: &'a DateTime<FixedOffset>,
    /// Whether the date (and the update) was written with a time of day.
    pub date_has_time: bool,
    pub updated: Option<&'a DateTime<FixedOffset>>,
    pub updated_has_time: bool,
    pub summary: &'a str,
    pub featured: bool,
    pub province: ProvinceId,
    pub category: Option<&'a str>,
    pub tags: &'a [String],
    /// Its photo: `image:`, else the body's first figure (`Article::lead_from_body`).
    pub image: Option<ShownImage<'a>>,
    pub author: Option<&'a str>,
}

impl<'a> Shown<'a> {
    pub fn of(article: &'a Article) -> Self {
        Shown {
            title: &article.title,
            path: &article.path,
            date: &article.date,
            date_has_time: article.date_has_time,
            updated: article.updated.as_ref(),
            updated_has_time: article.updated_has_time,
            summary: &article.summary,
            featured: article.featured,
            province: article.province,
            category: article.category.as_deref(),
            tags: &article.tags,
            image: match (&article.image, &article.lead_from_body) {
                (Some(i), _) => Some((i, false)),
                (None, Some(i)) => Some((i, true)),
                (None, None) => None,
            }
            .map(|(i, from_body)| ShownImage {
                src: &i.src,
                alt: &i.alt,
                caption: i.caption.as_deref(),
                from_body,
            }),
            author: article.author.as_deref(),
        }
    }
}

/// The photo a list shows of an article.
#[derive(Hash, Clone, Copy)]
pub struct ShownImage<'a> {
    pub src: &'a str,
    pub alt: &'a str,
    pub caption: Option<&'a str>,
    /// Taken from the body (the article page shows it there, not again above the body).
    pub from_body: bool,
}

/// Hashes of what pages show of an article, made once when its file is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Stamps {
    /// Of `Shown`: what lists show.
    pub shown: u64,
    /// Of the whole source text and the address: what the article's own page shows.
    pub full: u64,
}

impl Stamps {
    pub fn of(article: &Article) -> Self {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let hash = |value: &dyn Fn(&mut DefaultHasher)| {
            let mut h = DefaultHasher::new();
            value(&mut h);
            h.finish()
        };
        Stamps {
            shown: hash(&|h| Shown::of(article).hash(h)),
            full: hash(&|h| (article.source_hash, &article.path).hash(h)),
        }
    }
}
