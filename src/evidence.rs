//! Evidence levels, regulatory status and the core relation of the crate: the
//! [`Indication`], one (condition, agent, route) with the evidence behind it.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

use crate::error::{IdKind, ParseIdError};
use crate::values::{Date, Sourced};
use crate::{Agent, Condition, Route};

/// How strong the evidence for an indication is. Declared strongest first;
/// [`Ord`] makes the strongest level the greatest.
///
/// | level | meaning |
/// |---|---|
/// | `RegulatoryApproval` | a regulator approved this agent and route for this condition |
/// | `Strong` | several randomised trials and meta-analyses |
/// | `Mixed` | several randomised trials with mixed or limited results |
/// | `Limited` | one small randomised trial and/or open-label studies |
/// | `Insufficient` | case reports, negative or absent evidence |
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Evidence;
///
/// assert!(Evidence::RegulatoryApproval > Evidence::Strong);
/// assert!(Evidence::Limited > Evidence::Insufficient);
/// assert_eq!("mixed".parse::<Evidence>()?, Evidence::Mixed);
/// assert_eq!(Evidence::Strong.to_string(), "strong");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
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
#[strum(
    ascii_case_insensitive,
    parse_err_ty = ParseIdError,
    parse_err_fn = evidence_parse_error
)]
#[non_exhaustive]
pub enum Evidence {
    /// Approved by a regulator for this condition, agent and route.
    #[strum(
        to_string = "regulatory approval",
        serialize = "regulatory_approval",
        serialize = "approved"
    )]
    RegulatoryApproval,
    /// Several randomised controlled trials and meta-analyses.
    #[strum(to_string = "strong")]
    Strong,
    /// Several randomised trials with mixed or limited results.
    #[strum(to_string = "mixed")]
    Mixed,
    /// One small randomised trial and/or open-label studies.
    #[strum(to_string = "limited")]
    Limited,
    /// Case reports, negative or absent evidence.
    #[strum(to_string = "insufficient")]
    Insufficient,
}

fn evidence_parse_error(input: &str) -> ParseIdError {
    ParseIdError::new(IdKind::Evidence, input)
}

impl Evidence {
    /// 4 for regulatory approval down to 0 for insufficient.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Evidence;
    ///
    /// assert_eq!(Evidence::RegulatoryApproval.rank(), 4);
    /// assert_eq!(Evidence::Insufficient.rank(), 0);
    /// ```
    pub fn rank(self) -> u8 {
        match self {
            Evidence::RegulatoryApproval => 4,
            Evidence::Strong => 3,
            Evidence::Mixed => 2,
            Evidence::Limited => 1,
            Evidence::Insufficient => 0,
        }
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Evidence {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank())
    }
}

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
    ParseIdError::new(IdKind::Jurisdiction, input)
}

/// The regulatory status of a use in one jurisdiction.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::RegulatoryStatus;
///
/// assert_eq!(RegulatoryStatus::OffLabel.to_string(), "off-label");
/// assert_eq!("off_label".parse::<RegulatoryStatus>()?, RegulatoryStatus::OffLabel);
/// # Ok::<(), strum::ParseError>(())
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
/// use ketamine_therapy::{Agent, Condition, Jurisdiction, KnowledgeBase, RegulatoryStatus, Route};
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
    /// use ketamine_therapy::{Agent, KnowledgeBase, RegulatoryStatus};
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

/// One use of ketamine therapy: a condition treated with an agent by a route, with
/// the strength of the evidence, the regulatory status per jurisdiction, the key
/// studies, and a short note.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, KnowledgeBase, Sourced};
///
/// let kb = KnowledgeBase::embedded();
/// for ind in kb.routes_for(Condition::Ptsd) {
///     println!("{} {} via {}: {}", ind.condition(), ind.agent(), ind.route(), ind.evidence());
///     assert!(!ind.sources().is_empty());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indication {
    condition: Condition,
    agent: Agent,
    route: Route,
    evidence: Evidence,
    regulatory: Vec<Regulatory>,
    note: String,
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    negative_findings: Vec<String>,
}

impl Indication {
    /// The condition treated.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.routes_for(Condition::Ocd).iter().all(|i| i.condition() == Condition::Ocd));
    /// ```
    pub fn condition(&self) -> Condition {
        self.condition
    }

    /// The agent given.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.routes_for(Condition::TreatmentResistantDepression).iter().any(|i| i.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route of administration.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.routes_for(Condition::Ptsd).iter().any(|i| i.route() == Route::Intravenous));
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// How strong the evidence is.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Evidence, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let best = kb.routes_for(Condition::TreatmentResistantDepression)[0].evidence();
    /// assert_eq!(best, Evidence::RegulatoryApproval);
    /// ```
    pub fn evidence(&self) -> Evidence {
        self.evidence
    }

    /// The regulatory status in each jurisdiction a source covers (may be empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _n = kb.routes_for(Condition::Migraine)[0].regulatory().len();
    /// ```
    pub fn regulatory(&self) -> &[Regulatory] {
        &self.regulatory
    }

    /// The regulatory facts for one jurisdiction.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase, RegulatoryStatus};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let iv_ptsd = &kb.routes_for(Condition::Ptsd)[0];
    /// assert!(iv_ptsd.regulatory_in(Jurisdiction::Us).all(|r| r.status() != RegulatoryStatus::Approved));
    /// ```
    pub fn regulatory_in(&self, jurisdiction: Jurisdiction) -> impl Iterator<Item = &Regulatory> {
        self.regulatory
            .iter()
            .filter(move |r| r.jurisdiction == jurisdiction)
    }

    /// Whether a regulator in `jurisdiction` approved this use.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.routes_for(Condition::TreatmentResistantDepression)[0].is_approved_in(Jurisdiction::Us));
    /// assert!(!kb.routes_for(Condition::Ocd)[0].is_approved_in(Jurisdiction::Us));
    /// ```
    pub fn is_approved_in(&self, jurisdiction: Jurisdiction) -> bool {
        self.regulatory_in(jurisdiction)
            .any(|r| r.status == RegulatoryStatus::Approved)
    }

    /// Where this use stands in `jurisdiction`, as one value: approved, off-label,
    /// unapproved or not recorded, with the date and scope of the governing fact.
    ///
    /// When several facts are recorded for the jurisdiction, an approval governs over
    /// an off-label or unapproved entry, and the first approval (earliest date) over
    /// later ones (e.g. a later extension to monotherapy); every fact stays available
    /// through [`JurisdictionStatus::facts`]. Nothing is inferred: a jurisdiction with
    /// no recorded fact is [`UseStatus::NotRecorded`], not "unapproved".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Condition, Jurisdiction, KnowledgeBase, Route, UseStatus};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let trd = kb.routes_for(Condition::TreatmentResistantDepression);
    /// let spravato = trd.iter().find(|i| i.agent() == Agent::Esketamine && i.route() == Route::Intranasal).unwrap();
    /// let us = spravato.status_in(Jurisdiction::Us);
    /// assert_eq!(us.status(), UseStatus::Approved);
    /// assert_eq!(us.date().map(|d| d.to_string()).as_deref(), Some("2019-03-05"));
    /// assert!(us.facts().count() >= 1);
    /// // A jurisdiction with no recorded fact is "not recorded", never guessed.
    /// if let Some(bare) = kb.indications().find(|i| i.regulatory_in(Jurisdiction::Ca).next().is_none()) {
    ///     assert_eq!(bare.status_in(Jurisdiction::Ca).status(), UseStatus::NotRecorded);
    /// }
    ///
    /// let iv = trd.iter().find(|i| i.agent() == Agent::RacemicKetamine && i.route() == Route::Intravenous).unwrap();
    /// assert_eq!(iv.status_in(Jurisdiction::Us).status(), UseStatus::OffLabel);
    /// println!("US: {}", iv.status_in(Jurisdiction::Us));
    /// ```
    pub fn status_in(&self, jurisdiction: Jurisdiction) -> JurisdictionStatus<'_> {
        let rank = |r: &Regulatory| match r.status {
            RegulatoryStatus::Approved => 2u8,
            RegulatoryStatus::OffLabel => 1,
            RegulatoryStatus::Unapproved => 0,
        };
        // Strongest status first; among approvals the earliest date (an undated one
        // after every dated one); among equals the first in the data.
        let governing = self.regulatory_in(jurisdiction).reduce(|best, r| {
            let better = match rank(r).cmp(&rank(best)) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => match (r.date, best.date) {
                    (Some(a), Some(b)) => a < b,
                    (Some(_), None) => true,
                    _ => false,
                },
            };
            if better { r } else { best }
        });
        JurisdictionStatus {
            jurisdiction,
            status: governing.map_or(UseStatus::NotRecorded, |r| r.status.into()),
            governing,
            facts: &self.regulatory,
        }
    }

    /// A short summary of the evidence, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.routes_for(Condition::Crps)[0].note().is_empty());
    /// ```
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The sources (of those in [`Sourced::sources`]) that found no benefit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ptsd_negative: Vec<&String> = kb.routes_for(Condition::Ptsd).iter().flat_map(|i| i.negative_findings()).collect();
    /// assert!(ptsd_negative.iter().any(|s| s.as_str() == "ABDALLAH-2022"));
    /// ```
    pub fn negative_findings(&self) -> &[String] {
        &self.negative_findings
    }

    /// The identity of the record in error messages and overlays:
    /// `condition/agent/route` in snake case.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.routes_for(Condition::Ocd)[0].key(), "ocd/racemic_ketamine/intravenous");
    /// ```
    pub fn key(&self) -> String {
        indication_key(self.condition, self.agent, self.route)
    }

    /// The (condition, agent, route) triple that identifies this record.
    pub(crate) fn triple(&self) -> (Condition, Agent, Route) {
        (self.condition, self.agent, self.route)
    }
}

/// `condition/agent/route`, the key of an indication.
pub(crate) fn indication_key(condition: Condition, agent: Agent, route: Route) -> String {
    format!("{}/{}/{}", condition.id(), agent.id(), route.id())
}

impl Sourced for Indication {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Where a use stands in one jurisdiction: the answer of
/// [`Indication::status_in`], with "not recorded" as a value of its own.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{RegulatoryStatus, UseStatus};
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
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
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
    /// assert!(ketamine_therapy::UseStatus::OffLabel.is_recorded());
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
/// [`Indication::status_in`]: the status, the date and scope of the fact that
/// governs it, and every recorded fact. It borrows; it allocates nothing.
///
/// It serialises (serde) as
/// `{"jurisdiction", "status", "date"?, "scope"?, "sources", "facts"}`.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase, UseStatus};
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
    jurisdiction: Jurisdiction,
    status: UseStatus,
    governing: Option<&'a Regulatory>,
    facts: &'a [Regulatory],
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
    /// use ketamine_therapy::{Condition, Jurisdiction, KnowledgeBase, UseStatus};
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
