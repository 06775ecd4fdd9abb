//! Risks and side effects: their course, timing and frequencies, and the
//! [`RiskScope`]s that say for which agents and routes they hold, on what basis.

use crate::model::table::record_table;
use crate::model::{
    Agent, Frequency, IdKind, ParseIdError, Route, Sourced, SourcedText, Standing, Timing,
};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A risk or side effect of ketamine therapy.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Risk;
///
/// assert_eq!("nausea".parse::<Risk>()?, Risk::NauseaVomiting);
/// assert_eq!(Risk::AbuseAddiction.to_string(), "addiction potential");
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
    parse_err_fn = risk_parse_error
)]
#[non_exhaustive]
pub enum Risk {
    /// Feeling detached from oneself or from reality; perceptual changes.
    #[strum(
        to_string = "dissociation",
        serialize = "dissociative symptoms",
        serialize = "perceptual changes"
    )]
    Dissociation,
    /// Nausea and vomiting.
    #[strum(
        to_string = "nausea and vomiting",
        serialize = "nausea_vomiting",
        serialize = "nausea",
        serialize = "vomiting"
    )]
    NauseaVomiting,
    /// A rise in blood pressure and heart rate.
    #[strum(
        to_string = "raised blood pressure and heart rate",
        serialize = "blood_pressure_heart_rate",
        serialize = "blood pressure increase",
        serialize = "hypertension",
        serialize = "tachycardia"
    )]
    BloodPressureHeartRate,
    /// Dizziness and fatigue.
    #[strum(
        to_string = "dizziness and fatigue",
        serialize = "dizziness_fatigue",
        serialize = "dizziness",
        serialize = "fatigue"
    )]
    DizzinessFatigue,
    /// Abuse, misuse and addiction.
    #[strum(
        to_string = "addiction potential",
        serialize = "abuse_addiction",
        serialize = "abuse",
        serialize = "misuse",
        serialize = "addiction"
    )]
    AbuseAddiction,
    /// Sedation, up to loss of consciousness.
    #[strum(
        to_string = "sedation",
        serialize = "somnolence",
        serialize = "loss of consciousness"
    )]
    Sedation,
    /// Vertigo.
    #[strum(to_string = "vertigo")]
    Vertigo,
    /// Slowed or shallow breathing.
    #[strum(
        to_string = "respiratory depression",
        serialize = "respiratory_depression",
        serialize = "slowed breathing"
    )]
    RespiratoryDepression,
    /// Bladder and urinary-tract damage with chronic use.
    #[strum(
        to_string = "bladder and urinary-tract toxicity",
        serialize = "urinary_tract_toxicity",
        serialize = "cystitis",
        serialize = "ketamine uropathy",
        serialize = "ulcerative cystitis"
    )]
    UrinaryTractToxicity,
    /// Impaired attention, judgement, thinking or memory.
    #[strum(
        to_string = "cognitive impairment",
        serialize = "cognitive_impairment",
        serialize = "memory impairment"
    )]
    CognitiveImpairment,
    /// Possible harm to an unborn child.
    #[strum(
        to_string = "harm in pregnancy",
        serialize = "pregnancy_harm",
        serialize = "embryo-fetal toxicity"
    )]
    PregnancyHarm,
    /// Impaired ability to drive or operate machinery.
    #[strum(
        to_string = "impaired ability to drive",
        serialize = "impaired_driving",
        serialize = "driving impairment"
    )]
    ImpairedDriving,
    /// Dream-like states, vivid imagery or delirium on waking from anaesthesia.
    #[strum(
        to_string = "emergence reactions",
        serialize = "emergence_reactions",
        serialize = "emergence delirium"
    )]
    EmergenceReactions,
    /// Tolerance with prolonged use and physical dependence.
    #[strum(
        to_string = "tolerance and dependence",
        serialize = "tolerance_dependence",
        serialize = "tolerance",
        serialize = "dependence"
    )]
    ToleranceDependence,
    /// Suicidal thoughts and behaviours in children and young adults taking
    /// antidepressants (a class warning).
    #[strum(
        to_string = "suicidal thoughts and behaviours",
        serialize = "suicidal_thoughts_behaviors",
        serialize = "suicidality"
    )]
    #[serde(rename = "suicidal_thoughts_behaviors")]
    SuicidalThoughts,
    /// Drug-induced liver injury.
    #[strum(
        to_string = "drug-induced liver injury",
        serialize = "hepatotoxicity",
        serialize = "liver injury"
    )]
    Hepatotoxicity,
    /// Neurotoxicity of anaesthetic exposure in young children and late pregnancy.
    #[strum(
        to_string = "neurotoxicity in young children",
        serialize = "pediatric_neurotoxicity",
        serialize = "pediatric neurotoxicity",
        serialize = "paediatric neurotoxicity"
    )]
    PediatricNeurotoxicity,
    /// Raised cerebrospinal-fluid or intracranial pressure.
    #[strum(
        to_string = "raised intracranial pressure",
        serialize = "raised_intracranial_pressure",
        serialize = "raised CSF pressure"
    )]
    RaisedIntracranialPressure,
    /// Laryngospasm and other airway complications.
    #[strum(
        to_string = "airway complications",
        serialize = "airway_complications",
        serialize = "laryngospasm"
    )]
    AirwayComplications,
    /// Psychiatric adverse events that occur or persist days to weeks after exposure.
    #[strum(
        to_string = "persistent psychiatric adverse events",
        serialize = "psychiatric_adverse_events"
    )]
    PsychiatricAdverseEvents,
    /// Numbness (hypoesthesia).
    #[strum(
        to_string = "numbness",
        serialize = "hypoesthesia",
        serialize = "hypoaesthesia"
    )]
    Hypoesthesia,
    /// Anxiety as a side effect of a dose (not the anxiety disorders treated).
    #[strum(to_string = "anxiety as a side effect", serialize = "anxiety_reaction")]
    #[serde(rename = "anxiety_reaction")]
    Anxiety,
    /// Lethargy.
    #[strum(to_string = "lethargy")]
    Lethargy,
    /// Feeling drunk.
    #[strum(to_string = "feeling drunk", serialize = "feeling_drunk")]
    FeelingDrunk,
    /// A slow heart rate.
    #[strum(to_string = "bradycardia")]
    Bradycardia,
    /// Seizures (convulsions).
    #[strum(
        to_string = "seizure",
        serialize = "convulsion",
        serialize = "seizures"
    )]
    Seizure,
}

record_table!(Risk {
    Dissociation => "dissociation",
    NauseaVomiting => "nausea_vomiting",
    BloodPressureHeartRate => "blood_pressure_heart_rate",
    DizzinessFatigue => "dizziness_fatigue",
    AbuseAddiction => "abuse_addiction",
    Sedation => "sedation",
    Vertigo => "vertigo",
    RespiratoryDepression => "respiratory_depression",
    UrinaryTractToxicity => "urinary_tract_toxicity",
    CognitiveImpairment => "cognitive_impairment",
    PregnancyHarm => "pregnancy_harm",
    ImpairedDriving => "impaired_driving",
    EmergenceReactions => "emergence_reactions",
    ToleranceDependence => "tolerance_dependence",
    SuicidalThoughts => "suicidal_thoughts_behaviors",
    Hepatotoxicity => "hepatotoxicity",
    PediatricNeurotoxicity => "pediatric_neurotoxicity",
    RaisedIntracranialPressure => "raised_intracranial_pressure",
    AirwayComplications => "airway_complications",
    PsychiatricAdverseEvents => "psychiatric_adverse_events",
    Hypoesthesia => "hypoesthesia",
    Anxiety => "anxiety_reaction",
    Lethargy => "lethargy",
    FeelingDrunk => "feeling_drunk",
    Bradycardia => "bradycardia",
    Seizure => "seizure",
});

fn risk_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Risk>(IdKind::Risk, input)
}

/// Whether a risk belongs to the session itself or to longer or repeated use.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::Course, KnowledgeBase, Risk};
///
/// let kb = KnowledgeBase::embedded();
/// assert_eq!(kb.risk(Risk::UrinaryTractToxicity).course(), Course::LongTerm);
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
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = course_parse_error)]
pub enum Course {
    /// During or shortly after a dose.
    #[strum(to_string = "acute")]
    Acute,
    /// With prolonged or repeated use.
    #[strum(to_string = "long-term", serialize = "long_term")]
    LongTerm,
}

/// Everything the crate knows about one [`Risk`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let bp = kb.risk(Risk::BloodPressureHeartRate);
/// assert!(bp.applies_to(Agent::Esketamine, Route::Intranasal));
/// assert!(bp.mitigation().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskRecord {
    id: Risk,
    name: String,
    aliases: Vec<String>,
    description: String,
    course: Course,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    onset: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration: Option<Timing>,
    frequencies: Vec<Frequency>,
    applies: Vec<RiskScope>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mitigation: Option<SourcedText>,
    sources: Vec<String>,
    /// Resolved at load from `applies` and the agents' routes.
    #[serde(skip)]
    reach: Reach,
}

/// For each agent (by discriminant), the bit set of routes (by discriminant) a risk
/// applies to. It is derived from `applies` and the agents' routes, so it takes no part
/// in equality: two records with equal `applies` are equal, resolved or not.
#[derive(Debug, Clone, Copy, Default)]
struct Reach([u32; Agent::COUNT]);

impl PartialEq for Reach {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl RiskRecord {
    /// The risk this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert_eq!(KnowledgeBase::embedded().risk(Risk::Vertigo).id(), Risk::Vertigo);
    /// ```
    pub fn id(&self) -> Risk {
        self.id
    }

    /// The display name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert_eq!(KnowledgeBase::embedded().risk(Risk::Vertigo).name(), "vertigo");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert!(KnowledgeBase::embedded().risk(Risk::NauseaVomiting).aliases().iter().any(|a| a == "nausea"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the risk is, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert!(!KnowledgeBase::embedded().risk(Risk::Dissociation).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Acute or long-term.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::Course, KnowledgeBase, Risk};
    ///
    /// assert_eq!(KnowledgeBase::embedded().risk(Risk::Dissociation).course(), Course::Acute);
    /// ```
    pub fn course(&self) -> Course {
        self.course
    }

    /// When the risk typically appears after a dose, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let _ = KnowledgeBase::embedded().risk(Risk::BloodPressureHeartRate).onset();
    /// ```
    pub fn onset(&self) -> Option<&Timing> {
        self.onset.as_ref()
    }

    /// How long the risk typically lasts, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let _ = KnowledgeBase::embedded().risk(Risk::BloodPressureHeartRate).duration();
    /// ```
    pub fn duration(&self) -> Option<&Timing> {
        self.duration.as_ref()
    }

    /// Incidences reported by labels and trials.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert!(!KnowledgeBase::embedded().risk(Risk::Dissociation).frequencies().is_empty());
    /// ```
    pub fn frequencies(&self) -> &[Frequency] {
        &self.frequencies
    }

    /// For which agents, on which routes and on what basis the risk is documented.
    /// A label warning, label adverse reaction, other label statement or class effect holds on every route
    /// the agent is given by; an observed risk only on the routes where it was seen.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::RiskBasis, Agent, KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let sedation = kb.risk(Risk::Sedation);
    /// assert!(sedation.applies().iter().any(|s| s.agent() == Agent::Esketamine
    ///     && s.basis() == RiskBasis::LabelBoxedWarning));
    /// ```
    pub fn applies(&self) -> &[RiskScope] {
        &self.applies
    }

    /// Whether the risk applies to this agent given by this route: through a label
    /// warning, a label adverse reaction, another label statement or a class effect of the agent (any of its
    /// routes), or because it was observed on that route. The answer is resolved when
    /// the record is loaded into a [`KnowledgeBase`](crate::KnowledgeBase), which knows
    /// each agent's routes; a record deserialised on its own answers `false`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::Sedation).applies_to(Agent::Esketamine, Route::Intranasal));
    /// // A label warning of racemic ketamine holds on every route it is given by.
    /// assert!(kb.risk(Risk::RespiratoryDepression).applies_to(Agent::RacemicKetamine, Route::Oral));
    /// ```
    pub fn applies_to(&self, agent: Agent, route: Route) -> bool {
        agent.pick(&self.reach.0) & (1 << route as u32) != 0
    }

    /// The strongest basis on which the risk applies to this agent and route, if it
    /// applies: a boxed warning before a warning, a label adverse reaction, another
    /// label statement, a class effect and an observation.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::RiskBasis, Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let basis = kb.risk(Risk::Sedation).basis_for(Agent::Esketamine, Route::Intranasal);
    /// assert_eq!(basis, Some(RiskBasis::LabelBoxedWarning));
    /// ```
    pub fn basis_for(&self, agent: Agent, route: Route) -> Option<RiskBasis> {
        if !self.applies_to(agent, route) {
            return None;
        }
        self.applies
            .iter()
            .filter(|s| s.agent == agent && s.routes.as_ref().is_none_or(|r| r.contains(&route)))
            .map(|s| s.basis)
            .min()
    }

    /// The [`Standing`] of the risk for `agent` by `route`: that of its most serious
    /// basis ([`RiskRecord::basis_for`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let s = kb.risk(Risk::Dissociation).standing_for(Agent::Esketamine, Route::Intranasal);
    /// assert_eq!(s, Some(Standing::BoxedWarning));
    /// ```
    pub fn standing_for(&self, agent: Agent, route: Route) -> Option<Standing> {
        self.basis_for(agent, route).map(RiskBasis::standing)
    }

    /// Resolves `applies` against the agents' routes (at load).
    pub(crate) fn resolve(&mut self, agents: &[crate::model::AgentRecord; Agent::COUNT]) {
        let mut reach = [0u32; Agent::COUNT];
        for scope in &self.applies {
            let record = scope.agent.pick(agents);
            let bits = record
                .routes()
                .iter()
                .map(|r| r.route())
                .filter(|r| scope.routes.as_ref().is_none_or(|only| only.contains(r)))
                .fold(0u32, |bits, r| bits | 1 << r as u32);
            if let Some(slot) = reach.get_mut(scope.agent as usize) {
                *slot |= bits;
            }
        }
        self.reach = Reach(reach);
    }

    /// How the risk is monitored or reduced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// assert!(KnowledgeBase::embedded().risk(Risk::ImpairedDriving).mitigation().is_some());
    /// ```
    pub fn mitigation(&self) -> Option<&SourcedText> {
        self.mitigation.as_ref()
    }

    pub(crate) fn push_frequency(&mut self, frequency: Frequency) {
        self.frequencies.push(frequency);
    }
}

impl Sourced for RiskRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// On what basis a risk is attached to an agent.
///
/// Ordered from the strongest: a label warning first.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::RiskBasis;
///
/// assert!(RiskBasis::LabelWarning < RiskBasis::Observed);
/// assert!(RiskBasis::ClassEffect.holds_on_every_route());
/// assert!(!RiskBasis::Observed.holds_on_every_route());
/// assert_eq!(RiskBasis::LabelWarning.to_string(), "label warning");
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
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = risk_basis_parse_error)]
pub enum RiskBasis {
    /// The boxed warning of one of the agent's labels.
    #[strum(to_string = "label boxed warning", serialize = "label_boxed_warning")]
    LabelBoxedWarning,
    /// A warning or precaution of one of the agent's labels.
    #[strum(to_string = "label warning", serialize = "label_warning")]
    LabelWarning,
    /// An adverse reaction listed in one of the agent's labels.
    #[strum(
        to_string = "label adverse reaction",
        serialize = "label_adverse_reaction"
    )]
    LabelAdverseReaction,
    /// Stated in another section of one of the agent's labels: drug interactions,
    /// drug abuse and dependence, patient counselling.
    #[strum(to_string = "other label section", serialize = "label_other")]
    LabelOther,
    /// An effect of the drug itself, documented whatever the route.
    #[strum(to_string = "class effect", serialize = "class_effect")]
    ClassEffect,
    /// Seen in studies of particular routes only.
    #[strum(to_string = "observed")]
    Observed,
}

impl RiskBasis {
    /// Whether a risk on this basis holds on every route the agent is given by (label
    /// warnings, label adverse reactions, other label statements and class effects),
    /// rather than only on the routes where it was observed.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(ketamine_therapy::model::RiskBasis::LabelWarning.holds_on_every_route());
    /// ```
    pub const fn holds_on_every_route(self) -> bool {
        !matches!(self, RiskBasis::Observed)
    }

    /// The [`Standing`] of a risk on this basis: a boxed warning, a warning and
    /// precaution, another label statement (adverse reactions and the rest), or, for a
    /// class effect or a study finding, observed in studies.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{RiskBasis, Standing};
    ///
    /// assert_eq!(RiskBasis::LabelBoxedWarning.standing(), Standing::BoxedWarning);
    /// assert_eq!(RiskBasis::LabelAdverseReaction.standing(), Standing::OtherLabelStatement);
    /// assert_eq!(RiskBasis::Observed.standing(), Standing::ObservedInStudies);
    /// ```
    pub const fn standing(self) -> Standing {
        match self {
            RiskBasis::LabelBoxedWarning => Standing::BoxedWarning,
            RiskBasis::LabelWarning => Standing::WarningAndPrecaution,
            RiskBasis::LabelAdverseReaction | RiskBasis::LabelOther => {
                Standing::OtherLabelStatement
            }
            RiskBasis::ClassEffect | RiskBasis::Observed => Standing::ObservedInStudies,
        }
    }
}

/// One agent a risk applies to, on what basis, and (for an observed risk) on which
/// routes.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Risk};
///
/// let kb = KnowledgeBase::embedded();
/// for scope in kb.risk(Risk::Dissociation).applies() {
///     match scope.routes() {
///         None => println!("{}: {} (every route)", scope.agent(), scope.basis()),
///         Some(routes) => println!("{}: observed on {} routes", scope.agent(), routes.len()),
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScope {
    agent: Agent,
    basis: RiskBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    routes: Option<Vec<Route>>,
    sources: Vec<String>,
}

impl RiskScope {
    /// The agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.risk(Risk::Sedation).applies().iter().any(|s| s.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The basis.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let first = &kb.risk(Risk::Sedation).applies()[0];
    /// println!("{}", first.basis());
    /// ```
    pub fn basis(&self) -> RiskBasis {
        self.basis
    }

    /// The routes an observed risk was seen on; `None` where the basis holds on every
    /// route the agent is given by.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for s in kb.risk(Risk::Dissociation).applies() {
    ///     assert_eq!(s.routes().is_none(), s.basis().holds_on_every_route());
    /// }
    /// ```
    pub fn routes(&self) -> Option<&[Route]> {
        self.routes.as_deref()
    }
}

impl Sourced for RiskScope {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn course_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Course>(crate::model::IdKind::Course, input)
}

fn risk_basis_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<RiskBasis>(crate::model::IdKind::RiskBasis, input)
}
