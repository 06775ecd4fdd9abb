//! The [`Mechanism`] of action, step by step, with the [`Certainty`] of each step.

use crate::model::{Agent, Sourced, SourcedText};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// How certain a mechanism step is.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Certainty;
///
/// assert_eq!(Certainty::Preclinical.to_string(), "preclinical");
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
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = certainty_parse_error)]
pub enum Certainty {
    /// Established pharmacology.
    #[strum(to_string = "established")]
    Established,
    /// The wording of a regulator-approved label.
    #[strum(to_string = "label wording", serialize = "label_wording")]
    LabelWording,
    /// Shown in animals, not in humans.
    #[strum(to_string = "preclinical")]
    Preclinical,
    /// A proposed explanation.
    #[strum(to_string = "hypothesis")]
    Hypothesis,
}

/// One step of the mechanism of action, in causal order.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::Certainty, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let first = &kb.mechanism().steps()[0];
/// assert_eq!(first.id(), "nmda_antagonism");
/// assert_eq!(first.certainty(), Certainty::Established);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MechanismStep {
    id: String,
    summary: String,
    certainty: Certainty,
    agents: Vec<Agent>,
    sources: Vec<String>,
}

impl MechanismStep {
    /// A stable snake-case id for the step.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.mechanism().steps().iter().any(|s| s.id() == "synaptogenesis"));
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The step, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.mechanism().steps()[0].summary().contains("NMDA"));
    /// ```
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// How certain the step is.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Certainty;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.mechanism().steps().iter().any(|s| s.certainty() == Certainty::Preclinical));
    /// ```
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }

    /// The agents the step is described for.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Agent;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.mechanism().steps()[0].agents().contains(&Agent::Esketamine));
    /// ```
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }
}

impl Sourced for MechanismStep {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// The mechanism of action: NMDA-receptor antagonism, a transient glutamate surge,
/// AMPA and neurotrophic (BDNF/mTOR) signalling, and synaptogenesis, with the
/// qualification that the last is shown in animals and that the label calls the
/// mechanism not fully understood.
///
/// # Examples
///
/// ```
/// let kb = ketamine_therapy::KnowledgeBase::embedded();
/// let m = kb.mechanism();
/// assert!(m.steps().len() >= 4);
/// assert!(!m.qualification().text().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    qualification: SourcedText,
    steps: Vec<MechanismStep>,
}

impl Mechanism {
    /// What is and is not established about the mechanism.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(!kb.mechanism().qualification().text().is_empty());
    /// ```
    pub fn qualification(&self) -> &SourcedText {
        &self.qualification
    }

    /// The steps, in causal order.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for step in kb.mechanism().steps() {
    ///     println!("{} ({})", step.summary(), step.certainty());
    /// }
    /// ```
    pub fn steps(&self) -> &[MechanismStep] {
        &self.steps
    }
}

fn certainty_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Certainty>(crate::model::IdKind::Certainty, input)
}
