//! The loader: one path for the embedded data, user-supplied data and overlays.
//!
//! It parses (once, for the embedded data, on first use), validates every field and
//! reference, and builds every index, so that queries only borrow. Bad data is a
//! [`LoadError`] that names the file, the record and the field, with what would be
//! valid. The data format is described in `data/SCHEMA.md`; every input is bounded
//! ([`MAX_FILE_BYTES`], [`MAX_TOTAL_BYTES`]).
//!
//! The happy path parses each file straight into the typed records. Only when that
//! fails does the loader parse again, more slowly, to find the record and the field
//! to name in the error. By concern: `files` (file formats, reading), `parse`
//! (parsing, error location), `check` (field checks), `sets` (source ids), `overlay` (merging overlays),
//! `build` (sources, then each record kind, then assembly), `index` (every index).
//!
//! # Examples
//!
//! ```
//! use ketamine_therapy::loader::LoadError;
//! use ketamine_therapy::{Entity, KnowledgeBase, Route};
//!
//! // A local overlay: an extra alias, validated like any data file.
//! let overlay = r#"{"aliases": [{"entity": "route", "id": "intravenous", "alias": "drip"}]}"#;
//! let kb = KnowledgeBase::embedded().with_overlay("local.json", overlay)?;
//! assert_eq!(kb.lookup("drip")?, Entity::Route(Route::Intravenous));
//!
//! // A mistake names the file and what is wrong.
//! let err = KnowledgeBase::embedded().with_overlay("bad.json", "[]").unwrap_err();
//! assert!(err.to_string().starts_with("bad.json: "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::model::{
    Agent, AgentRecord, Benefit, BenefitRecord, BrandRecord, Condition, ConditionGroup,
    ConditionRecord, Contraindication, GroupRecord, Indication, Interactant, InteractantRecord,
    Interaction, Mechanism, MedicineRecord, Monitoring, PopulationGuidance, Regimen, Risk,
    RiskRecord, Route, RouteRecord, Source,
};
use std::path::Path;
use strum::EnumCount;

mod build;
mod check;
mod error;
mod files;
pub(crate) mod index;
mod order;
mod overlay;
mod parse;
mod serialize;
mod sets;
mod stream;
mod syntax;
mod unique;
mod vocabulary;

pub use self::error::LoadError;
pub(crate) use self::index::Index;

use once_cell::sync::Lazy;

use self::build::build;
use self::files::{Draft, OverlayFile};
use self::overlay::apply_overlay;
use self::parse::{Input, parse, parse_into};

/// The largest data file the loader accepts, in bytes (4 MiB; the embedded data is
/// about 0.33 MiB in all).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{loader::MAX_FILE_BYTES, KnowledgeBase, LoadError};
///
/// let big = " ".repeat(MAX_FILE_BYTES + 1);
/// let err = KnowledgeBase::from_json_str("big.json", &big).unwrap_err();
/// assert!(matches!(err, LoadError::TooLarge { .. }));
/// ```
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The most bytes one load reads across all its files (16 MiB), so that the memory
/// of a load, failed or not, stays bounded however many files it is given.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{loader::{MAX_FILE_BYTES, MAX_TOTAL_BYTES}, KnowledgeBase, LoadError};
///
/// assert!(MAX_TOTAL_BYTES >= 4 * MAX_FILE_BYTES);
/// let big = " ".repeat(MAX_FILE_BYTES);
/// let files = vec![("big.json", big.as_str()); 5];
/// let err = KnowledgeBase::from_json_files(files).unwrap_err();
/// assert!(matches!(err, LoadError::LoadTooLarge { .. }));
/// ```
pub const MAX_TOTAL_BYTES: usize = 16 * 1024 * 1024;

/// The embedded data files, as `(name, text)`, in load order.
const EMBEDDED_FILES: [(&str, &str); 13] = [
    ("data/sources.json", include_str!("../../data/sources.json")),
    ("data/labels.json", include_str!("../../data/labels.json")),
    ("data/agents.json", include_str!("../../data/agents.json")),
    ("data/routes.json", include_str!("../../data/routes.json")),
    (
        "data/conditions.json",
        include_str!("../../data/conditions.json"),
    ),
    (
        "data/indications.json",
        include_str!("../../data/indications.json"),
    ),
    (
        "data/benefits.json",
        include_str!("../../data/benefits.json"),
    ),
    ("data/risks.json", include_str!("../../data/risks.json")),
    ("data/safety.json", include_str!("../../data/safety.json")),
    (
        "data/interactions.json",
        include_str!("../../data/interactions.json"),
    ),
    (
        "data/populations.json",
        include_str!("../../data/populations.json"),
    ),
    ("data/dosing.json", include_str!("../../data/dosing.json")),
    (
        "data/medicines.json",
        include_str!("../../data/medicines.json"),
    ),
];

/// What base records are attributed to in errors raised while loading an overlay.
pub(super) const BASE: &str = "(base knowledge base)";

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
    pub(crate) interactants: [InteractantRecord; Interactant::COUNT],
    /// Sorted by agent.
    pub(crate) interactions: Vec<Interaction>,
    /// Sorted by agent, then population.
    pub(crate) populations: Vec<PopulationGuidance>,
    /// Sorted by agent, then labelled before trial protocols, then condition, route
    /// and phase.
    pub(crate) regimens: Vec<Regimen>,
    /// The medicine vocabulary, sorted by id.
    pub(crate) medicines: Vec<MedicineRecord>,
    /// Brand names, sorted by name.
    pub(crate) brands: Vec<BrandRecord>,
    pub(crate) index: Index,
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
        load(
            files
                .into_iter()
                .map(|(name, text)| (name, Input::Text(text))),
        )
        .map_err(LoadError::bounded)
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
        load([(file, Input::Bytes(bytes))]).map_err(LoadError::bounded)
    }

    /// Loads every `*.json` file of a directory (in name order) as one data set.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the directory or a file cannot be read,
    /// [`LoadError::EmptyDirectory`] if it holds no `*.json` file,
    /// [`LoadError::TooManyFiles`] if it holds more than 256,
    /// [`LoadError::NotAFile`] for a `*.json` entry that is not a regular file (a
    /// directory, FIFO or device), otherwise any error of
    /// [`KnowledgeBase::from_json_files`]. No file is read whole before its size is
    /// known to fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    /// let kb = KnowledgeBase::from_json_dir(dir)?;
    /// assert_eq!(&kb, KnowledgeBase::embedded());
    ///
    /// // A directory with no data file is an error that names it.
    /// let empty = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    /// let err = KnowledgeBase::from_json_dir(empty).unwrap_err();
    /// assert!(matches!(err, ketamine_therapy::LoadError::EmptyDirectory { .. }));
    /// assert!(err.to_string().starts_with(empty));
    /// # Ok::<(), ketamine_therapy::LoadError>(())
    /// ```
    pub fn from_json_dir(dir: impl AsRef<Path>) -> Result<KnowledgeBase, LoadError> {
        let read = || {
            let mut used = 0;
            let mut texts = Vec::new();
            for path in files::json_paths(dir.as_ref())? {
                let name = path.display().to_string();
                let bytes = files::read(&path, &name, used)?;
                used += bytes.len();
                texts.push((name, bytes));
            }
            Ok::<_, LoadError>(texts)
        };
        let texts = read().map_err(LoadError::bounded)?;
        load(
            texts
                .iter()
                .map(|(name, bytes)| (name.as_str(), Input::Bytes(bytes))),
        )
        .map_err(LoadError::bounded)
    }

    /// A new knowledge base: this one plus an overlay of extra sources, indications,
    /// contraindications, monitoring facts, interactions, population guidance, dosing
    /// regimens, risk frequencies and aliases. The overlay
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
    ///
    /// // An overlay must be a JSON object; an array is not read as an empty overlay.
    /// let err = KnowledgeBase::embedded().with_overlay("list.json", "[]").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "list.json: expected a JSON object at the top level, found an array"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_overlay(&self, file: &str, json: &str) -> Result<KnowledgeBase, LoadError> {
        self.overlay(file, Input::Text(json))
            .map_err(LoadError::bounded)
    }
}

impl KnowledgeBase {
    /// [`KnowledgeBase::with_overlay`] for an overlay file on disk; the file name in
    /// errors is the path.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the file cannot be read, [`LoadError::NotAFile`] if it is
    /// not a regular file, [`LoadError::TooLarge`] (checked before reading),
    /// otherwise any error of [`KnowledgeBase::with_overlay`] (including
    /// [`LoadError::InvalidUtf8`]).
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
        files::read(path, &name, 0)
            .and_then(|bytes| self.overlay(&name, Input::Bytes(&bytes)))
            .map_err(LoadError::bounded)
    }

    /// This knowledge base plus the overlay `bytes` (named `file` in errors).
    fn overlay(&self, file: &str, input: Input<'_>) -> Result<KnowledgeBase, LoadError> {
        let overlay: OverlayFile = parse(file, input)?;
        let mut draft = Draft::from_base(self);
        apply_overlay(&mut draft, file, overlay)?;
        build(draft)
    }
}

/// Loads a data set from `(name, content)` files; errors are not yet bounded.
fn load<'a>(
    files: impl IntoIterator<Item = (&'a str, Input<'a>)>,
) -> Result<KnowledgeBase, LoadError> {
    let files: Vec<(&str, Input<'_>)> = files.into_iter().collect();
    // Sizes first, so an oversized load fails before any parsing work.
    let mut used = 0usize;
    for (name, input) in &files {
        files::check_size(name, input.len(), used)?;
        used += input.len();
    }
    let mut draft = Draft::default();
    for (name, input) in files {
        parse_into(&mut draft, name, input)?;
    }
    build(draft)
}
