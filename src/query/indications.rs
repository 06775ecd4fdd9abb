//! Which routes and agents suit a condition, on what evidence, and with what benefits.

use crate::loader::KnowledgeBase;
use crate::model::{
    Agent, BenefitRecord, Condition, ConditionGroup, Evidence, Indication, Jurisdiction,
    JurisdictionStatus, RegulatoryStatus, Route, UseStatus,
};

impl KnowledgeBase {
    /// The indications for a condition (one per agent and route), strongest evidence
    /// first. Each gives the route, agent, evidence, regulatory status and sources.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Evidence, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let ptsd = kb.routes_for(Condition::Ptsd);
    /// assert!(ptsd.windows(2).all(|w| w[0].evidence() >= w[1].evidence()));
    /// for i in ptsd {
    ///     println!("{} by {}: {} ({} sources)", i.agent(), i.route(), i.evidence(), i.sources().len());
    /// }
    /// # use ketamine_therapy::Sourced;
    /// ```
    pub fn routes_for(&self, condition: Condition) -> &[Indication] {
        let (start, end) = *condition.pick(&self.index.by_condition);
        self.indications.get(start..end).unwrap_or_default()
    }

    /// The conditions that have at least one indication by `route`, in declaration order.
    /// `c` is in `conditions_for(r)` exactly when an indication in `routes_for(c)` has
    /// route `r`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.conditions_for(Route::Intranasal).contains(&Condition::TreatmentResistantDepression));
    /// ```
    pub fn conditions_for(&self, route: Route) -> &[Condition] {
        route.pick(&self.index.conditions_by_route).as_slice()
    }

    /// The conditions of a group, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, ConditionGroup, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.conditions_in(ConditionGroup::Anxiety), &[Condition::GeneralizedAnxietyDisorder, Condition::SocialAnxietyDisorder]);
    /// ```
    pub fn conditions_in(&self, group: ConditionGroup) -> &[Condition] {
        group.pick(&self.index.conditions_by_group).as_slice()
    }

    /// All indications, grouped by condition and strongest first within a condition,
    /// as an iterator that can be narrowed with [`Indications::min_evidence`],
    /// [`Indications::agent`], [`Indications::route`] and [`Indications::approved_in`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Evidence, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let approved: Vec<_> = kb.indications().approved_in(Jurisdiction::Us).collect();
    /// assert!(approved.iter().all(|i| i.agent() == Agent::Esketamine));
    /// let strong = kb.indications().min_evidence(Evidence::Strong).count();
    /// assert!(strong >= approved.len());
    /// ```
    pub fn indications(&self) -> Indications<'_> {
        Indications {
            inner: self.indications.iter(),
            filter: Filter::default(),
        }
    }

    /// The regulatory status of a use (agent, route, condition) in a jurisdiction,
    /// by one rule for every agent: a fact about the use itself decides (approved,
    /// off-label, unapproved); otherwise, where the agent has a label in the
    /// jurisdiction, a use outside its indications there is off-label; where the data
    /// states that no product of the agent is authorised there, unapproved; else not
    /// recorded. [`JurisdictionStatus::by_rule`](crate::model::JurisdictionStatus::by_rule)
    /// says when the rule answered.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::UseStatus;
    /// use ketamine_therapy::{Agent, Condition, Jurisdiction, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let trd = Condition::TreatmentResistantDepression;
    /// let us = kb.use_status(Agent::Esketamine, Route::Intranasal, trd, Jurisdiction::Us);
    /// assert_eq!(us.status(), UseStatus::Approved);
    /// // Subcutaneous use has no product of its own for either agent: the same answer.
    /// let esk = kb.use_status(Agent::Esketamine, Route::Subcutaneous, trd, Jurisdiction::Us);
    /// let rac = kb.use_status(Agent::RacemicKetamine, Route::Subcutaneous, trd, Jurisdiction::Us);
    /// assert_eq!((esk.status(), rac.status()), (UseStatus::OffLabel, UseStatus::OffLabel));
    /// ```
    pub fn use_status(
        &self,
        agent: Agent,
        route: Route,
        condition: Condition,
        jurisdiction: Jurisdiction,
    ) -> JurisdictionStatus<'_> {
        let stated = self
            .routes_for(condition)
            .iter()
            .find(|i| i.agent() == agent && i.route() == route)
            .map(|i| i.status_in(jurisdiction))
            .filter(|s| s.status().is_recorded());
        if let Some(stated) = stated {
            return stated;
        }
        let facts = self.agent(agent).regulatory();
        let earliest = |status: RegulatoryStatus| {
            facts
                .iter()
                .filter(|r| r.jurisdiction() == jurisdiction && r.status() == status)
                .min_by_key(|r| r.date().map_or((1, None), |d| (0, Some(d))))
        };
        let (status, governing) = match (
            earliest(RegulatoryStatus::Approved),
            earliest(RegulatoryStatus::Unapproved),
        ) {
            (Some(label), _) => (UseStatus::OffLabel, Some(label)),
            (None, Some(none)) => (UseStatus::Unapproved, Some(none)),
            (None, None) => (UseStatus::NotRecorded, None),
        };
        JurisdictionStatus {
            jurisdiction,
            status,
            governing,
            facts,
            by_rule: governing.is_some(),
        }
    }

    /// The benefits that concern a condition.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let b: Vec<Benefit> = kb.benefits_for(Condition::TreatmentResistantDepression).map(|b| b.id()).collect();
    /// assert!(b.contains(&Benefit::RapidRelief));
    /// ```
    pub fn benefits_for(&self, condition: Condition) -> impl Iterator<Item = &BenefitRecord> {
        condition
            .pick(&self.index.benefits_by_condition)
            .iter()
            .map(|b| self.benefit(*b))
    }
}

/// The iterator of [`KnowledgeBase::indications`], with optional filters.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Evidence, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let n = kb.indications().route(Route::Intravenous).min_evidence(Evidence::Mixed).count();
/// assert!(n > 0);
/// ```
#[derive(Debug, Clone)]
pub struct Indications<'a> {
    inner: std::slice::Iter<'a, Indication>,
    filter: Filter,
}

#[derive(Debug, Clone, Copy, Default)]
struct Filter {
    min_evidence: Option<Evidence>,
    agent: Option<Agent>,
    route: Option<Route>,
    approved_in: Option<Jurisdiction>,
}

impl Filter {
    #[inline]
    fn keeps(&self, i: &Indication) -> bool {
        self.min_evidence.is_none_or(|e| i.evidence() >= e)
            && self.agent.is_none_or(|a| i.agent() == a)
            && self.route.is_none_or(|r| i.route() == r)
            && self.approved_in.is_none_or(|j| i.is_approved_in(j))
    }
}

impl Indications<'_> {
    /// Keeps indications with at least this evidence.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Evidence, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.indications().min_evidence(Evidence::Strong).all(|i| i.evidence() >= Evidence::Strong));
    /// ```
    pub fn min_evidence(mut self, level: Evidence) -> Self {
        self.filter.min_evidence = Some(level);
        self
    }

    /// Keeps indications of this agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.indications().agent(Agent::Esketamine).all(|i| i.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(mut self, agent: Agent) -> Self {
        self.filter.agent = Some(agent);
        self
    }

    /// Keeps indications by this route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.indications().route(Route::Oral).all(|i| i.route() == Route::Oral));
    /// ```
    pub fn route(mut self, route: Route) -> Self {
        self.filter.route = Some(route);
        self
    }

    /// Keeps indications a regulator in this jurisdiction approved.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.indications().approved_in(Jurisdiction::Eu).count() >= 1);
    /// ```
    pub fn approved_in(mut self, jurisdiction: Jurisdiction) -> Self {
        self.filter.approved_in = Some(jurisdiction);
        self
    }
}

impl<'a> Iterator for Indications<'a> {
    type Item = &'a Indication;

    // Inlined across crates so the caller's loop keeps the iterator in registers;
    // without it each element costs a call (measured 4x the static slice).
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let filter = self.filter;
        self.inner.find(|i| filter.keeps(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.inner.size_hint().1)
    }
}
