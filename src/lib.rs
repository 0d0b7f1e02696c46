//! bantin: a static-site generator for Vietnamese provincial news portals. The library holds the
//! pipeline (see `build`); the binary parses the command line and shows diagnostics.

pub mod build;
pub mod check;
pub mod cms;
pub mod config;
pub mod content;
pub mod images;
pub mod import;
pub mod links;
pub mod locale;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod problem;
pub mod provinces;
pub mod render;
pub mod route;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;

#[cfg(test)]
mod fuzz;

/// The folders of a site that hold its sources (beside site.toml): the preview watches exactly
/// these, and an output folder may never be one of them or inside one.
pub const SOURCE_DIRS: &[&str] = &["content", "templates", "static", "themes", "data"];
