//! The records: each entity's record by its identity, every record in order, and the
//! bibliography.

use crate::loader::KnowledgeBase;
use crate::model::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    GroupRecord, Mechanism, Risk, RiskRecord, Route, RouteRecord, Source,
};

impl KnowledgeBase {
    /// The record of an agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.agent(Agent::Esketamine).name(), "esketamine");
    /// ```
    pub fn agent(&self, agent: Agent) -> &AgentRecord {
        agent.pick(&self.agents)
    }

    /// The record of a route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.route(Route::Intravenous).id(), Route::Intravenous);
    /// ```
    pub fn route(&self, route: Route) -> &RouteRecord {
        route.pick(&self.routes)
    }

    /// The record of a condition group.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.group(ConditionGroup::ChronicPain).name(), "chronic pain syndromes");
    /// ```
    pub fn group(&self, group: ConditionGroup) -> &GroupRecord {
        group.pick(&self.groups)
    }

    /// The record of a condition.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.condition(Condition::TreatmentResistantDepression).aliases().iter().any(|a| a == "TRD"));
    /// ```
    pub fn condition(&self, condition: Condition) -> &ConditionRecord {
        condition.pick(&self.conditions)
    }

    /// The record of a benefit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.benefit(Benefit::Neuroplasticity).qualifications().is_empty());
    /// ```
    pub fn benefit(&self, benefit: Benefit) -> &BenefitRecord {
        benefit.pick(&self.benefits)
    }

    /// The record of a risk.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::Course, KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.risk(Risk::Dissociation).course(), Course::Acute);
    /// ```
    pub fn risk(&self, risk: Risk) -> &RiskRecord {
        risk.pick(&self.risks)
    }

    /// A source of the bibliography by id (exact, case-sensitive), in O(log n).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.source("POPOVA-2019").is_some());
    /// assert!(kb.source("NO-SUCH-SOURCE").is_none());
    /// ```
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources
            .binary_search_by(|s| s.id().cmp(id))
            .ok()
            .and_then(|i| self.sources.get(i))
    }

    /// The sources cited by any fact, resolved (unknown ids cannot occur: the loader
    /// rejects them).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for source in kb.sources_of(kb.route(Route::Intramuscular)) {
    ///     println!("{source}");
    /// }
    /// ```
    pub fn sources_of<'a>(
        &'a self,
        fact: &'a dyn crate::Sourced,
    ) -> impl Iterator<Item = &'a Source> + 'a {
        fact.sources().iter().filter_map(|id| self.source(id))
    }

    /// Every agent record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(ketamine_therapy::KnowledgeBase::embedded().agents().count(), 2);
    /// ```
    pub fn agents(&self) -> impl ExactSizeIterator<Item = &AgentRecord> {
        self.agents.iter()
    }

    /// Every route record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(ketamine_therapy::KnowledgeBase::embedded().routes().count(), 6);
    /// ```
    pub fn routes(&self) -> impl ExactSizeIterator<Item = &RouteRecord> {
        self.routes.iter()
    }

    /// Every condition-group record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(ketamine_therapy::KnowledgeBase::embedded().groups().count(), 6);
    /// ```
    pub fn groups(&self) -> impl ExactSizeIterator<Item = &GroupRecord> {
        self.groups.iter()
    }

    /// Every condition record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(ketamine_therapy::KnowledgeBase::embedded().conditions().count(), 11);
    /// ```
    pub fn conditions(&self) -> impl ExactSizeIterator<Item = &ConditionRecord> {
        self.conditions.iter()
    }

    /// Every benefit record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(ketamine_therapy::KnowledgeBase::embedded().benefits().count(), 4);
    /// ```
    pub fn benefits(&self) -> impl ExactSizeIterator<Item = &BenefitRecord> {
        self.benefits.iter()
    }

    /// Every risk record, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    /// use strum::EnumCount;
    ///
    /// assert_eq!(KnowledgeBase::embedded().risks().count(), Risk::COUNT);
    /// ```
    pub fn risks(&self) -> impl ExactSizeIterator<Item = &RiskRecord> {
        self.risks.iter()
    }

    /// The bibliography, sorted by id.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.sources().any(|s| s.id() == "SEED-ARTICLE"));
    /// ```
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> {
        self.sources.iter()
    }

    /// The mechanism of action, with its qualification.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.mechanism().steps()[0].summary().contains("NMDA"));
    /// ```
    pub fn mechanism(&self) -> &Mechanism {
        &self.mechanism
    }

    /// The routes, highest bioavailability first (by the midpoint of the sourced
    /// range); routes with no sourced figure come last.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.routes_by_bioavailability()[0], Route::Intravenous);
    /// ```
    pub fn routes_by_bioavailability(&self) -> &[Route] {
        &self.index.routes_by_bioavailability
    }

    /// The routes, fastest acute onset first (by the shortest sourced onset); routes
    /// with no sourced onset come last.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.routes_by_onset()[0], Route::Intravenous);
    /// ```
    pub fn routes_by_onset(&self) -> &[Route] {
        &self.index.routes_by_onset
    }
}
