//! bantin: a static-site generator for Vietnamese provincial news portals. The library holds the
//! pipeline (see `build`); the binary parses the command line and shows diagnostics.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod output;
pub mod problem;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
