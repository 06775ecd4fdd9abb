//! The model: identity enums and the records that hold their attributes.

mod table;

mod agent;
mod benefit;
mod code;
mod condition;
mod contraindication;
mod date;
mod dosing;
mod entity;
mod error;
mod evidence;
mod indication;
mod interaction;
mod mechanism;
mod monitoring;
mod percent;
mod population;
mod regulatory;
mod review;
mod risk;
mod route;
mod source;
mod sourced;
mod span;

pub use self::agent::{Agent, AgentRecord, AgentRoute, ControlledSubstance};
pub use self::benefit::{Benefit, BenefitRecord, Qualification, QualificationKind};
pub use self::code::{Code, CodeSystem};
pub use self::condition::{Condition, ConditionGroup, ConditionRecord, GroupRecord};
pub use self::contraindication::Contraindication;
pub use self::date::{Date, DateParseError};
pub use self::dosing::{Dose, DoseBasis, DoseUnit, Phase, Regimen};
pub use self::entity::{Entity, EntityKind};
pub(crate) use self::entity::{MAX_ALIASES, Named};
pub use self::error::{IdKind, ParseIdError};
pub use self::evidence::Evidence;
pub use self::indication::Indication;
pub use self::interaction::{Interactant, InteractantRecord, Interaction, Severity};
pub use self::mechanism::{Certainty, Mechanism, MechanismStep};
pub use self::monitoring::{Monitoring, MonitoringKind};
pub use self::percent::PercentRange;
pub use self::population::{Population, PopulationGuidance, Recommendation};
pub use self::regulatory::{
    Jurisdiction, JurisdictionStatus, Regulatory, RegulatoryStatus, UseStatus,
};
pub use self::review::{Review, Topic};
pub use self::risk::{Course, Frequency, Risk, RiskBasis, RiskRecord, RiskScope};
pub use self::route::{
    Bioavailability, Prevalence, PrevalenceLevel, Route, RouteRecord, Setting, SettingKind,
};
pub use self::source::{Source, SourceKind, Tier};
pub use self::sourced::{Sourced, SourcedText};
pub use self::span::{Span, SpanParseError, Timing};
