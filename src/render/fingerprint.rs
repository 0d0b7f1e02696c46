//! Takes the index, the templates and one job, and gives a fingerprint of everything that job's
//! page is made from: the settings, which lists exist, the source text of every article it
//! shows, and its templates. Equal fingerprints mean equal pages, so the dev server re-renders
//! exactly the pages whose fingerprint changed, and the result equals a clean build.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::context::{ArticleSummary, Site};
use super::{Job, REQUIRED, SIDEBAR_LATEST, template_of};
use crate::model::{ListKind, paginate};
use crate::problem::SourceFile;

/// What every page depends on, hashed once per build.
pub struct Inputs {
    global: u64,
    /// Each page template's own text, combined with the shared templates (base, partials).
    templates: BTreeMap<&'static str, u64>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Inputs {
    pub fn new(site: Site<'_>, templates: &BTreeMap<String, SourceFile>) -> Self {
        let Site { config, index, .. } = site;
        let mut hasher = DefaultHasher::new();
        // The settings as written, plus what the command line changed.
        config.source.text.hash(&mut hasher);
        config.base_url.hash(&mut hasher);
        // Which lists exist decides which links pages carry (a province's page, a tag's page).
        for list in &index.lists {
            list.path.hash(&mut hasher);
        }
        for page in &index.pages {
            page.path.hash(&mut hasher);
        }
        // The sidebar's newest articles are on every page: what the sidebar is given of them (their
        // summaries), not their whole text, so editing the body of a new article does not
        // re-render the site.
        for article in index.articles.iter().take(SIDEBAR_LATEST) {
            serde_json::to_vec(&ArticleSummary::new(article, site))
                .unwrap_or_default()
                .hash(&mut hasher);
        }
        let global = hasher.finish();

        let shared = hash_of(
            templates
                .iter()
                .filter(|(name, _)| !REQUIRED.contains(&name.as_str()))
                .map(|(name, file)| (name, &*file.text))
                .collect::<Vec<_>>(),
        );
        let templates = REQUIRED
            .iter()
            .map(|&name| {
                (
                    name,
                    hash_of((shared, templates.get(name).map(|f| &*f.text))),
                )
            })
            .collect();
        Inputs { global, templates }
    }

    /// The fingerprint of one job's page.
    pub fn of(&self, site: Site<'_>, job: Job) -> u64 {
        let Site { config, index, .. } = site;
        let mut h = DefaultHasher::new();
        self.global.hash(&mut h);
        self.templates.get(template_of(job)).hash(&mut h);
        job.hash(&mut h);
        let articles = |h: &mut DefaultHasher, items: &[usize]| {
            items.len().hash(h);
            for &i in items {
                index.articles[i].source_hash.hash(h);
            }
        };
        let list_entry = |h: &mut DefaultHasher, l: usize| {
            let list = &index.lists[l];
            (&list.name, &list.path, list.articles.len()).hash(h);
        };
        match job {
            Job::Home => {
                let home = &index.lists[0];
                let featured: Vec<usize> = (0..index.articles.len())
                    .filter(|&i| index.articles[i].featured)
                    .take(super::FEATURED_ON_HOME)
                    .collect();
                articles(&mut h, &featured);
                let range = paginate::page_range(home.articles.len(), config.page_size, 1);
                articles(&mut h, &home.articles[range]);
                home.articles.len().hash(&mut h);
                for &c in &index.categories {
                    let list = &index.lists[c];
                    list_entry(&mut h, c);
                    let shown = list.articles.len().min(super::PER_CATEGORY_BLOCK);
                    articles(&mut h, &list.articles[..shown]);
                }
            }
            Job::List { list, page } => {
                let l = &index.lists[list];
                list_entry(&mut h, list);
                if let ListKind::Month(year, _) = l.kind {
                    year.hash(&mut h);
                }
                let range = paginate::page_range(l.articles.len(), config.page_size, page);
                articles(&mut h, &l.articles[range]);
            }
            Job::Article(i) => {
                articles(&mut h, &[i]);
                articles(&mut h, &index.related[i]);
                // "Tin khác": the neighbours in time.
                let older: Vec<usize> = (i + 1..index.articles.len().min(i + 2)).collect();
                let newer: Vec<usize> = i.checked_sub(1).into_iter().collect();
                articles(&mut h, &older);
                articles(&mut h, &newer);
            }
            Job::Page(i) => index.pages[i].source_hash.hash(&mut h),
            Job::ProvinceIndex => {
                for region in &index.regions {
                    region.name.hash(&mut h);
                    region.lists.iter().for_each(|&l| list_entry(&mut h, l));
                }
                index
                    .provinces_az
                    .iter()
                    .for_each(|&l| list_entry(&mut h, l));
            }
            Job::TagIndex => index.tags.iter().for_each(|&l| list_entry(&mut h, l)),
            Job::CategoryIndex => index.categories.iter().for_each(|&l| list_entry(&mut h, l)),
            Job::ArchiveIndex => {
                for year in &index.years {
                    list_entry(&mut h, year.list);
                    year.months.iter().for_each(|&l| list_entry(&mut h, l));
                }
            }
            // The filters: provinces with articles, and the years.
            Job::Search => {
                index
                    .provinces_az
                    .iter()
                    .for_each(|&l| list_entry(&mut h, l));
                index.years.iter().for_each(|y| list_entry(&mut h, y.list));
            }
            Job::NotFound => {}
        }
        h.finish()
    }
}
