//! [`Monitoring`]: what must be watched before, during and after a session.

use crate::model::{Agent, Route, Sourced, Timing};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// What a monitoring requirement watches.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::MonitoringKind;
///
/// assert_eq!(MonitoringKind::BloodPressure.to_string(), "blood pressure");
/// assert_eq!("blood_pressure".parse::<MonitoringKind>(), Ok(MonitoringKind::BloodPressure));
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
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
pub enum MonitoringKind {
    /// Observation after a dose.
    #[strum(to_string = "observation")]
    Observation,
    /// Blood-pressure checks.
    #[strum(to_string = "blood pressure", serialize = "blood_pressure")]
    BloodPressure,
    /// Breathing and oxygen saturation.
    #[strum(to_string = "respiratory")]
    Respiratory,
    /// Vital signs in general.
    #[strum(to_string = "vital signs", serialize = "vital_signs")]
    VitalSigns,
    /// Driving and machinery.
    #[strum(to_string = "driving")]
    Driving,
    /// A regulatory program (REMS).
    #[strum(to_string = "program")]
    Program,
    /// Equipment that must be at hand.
    #[strum(to_string = "equipment")]
    Equipment,
}

/// A monitoring requirement or practice for an agent and its routes.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::MonitoringKind, Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let obs = kb.monitoring(Agent::Esketamine).find(|m| m.kind() == MonitoringKind::Observation).unwrap();
/// assert_eq!(obs.timing().unwrap().min().to_string(), "2h");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    agent: Agent,
    routes: Vec<Route>,
    kind: MonitoringKind,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timing: Option<Timing>,
    sources: Vec<String>,
}

impl Monitoring {
    /// The agent monitored.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::RacemicKetamine).all(|m| m.agent() == Agent::RacemicKetamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The routes the requirement covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).all(|m| m.routes().contains(&Route::Intranasal)));
    /// ```
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// What is monitored.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::MonitoringKind, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).any(|m| m.kind() == MonitoringKind::BloodPressure));
    /// ```
    pub fn kind(&self) -> MonitoringKind {
        self.kind
    }

    /// The requirement, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).all(|m| !m.text().is_empty()));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How long or when, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).any(|m| m.timing().is_some()));
    /// ```
    pub fn timing(&self) -> Option<&Timing> {
        self.timing.as_ref()
    }
}

impl Sourced for Monitoring {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
