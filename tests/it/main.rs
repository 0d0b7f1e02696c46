//! The integration test binary: takes the built `bantin` executable and fixture sites, gives one
//! module of end-to-end tests per feature (one binary, so the crate links once).

mod architecture;
mod build_links;
mod check;
mod checkers;
mod cli;
mod cms;
mod cms_api;
mod content_rules;
mod dates;
mod equivalence;
mod errors;
mod generated_site;
mod import;
mod import_feed;
mod import_html;
mod incremental;
mod links;
mod lists;
mod messages;
mod new;
mod nfd;
mod output_safety;
mod overlay;
mod permalinks;
mod placeholders;
mod publishing;
mod reader;
mod redirects;
mod sample_site;
mod sanitize;
mod search;
mod serve;
mod support;
mod workflows;
mod xss;
