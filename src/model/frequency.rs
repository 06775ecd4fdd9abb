//! [`Frequency`]: how often a risk occurred, measured for one agent and route, with
//! the [`Study`] population behind the figure and whether a newer figure supersedes it.

use serde::{Deserialize, Serialize};

use crate::model::{Agent, Condition, PercentRange, Route, Sourced};

/// How often a risk occurred in a population, with the placebo rate where reported.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Risk};
///
/// let kb = KnowledgeBase::embedded();
/// for f in kb.risk(Risk::Dissociation).frequencies() {
///     println!("{} {}: {} ({:?} on placebo)", f.agent(), f.route(), f.percent(), f.placebo_percent());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    agent: Agent,
    route: Route,
    percent: PercentRange,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    placebo_percent: Option<PercentRange>,
    context: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    study: Option<Study>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    superseded_by: Option<String>,
    sources: Vec<String>,
}

impl Frequency {
    /// A figure with its required fields; the optional ones are set with the
    /// `with_` methods (used by overlays).
    pub(crate) fn new(
        (agent, route): (Agent, Route),
        percent: PercentRange,
        context: String,
        sources: Vec<String>,
    ) -> Self {
        Frequency {
            agent,
            route,
            percent,
            placebo_percent: None,
            context,
            study: None,
            superseded_by: None,
            sources,
        }
    }

    pub(crate) fn with_extras(
        mut self,
        placebo_percent: Option<PercentRange>,
        study: Option<Study>,
        superseded_by: Option<String>,
    ) -> Self {
        self.placebo_percent = placebo_percent;
        self.study = study;
        self.superseded_by = superseded_by;
        self
    }

    /// The agent studied.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::Dissociation).frequencies().iter().any(|f| f.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route studied.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::Dissociation).frequencies().iter().any(|f| f.route() == Route::Intranasal));
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// The share of treated patients affected, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::Sedation).frequencies().iter().all(|f| f.percent().max() <= 100.0));
    /// ```
    pub fn percent(&self) -> PercentRange {
        self.percent
    }

    /// The share affected on placebo, where the source reports it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::NauseaVomiting).frequencies().iter().any(|f| f.placebo_percent().is_some()));
    /// ```
    pub fn placebo_percent(&self) -> Option<PercentRange> {
        self.placebo_percent
    }

    /// The population, dose and measure behind the figure.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.risk(Risk::Dissociation).frequencies()[0].context().is_empty());
    /// ```
    pub fn context(&self) -> &str {
        &self.context
    }
    /// The study population behind the figure: the label table or trial, its
    /// indication and arm sizes; `None` where the source gives no more than the
    /// context says.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let with_arms = kb.risk(Risk::Dissociation).frequencies().iter()
    ///     .filter_map(|f| f.study())
    ///     .any(|s| s.n().is_some());
    /// assert!(with_arms);
    /// ```
    pub fn study(&self) -> Option<&Study> {
        self.study.as_ref()
    }

    /// The id of the source whose newer figure supersedes this one (a later version
    /// of the same label), if any. The current figure leads; a superseded one is kept,
    /// with its version, for the record.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for f in kb.risks().flat_map(|r| r.frequencies()) {
    ///     if let Some(id) = f.superseded_by() {
    ///         assert!(kb.source(id).is_some());
    ///     }
    /// }
    /// ```
    pub fn superseded_by(&self) -> Option<&str> {
        self.superseded_by.as_deref()
    }

    /// Whether a newer figure supersedes this one.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks().flat_map(|r| r.frequencies()).any(|f| !f.is_superseded()));
    /// ```
    pub fn is_superseded(&self) -> bool {
        self.superseded_by.is_some()
    }
}

impl Sourced for Frequency {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// The study population behind a [`Frequency`]: the label table or trial, the
/// indication, and the arm sizes with the comparator.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Risk};
///
/// let kb = KnowledgeBase::embedded();
/// for s in kb.risk(Risk::Dissociation).frequencies().iter().filter_map(|f| f.study()) {
///     println!("{} (n={:?} vs {:?} on {:?})", s.name(), s.n(), s.comparator_n(), s.comparator());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    indication: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparator_n: Option<u32>,
}

impl Study {
    /// The label table or trial: "US label 2019, pooled 4-week TRD trials".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks().flat_map(|r| r.frequencies()).filter_map(|f| f.study()).all(|s| !s.name().is_empty()));
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The condition the study population had, if one of the crate's.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let trd = kb.risks().flat_map(|r| r.frequencies()).filter_map(|f| f.study())
    ///     .any(|s| s.indication() == Some(Condition::TreatmentResistantDepression));
    /// assert!(trd);
    /// ```
    pub fn indication(&self) -> Option<Condition> {
        self.indication
    }

    /// How many patients received the agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks().flat_map(|r| r.frequencies()).filter_map(|f| f.study()).all(|s| s.n() != Some(0)));
    /// ```
    pub fn n(&self) -> Option<u32> {
        self.n
    }

    /// What the comparison arm received (placebo, midazolam, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks().flat_map(|r| r.frequencies()).filter_map(|f| f.study()).any(|s| s.comparator().is_some()));
    /// ```
    pub fn comparator(&self) -> Option<&str> {
        self.comparator.as_deref()
    }

    /// How many patients were in the comparison arm.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risks().flat_map(|r| r.frequencies()).filter_map(|f| f.study()).any(|s| s.comparator_n().is_some()));
    /// ```
    pub fn comparator_n(&self) -> Option<u32> {
        self.comparator_n
    }
}
