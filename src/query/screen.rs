//! Screening: one patient, their medicines, one agent and route in; every label
//! statement that applies out, most serious first, each with what matched it and its
//! sources; plus what could not be assessed and the names that did not resolve.
//!
//! **It informs; it never decides.** A screening lists what the labels and studies in
//! the data say about this patient; whether and how to treat is the clinician's
//! judgement. Nothing here computes or adjusts a dose.

use serde::Serialize;

use crate::loader::KnowledgeBase;
use crate::model::{
    Agent, Assessment, Contraindication, Criterion, Fact, Gap, GapStatus, Interactant, Interaction,
    MedicineRecord, Membership, Monitoring, Patient, PopulationGuidance, Route, Sourced, Standing,
    Topic,
};
use crate::query::{AgentRisk, Documented, LookupError, Medicine, NotGivenBy};
use crate::text::echo;

/// The most medicines one screening takes.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::query::{MAX_MEDICINES, ScreenError};
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let many = vec!["sertraline"; MAX_MEDICINES + 1];
/// let err = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), &many).unwrap_err();
/// assert!(matches!(err, ScreenError::TooManyMedicines { .. }));
/// ```
pub const MAX_MEDICINES: usize = 100;

/// The longest medicine name one screening takes, in bytes.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::query::{MAX_MEDICINE_BYTES, ScreenError};
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let long = "x".repeat(MAX_MEDICINE_BYTES + 1);
/// let err = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [long]).unwrap_err();
/// assert!(matches!(err, ScreenError::MedicineTooLong { index: 0, .. }));
/// ```
pub const MAX_MEDICINE_BYTES: usize = 200;

/// Why a screening could not be made.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::query::ScreenError;
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let err = kb.screen(Agent::Esketamine, Route::Oral, &Patient::new(), [""; 0]).unwrap_err();
/// assert!(matches!(&err, ScreenError::NotGivenBy(e) if e.agent() == Agent::Esketamine && e.route() == Route::Oral));
/// assert!(err.to_string().starts_with("esketamine is not given by the oral route in this data; its routes: intranasal"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScreenError {
    /// The agent is not given by the route in this data: nothing can apply.
    #[error(transparent)]
    NotGivenBy(#[from] NotGivenBy),
    /// More medicines than [`MAX_MEDICINES`].
    #[error("more than {limit} medicines given; at most {limit} can be screened at once")]
    TooManyMedicines {
        /// The limit.
        limit: usize,
    },
    /// A medicine name longer than [`MAX_MEDICINE_BYTES`].
    #[error("medicine {index} (`{echo}`) is {bytes} bytes long; at most {limit} bytes")]
    MedicineTooLong {
        /// Its position in the list, from 0.
        index: usize,
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
        /// A short, escaped echo of its start.
        echo: String,
    },
}

/// What a screening found: the applicable statements, most serious first; what needs
/// a fact that was not given; every medicine name as resolved or not; and the label
/// sections the data could not read for this agent.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{BloodPressure, Patient, Standing};
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let patient = Patient::new().age(42).blood_pressure(BloodPressure::new(165, 100));
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &patient, ["Xanax", "Adderall", "sertraline"])?;
/// // Most serious first.
/// assert!(s.findings().windows(2).all(|w| w[0].standing() <= w[1].standing()));
/// for f in s.findings() {
///     println!("[{}] {}", f.standing(), f.text());
/// }
/// assert!(s.unresolved().next().is_none());
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Screening<'a> {
    agent: Agent,
    route: Route,
    findings: Vec<Finding<'a>>,
    to_check: Vec<ToCheck<'a>>,
    medicines: Vec<MedicineOutcome<'a>>,
    not_assessed: Vec<NotAssessed<'a>>,
}

/// One statement that applies to the patient, with its standing and what matched it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::query::Item;
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["lorazepam"])?;
/// let i = s.findings().iter().find(|f| matches!(f.item(), Item::Interaction(_))).unwrap();
/// assert!(!i.sources().is_empty());
/// assert!(!i.matched().is_empty());
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Finding<'a> {
    standing: Standing,
    item: Item<'a>,
    matched: Vec<Matched<'a>>,
}

/// The statement a [`Finding`] or [`ToCheck`] is about.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::query::Item;
///
/// fn kind(item: &Item<'_>) -> &'static str {
///     match item {
///         Item::Contraindication(_) => "contraindication",
///         Item::Interaction(_) => "interaction",
///         Item::Population(_) => "population",
///         Item::Monitoring(_) => "monitoring",
///         Item::Risk(_) => "risk",
///         _ => "other",
///     }
/// }
/// # let _ = kind;
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Item<'a> {
    /// A contraindication.
    Contraindication(&'a Contraindication),
    /// A drug interaction.
    Interaction(&'a Interaction),
    /// Guidance for a population.
    Population(&'a PopulationGuidance),
    /// A monitoring step.
    Monitoring(&'a Monitoring),
    /// A risk of the agent by the route, as that agent's view.
    Risk(AgentRisk<'a>),
}

/// Why a statement applies.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{History, Patient};
/// use ketamine_therapy::query::Matched;
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let p = Patient::new().history(History::AneurysmalVascularDisease);
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &p, [""; 0])?;
/// let first = &s.findings()[0];
/// assert!(matches!(first.matched()[0], Matched::Criterion(_)));
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Matched<'a> {
    /// The patient meets this criterion of the statement.
    Criterion(&'a Criterion),
    /// A medicine of the list, through a class the statement is about.
    Medicine {
        /// The name as given (trimmed).
        input: String,
        /// The ingredient, if the name was an ingredient or a brand.
        ingredient: Option<&'a MedicineRecord>,
        /// The membership that puts it in the class, if through an ingredient.
        membership: Option<&'a Membership>,
        /// The class.
        class: Interactant,
    },
    /// It concerns every patient given the agent by the route.
    Always,
}

/// A statement that may apply, but needs a patient fact that was not given.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{Fact, Patient};
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
/// assert!(s.to_check().iter().any(|c| c.missing().contains(&Fact::Pregnancy)));
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct ToCheck<'a> {
    standing: Standing,
    item: Item<'a>,
    #[serde(serialize_with = "ser_facts")]
    missing: Vec<Fact>,
}

/// One medicine of the list: what it resolved to, or why it did not.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::query::MedicineOutcome;
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["sertraline", "lorazapam"])?;
/// match &s.medicines()[0] {
///     MedicineOutcome::Resolved { interactions, .. } => assert_eq!(*interactions, 0),
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(&s.medicines()[1], MedicineOutcome::Unresolved { .. }));
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
#[non_exhaustive]
pub enum MedicineOutcome<'a> {
    /// The name resolved.
    Resolved {
        /// The name as given (trimmed).
        input: String,
        /// What it resolved to.
        #[serde(serialize_with = "ser_medicine")]
        medicine: Medicine<'a>,
        /// How many of the agent's label interactions it takes part in.
        interactions: usize,
        /// For none: whether the labels read document none ("documented: none") or
        /// the topic was not recorded.
        #[serde(serialize_with = "ser_documented")]
        documented: Documented<'a>,
    },
    /// The name did not resolve; the error carries close names.
    Unresolved {
        /// The name as given (trimmed).
        input: String,
        /// The lookup error, with suggestions.
        #[serde(serialize_with = "ser_error")]
        error: LookupError,
    },
}

/// Something the screening could not assess for this agent: a label section the data
/// did not read, or a topic not recorded at all.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Patient;
/// use ketamine_therapy::{Agent, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
/// for gap in s.not_assessed() {
///     println!("{}: {}", gap.topic(), gap.gap().map_or("not recorded", |g| g.item()));
/// }
/// # Ok::<(), ketamine_therapy::query::ScreenError>(())
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NotAssessed<'a> {
    topic: Topic,
    gap: Option<&'a Gap>,
}

fn ser_facts<S: serde::Serializer>(facts: &[Fact], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(facts.iter().map(ToString::to_string))
}

fn ser_medicine<S: serde::Serializer>(m: &Medicine<'_>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.name())
}

fn ser_documented<S: serde::Serializer>(d: &Documented<'_>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_error<S: serde::Serializer>(e: &LookupError, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(e)
}

impl<'a> Item<'a> {
    /// The statement's text, in the crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::RacemicKetamine, Route::Intravenous, &Patient::new(), [""; 0])?;
    /// assert!(s.findings().iter().all(|f| !f.item().text().is_empty()));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn text(&self) -> &'a str {
        match *self {
            Item::Contraindication(c) => c.text(),
            Item::Interaction(i) => i.effect(),
            Item::Population(p) => p.text(),
            Item::Monitoring(m) => m.text(),
            Item::Risk(r) => r.description(),
        }
    }

    /// The ids of the sources the statement cites.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// for f in s.findings() {
    ///     assert!(f.item().sources().iter().all(|id| kb.source(id).is_some()));
    /// }
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn sources(&self) -> &'a [String] {
        match *self {
            Item::Contraindication(c) => c.sources(),
            Item::Interaction(i) => i.sources(),
            Item::Population(p) => p.sources(),
            Item::Monitoring(m) => m.sources(),
            Item::Risk(r) => r.record().sources(),
        }
    }

    /// What kind of statement it is: "contraindication", "interaction",
    /// "population", "monitoring" or "risk".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.findings().iter().any(|f| f.item().kind() == "risk"));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Item::Contraindication(_) => "contraindication",
            Item::Interaction(_) => "interaction",
            Item::Population(_) => "population",
            Item::Monitoring(_) => "monitoring",
            Item::Risk(_) => "risk",
        }
    }

    /// Within one standing: contraindications, then population statements, then
    /// interactions, monitoring and risks.
    fn rank(&self) -> u8 {
        match self {
            Item::Contraindication(_) => 0,
            Item::Population(_) => 1,
            Item::Interaction(_) => 2,
            Item::Monitoring(_) => 3,
            Item::Risk(_) => 4,
        }
    }
}

impl<'a> Finding<'a> {
    /// Where the statement stands (contraindication, boxed warning, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{History, Patient, Standing};
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let p = Patient::new().history(History::IntracerebralHaemorrhage);
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &p, [""; 0])?;
    /// assert_eq!(s.findings()[0].standing(), Standing::Contraindication);
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// The statement.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// println!("{}", s.findings()[0].item().kind());
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn item(&self) -> Item<'a> {
        self.item
    }

    /// What matched: the criteria the patient meets, the medicines through their
    /// classes, or [`Matched::Always`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.findings().iter().all(|f| !f.matched().is_empty()));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn matched(&self) -> &[Matched<'a>] {
        &self.matched
    }

    /// The statement's text ([`Item::text`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert_eq!(s.findings()[0].text(), s.findings()[0].item().text());
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn text(&self) -> &'a str {
        self.item.text()
    }

    /// The statement's source ids ([`Item::sources`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.findings().iter().all(|f| !f.sources().is_empty()));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn sources(&self) -> &'a [String] {
        self.item.sources()
    }
}

impl<'a> ToCheck<'a> {
    /// Where the statement stands.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.to_check().windows(2).all(|w| w[0].standing() <= w[1].standing()));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// The statement.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::query::Item;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.to_check().iter().any(|c| matches!(c.item(), Item::Contraindication(_))));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn item(&self) -> Item<'a> {
        self.item
    }

    /// The patient facts that would decide whether it applies.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Fact, Patient};
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new().pregnant(false), [""; 0])?;
    /// assert!(s.to_check().iter().all(|c| !c.missing().contains(&Fact::Pregnancy)));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn missing(&self) -> &[Fact] {
        &self.missing
    }
}

impl<'a> NotAssessed<'a> {
    /// The topic.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// for n in s.not_assessed() {
    ///     println!("{}", n.topic());
    /// }
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn topic(&self) -> Topic {
        self.topic
    }

    /// The label section not read; `None` when the topic is not recorded at all for
    /// the agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{GapStatus, Patient};
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(s.not_assessed().iter().filter_map(|n| n.gap()).all(|g| g.status() == GapStatus::NotRead));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn gap(&self) -> Option<&'a Gap> {
        self.gap
    }
}

impl<'a> Screening<'a> {
    /// The agent screened for.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert_eq!((s.agent(), s.route()), (Agent::Esketamine, Route::Intranasal));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The route screened for.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::RacemicKetamine, Route::Oral, &Patient::new(), [""; 0])?;
    /// assert_eq!(s.route(), Route::Oral);
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn route(&self) -> Route {
        self.route
    }

    /// The statements that apply, most serious first (by standing; within one
    /// standing contraindications, population statements, interactions, monitoring,
    /// risks; then the data's order). Deterministic for the same inputs.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["Xanax"])?;
    /// assert!(s.findings().windows(2).all(|w| w[0].standing() <= w[1].standing()));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn findings(&self) -> &[Finding<'a>] {
        &self.findings
    }

    /// The statements that need a patient fact that was not given, most serious
    /// first: to be checked before the session.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), [""; 0])?;
    /// assert!(!s.to_check().is_empty());
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn to_check(&self) -> &[ToCheck<'a>] {
        &self.to_check
    }

    /// Every medicine of the list (empty names skipped), in the order given; a
    /// combination written out ("oxycodone/APAP") gives one outcome per ingredient,
    /// each with the name as given (see [`KnowledgeBase::medicines_in`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["a-nonsense-name", " "])?;
    /// assert_eq!(s.medicines().len(), 1);
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["oxycodone/APAP 5/325"])?;
    /// assert_eq!(s.medicines().len(), 2);
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn medicines(&self) -> &[MedicineOutcome<'a>] {
        &self.medicines
    }

    /// The names that did not resolve, with their errors (and suggestions).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), ["lorazapam"])?;
    /// let (input, err) = s.unresolved().next().unwrap();
    /// assert_eq!(input, "lorazapam");
    /// assert_eq!(err.medicine_suggestions().next(), Some("lorazepam"));
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn unresolved(&self) -> impl Iterator<Item = (&str, &LookupError)> {
        self.medicines.iter().filter_map(|m| match m {
            MedicineOutcome::Unresolved { input, error } => Some((input.as_str(), error)),
            MedicineOutcome::Resolved { .. } => None,
        })
    }

    /// What the data could not assess for this agent: label sections not read, topics
    /// not recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.screen(Agent::RacemicKetamine, Route::Intravenous, &Patient::new(), [""; 0])?;
    /// println!("{} items not assessed", s.not_assessed().len());
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn not_assessed(&self) -> &[NotAssessed<'a>] {
        &self.not_assessed
    }
}

/// How a record's criteria (alternatives) stand for a patient.
enum Verdict<'a> {
    Applies(Vec<Matched<'a>>),
    Unknown(Vec<Fact>),
    NotApplicable,
}

fn verdict<'a>(criteria: &'a [Criterion], patient: &Patient) -> Verdict<'a> {
    if criteria.is_empty() {
        return Verdict::Applies(vec![Matched::Always]);
    }
    let mut met = Vec::new();
    let mut missing: Vec<Fact> = Vec::new();
    for c in criteria {
        match patient.assess(c) {
            Assessment::Meets => met.push(Matched::Criterion(c)),
            Assessment::Unknown(fact) if !missing.contains(&fact) => missing.push(fact),
            _ => {}
        }
    }
    if !met.is_empty() {
        Verdict::Applies(met)
    } else if !missing.is_empty() {
        Verdict::Unknown(missing)
    } else {
        Verdict::NotApplicable
    }
}

/// One resolved medicine of the list, for matching interactions.
struct Given<'a> {
    input: String,
    medicine: Medicine<'a>,
}

impl<'a> Given<'a> {
    /// What puts this medicine in `class`, if anything: the most direct membership of
    /// one of its ingredients, or the class named directly.
    fn matched(&self, class: Interactant) -> Option<Matched<'a>> {
        if self.medicine.class() == Some(class) {
            return Some(Matched::Medicine {
                input: self.input.clone(),
                ingredient: None,
                membership: None,
                class,
            });
        }
        self.medicine
            .classes_with_ingredients()
            .filter(|(_, m)| m.interactant() == class)
            .min_by_key(|(_, m)| m.basis())
            .map(|(ingredient, membership)| Matched::Medicine {
                input: self.input.clone(),
                ingredient: Some(ingredient),
                membership: Some(membership),
                class,
            })
    }
}

impl KnowledgeBase {
    /// Screens one patient for one agent given by one route: every contraindication,
    /// population statement, interaction (through the medicines' classes), monitoring
    /// step and risk that applies, most serious first, with what matched each and its
    /// sources; what needs a fact that was not given; the medicine names that did not
    /// resolve, with suggestions; and the label sections not read.
    ///
    /// Medicines are names as typed ("Xanax", "lorazepam", "benzodiazepines"); empty
    /// names are skipped. **It informs; it never decides or computes a dose.**
    ///
    /// # Errors
    ///
    /// [`ScreenError::NotGivenBy`] if the agent is not given by the route in this data;
    /// [`ScreenError::TooManyMedicines`] beyond [`MAX_MEDICINES`];
    /// [`ScreenError::MedicineTooLong`] for a name beyond [`MAX_MEDICINE_BYTES`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{BloodPressure, ChildPugh, History, Patient, Standing};
    /// use ketamine_therapy::query::{Item, Matched};
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let patient = Patient::new()
    ///     .age(70)
    ///     .blood_pressure(BloodPressure::new(165, 100))
    ///     .child_pugh(ChildPugh::B)
    ///     .without(History::AneurysmalVascularDisease);
    /// let s = kb.screen(Agent::Esketamine, Route::Intranasal, &patient, ["Xanax", "Adderall", "sertraline"])?;
    /// // The benzodiazepine in Xanax meets the label's CNS-depressant interaction.
    /// let via_xanax = s.findings().iter().any(|f| {
    ///     matches!(f.item(), Item::Interaction(_))
    ///         && f.matched().iter().any(|m| matches!(m, Matched::Medicine { input, .. } if input == "Xanax"))
    /// });
    /// assert!(via_xanax);
    /// # Ok::<(), ketamine_therapy::query::ScreenError>(())
    /// ```
    pub fn screen<I, S>(
        &self,
        agent: Agent,
        route: Route,
        patient: &Patient,
        medicines: I,
    ) -> Result<Screening<'_>, ScreenError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        NotGivenBy::check(self, agent, route)?;
        let inputs = bounded_names(medicines)?;
        let mut outcomes = Vec::with_capacity(inputs.len());
        let mut given = Vec::with_capacity(inputs.len());
        for input in inputs {
            match self.medicines_in(&input) {
                // A combination written out gives one outcome per ingredient.
                Ok(found) => given.extend(found.map(|medicine| Given {
                    input: input.clone(),
                    medicine,
                })),
                Err(error) => outcomes.push((
                    given.len() + outcomes.len(),
                    MedicineOutcome::Unresolved { input, error },
                )),
            }
        }
        let mut s = Screening {
            agent,
            route,
            findings: Vec::new(),
            to_check: Vec::new(),
            medicines: Vec::new(),
            not_assessed: Vec::new(),
        };
        self.screen_records(&mut s, patient);
        self.screen_interactions(&mut s, &given);
        for r in self.risks_of(agent, route)? {
            s.findings.push(Finding {
                standing: r.standing(),
                item: Item::Risk(r),
                matched: vec![Matched::Always],
            });
        }
        s.findings.sort_by_key(|f| (f.standing, f.item.rank()));
        s.to_check.sort_by_key(|c| (c.standing, c.item.rank()));
        s.medicines = self.medicine_outcomes(agent, given, outcomes);
        s.not_assessed = self.not_assessed(agent);
        Ok(s)
    }

    /// Contraindications, population statements and monitoring steps, by criteria.
    fn screen_records<'a>(&'a self, s: &mut Screening<'a>, patient: &Patient) {
        let contraindications = self
            .contraindications(s.agent)
            .map(|c| (c.standing(), Item::Contraindication(c), c.criteria()));
        let populations = self
            .populations(s.agent)
            .map(|p| (p.standing(), Item::Population(p), p.criteria()));
        let monitoring = self
            .monitoring_for(s.agent, s.route)
            .map(|m| (m.standing(), Item::Monitoring(m), m.criteria()));
        for (standing, item, criteria) in contraindications.chain(populations).chain(monitoring) {
            match verdict(criteria, patient) {
                Verdict::Applies(matched) => s.findings.push(Finding {
                    standing,
                    item,
                    matched,
                }),
                Verdict::Unknown(missing) => s.to_check.push(ToCheck {
                    standing,
                    item,
                    missing,
                }),
                Verdict::NotApplicable => {}
            }
        }
    }

    /// The agent's interactions that a medicine of the list takes part in.
    fn screen_interactions<'a>(&'a self, s: &mut Screening<'a>, given: &[Given<'a>]) {
        for interaction in self.interactions(s.agent) {
            let matched: Vec<Matched<'a>> = given
                .iter()
                .filter_map(|g| g.matched(interaction.interactant()))
                .collect();
            if !matched.is_empty() {
                s.findings.push(Finding {
                    standing: interaction.standing(),
                    item: Item::Interaction(interaction),
                    matched,
                });
            }
        }
    }

    /// Every medicine in the order given, resolved or not.
    fn medicine_outcomes<'a>(
        &'a self,
        agent: Agent,
        given: Vec<Given<'a>>,
        unresolved: Vec<(usize, MedicineOutcome<'a>)>,
    ) -> Vec<MedicineOutcome<'a>> {
        let resolved = given.into_iter().map(|g| {
            let interactions = g.medicine.interactions(agent).count();
            // For a medicine in no interacting class: the labels read list none for
            // it where the topic was reviewed; otherwise nothing is recorded.
            let documented = match (interactions, self.agent(agent).review(Topic::Interactions)) {
                (0, Some(review)) => Documented::NoneDocumented(review),
                (0, None) => Documented::NotRecorded,
                (n, _) => Documented::Recorded(n),
            };
            MedicineOutcome::Resolved {
                input: g.input,
                medicine: g.medicine,
                interactions,
                documented,
            }
        });
        let mut out: Vec<MedicineOutcome<'a>> = resolved.collect();
        for (at, outcome) in unresolved {
            out.insert(at.min(out.len()), outcome);
        }
        out
    }

    /// The label sections not read and the topics not recorded for an agent.
    fn not_assessed(&self, agent: Agent) -> Vec<NotAssessed<'_>> {
        let record = self.agent(agent);
        let mut out = Vec::new();
        for topic in <Topic as strum::IntoEnumIterator>::iter() {
            match record.review(topic) {
                None => out.push(NotAssessed { topic, gap: None }),
                Some(review) => out.extend(
                    review
                        .gaps()
                        .iter()
                        .filter(|g| g.status() == GapStatus::NotRead)
                        .map(|g| NotAssessed {
                            topic,
                            gap: Some(g),
                        }),
                ),
            }
        }
        out
    }
}

/// The names of a medicine list, trimmed, empty ones skipped, within the bounds.
fn bounded_names<I, S>(medicines: I) -> Result<Vec<String>, ScreenError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut names = Vec::new();
    for (index, name) in medicines.into_iter().enumerate() {
        if index >= MAX_MEDICINES {
            return Err(ScreenError::TooManyMedicines {
                limit: MAX_MEDICINES,
            });
        }
        let name = name.as_ref();
        if name.len() > MAX_MEDICINE_BYTES {
            return Err(ScreenError::MedicineTooLong {
                index,
                bytes: name.len(),
                limit: MAX_MEDICINE_BYTES,
                echo: echo(name).to_string(),
            });
        }
        let name = name.trim();
        if !name.is_empty() {
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

/// Splits a free-text medicine list ("Xanax, Adderall; sertraline") at commas,
/// semicolons and line breaks into trimmed, non-empty names.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::query::split_medicine_list;
///
/// let names: Vec<&str> = split_medicine_list("Xanax, Adderall;\nsertraline,, ").collect();
/// assert_eq!(names, ["Xanax", "Adderall", "sertraline"]);
/// ```
pub fn split_medicine_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
