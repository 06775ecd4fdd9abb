//! Benefits claimed for ketamine therapy, each with its time scale, its
//! qualifications and the conditions it concerns.

use crate::model::table::record_table;
use crate::model::{Condition, IdKind, ParseIdError, Sourced, Timing};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A benefit of ketamine therapy.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Benefit;
///
/// assert_eq!("synaptogenesis".parse::<Benefit>()?, Benefit::Neuroplasticity);
/// assert_eq!(Benefit::RapidRelief.to_string(), "rapid relief");
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
    parse_err_fn = benefit_parse_error
)]
#[non_exhaustive]
pub enum Benefit {
    /// Relief within hours to days.
    #[strum(
        to_string = "rapid relief",
        serialize = "rapid_relief",
        serialize = "rapid onset",
        serialize = "fast relief"
    )]
    RapidRelief,
    /// Growth of new synaptic connections (shown in animals).
    #[strum(
        to_string = "neuroplasticity",
        serialize = "synaptogenesis",
        serialize = "neural plasticity"
    )]
    Neuroplasticity,
    /// A mechanism unlike SSRIs and SNRIs.
    #[strum(
        to_string = "non-monoaminergic mechanism",
        serialize = "novel_mechanism",
        serialize = "novel mechanism",
        serialize = "non-traditional mechanism"
    )]
    NovelMechanism,
    /// A fast, short-term fall in suicidal ideation.
    #[strum(
        to_string = "reduction of suicidal ideation",
        serialize = "suicidal_ideation_reduction",
        serialize = "anti-suicidal effect",
        serialize = "suicidal ideation reduction"
    )]
    SuicidalIdeationReduction,
}

record_table!(Benefit {
    RapidRelief => "rapid_relief",
    Neuroplasticity => "neuroplasticity",
    NovelMechanism => "novel_mechanism",
    SuicidalIdeationReduction => "suicidal_ideation_reduction",
});

fn benefit_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Benefit>(IdKind::Benefit, input)
}

/// The kind of limit a qualification puts on a benefit.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::QualificationKind;
///
/// assert_eq!(QualificationKind::NotLabelled.to_string(), "not a labelled claim");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = qualification_kind_parse_error)]
pub enum QualificationKind {
    /// The effect fades.
    #[strum(to_string = "transient")]
    Transient,
    /// Shown in animals only.
    #[strum(to_string = "preclinical")]
    Preclinical,
    /// Not a claim of an approved label.
    #[strum(to_string = "not a labelled claim", serialize = "not_labelled")]
    NotLabelled,
    /// Shown only over a short term.
    #[strum(to_string = "short-term", serialize = "short_term")]
    ShortTerm,
    /// Another limit, explained in the text.
    #[strum(to_string = "other")]
    Other,
}

/// A limit on a benefit, with its sources.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::QualificationKind, Benefit, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let q = kb.benefit(Benefit::Neuroplasticity).qualifications();
/// assert!(q.iter().any(|q| q.kind() == QualificationKind::Preclinical));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    kind: QualificationKind,
    text: String,
    sources: Vec<String>,
}

impl Qualification {
    /// The kind of limit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::QualificationKind, Benefit, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.benefit(Benefit::RapidRelief).qualifications().iter().any(|q| q.kind() == QualificationKind::Transient));
    /// ```
    pub fn kind(&self) -> QualificationKind {
        self.kind
    }

    /// The limit, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.benefit(Benefit::RapidRelief).qualifications()[0].text().is_empty());
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Sourced for Qualification {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Everything the crate knows about one [`Benefit`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Benefit, Condition, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let b = kb.benefit(Benefit::SuicidalIdeationReduction);
/// assert!(b.conditions().contains(&Condition::DepressionWithSuicidalIdeation));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenefitRecord {
    id: Benefit,
    name: String,
    aliases: Vec<String>,
    description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time_scale: Option<Timing>,
    qualifications: Vec<Qualification>,
    conditions: Vec<Condition>,
    sources: Vec<String>,
}

impl BenefitRecord {
    /// The benefit this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().benefit(Benefit::RapidRelief).id(), Benefit::RapidRelief);
    /// ```
    pub fn id(&self) -> Benefit {
        self.id
    }

    /// The display name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().benefit(Benefit::RapidRelief).name(), "rapid relief");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// let _ = KnowledgeBase::embedded().benefit(Benefit::NovelMechanism).aliases();
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the benefit is, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().benefit(Benefit::NovelMechanism).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// When the benefit shows, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// assert!(KnowledgeBase::embedded().benefit(Benefit::RapidRelief).time_scale().is_some());
    /// ```
    pub fn time_scale(&self) -> Option<&Timing> {
        self.time_scale.as_ref()
    }

    /// The limits the sources put on the benefit.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().benefit(Benefit::Neuroplasticity).qualifications().is_empty());
    /// ```
    pub fn qualifications(&self) -> &[Qualification] {
        &self.qualifications
    }

    /// The conditions the benefit concerns.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Benefit, Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.benefit(Benefit::RapidRelief).conditions().contains(&Condition::TreatmentResistantDepression));
    /// ```
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }
}

impl Sourced for BenefitRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn qualification_kind_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<QualificationKind>(
        crate::model::IdKind::QualificationKind,
        input,
    )
}
