//! Bringing an existing portal over: `bantin import wordpress EXPORT.xml` reads a WordPress
//! export (`wxr`), turns each post's HTML into bantin Markdown (`html`), repairs text typed in a
//! legacy Vietnamese encoding (`legacy`), lifts the source and byline out of the text (`lift`),
//! and writes articles, pages, media and site.toml additions — only what changed, never over an
//! editor's edit.

pub mod html;
pub mod legacy;
pub mod lift;
mod shortcode;
pub mod wxr;
