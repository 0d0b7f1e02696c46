//! Between the index and the pages: which of the site's static images pages show, and what
//! for (`requests`), then the images stage (`crate::images::process`), then the static files
//! made to publish its results (`publish`): each image's cleaned copy at its own address, its
//! responsive copies and share picture beside it.

use std::collections::{BTreeMap, HashMap};

use crate::config::Config;
use crate::images::{self, Focus, Gallery, Request};
use crate::model::Index;
use crate::msg;
use crate::output::Origin;
use crate::problem::Problem;

/// What pages use an image for.
#[derive(Default, Clone, Copy)]
struct Use {
    shown: bool,
    share: Option<Focus>,
}

/// A request for every raster image among the static files that are the site's own (on disk);
/// the ones pages show get their widths, the ones shared (an article's lead photo, site.toml's
/// `image`) their share picture.
pub(super) fn requests(
    config: &Config,
    index: &Index,
    statics: &BTreeMap<String, Origin>,
) -> Vec<Request> {
    let settings = &config.images;
    let mut uses: HashMap<String, Use> = HashMap::new();
    let mut mark = |src: &str, share: Option<Focus>| {
        if let Some(path) = crate::route::static_file(src) {
            let use_ = uses.entry(path).or_default();
            use_.shown = true;
            use_.share = use_.share.or(share);
        }
    };
    for article in &index.articles {
        let lead = article.image.as_ref().or(article.lead_from_body.as_ref());
        if let Some(lead) = lead {
            mark(&lead.src, Some(lead.focus.unwrap_or(settings.focus)));
        }
        for image in &article.body.images {
            mark(&image.url, None);
        }
    }
    for page in &index.pages {
        for image in &page.body.images {
            mark(&image.url, None);
        }
    }
    // Every photo of an album is shown (its grid, the lightbox); its cover is also shared.
    for album in &index.albums {
        for (i, photo) in album.photos.iter().enumerate() {
            mark(&photo.src, (i == album.cover).then_some(settings.focus));
        }
    }
    if let Some(image) = &config.image {
        mark(image, Some(settings.focus));
    }
    statics
        .iter()
        .filter(|(path, _)| images::is_image(path))
        .filter_map(|(path, origin)| {
            let Origin::Disk(file) = origin else {
                return None;
            };
            let use_ = uses.get(path.as_str()).copied().unwrap_or_default();
            Some(Request {
                path: path.clone(),
                file: file.clone(),
                shown: crate::problem::display_path(&config.root, file),
                responsive: use_.shown,
                share: use_.share,
            })
        })
        .collect()
}

/// Puts the stage's results among the static files: the cleaned copy at each image's own
/// address, the responsive copies and share pictures beside it. A copy whose address is
/// already a file of the site is an error (the site's file would be overwritten).
pub(super) fn publish(gallery: &Gallery, statics: &mut BTreeMap<String, Origin>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut made: Vec<(&str, &str)> = Vec::new();
    for image in gallery.iter() {
        statics.insert(image.path.clone(), Origin::Disk(image.file.clone()));
        for variant in image.variants.iter().chain(&image.share) {
            made.push((&variant.path, &image.path));
        }
    }
    made.sort();
    for (i, &(path, of)) in made.iter().enumerate() {
        let twice = i > 0 && made[i - 1].0 == path;
        if twice {
            problems.push(
                Problem::error(
                    "build::image-copy-clash",
                    msg!(
                        "build-image-copy-twice",
                        path = path,
                        image = of,
                        other = made[i - 1].1
                    ),
                )
                .in_file(format!("static/{of}"))
                .help(msg!("build-image-copy-clash-help")),
            );
        } else if statics.contains_key(path) {
            problems.push(
                Problem::error(
                    "build::image-copy-clash",
                    msg!("build-image-copy-clash", path = path, image = of),
                )
                .in_file(format!("static/{path}"))
                .help(msg!("build-image-copy-clash-help")),
            );
        }
    }
    for image in gallery.iter() {
        for variant in image.variants.iter().chain(&image.share) {
            statics
                .entry(variant.path.clone())
                .or_insert_with(|| Origin::Disk(variant.file.clone()));
        }
    }
    problems
}
