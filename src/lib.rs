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
//! ## Map of the crate
//!
//! The layers, in the direction data flows (each module page has an overview and
//! examples):
//!
//! * [`model`]: what the knowledge base is made of. Identity is a `Copy` enum
//!   ([`Agent`], [`Route`], [`Condition`], [`Risk`], [`Interactant`], [`Population`],
//!   [`Jurisdiction`], ...); attributes live in records with getters
//!   ([`model::AgentRecord`], [`model::RiskRecord`], [`Indication`], ...); every fact
//!   implements [`Sourced`] and cites the bibliography ([`Source`]).
//! * [`loader`]: the one loader, for the embedded data, your own files and overlays;
//!   it validates every reference and reports bad data as a [`LoadError`].
//! * [`query`]: every question, as a method of [`KnowledgeBase`] that borrows from it:
//!   indications, the safety picture ([`Findings`] tell "none documented" apart from
//!   "not recorded", see [`Documented`]), text lookup ([`LookupError`]), codes, and
//!   citation-resolved views.
//! * [`interop`]: codes both ways, and (feature `fhir`) a FHIR R5 export.
//!
//! The everyday types are re-exported here at the root; the rest are reached through
//! their module.
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

mod text;

pub mod interop;
pub mod loader;
pub mod model;
pub mod query;

pub use loader::{KnowledgeBase, LoadError};
pub use model::{
    Agent, Benefit, Condition, ConditionGroup, Entity, Evidence, Indication, Interactant,
    Jurisdiction, ParseIdError, Population, Risk, Route, Source, Sourced, Topic,
};
pub use query::{Documented, Findings, LookupError};

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
pub const DATA_VERSION: &str = "2026.12.2";

// The README's code blocks run as doctests, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
