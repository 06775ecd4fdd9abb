//! The one loader, for the embedded data and for user-supplied data and overlays:
//! it parses, validates every field and reference, and builds every index.
//!
//! The happy path parses each file straight into the typed records. Only when that
//! fails does the loader parse again, more slowly, to find the record and the field
//! to name in the error.

use std::collections::HashMap;
use std::path::Path;

use once_cell::sync::Lazy;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use strum::{EnumCount, IntoEnumIterator};

use crate::error::LoadError;
use crate::evidence::Regulatory;
use crate::lookup::{MAX_NAME_BYTES, NameIndex, Named, folded_key};
use crate::risks::Frequency;
use crate::values::{Code, PercentRange, Sourced, Timing};
use crate::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    Contraindication, Entity, GroupRecord, Indication, Mechanism, Monitoring, Risk, RiskRecord,
    Route, RouteRecord, Source,
};

/// The largest data file the loader accepts, in bytes (4 MiB; the embedded data is
/// about 0.2 MiB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The embedded data files, as `(name, text)`, in load order.
const EMBEDDED_FILES: [(&str, &str); 8] = [
    ("data/sources.json", include_str!("../data/sources.json")),
    ("data/agents.json", include_str!("../data/agents.json")),
    ("data/routes.json", include_str!("../data/routes.json")),
    (
        "data/conditions.json",
        include_str!("../data/conditions.json"),
    ),
    (
        "data/indications.json",
        include_str!("../data/indications.json"),
    ),
    ("data/benefits.json", include_str!("../data/benefits.json")),
    ("data/risks.json", include_str!("../data/risks.json")),
    ("data/safety.json", include_str!("../data/safety.json")),
];

/// What base records are attributed to in errors raised while loading an overlay.
const BASE: &str = "(base knowledge base)";

static EMBEDDED: Lazy<KnowledgeBase> = Lazy::new(|| {
    EMBEDDED_PARSES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    // The one documented exception to "no panics": the embedded data is part of the
    // crate, and the test suite (tests/data.rs, `embedded_data_loads`) proves it loads.
    #[allow(clippy::expect_used)]
    KnowledgeBase::from_json_files(EMBEDDED_FILES).expect("the embedded data is valid")
});

static EMBEDDED_PARSES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The typed, validated, indexed knowledge base.
///
/// Get the embedded one with [`KnowledgeBase::embedded`], load your own with
/// [`KnowledgeBase::from_json_files`] (or `_str`, `_dir`), or extend one with
/// [`KnowledgeBase::with_overlay`]. Every query borrows from it; none allocates.
///
/// It serialises (serde) to one JSON document that
/// [`KnowledgeBase::from_json_str`] loads back into an equal knowledge base.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let best = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
/// println!("{} via {}: {}", best.agent(), best.route(), best.evidence());
///
/// let json = serde_json::to_string(kb)?;
/// let again = KnowledgeBase::from_json_str("kb.json", &json)?;
/// assert_eq!(&again, kb);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct KnowledgeBase {
    pub(crate) sources: Vec<Source>,
    pub(crate) agents: [AgentRecord; Agent::COUNT],
    pub(crate) mechanism: Mechanism,
    pub(crate) routes: [RouteRecord; Route::COUNT],
    pub(crate) groups: [GroupRecord; ConditionGroup::COUNT],
    pub(crate) conditions: [ConditionRecord; Condition::COUNT],
    pub(crate) indications: Vec<Indication>,
    pub(crate) benefits: [BenefitRecord; Benefit::COUNT],
    pub(crate) risks: [RiskRecord; Risk::COUNT],
    pub(crate) contraindications: Vec<Contraindication>,
    pub(crate) monitoring: Vec<Monitoring>,
    pub(crate) index: Index,
}

/// Everything derived from the records at load, so that queries only borrow.
#[derive(Clone, PartialEq)]
pub(crate) struct Index {
    /// Start and end in `indications` of each condition's indications.
    pub(crate) by_condition: [(usize, usize); Condition::COUNT],
    pub(crate) conditions_by_route: [Vec<Condition>; Route::COUNT],
    pub(crate) conditions_by_group: [Vec<Condition>; ConditionGroup::COUNT],
    pub(crate) routes_by_bioavailability: Vec<Route>,
    pub(crate) routes_by_onset: Vec<Route>,
    /// The answer of `risks_for` for every (agent or any, route or any): slot 0 is
    /// "any", slot `v as usize + 1` the variant `v`.
    pub(crate) risks_by: [[Vec<Risk>; Route::COUNT + 1]; Agent::COUNT + 1],
    /// The answer of `benefits_for` for every condition.
    pub(crate) benefits_by_condition: [Vec<Benefit>; Condition::COUNT],
    pub(crate) names: NameIndex,
}

impl std::fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("sources", &self.sources.len())
            .field("indications", &self.indications.len())
            .field("contraindications", &self.contraindications.len())
            .field("monitoring", &self.monitoring.len())
            .finish_non_exhaustive()
    }
}

/// One data file: any subset of the sections.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    agents: Vec<AgentRecord>,
    #[serde(default)]
    mechanism: Option<Mechanism>,
    #[serde(default)]
    routes: Vec<RouteRecord>,
    #[serde(default)]
    groups: Vec<GroupRecord>,
    #[serde(default)]
    conditions: Vec<ConditionRecord>,
    #[serde(default)]
    indications: Vec<Indication>,
    #[serde(default)]
    benefits: Vec<BenefitRecord>,
    #[serde(default)]
    risks: Vec<RiskRecord>,
    #[serde(default)]
    contraindications: Vec<Contraindication>,
    #[serde(default)]
    monitoring: Vec<Monitoring>,
}

/// An overlay file: additions to an existing knowledge base.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverlayFile {
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    indications: Vec<Indication>,
    #[serde(default)]
    contraindications: Vec<Contraindication>,
    #[serde(default)]
    monitoring: Vec<Monitoring>,
    #[serde(default)]
    risk_frequencies: Vec<RiskFrequency>,
    #[serde(default)]
    aliases: Vec<AliasAddition>,
    #[serde(default)]
    replaces: Vec<String>,
}

/// A frequency added to an existing risk by an overlay.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskFrequency {
    risk: Risk,
    agent: Agent,
    route: Route,
    percent: PercentRange,
    #[serde(default)]
    placebo_percent: Option<PercentRange>,
    context: String,
    sources: Vec<String>,
}

/// An alias added to an existing entity by an overlay.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasAddition {
    /// `agent`, `route`, `group`, `condition`, `benefit` or `risk`.
    entity: String,
    id: String,
    alias: String,
}

/// The entity an overlay alias names, if its kind and id exist.
fn resolve_entity(kind: &str, id: &str) -> Option<Entity> {
    fn find<E: Copy + Into<Entity>, const N: usize>(all: [E; N], id: &str) -> Option<Entity> {
        all.into_iter()
            .map(Into::into)
            .find(|e: &Entity| e.id() == id)
    }
    match kind {
        "agent" => find(Agent::ALL, id),
        "route" => find(Route::ALL, id),
        "group" => find(ConditionGroup::ALL, id),
        "condition" => find(Condition::ALL, id),
        "benefit" => find(Benefit::ALL, id),
        "risk" => find(Risk::ALL, id),
        _ => None,
    }
}

/// Records gathered from every file, each with the index of the file it came from.
#[derive(Default)]
struct Draft {
    files: Vec<String>,
    sources: Vec<(usize, Source)>,
    agents: Vec<(usize, AgentRecord)>,
    mechanism: Vec<(usize, Mechanism)>,
    routes: Vec<(usize, RouteRecord)>,
    groups: Vec<(usize, GroupRecord)>,
    conditions: Vec<(usize, ConditionRecord)>,
    indications: Vec<(usize, Indication)>,
    benefits: Vec<(usize, BenefitRecord)>,
    risks: Vec<(usize, RiskRecord)>,
    contraindications: Vec<(usize, Contraindication)>,
    monitoring: Vec<(usize, Monitoring)>,
}

/// Tags records with the index of their file.
fn tagged<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = (usize, T)> {
    items.into_iter().map(move |x| (file, x))
}

impl Draft {
    fn add(&mut self, file: &str, data: DataFile) {
        let f = self.files.len();
        self.files.push(file.to_owned());
        self.sources.extend(tagged(f, data.sources));
        self.agents.extend(tagged(f, data.agents));
        self.mechanism.extend(data.mechanism.map(|m| (f, m)));
        self.routes.extend(tagged(f, data.routes));
        self.groups.extend(tagged(f, data.groups));
        self.conditions.extend(tagged(f, data.conditions));
        self.indications.extend(tagged(f, data.indications));
        self.benefits.extend(tagged(f, data.benefits));
        self.risks.extend(tagged(f, data.risks));
        self.contraindications
            .extend(tagged(f, data.contraindications));
        self.monitoring.extend(tagged(f, data.monitoring));
    }

    /// A draft holding the records of an existing knowledge base, attributed to [`BASE`].
    fn from_base(kb: &KnowledgeBase) -> Self {
        fn tag<T: Clone>(items: &[T]) -> Vec<(usize, T)> {
            items.iter().cloned().map(|x| (0, x)).collect()
        }
        Draft {
            files: vec![BASE.to_owned()],
            sources: tag(&kb.sources),
            agents: tag(&kb.agents),
            mechanism: vec![(0, kb.mechanism.clone())],
            routes: tag(&kb.routes),
            groups: tag(&kb.groups),
            conditions: tag(&kb.conditions),
            indications: tag(&kb.indications),
            benefits: tag(&kb.benefits),
            risks: tag(&kb.risks),
            contraindications: tag(&kb.contraindications),
            monitoring: tag(&kb.monitoring),
        }
    }

    /// The named record of an entity, for adding aliases.
    fn named_mut(&mut self, entity: Entity) -> Option<&mut dyn Named> {
        fn find<T: Named>(records: &mut [(usize, T)], entity: Entity) -> Option<&mut dyn Named> {
            records
                .iter_mut()
                .map(|(_, r)| r)
                .find(|r| r.entity() == entity)
                .map(|r| r as &mut dyn Named)
        }
        match entity {
            Entity::Agent(_) => find(&mut self.agents, entity),
            Entity::Route(_) => find(&mut self.routes, entity),
            Entity::ConditionGroup(_) => find(&mut self.groups, entity),
            Entity::Condition(_) => find(&mut self.conditions, entity),
            Entity::Benefit(_) => find(&mut self.benefits, entity),
            Entity::Risk(_) => find(&mut self.risks, entity),
        }
    }

    /// Every named record, with the index of its file.
    fn named(&self) -> impl Iterator<Item = (usize, &dyn Named)> {
        fn each<T: Named>(records: &[(usize, T)]) -> impl Iterator<Item = (usize, &dyn Named)> {
            records.iter().map(|(f, r)| (*f, r as &dyn Named))
        }
        each(&self.agents)
            .chain(each(&self.routes))
            .chain(each(&self.groups))
            .chain(each(&self.conditions))
            .chain(each(&self.benefits))
            .chain(each(&self.risks))
    }

    /// The folded keys of every name and alias already in the draft.
    fn name_keys(&self) -> HashMap<Box<str>, Entity> {
        self.named()
            .flat_map(|(_, r)| {
                let entity = r.entity();
                std::iter::once(r.display_name())
                    .chain(r.alias_list().iter().map(String::as_str))
                    .filter_map(folded_key)
                    .map(move |k| (k, entity))
            })
            .collect()
    }

    fn file(&self, index: usize) -> &str {
        self.files.get(index).map_or(BASE, String::as_str)
    }

    fn file_list(&self) -> String {
        self.files.join(", ")
    }
}

impl KnowledgeBase {
    /// The knowledge base built from the data embedded in the crate, parsed and
    /// validated once, on first use, and shared by every thread after that.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(std::ptr::eq(kb, KnowledgeBase::embedded()));
    /// ```
    pub fn embedded() -> &'static KnowledgeBase {
        &EMBEDDED
    }

    /// The embedded data files as `(name, JSON text)`, in load order: the bytes that
    /// [`KnowledgeBase::embedded`] is built from. Useful to measure a cold load, or as
    /// the base of your own data set.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let files = KnowledgeBase::embedded_files();
    /// assert!(files.iter().any(|(name, _)| *name == "data/sources.json"));
    /// let kb = KnowledgeBase::from_json_files(files.iter().copied())?;
    /// assert_eq!(&kb, KnowledgeBase::embedded());
    /// # Ok::<(), ketamine_therapy::LoadError>(())
    /// ```
    pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
        &EMBEDDED_FILES
    }

    /// How many times the embedded data has been parsed in this process (0 or 1).
    /// For the concurrency test; not part of the stable API.
    #[doc(hidden)]
    pub fn embedded_parse_count() -> usize {
        EMBEDDED_PARSES.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Loads a complete data set from several files, given as `(name, text)` pairs.
    /// The name is used only in error messages. Sections may be spread over the files
    /// in any way (see `data/SCHEMA.md`).
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming the file, record and field of the first problem found.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, LoadError};
    ///
    /// // An empty data set lacks every required record.
    /// let err = KnowledgeBase::from_json_files([("empty.json", "{}")]).unwrap_err();
    /// assert!(matches!(err, LoadError::Section { .. } | LoadError::MissingRecord { .. }));
    /// ```
    pub fn from_json_files<'a, I>(files: I) -> Result<KnowledgeBase, LoadError>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut draft = Draft::default();
        for (name, text) in files {
            let data: DataFile = parse(name, text.as_bytes())?;
            draft.add(name, data);
        }
        build(draft)
    }

    /// Loads a complete data set from one JSON document, such as the one that
    /// serialising a knowledge base produces.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming the file, record and field of the first problem found.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let json = serde_json::to_string(KnowledgeBase::embedded())?;
    /// let kb = KnowledgeBase::from_json_str("copy.json", &json)?;
    /// assert_eq!(&kb, KnowledgeBase::embedded());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_str(file: &str, json: &str) -> Result<KnowledgeBase, LoadError> {
        KnowledgeBase::from_json_files([(file, json)])
    }

    /// Loads a complete data set from raw bytes, which must be UTF-8 without a
    /// byte-order mark.
    ///
    /// # Errors
    ///
    /// [`LoadError::InvalidUtf8`], [`LoadError::ByteOrderMark`],
    /// [`LoadError::TooLarge`], or any error of [`KnowledgeBase::from_json_str`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, LoadError};
    ///
    /// let err = KnowledgeBase::from_json_bytes("bad.json", b"{\"sources\": [\xff]}").unwrap_err();
    /// assert!(matches!(err, LoadError::InvalidUtf8 { offset: 13, .. }));
    /// ```
    pub fn from_json_bytes(file: &str, bytes: &[u8]) -> Result<KnowledgeBase, LoadError> {
        let data: DataFile = parse(file, bytes)?;
        let mut draft = Draft::default();
        draft.add(file, data);
        build(draft)
    }

    /// Loads every `*.json` file of a directory (in name order) as one data set.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the directory or a file cannot be read, otherwise any error
    /// of [`KnowledgeBase::from_json_files`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    /// let kb = KnowledgeBase::from_json_dir(dir)?;
    /// assert_eq!(&kb, KnowledgeBase::embedded());
    /// # Ok::<(), ketamine_therapy::LoadError>(())
    /// ```
    pub fn from_json_dir(dir: impl AsRef<Path>) -> Result<KnowledgeBase, LoadError> {
        let dir = dir.as_ref();
        let io = |file: &Path, e: std::io::Error| LoadError::Io {
            file: file.display().to_string(),
            message: e.to_string(),
        };
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
            let path = entry.map_err(|e| io(dir, e))?.path();
            if path.extension().is_some_and(|ext| ext == "json") {
                paths.push(path);
            }
        }
        paths.sort();
        let mut draft = Draft::default();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
            let name = path.display().to_string();
            let data: DataFile = parse(&name, &bytes)?;
            draft.add(&name, data);
        }
        build(draft)
    }

    /// A new knowledge base: this one plus an overlay of extra sources, indications,
    /// contraindications, monitoring facts, risk frequencies and aliases. The overlay
    /// is validated exactly as a data set is; `self` is left unchanged.
    ///
    /// An overlay record whose id already exists is an error unless the overlay lists
    /// it in `replaces` (`"source:ID"` or `"indication:condition/agent/route"`).
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming the overlay file, record and field.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Entity, KnowledgeBase, Route};
    ///
    /// let overlay = r#"{"aliases": [{"entity": "route", "id": "intravenous", "alias": "drip"}]}"#;
    /// let kb = KnowledgeBase::embedded().with_overlay("local.json", overlay)?;
    /// assert_eq!(kb.lookup("drip")?, Entity::Route(Route::Intravenous));
    /// assert!(KnowledgeBase::embedded().lookup("drip").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_overlay(&self, file: &str, json: &str) -> Result<KnowledgeBase, LoadError> {
        let overlay: OverlayFile = parse(file, json.as_bytes())?;
        let mut draft = Draft::from_base(self);
        apply_overlay(&mut draft, file, overlay)?;
        build(draft)
    }
}

impl KnowledgeBase {
    /// [`KnowledgeBase::with_overlay`] for an overlay file on disk; the file name in
    /// errors is the path.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the file cannot be read, otherwise any error of
    /// [`KnowledgeBase::with_overlay`] (including [`LoadError::InvalidUtf8`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, LoadError};
    ///
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/overlay.json");
    /// let kb = KnowledgeBase::embedded().with_overlay_file(path)?;
    /// assert!(kb.sources().count() > KnowledgeBase::embedded().sources().count());
    /// let missing = KnowledgeBase::embedded().with_overlay_file("/no/such/overlay.json");
    /// assert!(matches!(missing, Err(LoadError::Io { .. })));
    /// # Ok::<(), LoadError>(())
    /// ```
    pub fn with_overlay_file(&self, path: impl AsRef<Path>) -> Result<KnowledgeBase, LoadError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
            file: name.clone(),
            message: e.to_string(),
        })?;
        let overlay: OverlayFile = parse(&name, &bytes)?;
        let mut draft = Draft::from_base(self);
        apply_overlay(&mut draft, &name, overlay)?;
        build(draft)
    }
}

/// Parses one file into `T`, turning every failure into a located [`LoadError`].
fn parse<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(LoadError::ByteOrderMark {
            file: file.to_owned(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        file: file.to_owned(),
        offset: e.valid_up_to(),
    })?;
    serde_json::from_str(text).map_err(|e| locate::<T>(file, text, e))
}

/// Finds the record and field behind a parse error (the slow path).
fn locate<T: DeserializeOwned>(file: &str, text: &str, error: serde_json::Error) -> LoadError {
    let syntax = |e: &serde_json::Error| LoadError::Syntax {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    if error.is_syntax() || error.is_eof() || error.is_io() {
        return syntax(&error);
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return syntax(&e),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (e.path().to_string(), e.into_inner()),
        Ok(_) => (String::from("."), error),
    };
    let message = strip_position(&inner.to_string());
    let (record, mut field) = record_and_field(&value, &path);
    if field.is_empty() || field == "?" {
        // A missing or unknown field is reported at the record itself; take its name
        // from the message.
        field = if message.starts_with("missing field") || message.starts_with("unknown field") {
            quoted_name(&message)
        } else {
            None
        }
        .unwrap_or_else(|| String::from("(the whole value)"));
    }
    LoadError::Schema {
        file: file.to_owned(),
        record,
        field,
        message,
        line: inner.line(),
        column: inner.column(),
    }
}

/// serde_json appends " at line L column C"; the error carries them separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// The first `` `name` `` in a serde message.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let rest = message.get(start..)?;
    let end = rest.find('`')?;
    rest.get(..end).map(str::to_owned)
}

/// Splits a serde path such as `routes[2].bioavailability.min` into a readable record
/// name (`routes[2] "intravenous"`) and the field within it (`bioavailability.min`).
fn record_and_field(value: &serde_json::Value, path: &str) -> (String, String) {
    let path = path.trim_start_matches('.');
    let (section, rest) = match path.find(['[', '.']) {
        Some(i) => (path.get(..i).unwrap_or(path), path.get(i..).unwrap_or("")),
        None => (path, ""),
    };
    if section.is_empty() || section == "?" {
        return (String::from("(file)"), String::new());
    }
    if rest.is_empty() && value.get(section).is_some() && !is_section(section) {
        // An unknown top-level key: the "record" is the file's top level.
        return (String::from("(top level)"), section.to_owned());
    }
    let Some(rest_after_index) = rest.strip_prefix('[') else {
        // A section that is not a list (`mechanism`), or the section itself.
        return (
            format!("`{section}`"),
            rest.trim_start_matches('.').to_owned(),
        );
    };
    let close = rest_after_index.find(']').unwrap_or(rest_after_index.len());
    let index_text = rest_after_index.get(..close).unwrap_or("");
    let field = rest_after_index
        .get(close + 1..)
        .unwrap_or("")
        .trim_start_matches('.')
        .to_owned();
    let record = index_text
        .parse::<usize>()
        .ok()
        .and_then(|i| value.get(section)?.get(i))
        .and_then(record_label);
    let name = match record {
        Some(label) => format!("{section}[{index_text}] ({label})"),
        None => format!("{section}[{index_text}]"),
    };
    (name, field)
}

/// Whether `name` is a section of a data or overlay file.
fn is_section(name: &str) -> bool {
    const SECTIONS: [&str; 14] = [
        "sources",
        "agents",
        "mechanism",
        "routes",
        "groups",
        "conditions",
        "indications",
        "benefits",
        "risks",
        "contraindications",
        "monitoring",
        "risk_frequencies",
        "aliases",
        "replaces",
    ];
    SECTIONS.contains(&name)
}

/// The readable id of a record in raw JSON, when it has one.
fn record_label(record: &serde_json::Value) -> Option<String> {
    let text = |key: &str| record.get(key).and_then(serde_json::Value::as_str);
    if let Some(id) = text("id") {
        return Some(id.to_owned());
    }
    match (text("condition"), text("agent"), text("route")) {
        (Some(c), Some(a), Some(r)) => Some(format!("{c}/{a}/{r}")),
        _ => text("risk").or(text("agent")).map(str::to_owned),
    }
}

/// Merges an overlay into a draft, refusing silent redefinitions. What the overlay adds
/// to existing records (risk frequencies, aliases) is checked here, where the overlay
/// file and entry are known; everything else is checked by [`build`] like any data.
fn apply_overlay(draft: &mut Draft, file: &str, overlay: OverlayFile) -> Result<(), LoadError> {
    let f = draft.files.len();
    draft.files.push(file.to_owned());
    let mut replaced = vec![false; overlay.replaces.len()];
    let mut allow = |key: &str| match overlay.replaces.iter().position(|k| k == key) {
        Some(i) => {
            if let Some(flag) = replaced.get_mut(i) {
                *flag = true;
            }
            true
        }
        None => false,
    };
    for source in overlay.sources {
        let key = format!("source:{}", source.id());
        let existing = draft
            .sources
            .iter()
            .position(|(_, s)| s.id() == source.id());
        match existing.and_then(|i| draft.sources.get(i).map(|(origin, _)| (i, *origin))) {
            Some((_, origin)) if origin == f => {
                return Err(duplicate(file, source.id(), file));
            }
            Some((i, _)) if allow(&key) => {
                draft.sources.remove(i);
            }
            Some(_) => return Err(redefinition(file, source.id(), key)),
            None => {}
        }
        draft.sources.push((f, source));
    }
    for indication in overlay.indications {
        let key = format!("indication:{}", indication.key());
        let existing = draft
            .indications
            .iter()
            .position(|(_, i)| i.triple() == indication.triple());
        match existing.and_then(|i| draft.indications.get(i).map(|(origin, _)| (i, *origin))) {
            Some((_, origin)) if origin == f => {
                return Err(duplicate(file, &indication.key(), file));
            }
            Some((i, _)) if allow(&key) => {
                draft.indications.remove(i);
            }
            Some(_) => return Err(redefinition(file, &indication.key(), key)),
            None => {}
        }
        draft.indications.push((f, indication));
    }
    draft
        .contraindications
        .extend(tagged(f, overlay.contraindications));
    draft.monitoring.extend(tagged(f, overlay.monitoring));

    let ids = SourceIds {
        ids: draft.sources.iter().map(|(_, s)| s.id()).collect(),
    };
    let mut additions = Vec::with_capacity(overlay.risk_frequencies.len());
    for (n, extra) in overlay.risk_frequencies.into_iter().enumerate() {
        let c = Checker::new(
            file,
            format!("risk_frequencies[{n}] ({})", extra.risk.id()),
            Some(&ids),
        );
        let frequency = Frequency::new(
            extra.agent,
            extra.route,
            extra.percent,
            extra.placebo_percent,
            extra.context,
            extra.sources,
        );
        check_frequency(&c, Field::from(""), &frequency)?;
        let agent = draft
            .agents
            .iter()
            .map(|(_, a)| a)
            .find(|a| a.id() == extra.agent);
        if let Some(agent) = agent {
            c.route_for_agent("route", agent, extra.route)?;
        }
        if let Some((_, risk)) = draft.risks.iter().find(|(_, r)| r.id() == extra.risk) {
            check_frequency_scope(&c, Field::from(""), risk, &frequency)?;
        }
        additions.push((extra.risk, frequency));
    }
    drop(ids);
    for (risk, frequency) in additions {
        if let Some((_, record)) = draft.risks.iter_mut().find(|(_, r)| r.id() == risk) {
            record.push_frequency(frequency);
        }
    }

    let mut taken = draft.name_keys();
    for (n, addition) in overlay.aliases.into_iter().enumerate() {
        let record = format!("aliases[{n}]");
        let c = Checker::new(file, record.clone(), None);
        let Some(entity) = resolve_entity(&addition.entity, &addition.id) else {
            return Err(c.invalid(
                if resolve_entity(&addition.entity, "").is_none()
                    && !["agent", "route", "group", "condition", "benefit", "risk"]
                        .contains(&addition.entity.as_str())
                {
                    "entity"
                } else {
                    "id"
                },
                format!("no {} has the id `{}`", addition.entity, addition.id),
                "`entity` one of agent, route, group, condition, benefit, risk, and `id` a snake-case id of that kind, such as \"intravenous\"",
            ));
        };
        c.text("alias", &addition.alias)?;
        let Some(key) = folded_key(&addition.alias) else {
            return Err(c.invalid(
                "alias",
                format!("`{}` is longer than {MAX_NAME_BYTES} bytes", addition.alias),
                &format!("an alias of 1 to {MAX_NAME_BYTES} bytes"),
            ));
        };
        if let Some(other) = taken.get(&key) {
            return Err(LoadError::AliasConflict {
                file: file.to_owned(),
                record,
                field: String::from("alias"),
                alias: addition.alias,
                other: format!("{} `{}`", other.kind(), other.id()),
            });
        }
        taken.insert(key, entity);
        if let Some(target) = draft.named_mut(entity) {
            target.alias_list_mut().push(addition.alias);
        }
    }
    if let Some(i) = replaced.iter().position(|used| !used) {
        let key = overlay.replaces.get(i).cloned().unwrap_or_default();
        return Err(LoadError::Invalid {
            file: file.to_owned(),
            record: String::from("`replaces`"),
            field: format!("replaces[{i}]"),
            message: format!("`{key}` names no record that this overlay redefines"),
            expected: String::from(
                "\"source:ID\" or \"indication:condition/agent/route\" of a record the overlay also defines",
            ),
        });
    }
    Ok(())
}

fn duplicate(file: &str, record: &str, first_file: &str) -> LoadError {
    LoadError::DuplicateRecord {
        file: file.to_owned(),
        record: record.to_owned(),
        first_file: first_file.to_owned(),
    }
}

fn redefinition(file: &str, record: &str, key: String) -> LoadError {
    LoadError::Redefinition {
        file: file.to_owned(),
        record: record.to_owned(),
        key,
    }
}

/// FNV-1a, for the load-time sets of short ids: several times faster than the default
/// SipHash on 10-byte keys. Flooding is not a concern: the keys come from data files the
/// caller chose to load, which are capped at [`MAX_FILE_BYTES`].
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<Fnv>>;
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The source ids of the data set, for checking citations (about a thousand per load).
struct SourceIds<'a> {
    ids: FastSet<&'a str>,
}

impl SourceIds<'_> {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The known id with the smallest edit distance, if it is close.
    fn closest(&self, id: &str) -> Option<String> {
        self.ids
            .iter()
            .map(|known| (strsim(known, id), *known))
            .filter(|(d, known)| *d <= 3.max(known.len() / 4))
            .min()
            .map(|(_, known)| known.to_owned())
    }
}

/// A small Levenshtein distance for source-id suggestions (load-time error path only).
fn strsim(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let value = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(up).min(left)
            };
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
            left = value;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// A path to a field inside a record, such as `codes[0].sources`. It is only printed
/// when a check fails, so checking a valid record builds no strings.
#[derive(Clone, Copy)]
struct Field<'a> {
    parent: Option<&'a Field<'a>>,
    name: &'a str,
    index: Option<usize>,
}

impl<'a> Field<'a> {
    /// `name[index]`.
    fn item(name: &'a str, index: usize) -> Self {
        Field {
            parent: None,
            name,
            index: Some(index),
        }
    }

    /// `self.name`.
    fn child(&'a self, name: &'a str) -> Field<'a> {
        Field {
            parent: Some(self),
            name,
            index: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.index.is_none() && self.parent.is_none_or(Field::is_empty)
    }
}

impl<'a> From<&'a str> for Field<'a> {
    fn from(name: &'a str) -> Self {
        Field {
            parent: None,
            name,
            index: None,
        }
    }
}

impl std::fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent.filter(|p| !p.is_empty()) {
            parent.fmt(f)?;
            if !self.name.is_empty() {
                f.write_str(".")?;
            }
        }
        f.write_str(self.name)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        Ok(())
    }
}

/// Checks the fields of one record; every error names the file, record and field.
struct Checker<'a> {
    file: &'a str,
    record: std::borrow::Cow<'a, str>,
    sources: Option<&'a SourceIds<'a>>,
}

impl<'a> Checker<'a> {
    fn new(
        file: &'a str,
        record: impl Into<std::borrow::Cow<'a, str>>,
        sources: Option<&'a SourceIds<'a>>,
    ) -> Self {
        Checker {
            file,
            record: record.into(),
            sources,
        }
    }

    fn text<'f>(&self, field: impl Into<Field<'f>>, text: &str) -> Result<(), LoadError> {
        if text.trim().is_empty() {
            return Err(LoadError::EmptyText {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.into().to_string(),
            });
        }
        Ok(())
    }

    fn opt_text<'f>(
        &self,
        field: impl Into<Field<'f>>,
        text: Option<&str>,
    ) -> Result<(), LoadError> {
        text.map_or(Ok(()), |t| self.text(field, t))
    }

    fn cites<'f>(&self, field: impl Into<Field<'f>>, fact: &dyn Sourced) -> Result<(), LoadError> {
        let field = field.into();
        let field = field.child("sources");
        if fact.sources().is_empty() {
            return Err(LoadError::EmptySources {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.to_string(),
            });
        }
        self.source_ids(field, fact.sources())
    }

    fn source_ids<'f>(&self, field: impl Into<Field<'f>>, ids: &[String]) -> Result<(), LoadError> {
        let Some(known) = self.sources else {
            return Ok(());
        };
        match ids.iter().find(|id| !known.contains(id)) {
            None => Ok(()),
            Some(id) => Err(LoadError::UnknownSource {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.into().to_string(),
                id: id.clone(),
                suggestion: known.closest(id),
            }),
        }
    }

    fn percent<'f>(
        &self,
        field: impl Into<Field<'f>>,
        range: PercentRange,
    ) -> Result<(), LoadError> {
        let field = field.into();
        for (end, value) in [("min", range.min()), ("max", range.max())] {
            if !(value.is_finite() && (0.0..=100.0).contains(&value)) {
                return Err(LoadError::PercentOutOfRange {
                    file: self.file.to_owned(),
                    record: self.record.to_string(),
                    field: field.child(end).to_string(),
                    value,
                });
            }
        }
        if range.min() > range.max() {
            return Err(self.inverted(field, range.min(), range.max()));
        }
        Ok(())
    }

    fn inverted(&self, field: Field<'_>, min: impl ToString, max: impl ToString) -> LoadError {
        LoadError::InvertedRange {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        }
    }

    fn timing<'f>(
        &self,
        field: impl Into<Field<'f>>,
        timing: Option<&Timing>,
    ) -> Result<(), LoadError> {
        let field = field.into();
        let Some(timing) = timing else {
            return Ok(());
        };
        if timing.min() > timing.max() {
            return Err(self.inverted(field, timing.min(), timing.max()));
        }
        self.opt_text(field.child("note"), timing.note())?;
        self.cites(field, timing)
    }

    fn codes(&self, codes: &[Code]) -> Result<(), LoadError> {
        for (i, code) in codes.iter().enumerate() {
            let field = Field::item("codes", i);
            self.text(field.child("code"), code.code())?;
            self.opt_text(field.child("note"), code.note())?;
            self.cites(field, code)?;
        }
        Ok(())
    }

    fn regulatory(&self, items: &[Regulatory]) -> Result<(), LoadError> {
        for (i, item) in items.iter().enumerate() {
            let field = Field::item("regulatory", i);
            self.opt_text(field.child("scope"), item.scope())?;
            if item.date().is_some() && item.status() != crate::RegulatoryStatus::Approved {
                return Err(self.invalid(
                    field.child("date"),
                    format!("a date is given for status `{}`", item.status()),
                    "a date only on an `approved` status",
                ));
            }
            self.cites(field, item)?;
        }
        Ok(())
    }

    fn invalid<'f>(
        &self,
        field: impl Into<Field<'f>>,
        message: String,
        expected: &str,
    ) -> LoadError {
        LoadError::Invalid {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.into().to_string(),
            message,
            expected: expected.to_owned(),
        }
    }

    fn non_empty<'f, T>(
        &self,
        field: impl Into<Field<'f>>,
        items: &[T],
        what: &str,
    ) -> Result<(), LoadError> {
        if items.is_empty() {
            return Err(self.invalid(field, String::from("the list is empty"), what));
        }
        Ok(())
    }

    fn route_for_agent<'f>(
        &self,
        field: impl Into<Field<'f>>,
        record: &AgentRecord,
        route: Route,
    ) -> Result<(), LoadError> {
        let agent = record.id();
        if record.is_given_by(route) {
            return Ok(());
        }
        let valid: Vec<&str> = record.routes().iter().map(|r| r.route().id()).collect();
        Err(LoadError::RouteNotForAgent {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.into().to_string(),
            agent: agent.id().to_owned(),
            route: route.id().to_owned(),
            valid: valid.join(", "),
        })
    }
}

/// A frequency must concern an agent and a route the risk itself is documented for,
/// so that `RiskRecord::applies_to` agrees with the frequencies.
fn check_frequency_scope(
    c: &Checker<'_>,
    prefix: Field<'_>,
    risk: &RiskRecord,
    f: &Frequency,
) -> Result<(), LoadError> {
    if risk.applies_to(f.agent(), f.route()) {
        return Ok(());
    }
    let (field, value, valid) = if risk.agents().contains(&f.agent()) {
        let valid: Vec<&str> = risk.routes().iter().map(|r| r.id()).collect();
        ("route", f.route().id(), valid)
    } else {
        let valid: Vec<&str> = risk.agents().iter().map(|a| a.id()).collect();
        ("agent", f.agent().id(), valid)
    };
    Err(c.invalid(
        prefix.child(field),
        format!("`{value}` is not among the risk's own {field}s"),
        &format!(
            "one of: {} (or add it to the risk's `{field}s`)",
            valid.join(", ")
        ),
    ))
}

fn check_frequency(c: &Checker<'_>, prefix: Field<'_>, f: &Frequency) -> Result<(), LoadError> {
    c.percent(prefix.child("percent"), f.percent())?;
    if let Some(placebo) = f.placebo_percent() {
        c.percent(prefix.child("placebo_percent"), placebo)?;
    }
    c.text(prefix.child("context"), f.context())?;
    c.cites(prefix, f)
}

/// Places the records of one identity enum into its table: one record per variant.
fn table<E, T, const N: usize>(
    draft_files: &Draft,
    all: [E; N],
    records: Vec<(usize, T)>,
    id: impl Fn(&T) -> E,
    kind: &str,
    section: &str,
) -> Result<([T; N], [usize; N]), LoadError>
where
    E: Copy + PartialEq + Into<Entity>,
{
    let mut slots: [Option<(usize, T)>; N] = std::array::from_fn(|_| None);
    for (file, record) in records {
        let variant = id(&record);
        let Some(slot) = all
            .iter()
            .position(|v| *v == variant)
            .and_then(|i| slots.get_mut(i))
        else {
            continue;
        };
        if let Some((first, _)) = slot {
            return Err(LoadError::DuplicateRecord {
                file: draft_files.file(file).to_owned(),
                record: variant.into().id().to_owned(),
                first_file: draft_files.file(*first).to_owned(),
            });
        }
        *slot = Some((file, record));
    }
    let mut origins = [0usize; N];
    let mut out = Vec::with_capacity(N);
    for ((slot, variant), origin) in slots.into_iter().zip(all).zip(origins.iter_mut()) {
        let Some((file, record)) = slot else {
            return Err(LoadError::MissingRecord {
                files: draft_files.file_list(),
                kind: kind.to_owned(),
                id: variant.into().id().to_owned(),
                section: section.to_owned(),
            });
        };
        *origin = file;
        out.push(record);
    }
    let out: [T; N] = out.try_into().map_err(|_| LoadError::MissingRecord {
        files: draft_files.file_list(),
        kind: kind.to_owned(),
        id: String::from("?"),
        section: section.to_owned(),
    })?;
    Ok((out, origins))
}

/// Validates a draft and builds the knowledge base with all its indices.
fn build(mut draft: Draft) -> Result<KnowledgeBase, LoadError> {
    // Sources first: everything else cites them.
    // Sorted by id (stable, so the first definition stays first): duplicates are
    // neighbours, and `KnowledgeBase::source` can binary-search the result.
    draft.sources.sort_by(|(_, a), (_, b)| a.id().cmp(b.id()));
    let duplicate = draft.sources.windows(2).find_map(|pair| match pair {
        [(first, a), (second, b)] if a.id() == b.id() => Some((*first, *second, b.id())),
        _ => None,
    });
    if let Some((first, second, id)) = duplicate {
        return Err(LoadError::DuplicateRecord {
            file: draft.file(second).to_owned(),
            record: id.to_owned(),
            first_file: draft.file(first).to_owned(),
        });
    }
    for (file, source) in &draft.sources {
        let c = Checker::new(draft.file(*file), source.id(), None);
        if source.id().is_empty()
            || !source
                .id()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(c.invalid(
                "id",
                format!("`{}` is not a valid source id", source.id()),
                "upper-case letters, digits and hyphens, such as \"KETALAR-PI\"",
            ));
        }
        c.text("authors", source.authors())?;
        c.text("title", source.title())?;
        for (field, value) in [
            ("venue", source.venue()),
            ("url", source.url()),
            ("doi", source.doi()),
            ("pmid", source.pmid()),
            ("note", source.note()),
        ] {
            c.opt_text(field, value)?;
        }
        if let Some(pmid) = source.pmid() {
            if !pmid.bytes().all(|b| b.is_ascii_digit()) {
                return Err(c.invalid(
                    "pmid",
                    format!("`{pmid}` is not a PubMed id"),
                    "digits only",
                ));
            }
        }
        if !source.has_locator() && source.note().is_none() {
            return Err(c.invalid(
                "url",
                String::from("the source has no URL, DOI or PMID and no note saying why"),
                "at least one of `url`, `doi`, `pmid`, or a `note` explaining that none is known",
            ));
        }
    }
    let sources: Vec<Source> = std::mem::take(&mut draft.sources)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let ids = SourceIds {
        ids: sources.iter().map(Source::id).collect(),
    };

    // The single mechanism section.
    let files = draft.file_list();
    let mut mechanisms = std::mem::take(&mut draft.mechanism);
    let (mech_file, mechanism) = match (mechanisms.pop(), mechanisms.is_empty()) {
        (Some(m), true) => m,
        (found, _) => {
            return Err(LoadError::Section {
                files,
                section: String::from("mechanism"),
                problem: String::from(if found.is_some() {
                    "appears more than once"
                } else {
                    "is missing"
                }),
            });
        }
    };

    let take_agents = std::mem::take(&mut draft.agents);
    let take_routes = std::mem::take(&mut draft.routes);
    let take_groups = std::mem::take(&mut draft.groups);
    let take_conditions = std::mem::take(&mut draft.conditions);
    let take_benefits = std::mem::take(&mut draft.benefits);
    let take_risks = std::mem::take(&mut draft.risks);
    let (agents, agent_files) = table(
        &draft,
        Agent::ALL,
        take_agents,
        AgentRecord::id,
        "agent",
        "agents",
    )?;
    let (routes, route_files) = table(
        &draft,
        Route::ALL,
        take_routes,
        RouteRecord::id,
        "route",
        "routes",
    )?;
    let (groups, group_files) = table(
        &draft,
        ConditionGroup::ALL,
        take_groups,
        GroupRecord::id,
        "condition group",
        "groups",
    )?;
    let (conditions, condition_files) = table(
        &draft,
        Condition::ALL,
        take_conditions,
        ConditionRecord::id,
        "condition",
        "conditions",
    )?;
    let (benefits, benefit_files) = table(
        &draft,
        Benefit::ALL,
        take_benefits,
        BenefitRecord::id,
        "benefit",
        "benefits",
    )?;
    let (risks, risk_files) = table(
        &draft,
        Risk::ALL,
        take_risks,
        RiskRecord::id,
        "risk",
        "risks",
    )?;

    // Mechanism.
    {
        let c = Checker::new(
            draft.file(mech_file),
            String::from("`mechanism`"),
            Some(&ids),
        );
        c.text("qualification.text", mechanism.qualification().text())?;
        c.cites("qualification", mechanism.qualification())?;
        c.non_empty("steps", mechanism.steps(), "at least one step")?;
        for (i, step) in mechanism.steps().iter().enumerate() {
            let field = Field::item("steps", i);
            c.text(field.child("id"), step.id())?;
            c.text(field.child("summary"), step.summary())?;
            c.non_empty(field.child("agents"), step.agents(), "at least one agent")?;
            c.cites(field, step)?;
        }
    }

    // Named records: name, description, sources, and their own fields.
    for (record, file) in agents.iter().zip(agent_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        c.non_empty("routes", record.routes(), "at least one route")?;
        for (i, route) in record.routes().iter().enumerate() {
            let field = Field::item("routes", i);
            c.opt_text(field.child("note"), route.note())?;
            c.cites(field, route)?;
        }
        if let Some(other) = record.enantiomer_of() {
            if other == record.id() {
                return Err(c.invalid(
                    "enantiomer_of",
                    String::from("an agent cannot be its own enantiomer"),
                    "another agent",
                ));
            }
        }
        c.codes(record.codes())?;
        if let Some(cs) = record.controlled_substance() {
            c.text("controlled_substance.schedule", cs.schedule())?;
            c.cites("controlled_substance", cs)?;
        }
        c.regulatory(record.regulatory())?;
    }
    for (record, file) in routes.iter().zip(route_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        c.codes(record.codes())?;
        if let Some(b) = record.bioavailability() {
            c.percent("bioavailability", b.range())?;
            c.opt_text("bioavailability.note", b.note())?;
            c.cites("bioavailability", b)?;
        }
        for (field, timing) in record.timings() {
            c.timing(field, timing)?;
        }
        if let Some(p) = record.protocol() {
            c.text("protocol.text", p.text())?;
            c.cites("protocol", p)?;
        }
        if let Some(s) = record.setting() {
            c.opt_text("setting.note", s.note())?;
            c.cites("setting", s)?;
        }
        if let Some(p) = record.prevalence() {
            c.opt_text("prevalence.note", p.note())?;
            c.cites("prevalence", p)?;
        }
    }
    for (record, file) in groups.iter().zip(group_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
    }
    for (record, file) in conditions.iter().zip(condition_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        if record.group() != record.id().group() {
            return Err(c.invalid(
                "group",
                format!(
                    "`{}` is not the group of {}",
                    record.group().id(),
                    record.id()
                ),
                &format!("\"{}\"", record.id().group().id()),
            ));
        }
        c.codes(record.codes())?;
    }
    for (record, file) in benefits.iter().zip(benefit_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        c.timing("time_scale", record.time_scale())?;
        for (i, q) in record.qualifications().iter().enumerate() {
            let field = Field::item("qualifications", i);
            c.text(field.child("text"), q.text())?;
            c.cites(field, q)?;
        }
        c.non_empty("conditions", record.conditions(), "at least one condition")?;
    }
    for (record, file) in risks.iter().zip(risk_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        c.timing("onset", record.onset())?;
        c.timing("duration", record.duration())?;
        c.non_empty("agents", record.agents(), "at least one agent")?;
        c.non_empty("routes", record.routes(), "at least one route")?;
        for (i, f) in record.frequencies().iter().enumerate() {
            let field = Field::item("frequencies", i);
            check_frequency(&c, field, f)?;
            c.route_for_agent(field, f.agent().pick(&agents), f.route())?;
            check_frequency_scope(&c, field, record, f)?;
        }
        if let Some(m) = record.mitigation() {
            c.text("mitigation.text", m.text())?;
            c.cites("mitigation", m)?;
        }
    }

    // Indications: unique per (condition, agent, route), routes the agent is given by.
    let mut indications = std::mem::take(&mut draft.indications);
    let mut first_seen: FastMap<(Condition, Agent, Route), usize> = FastMap::default();
    for (file, ind) in &indications {
        let c = Checker::new(draft.file(*file), ind.key(), Some(&ids));
        if let Some(first) = first_seen.insert(ind.triple(), *file) {
            return Err(LoadError::DuplicateRecord {
                file: draft.file(*file).to_owned(),
                record: ind.key(),
                first_file: draft.file(first).to_owned(),
            });
        }
        c.route_for_agent("route", ind.agent().pick(&agents), ind.route())?;
        c.text("note", ind.note())?;
        c.regulatory(ind.regulatory())?;
        c.cites("", ind)?;
        c.source_ids("negative_findings", ind.negative_findings())?;
        if let Some(stray) = ind
            .negative_findings()
            .iter()
            .find(|id| !ind.sources().contains(id))
        {
            return Err(c.invalid(
                "negative_findings",
                format!("`{stray}` is not also listed in `sources`"),
                "every negative finding to be one of the record's sources",
            ));
        }
        if ind.evidence() == crate::Evidence::RegulatoryApproval
            && !ind
                .regulatory()
                .iter()
                .any(|r| r.status() == crate::RegulatoryStatus::Approved)
        {
            return Err(c.invalid(
                "evidence",
                String::from("`regulatory_approval` without an `approved` regulatory entry"),
                "an approved status in `regulatory`, or a lower evidence level",
            ));
        }
    }
    for (file, item) in &draft.contraindications {
        let c = Checker::new(
            draft.file(*file),
            format!("contraindication for {}", item.agent().id()),
            Some(&ids),
        );
        c.text("text", item.text())?;
        c.cites("", item)?;
    }
    for (file, item) in &draft.monitoring {
        let c = Checker::new(
            draft.file(*file),
            format!("monitoring ({}, {})", item.agent().id(), item.kind()),
            Some(&ids),
        );
        c.text("text", item.text())?;
        c.non_empty("routes", item.routes(), "at least one route")?;
        for route in item.routes() {
            c.route_for_agent("routes", item.agent().pick(&agents), *route)?;
        }
        c.timing("timing", item.timing())?;
        c.cites("", item)?;
    }

    // Names and aliases, unique across all entities after folding. All names are
    // indexed before any alias, so a clash is blamed on the alias, not on a name.
    let names = {
        let mut named: Vec<(usize, &dyn Named)> = Vec::new();
        named.extend(with_files(&agent_files, &agents));
        named.extend(with_files(&route_files, &routes));
        named.extend(with_files(&group_files, &groups));
        named.extend(with_files(&condition_files, &conditions));
        named.extend(with_files(&benefit_files, &benefits));
        named.extend(with_files(&risk_files, &risks));
        let entries = named
            .iter()
            .map(|(file, r)| (*file, r.entity(), "name", r.display_name()))
            .chain(named.iter().flat_map(|(file, r)| {
                r.alias_list()
                    .iter()
                    .map(move |a| (*file, r.entity(), "aliases", a.as_str()))
            }));
        // (folded key, order of appearance, file, entity, field, text as written)
        let mut keyed = Vec::new();
        for (seq, (file, entity, field, text)) in entries.enumerate() {
            let Some(key) = folded_key(text) else {
                let c = Checker::new(draft.file(file), entity.id(), None);
                return Err(c.invalid(
                    field,
                    format!("`{text}` is empty or longer than {MAX_NAME_BYTES} bytes"),
                    &format!("a name of 1 to {MAX_NAME_BYTES} bytes"),
                ));
            };
            keyed.push((key, seq, file, entity, field, text));
        }
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        // Of all clashes, report the one a reader meets first: the earliest second use.
        let clash = keyed
            .windows(2)
            .filter_map(|pair| match pair {
                [first, second] if first.0 == second.0 => Some((first, second)),
                _ => None,
            })
            .min_by_key(|(_, second)| second.1);
        if let Some((first, (_, _, file, entity, field, text))) = clash {
            return Err(LoadError::AliasConflict {
                file: draft.file(*file).to_owned(),
                record: entity.id().to_owned(),
                field: (*field).to_owned(),
                alias: (*text).to_owned(),
                other: format!("{} `{}`", first.3.kind(), first.3.id()),
            });
        }
        let keys: Vec<(Box<str>, Entity)> = keyed
            .into_iter()
            .map(|(key, _, _, entity, _, _)| (key, entity))
            .collect();
        NameIndex::new(keys)
    };

    // Indices. Indications: by condition, strongest evidence first.
    let mut indications: Vec<Indication> = std::mem::take(&mut indications)
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    indications.sort_by(|a, b| {
        a.condition()
            .cmp(&b.condition())
            .then(b.evidence().cmp(&a.evidence()))
            .then(a.agent().cmp(&b.agent()))
            .then(a.route().cmp(&b.route()))
    });
    let by_condition = Condition::ALL.map(|c| {
        let start = indications.partition_point(|i| i.condition() < c);
        let end = indications.partition_point(|i| i.condition() <= c);
        (start, end)
    });
    let conditions_by_route = Route::ALL.map(|r| {
        Condition::iter()
            .filter(|c| {
                indications
                    .iter()
                    .any(|i| i.condition() == *c && i.route() == r)
            })
            .collect::<Vec<_>>()
    });
    let conditions_by_group = ConditionGroup::ALL.map(|g| {
        Condition::iter()
            .filter(|c| c.group() == g)
            .collect::<Vec<_>>()
    });
    let mut routes_by_bioavailability: Vec<Route> = Route::iter().collect();
    // Highest first; routes with no sourced figure last.
    routes_by_bioavailability.sort_by(|a, b| {
        let key = |r: &Route| {
            r.pick(&routes)
                .bioavailability()
                .map(|b| b.range().midpoint())
        };
        match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    let mut routes_by_onset: Vec<Route> = Route::iter().collect();
    // Fastest first; routes with no sourced onset last.
    routes_by_onset.sort_by_key(|r| {
        r.pick(&routes)
            .acute_onset()
            .map_or(u64::MAX, |t| t.min().seconds())
    });
    let risks_by: [[Vec<Risk>; Route::COUNT + 1]; Agent::COUNT + 1] = std::array::from_fn(|a| {
        std::array::from_fn(|r| {
            let agent = a.checked_sub(1).and_then(|i| Agent::ALL.get(i).copied());
            let route = r.checked_sub(1).and_then(|i| Route::ALL.get(i).copied());
            risks
                .iter()
                .filter(|x| {
                    agent.is_none_or(|a| x.agents().contains(&a))
                        && route.is_none_or(|r| x.routes().contains(&r))
                })
                .map(RiskRecord::id)
                .collect()
        })
    });
    let benefits_by_condition = Condition::ALL.map(|c| {
        benefits
            .iter()
            .filter(|b| b.conditions().contains(&c))
            .map(BenefitRecord::id)
            .collect()
    });
    let mut contraindications: Vec<Contraindication> = draft
        .contraindications
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    contraindications.sort_by_key(Contraindication::agent);
    let mut monitoring: Vec<Monitoring> = draft.monitoring.into_iter().map(|(_, m)| m).collect();
    monitoring.sort_by_key(Monitoring::agent);

    Ok(KnowledgeBase {
        sources,
        agents,
        mechanism,
        routes,
        groups,
        conditions,
        indications,
        benefits,
        risks,
        contraindications,
        monitoring,
        index: Index {
            by_condition,
            conditions_by_route,
            conditions_by_group,
            routes_by_bioavailability,
            routes_by_onset,
            risks_by,
            benefits_by_condition,
            names,
        },
    })
}

/// Named records paired with the index of the file each came from.
fn with_files<'r, T: Named>(
    files: &'r [usize],
    records: &'r [T],
) -> impl Iterator<Item = (usize, &'r dyn Named)> {
    files
        .iter()
        .copied()
        .zip(records.iter().map(|r| r as &dyn Named))
}

/// The checks every named record shares.
fn check_named(
    c: &Checker<'_>,
    named: &dyn Named,
    description: &str,
    sourced: &dyn Sourced,
) -> Result<(), LoadError> {
    c.text("name", named.display_name())?;
    for (i, alias) in named.alias_list().iter().enumerate() {
        c.text(Field::item("aliases", i), alias)?;
    }
    c.text("description", description)?;
    c.cites("", sourced)
}
