//! Agents (racemic ketamine, esketamine): their identity, routes, codes, controlled-
//! substance schedule and regulatory facts.

use crate::model::table::record_table;
use crate::model::{
    Code, CodeSystem, IdKind, Jurisdiction, ParseIdError, Regulatory, Review, Route, Sourced, Topic,
};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A ketamine agent. `Display` gives the canonical name; `FromStr` is ASCII
/// case-insensitive and also takes brand names and other aliases.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Agent;
///
/// assert_eq!("Spravato".parse::<Agent>()?, Agent::Esketamine);
/// assert_eq!("ketalar".parse::<Agent>()?, Agent::RacemicKetamine);
/// assert_eq!(Agent::Esketamine.to_string(), "esketamine");
/// assert!("aspirin".parse::<Agent>().is_err());
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
    parse_err_fn = agent_parse_error
)]
#[non_exhaustive]
pub enum Agent {
    /// Racemic (R,S)-ketamine, approved as an anaesthetic (Ketalar and generics).
    #[strum(
        to_string = "racemic ketamine",
        serialize = "racemic_ketamine",
        serialize = "ketamine",
        serialize = "Ketalar",
        serialize = "ketamine hydrochloride"
    )]
    RacemicKetamine,
    /// Esketamine, the S-enantiomer (Spravato nasal spray).
    #[strum(
        to_string = "esketamine",
        serialize = "Spravato",
        serialize = "S-ketamine",
        serialize = "Ketanest"
    )]
    Esketamine,
}

record_table!(Agent {
    RacemicKetamine => "racemic_ketamine",
    Esketamine => "esketamine",
});

fn agent_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Agent>(IdKind::Agent, input)
}

/// A route by which an agent is given, with the sources that show it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let routes: Vec<Route> = kb.agent(Agent::Esketamine).routes().iter().map(|r| r.route()).collect();
/// assert!(routes.contains(&Route::Intranasal));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentRoute {
    route: Route,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl AgentRoute {
    /// The route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::RacemicKetamine).routes().iter().any(|r| r.route() == Route::Oral));
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// How the agent is given by this route (product, setting), when it needs saying.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _notes: Vec<Option<&str>> = kb.agent(Agent::Esketamine).routes().iter().map(|r| r.note()).collect();
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for AgentRoute {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// A controlled-substance schedule in one jurisdiction.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let cs = kb.agent(Agent::Esketamine).controlled_substance().unwrap();
/// assert_eq!(cs.schedule(), "CIII");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlledSubstance {
    jurisdiction: Jurisdiction,
    schedule: String,
    sources: Vec<String>,
}

impl ControlledSubstance {
    /// Where the schedule applies.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.agent(Agent::RacemicKetamine).controlled_substance().unwrap().jurisdiction(), Jurisdiction::Us);
    /// ```
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// The schedule, as the regulator writes it (e.g. "CIII").
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.agent(Agent::RacemicKetamine).controlled_substance().unwrap().schedule(), "CIII");
    /// ```
    pub fn schedule(&self) -> &str {
        &self.schedule
    }
}

impl Sourced for ControlledSubstance {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Everything the crate knows about one [`Agent`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let esk = kb.agent(Agent::Esketamine);
/// assert_eq!(esk.id(), Agent::Esketamine);
/// assert_eq!(esk.enantiomer_of(), Some(Agent::RacemicKetamine));
/// assert!(esk.aliases().iter().any(|a| a == "Spravato"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentRecord {
    id: Agent,
    name: String,
    aliases: Vec<String>,
    description: String,
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    enantiomer_of: Option<Agent>,
    routes: Vec<AgentRoute>,
    codes: Vec<Code>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    controlled_substance: Option<ControlledSubstance>,
    regulatory: Vec<Regulatory>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reviewed: Vec<Review>,
}

impl AgentRecord {
    /// The agent this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().agent(Agent::RacemicKetamine).id(), Agent::RacemicKetamine);
    /// ```
    pub fn id(&self) -> Agent {
        self.id
    }

    /// The display name (the data's own, which a translation may change).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().agent(Agent::Esketamine).name(), "esketamine");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names: brands, salts, abbreviations.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(KnowledgeBase::embedded().agent(Agent::RacemicKetamine).aliases().iter().any(|a| a == "Ketalar"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the agent is, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().agent(Agent::Esketamine).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The racemate this agent is an enantiomer of, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().agent(Agent::RacemicKetamine).enantiomer_of(), None);
    /// ```
    pub fn enantiomer_of(&self) -> Option<Agent> {
        self.enantiomer_of
    }

    /// The routes by which the agent is given, per the sources.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(KnowledgeBase::embedded().agent(Agent::RacemicKetamine).routes().len() >= 5);
    /// ```
    pub fn routes(&self) -> &[AgentRoute] {
        &self.routes
    }

    /// Whether the sources record this agent being given by `route`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::Esketamine).is_given_by(Route::Intranasal));
    /// assert!(!kb.agent(Agent::Esketamine).is_given_by(Route::Oral));
    /// ```
    pub fn is_given_by(&self, route: Route) -> bool {
        self.routes.iter().any(|r| r.route == route)
    }

    /// Identifiers in standard code systems.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().agent(Agent::Esketamine).codes().is_empty());
    /// ```
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// The identifiers in one code system.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let atc = kb.agent(Agent::RacemicKetamine).codes_in(CodeSystem::Atc).next().unwrap();
    /// assert_eq!(atc.code(), "N01AX03");
    /// ```
    pub fn codes_in(&self, system: CodeSystem) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(move |c| c.system() == system)
    }

    /// The controlled-substance schedule, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(KnowledgeBase::embedded().agent(Agent::Esketamine).controlled_substance().is_some());
    /// ```
    pub fn controlled_substance(&self) -> Option<&ControlledSubstance> {
        self.controlled_substance.as_ref()
    }

    /// Regulatory approvals and their scope (for example "anaesthesia only").
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().agent(Agent::Esketamine).regulatory().is_empty());
    /// ```
    pub fn regulatory(&self) -> &[Regulatory] {
        &self.regulatory
    }

    /// The safety topics this data set checked for the agent, with the sources checked
    /// (see [`KnowledgeBase::documented`](crate::KnowledgeBase::documented)).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let esk = kb.agent(Agent::Esketamine);
    /// assert!(esk.reviewed().iter().any(|r| r.topic() == Topic::Contraindications));
    /// ```
    pub fn reviewed(&self) -> &[Review] {
        &self.reviewed
    }

    /// The review of one topic, if the data set checked it for this agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.agent(Agent::RacemicKetamine).review(Topic::Interactions).is_some());
    /// ```
    pub fn review(&self, topic: Topic) -> Option<&Review> {
        self.reviewed.iter().find(|r| r.topic() == topic)
    }
}

impl Sourced for AgentRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
