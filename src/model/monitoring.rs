//! [`Monitoring`]: what must be watched before, during and after a session.

use crate::model::{Agent, Criterion, Jurisdiction, Route, Sourced, Standing, Timing};
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
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = monitoring_kind_parse_error)]
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
    /// Food and drink before a dose.
    #[strum(to_string = "food and drink", serialize = "fasting")]
    Fasting,
    /// Other medicines on a dosing day (their timing).
    #[strum(to_string = "other medicines", serialize = "concomitant_medication")]
    ConcomitantMedication,
    /// Laboratory tests (liver function, urine).
    #[strum(to_string = "laboratory tests", serialize = "laboratory")]
    Laboratory,
    /// Urinary and bladder symptoms.
    #[strum(to_string = "urinary symptoms", serialize = "urinary_tract")]
    UrinaryTract,
    /// The treatment schedule, such as what to do after missed sessions.
    #[strum(to_string = "schedule")]
    Schedule,
    /// Signs of abuse, misuse or dependence.
    #[strum(to_string = "abuse and misuse", serialize = "abuse_misuse")]
    AbuseMisuse,
    /// Worsening depression and suicidal thoughts or behaviour.
    #[strum(to_string = "suicidality")]
    Suicidality,
}

impl MonitoringKind {
    /// The stable snake-case id, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::MonitoringKind;
    ///
    /// assert_eq!(MonitoringKind::BloodPressure.id(), "blood_pressure");
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            MonitoringKind::Observation => "observation",
            MonitoringKind::BloodPressure => "blood_pressure",
            MonitoringKind::Respiratory => "respiratory",
            MonitoringKind::VitalSigns => "vital_signs",
            MonitoringKind::Driving => "driving",
            MonitoringKind::Program => "program",
            MonitoringKind::Equipment => "equipment",
            MonitoringKind::Fasting => "fasting",
            MonitoringKind::ConcomitantMedication => "concomitant_medication",
            MonitoringKind::Laboratory => "laboratory",
            MonitoringKind::UrinaryTract => "urinary_tract",
            MonitoringKind::Schedule => "schedule",
            MonitoringKind::AbuseMisuse => "abuse_misuse",
            MonitoringKind::Suicidality => "suicidality",
        }
    }
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
    standing: Standing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<Jurisdiction>,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timing: Option<Timing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    criteria: Vec<Criterion>,
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

    /// The routes the source states the requirement for. A label requirement
    /// ([`Standing::is_label`]) holds on every route the agent is given by, as label
    /// warnings do ([`KnowledgeBase::monitoring_for`](crate::KnowledgeBase::monitoring_for));
    /// a study finding only on these routes.
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

    /// Whether the requirement holds for `route`: on every route for a label statement,
    /// on the routes stated for a study finding. (Whether the agent is given by the
    /// route at all is the agent record's answer.)
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::RacemicKetamine).any(|m| m.holds_on(Route::Oral)));
    /// ```
    pub fn holds_on(&self, route: Route) -> bool {
        self.standing.is_label() || self.routes.contains(&route)
    }

    /// Where the requirement stands in the label (boxed warning, warning and
    /// precaution, other label statement) or whether it was observed in studies.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).any(|m| m.standing() == Standing::BoxedWarning));
    /// ```
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// The jurisdiction whose label states it, where only one regulator's does.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).any(|m| m.jurisdiction() == Some(Jurisdiction::Eu)));
    /// ```
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction
    }

    /// The patients the requirement concerns, as typed criteria (alternatives); empty
    /// when it concerns every patient.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring(Agent::Esketamine).any(|m| m.criteria().is_empty()));
    /// ```
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
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

fn monitoring_kind_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<MonitoringKind>(crate::model::IdKind::MonitoringKind, input)
}
