//! # ketamine-therapy
//!
//! A typed, sourced knowledge model of ketamine therapy: the agents (racemic
//! ketamine, esketamine), their routes of administration, the conditions they are
//! used for and the evidence behind each use, the regulatory status, benefits, risks,
//! contraindications, drug interactions, special populations, published dosing
//! regimens and monitoring, with a bibliography that every fact cites.
//!
//! **This crate informs; it does not prescribe.** It is reference data for health-app,
//! clinic and research software, not medical advice. Decisions about treatment belong
//! to qualified clinicians and their patients.
//!
//! ## Getting started
//!
//! ```
//! use ketamine_therapy::{Condition, Evidence, Jurisdiction, KnowledgeBase};
//!
//! let kb = KnowledgeBase::embedded(); // parsed and validated once, on first use
//!
//! // Which routes suit treatment-resistant depression, on what evidence?
//! for ind in kb.routes_for(Condition::TreatmentResistantDepression) {
//!     let us = if ind.is_approved_in(Jurisdiction::Us) { "FDA-approved" } else { "not FDA-approved" };
//!     println!("{} by {}: {} evidence, {us}", ind.agent(), ind.route(), ind.evidence());
//! }
//!
//! // Names and aliases resolve case-insensitively.
//! let entity = kb.lookup("ptsd")?;
//! assert_eq!(entity.to_string(), "post-traumatic stress disorder");
//! # Ok::<(), ketamine_therapy::LookupError>(())
//! ```
//!
//! ## Before a session: the safety picture
//!
//! ```
//! use ketamine_therapy::{Agent, Documented, KnowledgeBase, Route, Topic};
//!
//! let kb = KnowledgeBase::embedded();
//! let esk = Agent::Esketamine;
//! for c in kb.contraindications(esk) {
//!     println!("contraindicated: {}", c.text());
//! }
//! for i in kb.interactions(esk) {
//!     println!("{}: {} ({})", i.interactant(), i.effect(), i.management());
//! }
//! for p in kb.populations(esk) {
//!     println!("{}: {}", p.population(), p.recommendation());
//! }
//! // Label warnings hold on every route the agent is given by, so nothing is
//! // under-reported for an off-label route such as oral racemic ketamine.
//! assert!(kb.risks_for(Agent::RacemicKetamine, Route::Oral).count() > 1);
//! // An empty list is told apart from "not recorded in this data".
//! assert!(kb.documented(esk, Topic::Interactions).is_known());
//! ```
//!
//! Dosing regimens ([`KnowledgeBase::regimens`]) are reference data: what labels state
//! and what trials and guidelines used. **No API computes a dose for a person.**
//!
//! ## The model
//!
//! * Identity is a `Copy` enum: [`Agent`], [`Route`], [`Condition`],
//!   [`ConditionGroup`], [`Benefit`], [`Risk`], [`Evidence`], [`Jurisdiction`],
//!   [`Interactant`], [`Population`].
//!   `Display` gives the canonical name and `FromStr` takes names, ids and aliases
//!   ("IV", "Spravato", "TRD") in any ASCII case.
//! * Attributes live in records with getters: [`AgentRecord`], [`RouteRecord`],
//!   [`ConditionRecord`], [`GroupRecord`], [`BenefitRecord`], [`RiskRecord`].
//! * The core relation is the [`Indication`]: (condition, agent, route) with an
//!   [`Evidence`] level, the [`Regulatory`] status per [`Jurisdiction`], the key
//!   studies and a note.
//! * Safety records per agent: [`Contraindication`], [`Interaction`] (with an
//!   [`Interactant`] class that lookup finds by its members: "benzodiazepines",
//!   "opioids"), [`PopulationGuidance`] per [`Population`], [`Regimen`], and the
//!   [`RiskScope`]s that say on what [`RiskBasis`] a [`Risk`] applies to an agent.
//!   [`Findings`] and [`Documented`] tell "documented: none" from "not recorded".
//! * Every fact implements [`Sourced`]; its ids resolve in the bibliography with
//!   [`KnowledgeBase::source`], and each [`Source`] has a [`Tier`] (primary,
//!   secondary, tertiary) and the identity of its original document (DOI, PMID, SPL
//!   set id and version, regulator document number).
//!
//! ## Data, sources and versions
//!
//! The data lives in `data/*.json` (schema in `data/SCHEMA.md`), embedded in the crate
//! and loaded by the same validating loader that loads user data
//! ([`KnowledgeBase::from_json_files`], [`KnowledgeBase::with_overlay`]). Facts come
//! from labels, regulators, trials, meta-analyses and reviews; where sources disagree
//! the data records the range and cites both. [`DATA_VERSION`] changes with every data
//! change, and each change has a CHANGELOG entry. New records and corrections are minor
//! releases: the enums are `#[non_exhaustive]`.
//!
//! ## Errors and panics
//!
//! Loading reports bad data as a [`LoadError`] naming the file, record and field; a
//! failed lookup returns a [`LookupError`] with suggestions. The library does not
//! panic on any input; the one `expect` guards the embedded data, which the test suite
//! proves valid.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
// LoadError is returned only by the loader, never on a query path; its named fields
// keep every error readable, so its size is not worth boxing.
#![allow(clippy::result_large_err)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod interop;
mod loader;
mod model;
mod query;
mod text;

#[cfg(feature = "fhir")]
pub use interop::fhir;

pub use loader::{KnowledgeBase, LoadError, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
pub use model::{
    Agent, AgentRecord, AgentRoute, Benefit, BenefitRecord, Bioavailability, Certainty, Code,
    CodeSystem, Condition, ConditionGroup, ConditionRecord, Contraindication, ControlledSubstance,
    Course, Date, DateParseError, Dose, DoseBasis, DoseUnit, Entity, EntityKind, Evidence,
    Frequency, GroupRecord, IdKind, Indication, Interactant, InteractantRecord, Interaction,
    Jurisdiction, JurisdictionStatus, Mechanism, MechanismStep, Monitoring, MonitoringKind,
    ParseIdError, PercentRange, Phase, Population, PopulationGuidance, Prevalence, PrevalenceLevel,
    Qualification, QualificationKind, Recommendation, Regimen, Regulatory, RegulatoryStatus,
    Review, Risk, RiskBasis, RiskRecord, RiskScope, Route, RouteRecord, Setting, SettingKind,
    Severity, Source, SourceKind, Sourced, SourcedText, Span, SpanParseError, Tier, Timing, Topic,
    UseStatus,
};
pub use query::{
    Cited, CodeMatch, CodeMatches, Documented, Findings, IndicationView, Indications, LookupError,
    MAX_CODE_BYTES,
};
pub use text::MAX_NAME_BYTES;

/// Re-exported so that `Route::iter()` and `Route::COUNT` work without a direct
/// dependency on strum.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{EnumCount, IntoEnumIterator, Route};
///
/// assert_eq!(Route::iter().count(), Route::COUNT);
/// ```
pub use strum::{EnumCount, IntoEnumIterator};

/// The version of the embedded data. It changes with every change to `data/`, and
/// each change has an entry in CHANGELOG.md.
///
/// # Examples
///
/// ```
/// assert!(!ketamine_therapy::DATA_VERSION.is_empty());
/// ```
pub const DATA_VERSION: &str = "2026.11.1";

// The README's code blocks run as doctests, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
