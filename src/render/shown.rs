//! Takes an article and gives what a list shows of it (`Shown`), and nothing else: the plan
//! stamps each article shown in a list by it, and `context::ArticleSummary` is made from it
//! alone, so both change together.

use chrono::{DateTime, FixedOffset};

use crate::content::Article;
use crate::provinces::ProvinceId;

/// Everything a list takes from an article, and nothing else: `ArticleSummary` is made from
/// this alone, so its hash (`render::plan`'s stamp of an article shown in a list) changes
/// exactly when what lists show of the article does. A body edit that keeps the summary
/// re-renders the article's own page only.
#[derive(Hash)]
pub struct Shown<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub date: &'a DateTime<FixedOffset>,
    pub updated: Option<&'a DateTime<FixedOffset>>,
    pub summary: &'a str,
    pub featured: bool,
    pub province: ProvinceId,
    pub category: Option<&'a str>,
    pub tags: &'a [String],
    /// (src, alt, caption)
    pub image: Option<(&'a str, &'a str, Option<&'a str>)>,
    pub author: Option<&'a str>,
}

impl<'a> Shown<'a> {
    pub fn of(article: &'a Article) -> Self {
        Shown {
            title: &article.title,
            path: &article.path,
            date: &article.date,
            updated: article.updated.as_ref(),
            summary: &article.summary,
            featured: article.featured,
            province: article.province,
            category: article.category.as_deref(),
            tags: &article.tags,
            image: article
                .image
                .as_ref()
                .map(|i| (i.src.as_str(), i.alt.as_str(), i.caption.as_deref())),
            author: article.author.as_deref(),
        }
    }
}
