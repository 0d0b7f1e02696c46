//! The built-in registry of Vietnam's provincial-level units: takes the embedded
//! `data/provinces.yaml` (63 units before and 34 after the 2025 reorganisation) and gives
//! `Provinces`, with lookup by any spelling, "did you mean" suggestions and the merger graph;
//! and the problem for a name it does not know (`province_problem`), which site.toml and
//! front-matter report alike.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use saphyr::{LoadableYamlNode, Mapping, Yaml};

use crate::locale::fold;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::problem::{Problem, SourceFile};

/// The data ships inside the binary: it is ours, versioned with the code, and a site can rely on it
/// without any file next to it.
const BUILTIN_YAML: &str = include_str!("../data/provinces.yaml");

/// How many suggestions a failed lookup offers.
const MAX_SUGGESTIONS: usize = 3;

/// Jaro-Winkler similarity (on folded, compact keys) a name needs to be suggested. Single typos in
/// a province name score above 0.9; unrelated names sharing a few letters stay below 0.85.
const SUGGESTION_THRESHOLD: f64 = 0.85;

/// The score given to an input found inside a longer name ("Vũng Tàu" in "Bà Rịa – Vũng Tàu"),
/// which Jaro-Winkler ranks low because the heads differ.
const FRAGMENT_SCORE: f64 = 0.9;

/// Shorter fragments ("an", "ha") occur in too many names to mean anything.
const MIN_FRAGMENT_CHARS: usize = 4;

/// Words an input may start with that are not part of the unit's name, as folded words:
/// "Thành phố", "Tỉnh", "TP", "T.P", "Thủ đô".
const PREFIXES: &[&[&str]] = &[
    &["thanh", "pho"],
    &["tinh"],
    &["tp"],
    &["t", "p"],
    &["thu", "do"],
];

/// A unit's position in the registry: cheap to copy and store, valid for every `Provinces`
/// (all of them are built from the same embedded data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceId(u16);

impl ProvinceId {
    /// The position in `Provinces::iter()` order.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A province (tỉnh) or a centrally-run city (thành phố trực thuộc trung ương).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Province,
    City,
}

impl Kind {
    /// The spelling used in the data file: `"province"` or `"city"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Province => "province",
            Kind::City => "city",
        }
    }
}

/// Whether a unit exists today (since 01/7/2025) or only in older articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Current,
    Former,
}

impl Status {
    /// The spelling used in the data file: `"current"` or `"former"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Former => "former",
        }
    }
}

/// A region (vùng), e.g. "Đồng bằng sông Cửu Long".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Region {
    slug: String,
    name: String,
}

impl Region {
    pub fn slug(&self) -> &str {
        &self.slug
    }
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// One provincial-level unit, current or former.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Province {
    id: ProvinceId,
    key: String,
    name: String,
    display_name: String,
    full_name: String,
    slug: String,
    kind: Kind,
    status: Status,
    region: Region,
    region6: Region,
    spans_regions: Vec<Region>,
    unchanged: bool,
    merged_into: Option<ProvinceId>,
    renamed_to: Option<ProvinceId>,
    merged_from: Vec<ProvinceId>,
    renamed_from: Option<ProvinceId>,
    valid_until: Option<NaiveDate>,
    seat_in: Option<ProvinceId>,
    seat_verified: bool,
    aliases: Vec<String>,
    note: Option<String>,
}

impl Province {
    pub fn id(&self) -> ProvinceId {
        self.id
    }
    /// The data file's unique id; a former unit that shares its successor's name gets the suffix
    /// `-pre2025` (`an-giang-pre2025`), so unlike `slug` this tells the two apart.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The bare name: "An Giang", "Hồ Chí Minh", "Bà Rịa – Vũng Tàu".
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The name as people write it; differs from `name` only for "TP. Hồ Chí Minh".
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    /// The official name: "Tỉnh An Giang", "Thành phố Hồ Chí Minh".
    pub fn full_name(&self) -> &str {
        &self.full_name
    }
    /// The URL slug, shared by a former unit and its same-named successor.
    pub fn slug(&self) -> &str {
        &self.slug
    }
    pub fn kind(&self) -> Kind {
        self.kind
    }
    pub fn status(&self) -> Status {
        self.status
    }
    pub fn is_current(&self) -> bool {
        self.status == Status::Current
    }
    /// The geographic region (7-region scheme). For a merged current unit it follows the
    /// name-giving predecessor; see `spans_regions`.
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// The socio-economic region (6-region scheme of GSO / NQ 81/2023/QH15).
    pub fn region6(&self) -> &Region {
        &self.region6
    }
    /// For a current unit whose predecessors lay in several regions, all of those regions;
    /// empty otherwise.
    pub fn spans_regions(&self) -> &[Region] {
        &self.spans_regions
    }
    /// True for the 11 current units the 2025 merger left untouched.
    pub fn unchanged(&self) -> bool {
        self.unchanged
    }
    /// The current unit a former unit was merged into on 01/7/2025.
    pub fn merged_into(&self) -> Option<ProvinceId> {
        self.merged_into
    }
    /// The current unit a former unit became by renaming (Thừa Thiên Huế → Huế).
    pub fn renamed_to(&self) -> Option<ProvinceId> {
        self.renamed_to
    }
    /// Where a former unit went, by merger or renaming; `None` for a current unit.
    pub fn successor(&self) -> Option<ProvinceId> {
        self.merged_into.or(self.renamed_to)
    }
    /// The former units a current unit was merged from (its same-named predecessor included).
    pub fn merged_from(&self) -> &[ProvinceId] {
        &self.merged_from
    }
    /// The former unit a current unit was renamed from.
    pub fn renamed_from(&self) -> Option<ProvinceId> {
        self.renamed_from
    }
    /// The last day a former unit existed.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }
    /// The predecessor whose territory hosts a merged unit's new administrative centre.
    pub fn seat_in(&self) -> Option<ProvinceId> {
        self.seat_in
    }
    /// False when `seat_in` was recorded from memory and not checked against the source.
    pub fn seat_verified(&self) -> bool {
        self.seat_verified
    }
    /// Extra spellings `lookup` accepts ("TP.HCM", "BR-VT").
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }
    /// A Vietnamese remark from the data file, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// `lookup` found no unit; carries the input and up to three close names, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupError {
    pub input: String,
    /// Display names of the closest units, best first (empty when nothing is close).
    pub suggestions: Vec<String>,
}

impl LookupError {
    /// What went wrong, in words.
    pub fn message(&self) -> Message {
        msg!(
            "content-unknown-province-or-city",
            input = shorten(&self.input)
        )
    }
}

/// The English words (`message` in English).
impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.text(&self.message()))
    }
}

impl std::error::Error for LookupError {}

/// Keeps an error message readable when the input is a whole paragraph.
fn shorten(input: &str) -> String {
    const MAX_CHARS: usize = 60;
    match input.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &input[..cut]),
        None => input.to_owned(),
    }
}

/// All units, current and former, with the indexes that make lookups cheap. Immutable: the
/// built-in one is made once per process (`Provinces::builtin()`) and shared.
#[derive(Clone, Debug)]
pub struct Provinces {
    units: Vec<Province>,
    regions: Vec<Region>,
    regions6: Vec<Region>,
    /// Lookup key (see `lookup_key`) → unit; a current unit owns the keys it shares with its
    /// same-named predecessor.
    by_key: HashMap<String, ProvinceId>,
    /// Inputs longer than this (in chars) cannot be a typo of any key; skip the fuzzy search.
    max_suggest_chars: usize,
}

impl Provinces {
    /// The registry of the embedded data file, parsed the first time it is asked for and shared
    /// by every build of the process after that (a preview rebuilds on every save).
    ///
    /// A `static` here is not mutable global state: the data is compiled into the binary and the
    /// registry is never changed after it is made, so every caller, on any thread, at any time,
    /// sees the same value it would get by parsing the data itself. The `OnceLock` only saves the
    /// parse (a few milliseconds) after the first; nothing can be set, reset or observed to change.
    pub fn builtin() -> &'static Provinces {
        static BUILTIN: OnceLock<Provinces> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Provinces::from_yaml(BUILTIN_YAML)
                .unwrap_or_else(|e| panic!("built-in data/provinces.yaml is invalid: {e}"))
        })
    }

    /// The unit with this id. Ids only come from a registry built from the same embedded data,
    /// so every id is in range.
    pub fn get(&self, id: ProvinceId) -> &Province {
        &self.units[id.index()]
    }

    /// Every unit in data-file order: the 34 current units first, then the former ones.
    pub fn iter(&self) -> std::slice::Iter<'_, Province> {
        self.units.iter()
    }

    /// The 34 units in force since 01/7/2025.
    pub fn current(&self) -> impl Iterator<Item = &Province> {
        self.units.iter().filter(|p| p.is_current())
    }

    /// The 53 units that no longer exist (52 merged, 1 renamed).
    pub fn former(&self) -> impl Iterator<Item = &Province> {
        self.units.iter().filter(|p| !p.is_current())
    }

    /// The 7 geographic regions `Province::region` uses, in data-file order.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The 6 socio-economic regions `Province::region6` uses, in data-file order.
    pub fn regions6(&self) -> &[Region] {
        &self.regions6
    }

    /// The unit with exactly this slug; the current unit when a former one shares it.
    pub fn by_slug(&self, slug: &str) -> Option<&Province> {
        let mut matches = self.units.iter().filter(|p| p.slug == slug);
        let first = matches.next()?;
        Some(matches.find(|p| p.is_current()).unwrap_or(first))
    }

    /// The unit with exactly this data-file id (`an-giang`, `an-giang-pre2025`).
    pub fn by_key(&self, key: &str) -> Option<&Province> {
        self.units.iter().find(|p| p.key == key)
    }

    /// Finds a unit by name, however written: any case, with or without diacritics (NFC or NFD),
    /// the slug or id, any dash or spacing, an optional "Tỉnh"/"Thành phố"/"TP." prefix, or an
    /// alias such as "TP.HCM". A name shared by a former unit and its successor gives the current
    /// unit; the former one is reachable by its id (`an-giang-pre2025`).
    pub fn lookup(&self, input: &str) -> Result<&Province, LookupError> {
        let key = lookup_key(input);
        match self.by_key.get(&key) {
            Some(&id) => Ok(self.get(id)),
            None => Err(LookupError {
                input: input.to_owned(),
                suggestions: self.suggest(&key),
            }),
        }
    }

    /// The unit in force today for `p`: itself when current, else its successor.
    pub fn current_of<'a>(&'a self, p: &'a Province) -> &'a Province {
        match p.successor() {
            Some(id) => self.get(id),
            None => p,
        }
    }

    /// The former units a current unit was merged from; empty for a former or unchanged unit.
    pub fn merged_from<'a>(&'a self, p: &'a Province) -> impl Iterator<Item = &'a Province> {
        p.merged_from.iter().map(|&id| self.get(id))
    }

    /// Every former unit whose articles now belong to `p`: those merged into it and the one it
    /// was renamed from.
    pub fn predecessors<'a>(&'a self, p: &'a Province) -> impl Iterator<Item = &'a Province> {
        self.merged_from(p)
            .chain(p.renamed_from.map(|id| self.get(id)))
    }

    fn suggest(&self, key: &str) -> Vec<String> {
        if key.is_empty() || key.chars().count() > self.max_suggest_chars {
            return Vec::new();
        }
        // Best score per display name: former and current An Giang must not take two places.
        let mut best: HashMap<&str, f64> = HashMap::new();
        for (candidate, &id) in &self.by_key {
            let mut score = strsim::jaro_winkler(key, candidate);
            if key.chars().count() >= MIN_FRAGMENT_CHARS && candidate.contains(key) {
                score = score.max(FRAGMENT_SCORE);
            }
            if score < SUGGESTION_THRESHOLD {
                continue;
            }
            let label = self.get(id).display_name.as_str();
            let slot = best.entry(label).or_insert(score);
            *slot = slot.max(score);
        }
        let mut ranked: Vec<(&str, f64)> = best.into_iter().collect();
        // Ties broken by name so the output does not depend on hash order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        ranked
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(label, _)| label.to_owned())
            .collect()
    }

    fn from_yaml(source: &str) -> Result<Provinces, DataError> {
        let docs = Yaml::load_from_str(source).map_err(|e| DataError(format!("YAML: {e}")))?;
        let root = match docs.as_slice() {
            [root] => as_map(root, "the document")?,
            _ => return Err(DataError("expected exactly one YAML document".into())),
        };
        check_keys(root, &["regions", "units"], "the document")?;

        let mut all_regions = Vec::new();
        for node in as_seq(required(root, "regions", "the document")?, "regions")? {
            let map = as_map(node, "a region")?;
            check_keys(map, &["slug", "name", "scheme"], "a region")?;
            let slug = string(map, "slug", "a region")?;
            let ctx = format!("region {slug}");
            let only6 = match opt_string(map, "scheme", &ctx)?.as_deref() {
                None => false,
                Some("region6") => true,
                Some(other) => return Err(DataError(format!("{ctx}: unknown scheme {other:?}"))),
            };
            let name = string(map, "name", &ctx)?;
            all_regions.push((Region { slug, name }, only6));
        }
        let region_by_slug = |slug: &str, ctx: &str, allow_only6: bool| match all_regions
            .iter()
            .find(|(r, _)| r.slug == slug)
        {
            Some((_, true)) if !allow_only6 => Err(DataError(format!(
                "{ctx}: region {slug} belongs to the region6 scheme only"
            ))),
            Some((r, _)) => Ok(r.clone()),
            None => Err(DataError(format!("{ctx}: unknown region {slug}"))),
        };

        let raws = as_seq(required(root, "units", "the document")?, "units")?
            .iter()
            .map(RawUnit::parse)
            .collect::<Result<Vec<_>, _>>()?;
        let mut ids: HashMap<&str, ProvinceId> = HashMap::new();
        for (i, raw) in raws.iter().enumerate() {
            let id = u16::try_from(i)
                .map(ProvinceId)
                .map_err(|_| DataError("too many units".into()))?;
            if ids.insert(raw.key.as_str(), id).is_some() {
                return Err(DataError(format!("duplicate id {}", raw.key)));
            }
        }
        let resolve = |key: &str, ctx: &str| {
            ids.get(key)
                .copied()
                .ok_or_else(|| DataError(format!("{ctx}: unknown unit id {key}")))
        };
        let resolve_opt =
            |key: &Option<String>, ctx: &str| key.as_deref().map(|k| resolve(k, ctx)).transpose();

        let mut units = Vec::with_capacity(raws.len());
        for (i, raw) in raws.iter().enumerate() {
            let ctx = format!("unit {}", raw.key);
            units.push(Province {
                id: ProvinceId(i as u16), // fits: checked when `ids` was built
                key: raw.key.clone(),
                name: raw.name.clone(),
                display_name: raw.display_name.clone(),
                full_name: raw.full_name.clone(),
                slug: raw.slug.clone(),
                kind: raw.kind,
                status: raw.status,
                region: region_by_slug(&raw.region, &ctx, false)?,
                region6: region_by_slug(&raw.region6, &ctx, true)?,
                spans_regions: raw
                    .spans_regions
                    .iter()
                    .map(|r| region_by_slug(r, &ctx, false))
                    .collect::<Result<_, _>>()?,
                unchanged: raw.unchanged,
                merged_into: resolve_opt(&raw.merged_into, &ctx)?,
                renamed_to: resolve_opt(&raw.renamed_to, &ctx)?,
                merged_from: raw
                    .merged_from
                    .iter()
                    .map(|k| resolve(k, &ctx))
                    .collect::<Result<_, _>>()?,
                renamed_from: resolve_opt(&raw.renamed_from, &ctx)?,
                valid_until: raw.valid_until,
                seat_in: resolve_opt(&raw.seat_in, &ctx)?,
                seat_verified: raw.seat_verified,
                aliases: raw.aliases.clone(),
                note: raw.note.clone(),
            });
        }
        check_links(&units)?;

        let pick = |in_use: &dyn Fn(&Region) -> bool| -> Vec<Region> {
            all_regions
                .iter()
                .map(|(r, _)| r)
                .filter(|r| in_use(r))
                .cloned()
                .collect()
        };
        let regions = pick(&|r| units.iter().any(|p| &p.region == r));
        let regions6 = pick(&|r| units.iter().any(|p| &p.region6 == r));
        let by_key = index_keys(&units)?;
        let max_suggest_chars = by_key.keys().map(|k| k.chars().count()).max().unwrap_or(0) * 2;
        Ok(Provinces {
            units,
            regions,
            regions6,
            by_key,
            max_suggest_chars,
        })
    }
}

impl<'a> IntoIterator for &'a Provinces {
    type Item = &'a Province;
    type IntoIter = std::slice::Iter<'a, Province>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The one form inputs and names are compared in: folded (no case, no diacritics, đ → d), split
/// on anything that is not a letter or digit, without a leading administrative prefix, then
/// joined without spaces so "Kiên Giang", "kien-giang" and "KiênGiang" meet.
fn lookup_key(input: &str) -> String {
    let folded = fold(input);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let rest = PREFIXES
        .iter()
        .find(|prefix| words.len() > prefix.len() && words.starts_with(prefix))
        .map_or(&words[..], |prefix| &words[prefix.len()..]);
    rest.concat()
}

/// Every spelling of every unit → the unit. Current units go first so that they own a name they
/// share with a predecessor; any other clash is a data error, found when the registry is built.
fn index_keys(units: &[Province]) -> Result<HashMap<String, ProvinceId>, DataError> {
    let mut index = HashMap::new();
    let current_first = units
        .iter()
        .filter(|p| p.is_current())
        .chain(units.iter().filter(|p| !p.is_current()));
    for p in current_first {
        let spellings = [&p.key, &p.name, &p.display_name, &p.full_name, &p.slug]
            .into_iter()
            .chain(&p.aliases);
        for spelling in spellings {
            let key = lookup_key(spelling);
            if key.is_empty() {
                return Err(DataError(format!("unit {}: empty lookup key", p.key)));
            }
            match index.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(p.id);
                }
                Entry::Occupied(slot) => {
                    let owner = *slot.get();
                    if owner != p.id && p.successor() != Some(owner) {
                        return Err(DataError(format!(
                            "units {} and {} both answer to {:?}",
                            units[owner.index()].key,
                            p.key,
                            slot.key()
                        )));
                    }
                }
            }
        }
    }
    Ok(index)
}

/// The merger graph must be consistent in both directions, or `current_of` and `merged_from`
/// would disagree.
fn check_links(units: &[Province]) -> Result<(), DataError> {
    let err = |p: &Province, what: &str| Err(DataError(format!("unit {}: {what}", p.key)));
    for p in units {
        match p.status {
            Status::Current => {
                if p.successor().is_some() || p.valid_until.is_some() {
                    return err(p, "a current unit has no successor and no valid_until");
                }
                if p.unchanged != p.merged_from.is_empty() {
                    return err(p, "a current unit is either unchanged or merged");
                }
                let pointing: Vec<ProvinceId> = units
                    .iter()
                    .filter(|q| q.merged_into == Some(p.id))
                    .map(|q| q.id)
                    .collect();
                let mut listed = p.merged_from.clone();
                listed.sort();
                if listed != pointing {
                    return err(p, "merged_from must list exactly the units merged into it");
                }
                if let Some(from) = p.renamed_from
                    && units[from.index()].renamed_to != Some(p.id)
                {
                    return err(p, "renamed_from must point at a unit renamed to it");
                }
                if let Some(seat) = p.seat_in
                    && !p.merged_from.contains(&seat)
                {
                    return err(p, "seat_in must be one of merged_from");
                }
            }
            Status::Former => {
                if p.merged_into.is_some() == p.renamed_to.is_some() {
                    return err(
                        p,
                        "a former unit needs exactly one of merged_into, renamed_to",
                    );
                }
                if p.valid_until.is_none() || p.unchanged || !p.merged_from.is_empty() {
                    return err(
                        p,
                        "a former unit needs valid_until and no merged_from/unchanged",
                    );
                }
                if let Some(next) = p.successor()
                    && !units[next.index()].is_current()
                {
                    return err(p, "the successor must be a current unit");
                }
                if let Some(next) = p.renamed_to
                    && units[next.index()].renamed_from != Some(p.id)
                {
                    return err(p, "renamed_to must point at a unit renamed from it");
                }
            }
        }
    }
    Ok(())
}

/// A mistake in the data file (ours, so it is a bug, reported by `builtin`'s panic and the tests).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct DataError(String);

/// One `units` entry with its references still as ids.
struct RawUnit {
    key: String,
    name: String,
    display_name: String,
    full_name: String,
    slug: String,
    kind: Kind,
    status: Status,
    region: String,
    region6: String,
    spans_regions: Vec<String>,
    unchanged: bool,
    merged_into: Option<String>,
    renamed_to: Option<String>,
    merged_from: Vec<String>,
    renamed_from: Option<String>,
    valid_until: Option<NaiveDate>,
    seat_in: Option<String>,
    seat_verified: bool,
    aliases: Vec<String>,
    note: Option<String>,
}

impl RawUnit {
    const KEYS: &[&str] = &[
        "id",
        "name",
        "display_name",
        "full_name",
        "slug",
        "kind",
        "status",
        "region",
        "region6",
        "spans_regions",
        "unchanged",
        "merged_into",
        "renamed_to",
        "merged_from",
        "renamed_from",
        "valid_until",
        "seat_in",
        "seat_verified",
        "aliases",
        "note",
    ];

    fn parse(node: &Yaml<'_>) -> Result<RawUnit, DataError> {
        let map = as_map(node, "a unit")?;
        let key = string(map, "id", "a unit")?;
        let ctx = format!("unit {key}");
        check_keys(map, Self::KEYS, &ctx)?;
        let kind = match string(map, "kind", &ctx)?.as_str() {
            "province" => Kind::Province,
            "city" => Kind::City,
            other => return Err(DataError(format!("{ctx}: unknown kind {other:?}"))),
        };
        let status = match string(map, "status", &ctx)?.as_str() {
            "current" => Status::Current,
            "former" => Status::Former,
            other => return Err(DataError(format!("{ctx}: unknown status {other:?}"))),
        };
        let valid_until = opt_string(map, "valid_until", &ctx)?
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|e| DataError(format!("{ctx}: valid_until {s:?}: {e}")))
            })
            .transpose()?;
        Ok(RawUnit {
            name: string(map, "name", &ctx)?,
            display_name: string(map, "display_name", &ctx)?,
            full_name: string(map, "full_name", &ctx)?,
            slug: string(map, "slug", &ctx)?,
            kind,
            status,
            region: string(map, "region", &ctx)?,
            region6: string(map, "region6", &ctx)?,
            spans_regions: strings(map, "spans_regions", &ctx)?,
            unchanged: flag(map, "unchanged", &ctx)?,
            merged_into: opt_string(map, "merged_into", &ctx)?,
            renamed_to: opt_string(map, "renamed_to", &ctx)?,
            merged_from: strings(map, "merged_from", &ctx)?,
            renamed_from: opt_string(map, "renamed_from", &ctx)?,
            valid_until,
            seat_in: opt_string(map, "seat_in", &ctx)?,
            seat_verified: flag(map, "seat_verified", &ctx)?,
            aliases: strings(map, "aliases", &ctx)?,
            note: opt_string(map, "note", &ctx)?,
            key,
        })
    }
}

// Small typed readers over saphyr's untyped tree; each error names the entry it is about.

fn as_map<'a, 'y>(node: &'a Yaml<'y>, ctx: &str) -> Result<&'a Mapping<'y>, DataError> {
    node.as_mapping()
        .ok_or_else(|| DataError(format!("{ctx}: expected a mapping")))
}

fn as_seq<'a, 'y>(node: &'a Yaml<'y>, ctx: &str) -> Result<&'a [Yaml<'y>], DataError> {
    node.as_sequence()
        .map(Vec::as_slice)
        .ok_or_else(|| DataError(format!("{ctx}: expected a list")))
}

/// Typos in a field name must fail loudly, not leave a field silently at its default.
fn check_keys(map: &Mapping<'_>, allowed: &[&str], ctx: &str) -> Result<(), DataError> {
    for key in map.keys() {
        match key.as_str() {
            Some(k) if allowed.contains(&k) => {}
            _ => return Err(DataError(format!("{ctx}: unknown field {}", Shown(key)))),
        }
    }
    Ok(())
}

fn field<'a, 'y>(map: &'a Mapping<'y>, key: &str) -> Option<&'a Yaml<'y>> {
    map.iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

fn required<'a, 'y>(map: &'a Mapping<'y>, key: &str, ctx: &str) -> Result<&'a Yaml<'y>, DataError> {
    field(map, key).ok_or_else(|| DataError(format!("{ctx}: missing field {key}")))
}

fn string(map: &Mapping<'_>, key: &str, ctx: &str) -> Result<String, DataError> {
    opt_string(map, key, ctx)?.ok_or_else(|| DataError(format!("{ctx}: missing field {key}")))
}

fn opt_string(map: &Mapping<'_>, key: &str, ctx: &str) -> Result<Option<String>, DataError> {
    field(map, key)
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| DataError(format!("{ctx}: {key} must be a string")))
        })
        .transpose()
}

fn strings(map: &Mapping<'_>, key: &str, ctx: &str) -> Result<Vec<String>, DataError> {
    let Some(node) = field(map, key) else {
        return Ok(Vec::new());
    };
    as_seq(node, &format!("{ctx}: {key}"))?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_owned)
                .ok_or_else(|| DataError(format!("{ctx}: {key} must list strings")))
        })
        .collect()
}

fn flag(map: &Mapping<'_>, key: &str, ctx: &str) -> Result<bool, DataError> {
    field(map, key).map_or(Ok(false), |v| {
        v.as_bool()
            .ok_or_else(|| DataError(format!("{ctx}: {key} must be true or false")))
    })
}

/// A mapping key in an error message, whatever YAML type it is.
struct Shown<'a, 'y>(&'a Yaml<'y>);

impl fmt::Display for Shown<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_str() {
            Some(s) => write!(f, "{s:?}"),
            None => write!(f, "{:?}", self.0),
        }
    }
}

/// How a province setting is written where it was found: `province: X` in front-matter,
/// `province = "X"` in site.toml.
pub type WriteProvince = fn(&str) -> String;

/// The problem for a province name that is not in the registry, with the closest names and the
/// line to write (`write_as`).
pub fn province_problem(
    (code, write_as): (&'static str, WriteProvince),
    file: &SourceFile,
    span: Range<usize>,
    input: &str,
    error: &LookupError,
) -> Problem {
    let problem =
        Problem::error(code, msg!("content-unknown-province", input = input)).at(file, span);
    match error.suggestions.as_slice() {
        [] => problem
            .label(msg!("content-unknown-province-label"))
            .help(msg!("content-unknown-province-help")),
        [first, rest @ ..] => {
            let line = write_as(first);
            let help = if rest.is_empty() {
                msg!("content-unknown-province-suggest-help", line = line)
            } else {
                msg!(
                    "content-unknown-province-suggest-others-help",
                    line = line,
                    others = rest.join(", ")
                )
            };
            problem
                .label(msg!("content-did-you-mean", suggestion = first))
                .help(help)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::slugify;

    fn registry() -> &'static Provinces {
        Provinces::builtin()
    }

    #[test]
    fn the_builtin_registry_is_made_once_and_shared() {
        let first = Provinces::builtin();
        let from_another_thread = std::thread::spawn(Provinces::builtin)
            .join()
            .expect("thread");
        assert!(std::ptr::eq(first, Provinces::builtin()));
        assert!(std::ptr::eq(first, from_another_thread));
    }

    #[test]
    fn builtin_data_has_the_expected_counts() {
        let p = registry();
        assert_eq!(p.iter().count(), 87);
        let current: Vec<_> = p.current().collect();
        assert_eq!(current.len(), 34);
        assert_eq!(current.iter().filter(|u| u.kind() == Kind::City).count(), 6);
        assert_eq!(
            current
                .iter()
                .filter(|u| u.kind() == Kind::Province)
                .count(),
            28
        );
        let merged_2025 = NaiveDate::from_ymd_opt(2025, 6, 30);
        let merged = p
            .former()
            .filter(|u| u.valid_until() == merged_2025)
            .count();
        let unchanged = p.current().filter(|u| u.unchanged()).count();
        assert_eq!((merged, unchanged, merged + unchanged), (52, 11, 63));
        assert_eq!(p.former().count(), 53);
        assert_eq!(p.regions().len(), 7);
        assert_eq!(p.regions6().len(), 6);
    }

    #[test]
    fn the_six_cities_are_the_expected_ones() {
        let p = registry();
        let mut cities: Vec<&str> = p
            .current()
            .filter(|u| u.kind() == Kind::City)
            .map(|u| u.slug())
            .collect();
        cities.sort_unstable();
        assert_eq!(
            cities,
            [
                "can-tho",
                "da-nang",
                "ha-noi",
                "hai-phong",
                "ho-chi-minh",
                "hue"
            ]
        );
    }

    #[test]
    fn thua_thien_hue_is_a_former_unit_renamed_to_hue() {
        let p = registry();
        let tth = p
            .by_key("thua-thien-hue")
            .expect("Thừa Thiên Huế in the data");
        assert_eq!(tth.status(), Status::Former);
        assert_eq!(tth.kind(), Kind::Province);
        assert_eq!(tth.valid_until(), NaiveDate::from_ymd_opt(2024, 12, 31));
        assert_eq!(tth.merged_into(), None);
        let hue = p.current_of(tth);
        assert_eq!((hue.key(), hue.kind()), ("hue", Kind::City));
        assert!(hue.unchanged());
        assert_eq!(p.merged_from(hue).count(), 0);
        let preds: Vec<&str> = p.predecessors(hue).map(Province::key).collect();
        assert_eq!(preds, ["thua-thien-hue"]);
    }

    /// domain.md §1: every merged current unit with the former units it absorbed.
    const MERGERS: &[(&str, &[&str])] = &[
        ("Tuyên Quang", &["Tuyên Quang", "Hà Giang"]),
        ("Lào Cai", &["Lào Cai", "Yên Bái"]),
        ("Thái Nguyên", &["Thái Nguyên", "Bắc Kạn"]),
        ("Phú Thọ", &["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"]),
        ("Bắc Ninh", &["Bắc Ninh", "Bắc Giang"]),
        ("Hưng Yên", &["Hưng Yên", "Thái Bình"]),
        ("Hải Phòng", &["Hải Phòng", "Hải Dương"]),
        ("Ninh Bình", &["Ninh Bình", "Hà Nam", "Nam Định"]),
        ("Quảng Trị", &["Quảng Trị", "Quảng Bình"]),
        ("Đà Nẵng", &["Đà Nẵng", "Quảng Nam"]),
        ("Quảng Ngãi", &["Quảng Ngãi", "Kon Tum"]),
        ("Gia Lai", &["Gia Lai", "Bình Định"]),
        ("Khánh Hòa", &["Khánh Hòa", "Ninh Thuận"]),
        ("Lâm Đồng", &["Lâm Đồng", "Đắk Nông", "Bình Thuận"]),
        ("Đắk Lắk", &["Đắk Lắk", "Phú Yên"]),
        (
            "TP. Hồ Chí Minh",
            &["TP. Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"],
        ),
        ("Đồng Nai", &["Đồng Nai", "Bình Phước"]),
        ("Tây Ninh", &["Tây Ninh", "Long An"]),
        ("Cần Thơ", &["Cần Thơ", "Sóc Trăng", "Hậu Giang"]),
        ("Vĩnh Long", &["Vĩnh Long", "Bến Tre", "Trà Vinh"]),
        ("Đồng Tháp", &["Đồng Tháp", "Tiền Giang"]),
        ("Cà Mau", &["Cà Mau", "Bạc Liêu"]),
        ("An Giang", &["An Giang", "Kiên Giang"]),
    ];

    const UNCHANGED: &[&str] = &[
        "Hà Nội",
        "Huế",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
        "Lạng Sơn",
        "Cao Bằng",
        "Quảng Ninh",
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
    ];

    #[test]
    fn mergers_match_the_domain_table() {
        let p = registry();
        for &(new, parts) in MERGERS {
            let unit = p.lookup(new).expect(new);
            assert!(unit.is_current() && !unit.unchanged(), "{new}");
            let mut got: Vec<&str> = p.merged_from(unit).map(Province::display_name).collect();
            let mut want = parts.to_vec();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{new}");
            for former in p.merged_from(unit) {
                assert_eq!(former.status(), Status::Former, "{}", former.key());
                assert_eq!(p.current_of(former).id(), unit.id(), "{}", former.key());
            }
        }
        let mut unchanged: Vec<&str> = p
            .current()
            .filter(|u| u.unchanged())
            .map(Province::name)
            .collect();
        let mut want = UNCHANGED.to_vec();
        unchanged.sort_unstable();
        want.sort_unstable();
        assert_eq!(unchanged, want);
        assert_eq!(MERGERS.len() + UNCHANGED.len(), 34);
    }

    #[test]
    fn sample_portal_provinces_lead_to_their_successors() {
        let p = registry();
        let cases = [
            ("Kiên Giang", "an-giang"),
            ("Bạc Liêu", "ca-mau"),
            ("Hải Dương", "hai-phong"),
            ("Trà Vinh", "vinh-long"),
            ("Bình Dương", "ho-chi-minh"),
            ("Bà Rịa – Vũng Tàu", "ho-chi-minh"),
            ("Thừa Thiên Huế", "hue"),
            ("An Giang", "an-giang"),
        ];
        for (input, successor) in cases {
            let unit = p.lookup(input).expect(input);
            assert_eq!(p.current_of(unit).key(), successor, "{input}");
        }
    }

    #[test]
    fn merger_links_are_inverse_and_current_of_is_current() {
        let p = registry();
        for unit in p {
            let now = p.current_of(unit);
            assert!(now.is_current(), "{}", unit.key());
            if let Some(next) = unit.merged_into() {
                assert!(
                    p.get(next).merged_from().contains(&unit.id()),
                    "{}",
                    unit.key()
                );
            }
            for &from in unit.merged_from() {
                assert_eq!(p.get(from).merged_into(), Some(unit.id()), "{}", unit.key());
            }
            if unit.is_current() {
                assert_eq!(now.id(), unit.id());
            }
        }
    }

    #[test]
    fn slugs_follow_the_slug_rule_and_ids_are_slug_based() {
        let p = registry();
        for unit in p {
            assert_eq!(unit.slug(), slugify(unit.name()), "{}", unit.key());
            assert_eq!(unit.key().trim_end_matches("-pre2025"), unit.slug());
            let prefix = match unit.kind() {
                Kind::City => "Thành phố ",
                Kind::Province => "Tỉnh ",
            };
            assert_eq!(unit.full_name(), format!("{prefix}{}", unit.name()));
        }
    }

    #[test]
    fn spans_regions_lists_predecessor_regions_when_they_differ() {
        let p = registry();
        for unit in p.current() {
            let mut regions: Vec<&str> = p.merged_from(unit).map(|u| u.region().slug()).collect();
            regions.sort_unstable();
            regions.dedup();
            let mut spans: Vec<&str> = unit.spans_regions().iter().map(Region::slug).collect();
            spans.sort_unstable();
            let expected: Vec<&str> = if regions.len() > 1 {
                regions
            } else {
                Vec::new()
            };
            assert_eq!(spans, expected, "{}", unit.key());
        }
    }

    #[test]
    fn lookup_accepts_the_usual_spellings() {
        let p = registry();
        let nfd_kien_giang = "Kie\u{302}n Giang";
        let nfd_ha_noi = "Ha\u{300} No\u{323}\u{302}i";
        let cases = [
            ("Kiên Giang", "kien-giang"),
            ("kien giang", "kien-giang"),
            ("kien-giang", "kien-giang"),
            ("KIÊN GIANG", "kien-giang"),
            ("  Kiên   Giang ", "kien-giang"),
            ("KiênGiang", "kien-giang"),
            ("Tỉnh Kiên Giang", "kien-giang"),
            ("tỉnh kiên giang", "kien-giang"),
            (nfd_kien_giang, "kien-giang"),
            (nfd_ha_noi, "ha-noi"),
            ("Thủ đô Hà Nội", "ha-noi"),
            ("TP. Hồ Chí Minh", "ho-chi-minh"),
            ("Hồ Chí Minh", "ho-chi-minh"),
            ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
            ("thành phố hồ chí minh", "ho-chi-minh"),
            ("TP.HCM", "ho-chi-minh"),
            ("TPHCM", "ho-chi-minh"),
            ("tp hcm", "ho-chi-minh"),
            ("TP. HCM", "ho-chi-minh"),
            ("HCM", "ho-chi-minh"),
            ("Sài Gòn", "ho-chi-minh"),
            ("ho-chi-minh", "ho-chi-minh"),
            ("Thừa Thiên Huế", "thua-thien-hue"),
            ("Thua Thien Hue", "thua-thien-hue"),
            ("TT-Huế", "thua-thien-hue"),
            ("Huế", "hue"),
            ("TP Huế", "hue"),
            ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
            ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
            ("Bà Rịa — Vũng Tàu", "ba-ria-vung-tau"),
            ("Bà Rịa-Vũng Tàu", "ba-ria-vung-tau"),
            ("Ba Ria Vung Tau", "ba-ria-vung-tau"),
            ("BR-VT", "ba-ria-vung-tau"),
            ("Da Nang", "da-nang"),
            ("đà nẵng", "da-nang"),
            ("Khánh Hoà", "khanh-hoa"),
            ("Thanh Hoá", "thanh-hoa"),
            ("Đắc Lắc", "dak-lak"),
            ("Daklak", "dak-lak"),
            ("Bắc Cạn", "bac-kan"),
            // A shared name gives the current unit; the former one answers to its id.
            ("An Giang", "an-giang"),
            ("an-giang", "an-giang"),
            ("an-giang-pre2025", "an-giang-pre2025"),
        ];
        for (input, key) in cases {
            match p.lookup(input) {
                Ok(unit) => assert_eq!(unit.key(), key, "{input:?}"),
                Err(e) => panic!("{input:?}: {e} {:?}", e.suggestions),
            }
        }
    }

    #[test]
    fn every_spelling_of_every_unit_finds_it_or_its_same_named_successor() {
        let p = registry();
        for unit in p {
            let expected = if unit.is_current() || p.current_of(unit).name() != unit.name() {
                unit
            } else {
                p.current_of(unit)
            };
            for spelling in [
                unit.name(),
                unit.display_name(),
                unit.full_name(),
                unit.slug(),
            ] {
                let found = p.lookup(spelling).map(Province::key);
                assert_eq!(found, Ok(expected.key()), "{spelling:?}");
            }
            assert_eq!(p.lookup(unit.key()).map(Province::id), Ok(unit.id()));
        }
    }

    #[test]
    fn failed_lookups_suggest_close_names() {
        let p = registry();
        let cases: &[(&str, &str)] = &[
            ("Kien Gang", "Kiên Giang"),
            ("Hà Nộii", "Hà Nội"),
            ("Ha Noi i", "Hà Nội"),
            ("Can Tho city", "Cần Thơ"),
            ("Vinh Phuk", "Vĩnh Phúc"),
            ("Ho Chi Mihn", "TP. Hồ Chí Minh"),
            ("tp ho chi min", "TP. Hồ Chí Minh"),
            ("Bac Lieuu", "Bạc Liêu"),
            ("Vũng Tàu", "Bà Rịa – Vũng Tàu"),
        ];
        for &(input, first) in cases {
            let err = p.lookup(input).expect_err(input);
            assert_eq!(err.input, input);
            assert_eq!(
                err.suggestions.first().map(String::as_str),
                Some(first),
                "{input:?}: {:?}",
                err.suggestions
            );
            assert!(err.suggestions.len() <= MAX_SUGGESTIONS);
            let mut unique = err.suggestions.clone();
            unique.dedup();
            assert_eq!(unique, err.suggestions, "{input:?}");
        }
    }

    #[test]
    fn junk_input_fails_without_panicking_or_suggesting() {
        let p = registry();
        let long = "Kiên Giang ".repeat(1000);
        let long_junk = "\u{1F600}x-".repeat(3500);
        // (input, whether suggestions must be empty): a bare prefix may still resemble a name.
        let cases = [
            ("", true),
            (" ", true),
            ("---", true),
            ("–", true),
            ("🇻🇳", true),
            ("😀", true),
            ("\u{0}", true),
            ("\u{301}\u{301}", true),
            ("xyzzy", true),
            ("12345", true),
            (long.as_str(), true),
            (long_junk.as_str(), true),
            ("TP.", false),
            ("Tỉnh", false),
            ("Thành phố", false),
        ];
        for (input, no_suggestions) in cases {
            match p.lookup(input) {
                Ok(unit) => panic!("{input:?} matched {}", unit.key()),
                Err(e) => {
                    assert_eq!(e.input, input);
                    assert!(e.to_string().chars().count() < 100, "{input:?}");
                    if no_suggestions {
                        assert_eq!(e.suggestions, Vec::<String>::new(), "{input:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn error_message_names_the_input() {
        let p = registry();
        let err = p.lookup("Kien Gang").expect_err("typo");
        assert_eq!(err.to_string(), "unknown province or city \"Kien Gang\"");
        assert_eq!(
            Lang::Vi.text(&err.message()),
            "không có tỉnh, thành phố nào tên \"Kien Gang\""
        );
    }

    #[test]
    fn a_misspelt_province_is_explained_in_vietnamese() {
        let file = SourceFile::new("content/tin-tuc/a.md", "province: Kien Gang\n");
        let error = registry().lookup("Kien Gang").expect_err("typo");
        let problem = province_problem(
            ("content::unknown-province", |p| format!("province: {p}")),
            &file,
            10..19,
            "Kien Gang",
            &error,
        );
        let shown = problem.shown(Lang::Vi);
        assert_eq!(
            shown.message,
            "không có tỉnh, thành phố nào tên `Kien Gang`"
        );
        assert_eq!(
            shown.label.as_deref(),
            Some("có phải ý bạn là `Kiên Giang`?")
        );
        assert_eq!(
            shown.help.as_deref(),
            Some(
                "viết `province: Kiên Giang` (hoặc: Tiền Giang); tên có dấu hay không dấu đều được"
            )
        );
        let shown = problem.shown(Lang::En);
        assert_eq!(
            shown.help.as_deref(),
            Some(
                "write `province: Kiên Giang` (or: Tiền Giang); names may be written with or without accents"
            )
        );
    }

    #[test]
    fn by_slug_prefers_the_current_unit_and_keeps_former_slugs() {
        let p = registry();
        let cases = [
            ("an-giang", Some("an-giang")),
            ("kien-giang", Some("kien-giang")),
            ("hue", Some("hue")),
            ("thua-thien-hue", Some("thua-thien-hue")),
            ("ho-chi-minh", Some("ho-chi-minh")),
            ("An Giang", None),
            ("", None),
        ];
        for (slug, key) in cases {
            assert_eq!(p.by_slug(slug).map(Province::key), key, "{slug:?}");
        }
    }

    #[test]
    fn regions_are_listed_once_each() {
        let p = registry();
        let slugs: Vec<&str> = p.regions().iter().map(Region::slug).collect();
        assert_eq!(
            slugs,
            [
                "trung-du-mien-nui-phia-bac",
                "dong-bang-song-hong",
                "bac-trung-bo",
                "duyen-hai-nam-trung-bo",
                "tay-nguyen",
                "dong-nam-bo",
                "dong-bang-song-cuu-long",
            ]
        );
        let kien_giang = p.lookup("Kiên Giang").expect("Kiên Giang");
        assert_eq!(
            kien_giang.region().name(),
            "Đồng bằng sông Cửu Long (Tây Nam Bộ)"
        );
        let quang_ninh = p.lookup("Quảng Ninh").expect("Quảng Ninh");
        assert_eq!(quang_ninh.region().slug(), "trung-du-mien-nui-phia-bac");
        assert_eq!(quang_ninh.region6().slug(), "dong-bang-song-hong");
    }

    #[test]
    fn bad_data_is_rejected() {
        let unit = |extra: &str| {
            format!(
                "regions:\n  - {{slug: r, name: R}}\nunits:\n  - id: a\n    name: A\n    \
                 display_name: A\n    full_name: Tỉnh A\n    slug: a\n    kind: province\n    \
                 status: current\n    region: r\n    region6: r\n{extra}"
            )
        };
        let good = unit("    unchanged: true\n");
        assert!(Provinces::from_yaml(&good).is_ok());
        let cases = [
            (
                unit("    unchanged: true\n    colour: red\n"),
                "unknown field \"colour\"",
            ),
            (
                good.replace("kind: province", "kind: town"),
                "unknown kind \"town\"",
            ),
            (
                good.replace("    region: r\n", "    region: nowhere\n"),
                "unknown region nowhere",
            ),
            (
                good.replace("Tỉnh A", "[Tỉnh A]"),
                "full_name must be a string",
            ),
            (
                unit("    unchanged: true\n    kind: city\n"),
                "duplicated key",
            ),
            (unit("    merged_from: [b]\n"), "unknown unit id b"),
            (unit(""), "either unchanged or merged"),
            (unit("    unchanged: yes\n"), "true or false"),
            (
                unit(
                    "    unchanged: true\n  - id: b\n    name: A\n    display_name: B\n    \
                     full_name: Tỉnh B\n    slug: b\n    kind: province\n    status: current\n    \
                     region: r\n    region6: r\n    unchanged: true\n",
                ),
                "units a and b both answer to \"a\"",
            ),
            (
                unit(
                    "    unchanged: true\n  - id: b\n    name: B\n    display_name: B\n    \
                     full_name: Tỉnh B\n    slug: b\n    kind: province\n    status: former\n    \
                     region: r\n    region6: r\n    merged_into: a\n    valid_until: \"2025-06-30\"\n",
                ),
                "exactly the units merged into it",
            ),
            (
                unit(
                    "    unchanged: true\n  - id: b\n    name: B\n    display_name: B\n    \
                     full_name: Tỉnh B\n    slug: b\n    kind: province\n    status: former\n    \
                     region: r\n    region6: r\n    renamed_to: a\n    valid_until: \"2025-06-31\"\n",
                ),
                "valid_until \"2025-06-31\"",
            ),
            (unit("  ["), "YAML"),
        ];
        for (yaml, message) in cases {
            let err = Provinces::from_yaml(&yaml).expect_err(&yaml);
            assert!(err.to_string().contains(message), "{yaml}\n{err}");
        }
    }
}
