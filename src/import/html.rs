//! (placeholder until the converter lands: keeps the text, drops the tags)
use std::collections::{BTreeMap, HashMap};

pub struct Attachment {
    pub url: String,
    pub title: String,
    pub caption: String,
    pub alt: String,
}
pub struct Options<'a> {
    pub attachments: &'a HashMap<u64, Attachment>,
}
pub trait Links {
    fn image(&mut self, url: &str) -> String;
    fn link(&mut self, url: &str) -> String;
}
#[derive(Default)]
pub struct Converted {
    pub markdown: String,
    pub dropped: BTreeMap<String, usize>,
    pub kept_html: Vec<String>,
    pub alt_filled: usize,
    pub alt_missing: Vec<String>,
}
pub fn to_markdown(html: &str, _options: &Options, _links: &mut dyn Links) -> Converted {
    Converted {
        markdown: html.to_string(),
        ..Default::default()
    }
}
