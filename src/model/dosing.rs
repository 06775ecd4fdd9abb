//! Dosing regimens as reference data: what labels state and what trials and guidelines
//! used. **Not a calculator**: nothing in this crate computes a dose for a person. A
//! regimen records a published dose range, its unit and schedule, and whether it is a
//! labelled use or an off-label protocol, with its sources.

use crate::model::{Agent, Condition, Jurisdiction, Route, Sourced, Timing};
use serde::{Deserialize, Serialize};
use std::fmt;
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// The unit of a dose.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::DoseUnit;
///
/// assert_eq!(DoseUnit::MgPerKg.to_string(), "mg/kg");
/// assert!(DoseUnit::MgPerKg.is_per_kg());
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = dose_unit_parse_error)]
pub enum DoseUnit {
    /// Milligrams.
    #[strum(to_string = "mg")]
    Mg,
    /// Milligrams per kilogram of body weight.
    #[strum(to_string = "mg/kg", serialize = "mg_per_kg")]
    MgPerKg,
    /// Milligrams per kilogram per hour (an infusion rate).
    #[strum(to_string = "mg/kg/h", serialize = "mg_per_kg_per_h")]
    MgPerKgPerH,
    /// Milligrams per hour (an infusion rate).
    #[strum(to_string = "mg/h", serialize = "mg_per_h")]
    MgPerH,
}

impl DoseUnit {
    /// Whether the dose is stated per kilogram of body weight.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!ketamine_therapy::model::DoseUnit::Mg.is_per_kg());
    /// ```
    pub const fn is_per_kg(self) -> bool {
        matches!(self, DoseUnit::MgPerKg | DoseUnit::MgPerKgPerH)
    }
}

/// A published dose range with its unit. `Display` prints `0.5 mg/kg` or `56-84 mg`.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// for r in kb.regimens(Agent::Esketamine) {
///     println!("{}", r.dose());
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    min: f64,
    max: f64,
    unit: DoseUnit,
}

impl Dose {
    /// The lower end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| r.dose().min() > 0.0));
    /// ```
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The upper end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| r.dose().max() >= r.dose().min()));
    /// ```
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The unit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::DoseUnit, Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let nasal = kb.regimens(Agent::Esketamine).filter(|r| r.route() == Route::Intranasal);
    /// assert!(nasal.into_iter().all(|r| r.dose().unit() == DoseUnit::Mg));
    /// ```
    pub fn unit(&self) -> DoseUnit {
        self.unit
    }
}

impl fmt::Display for Dose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{} {}", self.min, self.unit)
        } else {
            write!(f, "{}-{} {}", self.min, self.max, self.unit)
        }
    }
}

/// The phase of treatment a regimen belongs to.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Phase;
///
/// assert_eq!("induction".parse::<Phase>().unwrap(), Phase::Induction);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = phase_parse_error)]
pub enum Phase {
    /// One dose (an anaesthetic induction, a single infusion in a trial).
    #[strum(to_string = "single dose", serialize = "single")]
    Single,
    /// The first, more frequent phase of a course.
    #[strum(to_string = "induction")]
    Induction,
    /// Continued, less frequent dosing after induction.
    #[strum(to_string = "maintenance")]
    Maintenance,
    /// A fixed course of repeated doses (as in most trials).
    #[strum(to_string = "course")]
    Course,
}

/// What a regimen rests on.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::DoseBasis;
///
/// assert_eq!(DoseBasis::TrialProtocol.to_string(), "trial protocol");
/// assert!(DoseBasis::Label.is_labelled());
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = dose_basis_parse_error)]
pub enum DoseBasis {
    /// A regulator-approved label (the regimen is labelled in its jurisdiction).
    #[strum(to_string = "label")]
    Label,
    /// A clinical-practice guideline or consensus statement (off-label).
    #[strum(to_string = "guideline")]
    Guideline,
    /// The protocol of a trial (off-label).
    #[strum(to_string = "trial protocol", serialize = "trial_protocol")]
    TrialProtocol,
}

impl DoseBasis {
    /// Whether the regimen is labelled (as opposed to an off-label protocol).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!ketamine_therapy::model::DoseBasis::Guideline.is_labelled());
    /// ```
    pub const fn is_labelled(self) -> bool {
        matches!(self, DoseBasis::Label)
    }
}

/// One published regimen: agent, route, the condition it was used for, the phase, the
/// dose range and schedule, the population, and whether it is labelled or an off-label
/// protocol. Reference data, **not a dose for anyone**.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, Condition, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// for r in kb.regimens_for(Condition::TreatmentResistantDepression) {
///     let basis = if r.basis().is_labelled() { "labelled" } else { "off-label" };
///     println!("{} {} {}: {} {} ({basis})", r.agent(), r.route(), r.phase(), r.dose(), r.schedule());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regimen {
    agent: Agent,
    route: Route,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    condition: Option<Condition>,
    phase: Phase,
    dose: Dose,
    schedule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    administration: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration: Option<Timing>,
    population: String,
    basis: DoseBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Regimen {
    /// The agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| r.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).any(|r| r.route() == Route::Intranasal));
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// The condition the regimen was used for; `None` for anaesthesia, the labelled use
    /// of racemic ketamine, which is not a [`Condition`] of this crate.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| r.condition().is_some()));
    /// ```
    pub fn condition(&self) -> Option<Condition> {
        self.condition
    }

    /// The phase of treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::Phase, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).any(|r| r.phase() == Phase::Induction));
    /// ```
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The published dose range per administration (or infusion rate).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::RacemicKetamine).any(|r| r.dose().unit().is_per_kg()));
    /// ```
    pub fn dose(&self) -> Dose {
        self.dose
    }

    /// How often it is given, in words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| !r.schedule().is_empty()));
    /// ```
    pub fn schedule(&self) -> &str {
        &self.schedule
    }

    /// How long one administration takes (an infusion's length), where stated.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let iv = kb.regimens(Agent::RacemicKetamine).filter(|r| r.route() == Route::Intravenous);
    /// assert!(iv.into_iter().any(|r| r.administration().is_some()));
    /// ```
    pub fn administration(&self) -> Option<&Timing> {
        self.administration.as_ref()
    }

    /// How long the phase lasts, where stated.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).any(|r| r.duration().is_some()));
    /// ```
    pub fn duration(&self) -> Option<&Timing> {
        self.duration.as_ref()
    }

    /// The population the regimen applies to, in words ("adults").
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).all(|r| !r.population().is_empty()));
    /// ```
    pub fn population(&self) -> &str {
        &self.population
    }

    /// Whether it is labelled or an off-label protocol, and on what it rests.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::DoseBasis, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens(Agent::Esketamine).any(|r| r.basis() == DoseBasis::Label));
    /// ```
    pub fn basis(&self) -> DoseBasis {
        self.basis
    }

    /// The regulator whose label states a labelled regimen.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for r in kb.regimens(Agent::Esketamine) {
    ///     assert_eq!(r.jurisdiction().is_some(), r.basis().is_labelled());
    /// }
    /// ```
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction
    }

    /// A note on the regimen (titration, limits, what the trial found), where given.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for r in kb.regimens(Agent::RacemicKetamine) {
    ///     if let Some(note) = r.note() { println!("{note}"); }
    /// }
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Regimen {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn dose_unit_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<DoseUnit>(crate::model::IdKind::DoseUnit, input)
}

fn phase_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Phase>(crate::model::IdKind::Phase, input)
}

fn dose_basis_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<DoseBasis>(crate::model::IdKind::DoseBasis, input)
}
