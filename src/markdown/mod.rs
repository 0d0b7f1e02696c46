//! TEMPORARY stub until the markdown helper delivers.
pub struct Highlighter;
impl Highlighter {
    pub fn new() -> Self {
        Highlighter
    }
}
impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}
pub struct Options<'a> {
    pub base_path: &'a str,
}
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub summary: String,
    pub word_count: usize,
    pub reading_minutes: u32,
}
pub fn render(markdown: &str, _options: &Options, _h: &Highlighter) -> Rendered {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    Rendered {
        html,
        summary: String::new(),
        word_count: 0,
        reading_minutes: 1,
    }
}
