//! (being written)
use crate::problem::{Problem, SourceFile};

pub fn parse(files: Vec<SourceFile>) -> Result<super::wxr::Export, Box<Problem>> {
    let _ = files;
    Err(Box::new(Problem::error("import::todo", "not yet")))
}
