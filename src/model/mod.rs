//! The model: what the knowledge base is made of.
//!
//! * **Identity** is a `Copy`, `#[non_exhaustive]` enum: [`Agent`], [`Route`],
//!   [`Condition`], [`ConditionGroup`], [`Benefit`], [`Risk`], [`Interactant`],
//!   [`Population`], [`Evidence`], [`Jurisdiction`]. `Display` gives the canonical name;
//!   `FromStr` takes names, ids and aliases ("IV", "Spravato", "TRD") in any ASCII
//!   case, and a miss is a [`ParseIdError`] with the closest names of the same kind.
//! * **Attributes** live in records with private fields and getters, one file per
//!   concept: [`AgentRecord`], [`RouteRecord`], [`ConditionRecord`], [`RiskRecord`],
//!   [`Indication`] (condition, agent, route, with its evidence and regulatory status),
//!   [`Contraindication`], [`Interaction`], [`PopulationGuidance`], [`Monitoring`],
//!   [`Regimen`] (reference data, never a dose for a person), [`Source`].
//! * **Values** shared by the records: [`Span`] and [`Timing`] (durations),
//!   [`PercentRange`], [`Date`], [`Code`] in a [`CodeSystem`], [`SourcedText`].
//! * Every fact implements [`Sourced`]: its source ids resolve in the bibliography
//!   with [`KnowledgeBase::source`](crate::KnowledgeBase::source).
//!
//! The records are built only by the loader ([`crate::loader`]); a query
//! ([`crate::query`]) borrows them.
//!
//! # Examples
//!
//! ```
//! use ketamine_therapy::model::{Course, RiskBasis};
//! use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route, Sourced};
//!
//! let kb = KnowledgeBase::embedded();
//! let risk = kb.risk(Risk::Dissociation);
//! assert_eq!(risk.course(), Course::Acute);
//! // On what basis does dissociation apply to esketamine by nasal spray?
//! assert_eq!(
//!     risk.basis_for(Agent::Esketamine, Route::Intranasal),
//!     Some(RiskBasis::LabelBoxedWarning)
//! );
//! assert!(!risk.sources().is_empty());
//! ```

mod table;

mod agent;
mod benefit;
mod code;
mod condition;
mod contraindication;
mod criteria;
mod date;
mod dosing;
mod entity;
mod error;
mod evidence;
mod frequency;
mod indication;
mod interaction;
mod mechanism;
mod medicine;
mod monitoring;
mod patient;
mod percent;
mod population;
mod regulatory;
mod review;
mod risk;
mod route;
mod source;
mod sourced;
mod span;
mod standing;

pub use self::agent::{Agent, AgentRecord, AgentRoute, ControlledSubstance};
pub use self::benefit::{Benefit, BenefitRecord, Qualification, QualificationKind};
pub use self::code::{Code, CodeSystem, Relation};
pub use self::condition::{Condition, ConditionGroup, ConditionRecord, GroupRecord};
pub use self::contraindication::Contraindication;
pub use self::criteria::{BloodPressure, BloodPressureParseError, ChildPugh, Criterion, History};
pub use self::date::{Date, DateParseError};
pub use self::dosing::{Dose, DoseBasis, DoseUnit, Phase, Regimen};
pub use self::entity::{Entity, EntityKind};
pub(crate) use self::entity::{MAX_ALIASES, Named};
pub(crate) use self::error::max_distance;
pub use self::error::{IdKind, ParseIdError};
pub use self::evidence::Evidence;
pub use self::frequency::{Frequency, Study};
pub use self::indication::Indication;
pub use self::interaction::{
    Interactant, InteractantRecord, Interaction, InteractionEffect, Severity,
};
pub use self::mechanism::{Certainty, Mechanism, MechanismStep};
pub use self::medicine::{BrandRecord, MedicineRecord, Membership, MembershipBasis};
pub use self::monitoring::{Monitoring, MonitoringKind};
pub use self::patient::{Assessment, Fact, Patient};
pub use self::percent::PercentRange;
pub use self::population::{Population, PopulationGuidance, Recommendation};
pub use self::regulatory::{
    Jurisdiction, JurisdictionStatus, Regulatory, RegulatoryStatus, UseStatus,
};
pub use self::review::{Gap, GapStatus, Review, Topic};
pub use self::risk::{Course, Risk, RiskBasis, RiskRecord, RiskScope};
pub use self::route::{
    Bioavailability, Prevalence, PrevalenceLevel, Route, RouteRecord, Setting, SettingKind,
};
pub use self::source::{Source, SourceKind, Tier};
pub use self::sourced::{Sourced, SourcedText};
pub use self::span::{Bound, Span, SpanParseError, Timing};
pub use self::standing::Standing;
