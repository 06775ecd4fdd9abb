//! The safety picture of an agent: risks, contraindications, interactions,
//! populations, dosing regimens and monitoring.

use crate::loader::KnowledgeBase;
use crate::model::{
    Agent, Condition, Contraindication, GapStatus, Interactant, InteractantRecord, Interaction,
    Monitoring, Population, PopulationGuidance, Regimen, Risk, RiskRecord, Route, Topic,
};
use crate::query::{ByAgent, Documented, Findings};

impl KnowledgeBase {
    /// The risks documented for an agent, a route, or both (`None` matches any).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let nasal: Vec<Risk> = kb.risks_for(Agent::Esketamine, Route::Intranasal).map(|r| r.id()).collect();
    /// assert!(nasal.contains(&Risk::Dissociation));
    /// let any_oral = kb.risks_for(None, Route::Oral).count();
    /// let all = kb.risks_for(None, None).count();
    /// assert!(any_oral <= all);
    /// ```
    pub fn risks_for(
        &self,
        agent: impl Into<Option<Agent>>,
        route: impl Into<Option<Route>>,
    ) -> impl Iterator<Item = &RiskRecord> {
        let slot = |v: Option<usize>| v.map_or(0, |i| i + 1);
        let a = slot(agent.into().map(|a| a as usize));
        let r = slot(route.into().map(|r| r as usize));
        self.index
            .risks_by
            .get(a)
            .and_then(|row| row.get(r))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|risk| self.risk(*risk))
    }

    /// The contraindications of an agent. [`Findings::documented`] tells "the labels
    /// list none" apart from "not recorded in this data".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Documented, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let found = kb.contraindications(Agent::RacemicKetamine);
    /// assert!(matches!(found.documented(), Documented::Recorded(n) if n > 0));
    /// for c in found {
    ///     println!("{}", c.text());
    /// }
    /// ```
    pub fn contraindications(&self, agent: Agent) -> Findings<'_, Contraindication> {
        self.findings(agent, Topic::Contraindications, &self.contraindications)
    }

    /// The drug interactions of an agent, with what they do and how the label says to
    /// manage them. [`Findings::documented`] tells "none documented" apart from "not
    /// recorded".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for i in kb.interactions(Agent::RacemicKetamine) {
    ///     println!("{}: {} ({})", i.interactant(), i.effect(), i.management());
    /// }
    /// ```
    pub fn interactions(&self, agent: Agent) -> Findings<'_, Interaction> {
        self.findings(agent, Topic::Interactions, &self.interactions)
    }

    /// The interactions of every agent with one drug or class.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let with_opioids: Interactant = "opioids".parse()?;
    /// assert!(kb.interactions_with(with_opioids).count() >= 2);
    /// # Ok::<(), ketamine_therapy::ParseIdError>(())
    /// ```
    pub fn interactions_with(
        &self,
        interactant: Interactant,
    ) -> impl Iterator<Item = &Interaction> {
        self.interactions
            .iter()
            .filter(move |i| i.interactant() == interactant)
    }

    /// The record of one interacting drug or class.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.interactant(Interactant::Maois).id(), Interactant::Maois);
    /// ```
    pub fn interactant(&self, interactant: Interactant) -> &InteractantRecord {
        interactant.pick(&self.interactants)
    }

    /// Every interacting drug or class, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    /// use strum::EnumCount;
    ///
    /// assert_eq!(KnowledgeBase::embedded().interactants().len(), Interactant::COUNT);
    /// ```
    pub fn interactants(&self) -> impl ExactSizeIterator<Item = &InteractantRecord> {
        self.interactants.iter()
    }

    /// What the sources say about using an agent in special populations (pregnancy,
    /// lactation, children, older adults, organ impairment, ...), grouped by
    /// population.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Population};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.populations(Agent::Esketamine).any(|p| p.population() == Population::Pregnancy));
    /// ```
    pub fn populations(&self, agent: Agent) -> Findings<'_, PopulationGuidance> {
        self.findings(agent, Topic::Populations, &self.populations)
    }

    /// The published dosing regimens of an agent: labelled ones and off-label trial
    /// and guideline protocols. Reference data: the crate computes no dose for anyone.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for r in kb.regimens(Agent::Esketamine) {
    ///     println!("{:?} {}: {} {}", r.condition(), r.phase(), r.dose(), r.schedule());
    /// }
    /// ```
    pub fn regimens(&self, agent: Agent) -> Findings<'_, Regimen> {
        self.findings(agent, Topic::Dosing, &self.regimens)
    }

    /// The published dosing regimens used for one condition, by any agent and route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.regimens_for(Condition::TreatmentResistantDepression).count() >= 2);
    /// ```
    pub fn regimens_for(&self, condition: Condition) -> impl Iterator<Item = &Regimen> {
        condition
            .pick(&self.index.regimens_by_condition)
            .iter()
            .filter_map(|i| self.regimens.get(*i as usize))
    }

    /// Whether the data documents a topic for an agent: records exist, the sources
    /// were checked and document none, or nothing is recorded (an empty answer then
    /// means nothing).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Documented, KnowledgeBase, Sourced, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// match kb.documented(Agent::Esketamine, Topic::Risks) {
    ///     Documented::Recorded(n) => println!("{n} risks recorded"),
    ///     Documented::NoneDocumented(review) => println!("none in {:?}", review.sources()),
    ///     // `Documented` is non-exhaustive: other answers may be added.
    ///     _ => println!("not recorded in this data"),
    /// }
    /// ```
    pub fn documented(&self, agent: Agent, topic: Topic) -> Documented<'_> {
        let count = match topic {
            Topic::Risks => self.risks_for(agent, None).count(),
            Topic::Contraindications => self.by_agent(agent, &self.contraindications).len(),
            Topic::Interactions => self.by_agent(agent, &self.interactions).len(),
            Topic::Populations => self.by_agent(agent, &self.populations).len(),
            Topic::Dosing => self.by_agent(agent, &self.regimens).len(),
            Topic::Monitoring => self.by_agent(agent, &self.monitoring).len(),
        };
        Documented::new(count, self.agent(agent).review(topic))
    }

    /// Whether the data documents one item of a topic for an agent: a population
    /// ("renal impairment"), a risk or an interactant class. Records of the item:
    /// [`Documented::Recorded`]; its label section not read: [`Documented::NotRead`];
    /// the topic reviewed and the item absent: [`Documented::NoneDocumented`]; the topic
    /// not reviewed: [`Documented::NotRecorded`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Documented, KnowledgeBase, Population};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let pregnancy = kb.documented_for(Agent::Esketamine, Population::Pregnancy);
    /// assert!(matches!(pregnancy, Documented::Recorded(n) if n > 0));
    /// let renal = kb.documented_for(Agent::Esketamine, Population::RenalImpairment);
    /// println!("renal impairment: {renal}");
    /// ```
    pub fn documented_for(&self, agent: Agent, item: impl ReviewItem) -> Documented<'_> {
        let count = item.count(self, agent);
        let review = self.agent(agent).review(item.topic());
        match (count, review.and_then(|r| r.gap(item.id()))) {
            (0, Some(gap)) if gap.status() == GapStatus::NotRead => Documented::NotRead(gap),
            (n, _) => Documented::new(n, review),
        }
    }

    /// The records of one agent in a table sorted by agent.
    fn by_agent<'a, T: ByAgent>(&self, agent: Agent, table: &'a [T]) -> &'a [T] {
        let start = table.partition_point(|x| x.by_agent() < agent);
        let end = table.partition_point(|x| x.by_agent() <= agent);
        table.get(start..end).unwrap_or_default()
    }

    fn findings<'a, T: ByAgent>(
        &'a self,
        agent: Agent,
        topic: Topic,
        table: &'a [T],
    ) -> Findings<'a, T> {
        let items = self.by_agent(agent, table);
        Findings {
            items: items.iter(),
            documented: Documented::new(items.len(), self.agent(agent).review(topic)),
        }
    }

    /// The monitoring requirements and practices for an agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for m in kb.monitoring(Agent::Esketamine) {
    ///     println!("{}: {}", m.kind(), m.text());
    /// }
    /// ```
    pub fn monitoring(&self, agent: Agent) -> impl Iterator<Item = &Monitoring> {
        self.by_agent(agent, &self.monitoring).iter()
    }

    /// The monitoring requirements for an agent given by one route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::MonitoringKind, Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring_for(Agent::Esketamine, Route::Intranasal).any(|m| m.kind() == MonitoringKind::Observation));
    /// ```
    pub fn monitoring_for(&self, agent: Agent, route: Route) -> impl Iterator<Item = &Monitoring> {
        let given = self.agent(agent).is_given_by(route);
        self.monitoring(agent)
            .filter(move |m| given && m.holds_on(route))
    }
}

/// An item of a reviewed topic that [`KnowledgeBase::documented_for`] answers for: a
/// [`Population`], a [`Risk`] or an [`Interactant`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::query::ReviewItem;
/// use ketamine_therapy::{Population, Topic};
///
/// assert_eq!(Population::Lactation.topic(), Topic::Populations);
/// assert_eq!(Population::Lactation.id(), "lactation");
/// ```
pub trait ReviewItem: Copy + sealed::Sealed {
    /// The topic the item belongs to.
    fn topic(self) -> Topic;
    /// The item's id, as a review's gaps name it.
    fn id(self) -> &'static str;
    /// How many records of the item the knowledge base holds for `agent`.
    #[doc(hidden)]
    fn count(self, kb: &KnowledgeBase, agent: Agent) -> usize;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Population {}
    impl Sealed for crate::Risk {}
    impl Sealed for crate::Interactant {}
}

impl ReviewItem for Population {
    fn topic(self) -> Topic {
        Topic::Populations
    }
    fn id(self) -> &'static str {
        Population::id(self)
    }
    fn count(self, kb: &KnowledgeBase, agent: Agent) -> usize {
        kb.populations(agent)
            .filter(|p| p.population() == self)
            .count()
    }
}

impl ReviewItem for Risk {
    fn topic(self) -> Topic {
        Topic::Risks
    }
    fn id(self) -> &'static str {
        Risk::id(self)
    }
    fn count(self, kb: &KnowledgeBase, agent: Agent) -> usize {
        usize::from(kb.risks_for(agent, None).any(|r| r.id() == self))
    }
}

impl ReviewItem for Interactant {
    fn topic(self) -> Topic {
        Topic::Interactions
    }
    fn id(self) -> &'static str {
        Interactant::id(self)
    }
    fn count(self, kb: &KnowledgeBase, agent: Agent) -> usize {
        kb.interactions(agent)
            .filter(|i| i.interactant() == self)
            .count()
    }
}
