//! The core relation of the crate: the [`Indication`], one (condition, agent, route)
//! with the evidence behind it and its regulatory status.

use crate::model::{
    Agent, Condition, Evidence, Jurisdiction, JurisdictionStatus, Regulatory, RegulatoryStatus,
    Route, Sourced, UseStatus,
};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

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
    /// use ketamine_therapy::{model::RegulatoryStatus, Condition, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let iv_ptsd = &kb.routes_for(Condition::Ptsd)[0];
    /// assert!(iv_ptsd.regulatory_in(Jurisdiction::Us).all(|r| r.status() != RegulatoryStatus::Approved));
    /// ```
    pub fn regulatory_in(&self, jurisdiction: Jurisdiction) -> impl Iterator<Item = &Regulatory> {
        self.regulatory
            .iter()
            .filter(move |r| r.jurisdiction() == jurisdiction)
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
            .any(|r| r.status() == RegulatoryStatus::Approved)
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
    /// This is what the indication's own facts say; [`KnowledgeBase::use_status`](crate::KnowledgeBase::use_status)
    /// also applies the rule for uses the facts do not name (off-label where the agent
    /// has a label in the jurisdiction).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::UseStatus, Agent, Condition, Jurisdiction, KnowledgeBase, Route};
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
        let rank = |r: &Regulatory| match r.status() {
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
                Ordering::Equal => match (r.date(), best.date()) {
                    (Some(a), Some(b)) => a < b,
                    (Some(_), None) => true,
                    _ => false,
                },
            };
            if better { r } else { best }
        });
        JurisdictionStatus {
            jurisdiction,
            status: governing.map_or(UseStatus::NotRecorded, |r| r.status().into()),
            governing,
            facts: &self.regulatory,
            by_rule: false,
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
