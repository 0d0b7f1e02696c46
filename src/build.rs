//! The pipeline, top to bottom: site.toml → Config; content/ → articles and pages; → Index;
//! → render jobs; → pages; → the output folder, swapped in only when everything succeeded.

use std::path::PathBuf;
use std::time::Instant;

use chrono::Utc;

use crate::config::{Config, Overrides};
use crate::content::{self, Filter};
use crate::markdown::Highlighter;
use crate::model::Index;
use crate::model::provinces::Provinces;
use crate::output::{OutputError, Staging};
use crate::problem::Problem;
use crate::render::{self, Renderer, theme::Theme};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's folder (holding site.toml).
    pub source: PathBuf,
    /// Defaults to `<source>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub filter: Filter,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    /// HTML pages rendered from the theme's templates.
    pub pages: usize,
    /// Feeds, sitemaps, robots.txt, `_redirects` and redirect pages.
    pub other_files: usize,
    pub static_files: usize,
    pub held_back: usize,
    pub output: PathBuf,
    pub warnings: Vec<Problem>,
    pub elapsed: std::time::Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The site has errors (and maybe warnings); nothing was written.
    #[error("the site has {} error(s)", .0.iter().filter(|p| p.is_error()).count())]
    Site(Vec<Problem>),
    #[error(transparent)]
    Output(#[from] OutputError),
}

fn fail_if_errors(mut problems: Vec<Problem>) -> Result<Vec<Problem>, BuildError> {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if problems.iter().any(Problem::is_error) {
        Err(BuildError::Site(problems))
    } else {
        Ok(problems)
    }
}

/// Builds the site. On any error the previous output folder is left exactly as it was.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    let started = Instant::now();
    let provinces = Provinces::builtin();
    let overrides = Overrides {
        base_url: options.base_url.clone(),
    };
    let config = Config::load(&options.source, &overrides, &provinces).map_err(BuildError::Site)?;

    // Content and theme problems are gathered together, so one run shows everything to fix.
    let mut problems = Vec::new();
    let theme = Theme::load(&config).map_err(|p| problems.push(p)).ok();
    let renderer = theme.as_ref().and_then(|t| {
        Renderer::new(&config, t)
            .map_err(|p| problems.extend(p))
            .ok()
    });
    let files = content::discover(&config.content_dir()).map_err(|p| BuildError::Site(vec![p]))?;
    let highlighter = Highlighter::new();
    let (content, found) = content::load(&config, &provinces, &highlighter, &files);
    problems.extend(found);
    let now = Utc::now().with_timezone(&config.timezone).fixed_offset();
    let (index, found) = Index::build(&config, &provinces, content, options.filter, now);
    problems.extend(found);
    let warnings = fail_if_errors(problems)?;
    let (Some(theme), Some(mut renderer)) = (theme, renderer) else {
        // Not reached: a missing theme or renderer always comes with an error problem.
        return Err(BuildError::Site(warnings));
    };

    let site = render::context::Site {
        config: &config,
        provinces: &provinces,
        index: &index,
    };
    let jobs = render::plan(&config, &index);
    let mut pages = renderer.run(site, &jobs).map_err(BuildError::Site)?;
    let page_count = pages.len();
    pages.extend(render::extras::feeds(site));
    let written: std::collections::HashSet<&str> = pages
        .iter()
        .map(|p| p.path.as_str())
        .chain(theme.statics.keys().map(String::as_str))
        .collect();
    let site_files = render::extras::site_files(site, &written).map_err(BuildError::Site)?;
    pages.extend(site_files);

    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.source.join("public"));
    let staging = Staging::new(&output, &options.source)?;
    for (rel, origin) in &theme.statics {
        staging.copy(rel, origin)?;
    }
    for page in &pages {
        staging.write(page)?;
    }
    staging.commit()?;
    Ok(Report {
        pages: page_count,
        other_files: pages.len() - page_count,
        static_files: theme.statics.len(),
        held_back: index.held_back,
        output,
        warnings,
        elapsed: started.elapsed(),
    })
}
