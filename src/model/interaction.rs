//! Drug interactions: the drugs and drug classes that interact with an agent, what the
//! interaction does and how the label says to manage it.

use crate::model::table::record_table;
use crate::model::{Agent, IdKind, Jurisdiction, ParseIdError, Sourced, Standing};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A drug or drug class that interacts with ketamine or esketamine. `FromStr` takes the
/// names of the members of a class too ("benzodiazepines", "opioids", "alcohol").
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Interactant;
///
/// assert_eq!("benzodiazepines".parse::<Interactant>()?, Interactant::CnsDepressants);
/// assert_eq!("MAOIs".parse::<Interactant>()?, Interactant::Maois);
/// assert_eq!(Interactant::Theophylline.to_string(), "theophylline and aminophylline");
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
    parse_err_fn = interactant_parse_error
)]
#[non_exhaustive]
pub enum Interactant {
    /// Central nervous system depressants: benzodiazepines, opioids, alcohol and other
    /// sedatives.
    #[strum(
        to_string = "CNS depressants",
        serialize = "cns_depressants",
        serialize = "central nervous system depressants",
        serialize = "CNS depressant",
        serialize = "benzodiazepines",
        serialize = "benzodiazepine",
        serialize = "opioids",
        serialize = "opioid",
        serialize = "opioid analgesics",
        serialize = "alcohol",
        serialize = "sedatives"
    )]
    CnsDepressants,
    /// Psychostimulants: amphetamines, methylphenidate, modafinil, armodafinil.
    #[strum(
        to_string = "psychostimulants",
        serialize = "psychostimulant",
        serialize = "stimulants",
        serialize = "amphetamines",
        serialize = "methylphenidate",
        serialize = "modafinil",
        serialize = "armodafinil"
    )]
    Psychostimulants,
    /// Monoamine oxidase inhibitors.
    #[strum(
        to_string = "monoamine oxidase inhibitors",
        serialize = "maois",
        serialize = "MAOI",
        serialize = "MAO inhibitors"
    )]
    Maois,
    /// Theophylline and aminophylline.
    #[strum(
        to_string = "theophylline and aminophylline",
        serialize = "theophylline",
        serialize = "aminophylline"
    )]
    Theophylline,
    /// Sympathomimetics and vasopressin.
    #[strum(
        to_string = "sympathomimetics and vasopressin",
        serialize = "sympathomimetics",
        serialize = "sympathomimetic",
        serialize = "vasopressin"
    )]
    Sympathomimetics,
}

record_table!(Interactant {
    CnsDepressants => "cns_depressants",
    Psychostimulants => "psychostimulants",
    Maois => "maois",
    Theophylline => "theophylline",
    Sympathomimetics => "sympathomimetics",
});

fn interactant_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Interactant>(IdKind::Interactant, input)
}

/// What the crate knows about one [`Interactant`]: its name, the names it goes by, and
/// examples of its members that the sources name.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Interactant, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let cns = kb.interactant(Interactant::CnsDepressants);
/// assert_eq!(cns.id(), Interactant::CnsDepressants);
/// assert!(!cns.examples().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InteractantRecord {
    id: Interactant,
    name: String,
    aliases: Vec<String>,
    description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    examples: Vec<String>,
    sources: Vec<String>,
}

impl InteractantRecord {
    /// The interactant.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.interactant(Interactant::Maois).id(), Interactant::Maois);
    /// ```
    pub fn id(&self) -> Interactant {
        self.id
    }

    /// The canonical name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.interactant(Interactant::Maois).name(), "monoamine oxidase inhibitors");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names, including the members of a class that people look up by name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactant(Interactant::CnsDepressants).aliases().iter().any(|a| a == "opioids"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the class is, in a sentence.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.interactant(Interactant::Theophylline).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Example members that the sources name (may be empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// println!("{:?}", kb.interactant(Interactant::Psychostimulants).examples());
    /// ```
    pub fn examples(&self) -> &[String] {
        &self.examples
    }
}

impl Sourced for InteractantRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// What an interaction does, as a program can act on it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::InteractionEffect;
///
/// assert_eq!(InteractionEffect::RespiratoryDepression.to_string(), "respiratory depression");
/// assert_eq!("blood_pressure_increase".parse::<InteractionEffect>(), Ok(InteractionEffect::BloodPressureIncrease));
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = interaction_effect_parse_error)]
pub enum InteractionEffect {
    /// Deeper sedation.
    #[strum(to_string = "sedation")]
    Sedation,
    /// Depressed breathing.
    #[strum(
        to_string = "respiratory depression",
        serialize = "respiratory_depression"
    )]
    RespiratoryDepression,
    /// Coma or death, as the label states for profound sedation.
    #[strum(to_string = "coma or death", serialize = "coma_or_death")]
    ComaOrDeath,
    /// A further rise in blood pressure.
    #[strum(
        to_string = "blood pressure increase",
        serialize = "blood_pressure_increase"
    )]
    BloodPressureIncrease,
    /// A faster heart rate.
    #[strum(to_string = "heart rate increase", serialize = "heart_rate_increase")]
    HeartRateIncrease,
    /// A lower seizure threshold.
    #[strum(
        to_string = "lowered seizure threshold",
        serialize = "lowered_seizure_threshold"
    )]
    LoweredSeizureThreshold,
    /// A longer recovery or a longer effect.
    #[strum(to_string = "prolonged recovery", serialize = "prolonged_recovery")]
    ProlongedRecovery,
    /// A fall in blood pressure.
    #[strum(
        to_string = "blood pressure decrease",
        serialize = "blood_pressure_decrease"
    )]
    BloodPressureDecrease,
}

/// How severe an interaction is, where a source grades it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Severity;
///
/// assert!(Severity::Major > Severity::Minor);
/// assert_eq!("moderate".parse::<Severity>().unwrap(), Severity::Moderate);
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = severity_parse_error)]
pub enum Severity {
    /// Minor.
    #[strum(to_string = "minor")]
    Minor,
    /// Moderate.
    #[strum(to_string = "moderate")]
    Moderate,
    /// Major.
    #[strum(to_string = "major")]
    Major,
}

/// One interaction of an agent with a drug or class: the effect and its management as
/// the sources word it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, Interactant, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let with_cns = kb
///     .interactions(Agent::Esketamine)
///     .find(|i| i.interactant() == Interactant::CnsDepressants)
///     .unwrap();
/// println!("{}: {}", with_cns.effect(), with_cns.management());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    agent: Agent,
    interactant: Interactant,
    standing: Standing,
    effects: Vec<InteractionEffect>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<Jurisdiction>,
    effect: String,
    management: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    severity: Option<Severity>,
    sources: Vec<String>,
}

impl Interaction {
    /// The agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).all(|i| i.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The interacting drug or class.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).any(|i| i.interactant() == Interactant::Maois));
    /// ```
    pub fn interactant(&self) -> Interactant {
        self.interactant
    }

    /// Where the statement stands in the label: a boxed warning, a warning and
    /// precaution (US section 5) or another label statement (section 7), or observed.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).all(|i| i.standing() <= Standing::OtherLabelStatement));
    /// ```
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// What the interaction does, typed, most serious first (never empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::InteractionEffect;
    /// use ketamine_therapy::{Agent, Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let maoi = kb.interactions(Agent::Esketamine).find(|i| i.interactant() == Interactant::Maois).unwrap();
    /// assert_eq!(maoi.effects(), [InteractionEffect::BloodPressureIncrease]);
    /// ```
    pub fn effects(&self) -> &[InteractionEffect] {
        &self.effects
    }

    /// The jurisdiction whose label states it, where only one regulator's does.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).all(|i| i.jurisdiction().is_none() || i.jurisdiction().is_some()));
    /// ```
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction
    }

    /// What the interaction does.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).all(|i| !i.effect().is_empty()));
    /// ```
    pub fn effect(&self) -> &str {
        &self.effect
    }

    /// How the sources say to manage it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.interactions(Agent::Esketamine).all(|i| !i.management().is_empty()));
    /// ```
    pub fn management(&self) -> &str {
        &self.management
    }

    /// The severity, where a cited source grades it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for i in kb.interactions(Agent::RacemicKetamine) {
    ///     println!("{}: {}", i.interactant(), i.severity().map_or("not graded".into(), |s| s.to_string()));
    /// }
    /// ```
    pub fn severity(&self) -> Option<Severity> {
        self.severity
    }
}

impl Sourced for Interaction {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn interaction_effect_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<InteractionEffect>(
        crate::model::IdKind::InteractionEffect,
        input,
    )
}

fn severity_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Severity>(crate::model::IdKind::Severity, input)
}
