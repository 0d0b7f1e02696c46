//! (placeholder until lifting lands)
pub struct Lifted {
    pub body: String,
    pub source: Option<String>,
    pub author: Option<String>,
}
pub fn lift(markdown: &str) -> Lifted {
    Lifted {
        body: markdown.to_string(),
        source: None,
        author: None,
    }
}
