//! One agent's view of a risk: its standing for that agent and route, and that
//! agent's figures only. A risk record is shared by the agents; a view of one agent
//! never shows another agent's rates.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::loader::KnowledgeBase;
use crate::model::{
    Agent, Frequency, Risk, RiskBasis, RiskRecord, Route, Sourced, SourcedText, Standing, Timing,
};

/// The agent is not given by the route in this data, so nothing can be said about it;
/// an answer to that question is not an empty list.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let Err(err) = kb.risks_of(Agent::Esketamine, Route::Oral) else { unreachable!() };
/// assert_eq!(err.agent(), Agent::Esketamine);
/// assert!(err.to_string().starts_with("esketamine is not given by the oral route"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{agent} is not given by the {route} route in this data; its routes: {valid}")]
pub struct NotGivenBy {
    agent: Agent,
    route: Route,
    valid: String,
}

impl NotGivenBy {
    pub(crate) fn check(kb: &KnowledgeBase, agent: Agent, route: Route) -> Result<(), Self> {
        let record = kb.agent(agent);
        if record.is_given_by(route) {
            return Ok(());
        }
        let valid: Vec<&str> = record.routes().iter().map(|r| r.route().id()).collect();
        Err(NotGivenBy {
            agent,
            route,
            valid: valid.join(", "),
        })
    }

    /// The agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let Err(err) = KnowledgeBase::embedded().risks_of(Agent::Esketamine, Route::Oral) else { unreachable!() };
    /// assert_eq!(err.agent(), Agent::Esketamine);
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route asked for.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let Err(err) = KnowledgeBase::embedded().risks_of(Agent::Esketamine, Route::Oral) else { unreachable!() };
    /// assert_eq!(err.route(), Route::Oral);
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }
}

/// A risk as it applies to one agent given by one route: the record's shared
/// description, this agent's standing and basis, and this agent's figures only.
///
/// It serialises to that view (no other agent's scope or rate), for the JSON an app
/// shows about one agent.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// for r in kb.risks_of(Agent::RacemicKetamine, Route::Oral)? {
///     assert!(r.frequencies().all(|f| f.agent() == Agent::RacemicKetamine));
///     println!("[{}] {}", r.standing(), r.name());
/// }
/// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgentRisk<'a> {
    record: &'a RiskRecord,
    agent: Agent,
    route: Route,
}

impl<'a> AgentRisk<'a> {
    /// The risk.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::RacemicKetamine, Route::Oral)?.any(|r| r.risk() == Risk::Dissociation));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn risk(&self) -> Risk {
        self.record.id()
    }

    /// The shared record (every agent's scopes and figures).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let r = kb.risks_of(Agent::Esketamine, Route::Intranasal)?.next().unwrap();
    /// assert_eq!(r.record().id(), r.risk());
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn record(&self) -> &'a RiskRecord {
        self.record
    }

    /// The agent of the view.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.all(|r| r.agent() == Agent::Esketamine));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route of the view.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.all(|r| r.route() == Route::Intranasal));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// The risk's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.all(|r| !r.name().is_empty()));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn name(&self) -> &'a str {
        self.record.name()
    }

    /// The risk's description.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.all(|r| !r.description().is_empty()));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn description(&self) -> &'a str {
        self.record.description()
    }

    /// The most serious basis on which it applies to this agent by this route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::RiskBasis;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let d = kb.risks_of(Agent::RacemicKetamine, Route::Oral)?.find(|r| r.risk() == Risk::Dissociation).unwrap();
    /// assert_eq!(d.basis(), RiskBasis::ClassEffect);
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn basis(&self) -> RiskBasis {
        self.record
            .basis_for(self.agent, self.route)
            .unwrap_or(RiskBasis::Observed)
    }

    /// Its standing for this agent (from [`AgentRisk::basis`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let first = kb.risks_of(Agent::Esketamine, Route::Intranasal)?.next().unwrap();
    /// assert_eq!(first.standing(), Standing::BoxedWarning);
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn standing(&self) -> Standing {
        self.basis().standing()
    }

    /// This agent's figures only, current ones first, those of this route before
    /// those measured by another.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let d = kb.risks_of(Agent::Esketamine, Route::Intranasal)?.find(|r| r.risk() == Risk::Dissociation).unwrap();
    /// let first = d.frequencies().next().unwrap();
    /// assert!(!first.is_superseded());
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn frequencies(&self) -> impl Iterator<Item = &'a Frequency> + 'a {
        let (agent, route) = (self.agent, self.route);
        let all = self.record.frequencies();
        let pass = move |superseded: bool, same_route: bool| {
            all.iter().filter(move |f| {
                f.agent() == agent
                    && f.is_superseded() == superseded
                    && (f.route() == route) == same_route
            })
        };
        pass(false, true)
            .chain(pass(false, false))
            .chain(pass(true, true))
            .chain(pass(true, false))
    }

    /// How the risk is monitored or reduced, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.any(|r| r.mitigation().is_some()));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn mitigation(&self) -> Option<&'a SourcedText> {
        self.record.mitigation()
    }

    /// When it starts, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.any(|r| r.onset().is_some()));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn onset(&self) -> Option<&'a Timing> {
        self.record.onset()
    }

    /// How long it lasts, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Intranasal)?.any(|r| r.duration().is_some()));
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn duration(&self) -> Option<&'a Timing> {
        self.record.duration()
    }

    /// The sources of this agent's scopes: what the view's standing rests on.
    fn view_sources(&self) -> Vec<&'a String> {
        let mut out: Vec<&'a String> = Vec::new();
        let scopes = self
            .record
            .applies()
            .iter()
            .filter(|s| s.agent() == self.agent);
        for id in scopes.flat_map(Sourced::sources) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

impl Sourced for AgentRisk<'_> {
    /// The sources of the record (use [`AgentRisk::frequencies`] for the figures').
    fn sources(&self) -> &[String] {
        self.record.sources()
    }
}

impl Serialize for AgentRisk<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Freqs<'a>(AgentRisk<'a>);
        impl Serialize for Freqs<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.frequencies())
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.risk())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("description", self.description())?;
        map.serialize_entry("agent", &self.agent)?;
        map.serialize_entry("route", &self.route)?;
        map.serialize_entry("standing", &self.standing())?;
        map.serialize_entry("basis", &self.basis())?;
        if let Some(t) = self.onset() {
            map.serialize_entry("onset", t)?;
        }
        if let Some(t) = self.duration() {
            map.serialize_entry("duration", t)?;
        }
        map.serialize_entry("frequencies", &Freqs(*self))?;
        if let Some(m) = self.mitigation() {
            map.serialize_entry("mitigation", m)?;
        }
        map.serialize_entry("sources", &self.view_sources())?;
        map.end()
    }
}

impl KnowledgeBase {
    /// The risks of one agent given by one route, most serious first, each as that
    /// agent's view ([`AgentRisk`]: its standing and its figures only).
    ///
    /// # Errors
    ///
    /// [`NotGivenBy`] when the agent is not given by the route in this data: that is
    /// an answer of its own, not an empty list.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let oral: Vec<Risk> = kb.risks_of(Agent::RacemicKetamine, Route::Oral)?.map(|r| r.risk()).collect();
    /// assert!(oral.contains(&Risk::Dissociation));
    /// assert!(kb.risks_of(Agent::Esketamine, Route::Oral).is_err());
    /// # Ok::<(), ketamine_therapy::query::NotGivenBy>(())
    /// ```
    pub fn risks_of(
        &self,
        agent: Agent,
        route: Route,
    ) -> Result<impl Iterator<Item = AgentRisk<'_>>, NotGivenBy> {
        NotGivenBy::check(self, agent, route)?;
        Ok(self.risks_for(agent, route).map(move |record| AgentRisk {
            record,
            agent,
            route,
        }))
    }
}
