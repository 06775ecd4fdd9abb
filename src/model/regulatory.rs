//! Regulatory status: [`Jurisdiction`]s, the [`Regulatory`] facts per jurisdiction,
//! and the [`JurisdictionStatus`] a use has there.

use crate::model::{Date, IdKind, ParseIdError, Sourced};
use serde::{Deserialize, Serialize};
use std::fmt;
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A regulatory jurisdiction.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Jurisdiction;
///
/// assert_eq!("FDA".parse::<Jurisdiction>()?, Jurisdiction::Us);
/// assert_eq!(Jurisdiction::Eu.to_string(), "EU");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = ParseIdError,
    parse_err_fn = jurisdiction_parse_error
)]
#[non_exhaustive]
pub enum Jurisdiction {
    /// United States (FDA).
    #[strum(
        to_string = "US",
        serialize = "us",
        serialize = "USA",
        serialize = "FDA"
    )]
    Us,
    /// European Union (EMA / European Commission).
    #[strum(to_string = "EU", serialize = "eu", serialize = "EMA")]
    Eu,
    /// The United Kingdom (MHRA).
    #[strum(
        to_string = "UK",
        serialize = "uk",
        serialize = "GB",
        serialize = "MHRA"
    )]
    Uk,
    /// Canada (Health Canada).
    #[strum(to_string = "Canada", serialize = "ca", serialize = "Health Canada")]
    Ca,
    /// Australia (TGA).
    #[strum(to_string = "Australia", serialize = "au", serialize = "TGA")]
    Au,
}

fn jurisdiction_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Jurisdiction>(IdKind::Jurisdiction, input)
}

/// The regulatory status of a use in one jurisdiction.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::RegulatoryStatus;
///
/// assert_eq!(RegulatoryStatus::OffLabel.to_string(), "off-label");
/// assert_eq!("off_label".parse::<RegulatoryStatus>()?, RegulatoryStatus::OffLabel);
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = regulatory_status_parse_error)]
pub enum RegulatoryStatus {
    /// Approved by the regulator for this use.
    #[strum(to_string = "approved")]
    Approved,
    /// An approved product used for something its label does not cover.
    #[strum(to_string = "off-label", serialize = "off_label")]
    OffLabel,
    /// No approved product exists for this use (for example compounded products).
    #[strum(to_string = "unapproved")]
    Unapproved,
}

/// One regulatory fact: a status in a jurisdiction, with its date and scope.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::RegulatoryStatus, Agent, Condition, Jurisdiction, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let trd = kb
///     .routes_for(Condition::TreatmentResistantDepression)
///     .iter()
///     .find(|i| i.agent() == Agent::Esketamine && i.route() == Route::Intranasal)
///     .unwrap();
/// let us = trd.regulatory_in(Jurisdiction::Us).next().unwrap();
/// assert_eq!(us.status(), RegulatoryStatus::Approved);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulatory {
    jurisdiction: Jurisdiction,
    status: RegulatoryStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<String>,
    sources: Vec<String>,
}

impl Regulatory {
    /// Where this status holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::Esketamine).regulatory().iter().any(|r| r.jurisdiction().to_string() == "EU"));
    /// ```
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// Approved, off-label or unapproved.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::RegulatoryStatus, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::RacemicKetamine).regulatory().iter().any(|r| r.status() == RegulatoryStatus::Approved));
    /// ```
    pub fn status(&self) -> RegulatoryStatus {
        self.status
    }

    /// The date of an approval, at the precision the source gives.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let first = kb.agent(Agent::Esketamine).regulatory().iter().filter_map(|r| r.date()).min().unwrap();
    /// assert_eq!(first.year(), 2019);
    /// ```
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// What the status covers, e.g. "anaesthesia only".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::RacemicKetamine).regulatory().iter().any(|r| r.scope().is_some()));
    /// ```
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }
}

impl Sourced for Regulatory {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Where a use stands in one jurisdiction: the answer of
/// [`Indication::status_in`](crate::Indication::status_in), with "not recorded" as a value of its own.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{RegulatoryStatus, UseStatus};
///
/// assert_eq!(UseStatus::from(RegulatoryStatus::OffLabel), UseStatus::OffLabel);
/// assert_eq!(UseStatus::NotRecorded.to_string(), "not recorded");
/// assert!(UseStatus::Approved.is_recorded());
/// assert!(!UseStatus::NotRecorded.is_recorded());
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = use_status_parse_error)]
pub enum UseStatus {
    /// A regulator in the jurisdiction approved this use.
    #[strum(to_string = "approved")]
    Approved,
    /// An approved product used for something its label does not cover.
    #[strum(to_string = "off-label", serialize = "off_label")]
    OffLabel,
    /// No approved product exists for this use in the jurisdiction.
    #[strum(to_string = "unapproved")]
    Unapproved,
    /// The data records nothing about this use in the jurisdiction.
    #[strum(to_string = "not recorded", serialize = "not_recorded")]
    NotRecorded,
}

impl UseStatus {
    /// Whether a status is recorded (anything but [`UseStatus::NotRecorded`]).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(ketamine_therapy::model::UseStatus::OffLabel.is_recorded());
    /// ```
    pub const fn is_recorded(self) -> bool {
        !matches!(self, UseStatus::NotRecorded)
    }
}

impl From<RegulatoryStatus> for UseStatus {
    fn from(status: RegulatoryStatus) -> Self {
        match status {
            RegulatoryStatus::Approved => UseStatus::Approved,
            RegulatoryStatus::OffLabel => UseStatus::OffLabel,
            RegulatoryStatus::Unapproved => UseStatus::Unapproved,
        }
    }
}

/// The status of one indication in one jurisdiction, from
/// [`Indication::status_in`](crate::Indication::status_in): the status, the date and scope of the fact that
/// governs it, and every recorded fact. It borrows; it allocates nothing.
///
/// It serialises (serde) as
/// `{"jurisdiction", "status", "date"?, "scope"?, "sources", "facts"}`.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::UseStatus, Condition, Jurisdiction, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// for ind in kb.routes_for(Condition::Ptsd) {
///     let status = ind.status_in(Jurisdiction::Us);
///     println!("{} by {}: {status}", ind.agent(), ind.route());
///     assert!(matches!(status.status(), UseStatus::OffLabel | UseStatus::Unapproved | UseStatus::NotRecorded));
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JurisdictionStatus<'a> {
    pub(crate) jurisdiction: Jurisdiction,
    pub(crate) status: UseStatus,
    pub(crate) governing: Option<&'a Regulatory>,
    pub(crate) facts: &'a [Regulatory],
    pub(crate) by_rule: bool,
}

impl<'a> JurisdictionStatus<'a> {
    /// The jurisdiction asked about.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::Ocd)[0];
    /// assert_eq!(ind.status_in(Jurisdiction::Eu).jurisdiction(), Jurisdiction::Eu);
    /// ```
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// Approved, off-label, unapproved or not recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::UseStatus, Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
    /// assert_eq!(ind.status_in(Jurisdiction::Eu).status(), UseStatus::Approved);
    /// ```
    pub fn status(&self) -> UseStatus {
        self.status
    }

    /// Whether the use is approved in the jurisdiction.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.routes_for(Condition::Ocd)[0].status_in(Jurisdiction::Us).is_approved());
    /// ```
    pub fn is_approved(&self) -> bool {
        self.status == UseStatus::Approved
    }

    /// The fact that decides the status (the first approval, where there is one);
    /// `None` when nothing is recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase, Sourced};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
    /// let fact = ind.status_in(Jurisdiction::Us).governing().unwrap();
    /// assert!(!fact.sources().is_empty());
    /// ```
    pub fn governing(&self) -> Option<&'a Regulatory> {
        self.governing
    }

    /// The date of the governing fact (for an approval, the first approval's date).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
    /// assert_eq!(ind.status_in(Jurisdiction::Eu).date().map(|d| d.year()), Some(2019));
    /// ```
    pub fn date(&self) -> Option<Date> {
        self.governing.and_then(Regulatory::date)
    }

    /// The scope of the governing fact, e.g. "adults, with an oral antidepressant".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
    /// assert!(ind.status_in(Jurisdiction::Us).scope().is_some());
    /// ```
    pub fn scope(&self) -> Option<&'a str> {
        self.governing.and_then(Regulatory::scope)
    }

    /// Whether the status follows from the rule rather than a fact about this use:
    /// where an agent has a label in the jurisdiction, a use outside its indications
    /// there is off-label (see
    /// [`KnowledgeBase::use_status`](crate::KnowledgeBase::use_status)); the governing
    /// fact is then the agent's authorisation.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::UseStatus;
    /// use ketamine_therapy::{Agent, Condition, Jurisdiction, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let uk = kb.use_status(Agent::RacemicKetamine, Route::Intravenous, Condition::Ptsd, Jurisdiction::Uk);
    /// assert_eq!(uk.status(), UseStatus::OffLabel);
    /// assert!(uk.by_rule());
    /// ```
    pub fn by_rule(&self) -> bool {
        self.by_rule
    }

    /// Every fact recorded for the jurisdiction, in data order (e.g. a first approval
    /// and a later change of scope).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
    /// assert!(ind.status_in(Jurisdiction::Us).facts().all(|r| r.jurisdiction() == Jurisdiction::Us));
    /// ```
    pub fn facts(&self) -> impl Iterator<Item = &'a Regulatory> + 'a {
        let jurisdiction = self.jurisdiction;
        self.facts
            .iter()
            .filter(move |r| r.jurisdiction == jurisdiction)
    }
}

impl fmt::Display for JurisdictionStatus<'_> {
    /// `approved (2019-03-05)`, `off-label`, `not recorded`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        if let Some(date) = self.date() {
            write!(f, " ({date})")?;
        }
        Ok(())
    }
}

impl Serialize for JurisdictionStatus<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;

        struct Facts<'a>(&'a JurisdictionStatus<'a>);
        impl Serialize for Facts<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.facts())
            }
        }

        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("jurisdiction", &self.jurisdiction)?;
        map.serialize_entry("status", &self.status)?;
        if self.by_rule {
            map.serialize_entry("by_rule", &true)?;
        }
        if let Some(date) = self.date() {
            map.serialize_entry("date", &date)?;
        }
        if let Some(scope) = self.scope() {
            map.serialize_entry("scope", scope)?;
        }
        let sources: &[String] = self.governing.map_or(&[], Sourced::sources);
        map.serialize_entry("sources", sources)?;
        map.serialize_entry("facts", &Facts(self))?;
        map.end()
    }
}

fn regulatory_status_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<RegulatoryStatus>(
        crate::model::IdKind::RegulatoryStatus,
        input,
    )
}

fn use_status_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<UseStatus>(crate::model::IdKind::UseStatus, input)
}
