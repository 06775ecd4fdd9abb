//! Every question the knowledge base answers. Each query borrows from the knowledge
//! base and returns a slice, a reference or a lazy iterator: none allocates.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::error::LookupError;
use crate::loader::KnowledgeBase;
use crate::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    Contraindication, Entity, Evidence, GroupRecord, Indication, Interactant, InteractantRecord,
    Interaction, Jurisdiction, Mechanism, Monitoring, PopulationGuidance, Regimen, Review, Risk,
    RiskRecord, Route, RouteRecord, Source, Topic,
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
    /// use ketamine_therapy::{Course, KnowledgeBase, Risk};
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
        self.regimens
            .iter()
            .filter(move |r| r.condition() == Some(condition))
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
        };
        Documented::new(count, self.agent(agent).review(topic))
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
    /// use ketamine_therapy::{Agent, KnowledgeBase, MonitoringKind, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.monitoring_for(Agent::Esketamine, Route::Intranasal).any(|m| m.kind() == MonitoringKind::Observation));
    /// ```
    pub fn monitoring_for(&self, agent: Agent, route: Route) -> impl Iterator<Item = &Monitoring> {
        self.monitoring(agent)
            .filter(move |m| m.routes().contains(&route))
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

    /// Finds the entity that has `text` as its name or one of its aliases. Covers
    /// agents, routes, condition groups, conditions, benefits and risks.
    ///
    /// Text is folded the way people type it: case is ignored (`ÉSKETAMINE`),
    /// compatibility forms count as their plain letters (full-width `ＴＲＤ`),
    /// diacritics and invisible characters are dropped (`ésketamine`), and any run of
    /// white space (including a no-break space), hyphens, dashes (`–`) and underscores
    /// counts as one space. ASCII text that names an entity allocates nothing.
    ///
    /// # Errors
    ///
    /// [`LookupError::Blank`] for an empty or blank text (no suggestions), otherwise
    /// [`LookupError::NotFound`] with up to three of the closest names.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.lookup("Spravato")?, Entity::Agent(Agent::Esketamine));
    /// assert_eq!(kb.lookup("I.V.")?, Entity::Route(Route::Intravenous));
    /// let miss = kb.lookup("spravto").unwrap_err();
    /// assert_eq!(miss.suggestions().next(), Some(Entity::Agent(Agent::Esketamine)));
    /// assert_eq!(kb.lookup("ÉSKETAMINE")?, Entity::Agent(Agent::Esketamine));
    /// assert_eq!(kb.lookup("Spravato\u{a0}")?, Entity::Agent(Agent::Esketamine));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn lookup(&self, text: &str) -> Result<Entity, LookupError> {
        self.index.names.lookup(text)
    }

    /// [`KnowledgeBase::lookup`] restricted to one kind of entity: the text must name
    /// an entity of kind `T`, and suggestions are of that kind only.
    ///
    /// # Errors
    ///
    /// [`LookupError::Blank`] for an empty text, otherwise
    /// [`LookupError::NotFound`] with up to three of the closest names of kind `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(
    ///     kb.lookup_as::<Condition>("ＴＲＤ")?,
    ///     Condition::TreatmentResistantDepression
    /// );
    /// // "oral" is a route, not a condition.
    /// assert!(kb.lookup_as::<Condition>("oral").is_err());
    /// assert_eq!(kb.lookup_as::<Route>("oral")?, Route::Oral);
    /// let miss = kb.lookup_as::<Condition>("ptds").unwrap_err();
    /// assert!(miss.suggestions().all(|e| matches!(e, Entity::Condition(_))));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn lookup_as<T: crate::EntityKind>(&self, text: &str) -> Result<T, LookupError> {
        self.index.names.lookup_as(text)
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

impl Serialize for KnowledgeBase {
    /// One JSON document with every section, loadable by
    /// [`KnowledgeBase::from_json_str`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("KnowledgeBase", 15)?;
        s.serialize_field("sources", &self.sources)?;
        s.serialize_field("agents", &self.agents)?;
        s.serialize_field("mechanism", &self.mechanism)?;
        s.serialize_field("routes", &self.routes)?;
        s.serialize_field("groups", &self.groups)?;
        s.serialize_field("conditions", &self.conditions)?;
        s.serialize_field("indications", &self.indications)?;
        s.serialize_field("benefits", &self.benefits)?;
        s.serialize_field("risks", &self.risks)?;
        s.serialize_field("contraindications", &self.contraindications)?;
        s.serialize_field("monitoring", &self.monitoring)?;
        s.serialize_field("interactants", &self.interactants)?;
        s.serialize_field("interactions", &self.interactions)?;
        s.serialize_field("populations", &self.populations)?;
        s.serialize_field("dosing", &self.regimens)?;
        s.end()
    }
}

/// Records sorted by agent, so that one agent's records are a slice.
pub(crate) trait ByAgent {
    fn by_agent(&self) -> Agent;
}

macro_rules! by_agent {
    ($($t:ty),+) => {$(
        impl ByAgent for $t {
            fn by_agent(&self) -> Agent {
                self.agent()
            }
        }
    )+};
}

by_agent!(
    Contraindication,
    Interaction,
    PopulationGuidance,
    Regimen,
    Monitoring
);

/// Whether the data documents a topic for an agent (see
/// [`KnowledgeBase::documented`]): records exist, the cited sources were checked and
/// document none, or the topic is not recorded, so that an empty list says nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, Documented, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let d = kb.interactions(Agent::Esketamine).documented();
/// assert!(d.is_known());
/// assert!(matches!(d, Documented::Recorded(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Documented<'a> {
    /// This many records.
    Recorded(usize),
    /// The topic was checked against the review's sources, and they document none.
    NoneDocumented(&'a Review),
    /// Nothing about the topic is recorded for the agent in this data.
    NotRecorded,
}

impl<'a> Documented<'a> {
    fn new(count: usize, review: Option<&'a Review>) -> Self {
        match (count, review) {
            (0, Some(review)) => Documented::NoneDocumented(review),
            (0, None) => Documented::NotRecorded,
            (n, _) => Documented::Recorded(n),
        }
    }

    /// Whether the answer is known: records exist or the sources document none.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Documented;
    ///
    /// assert!(!Documented::NotRecorded.is_known());
    /// assert!(Documented::Recorded(2).is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        !matches!(self, Documented::NotRecorded)
    }
}

impl fmt::Display for Documented<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Documented::Recorded(n) => write!(f, "{n} recorded"),
            Documented::NoneDocumented(_) => f.write_str("documented: none"),
            Documented::NotRecorded => f.write_str("not recorded in this data"),
        }
    }
}

/// The records of one agent on one safety topic, with whether the topic is documented:
/// an iterator that also tells an empty answer that means "none" from one that means
/// "not recorded". It borrows; it allocates nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let found = kb.populations(Agent::Esketamine);
/// println!("{}", found.documented());
/// assert_eq!(found.len(), found.clone().count());
/// ```
#[derive(Debug, Clone)]
pub struct Findings<'a, T> {
    items: std::slice::Iter<'a, T>,
    documented: Documented<'a>,
}

impl<'a, T> Findings<'a, T> {
    /// Whether the topic is documented for the agent (see [`Documented`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).documented().is_known());
    /// ```
    pub fn documented(&self) -> Documented<'a> {
        self.documented
    }

    /// The remaining records as a slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.contraindications(Agent::Esketamine).as_slice().is_empty());
    /// ```
    pub fn as_slice(&self) -> &'a [T] {
        self.items.as_slice()
    }
}

impl<'a, T> Iterator for Findings<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.items.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<T> ExactSizeIterator for Findings<'_, T> {}
