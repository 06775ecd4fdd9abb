//! Conditions treated with ketamine, their groups, synonyms and ICD codes.

use crate::model::table::record_table;
use crate::model::{Code, IdKind, ParseIdError, Sourced};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A group of conditions, following the grouping of the seed article.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::ConditionGroup;
///
/// assert_eq!("chronic pain".parse::<ConditionGroup>()?, ConditionGroup::ChronicPain);
/// assert_eq!(ConditionGroup::Trauma.to_string(), "trauma-related disorders");
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
    parse_err_fn = group_parse_error
)]
#[non_exhaustive]
pub enum ConditionGroup {
    /// Depressive disorders.
    #[strum(to_string = "depression", serialize = "depressive disorders")]
    Depression,
    /// Anxiety disorders.
    #[strum(to_string = "anxiety disorders", serialize = "anxiety")]
    Anxiety,
    /// Trauma-related disorders.
    #[strum(to_string = "trauma-related disorders", serialize = "trauma")]
    Trauma,
    /// Bipolar disorder.
    #[strum(to_string = "bipolar disorder", serialize = "bipolar")]
    Bipolar,
    /// Obsessive-compulsive and related disorders.
    #[strum(
        to_string = "obsessive-compulsive and related disorders",
        serialize = "obsessive_compulsive"
    )]
    ObsessiveCompulsive,
    /// Chronic pain syndromes.
    #[strum(
        to_string = "chronic pain syndromes",
        serialize = "chronic_pain",
        serialize = "chronic pain"
    )]
    ChronicPain,
}

record_table!(ConditionGroup {
    Depression => "depression",
    Anxiety => "anxiety",
    Trauma => "trauma",
    Bipolar => "bipolar",
    ObsessiveCompulsive => "obsessive_compulsive",
    ChronicPain => "chronic_pain",
});

fn group_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<ConditionGroup>(IdKind::ConditionGroup, input)
}

/// A condition. `FromStr` is ASCII case-insensitive and takes abbreviations
/// ("TRD", "ptsd", "GAD") and synonyms.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, ConditionGroup};
///
/// assert_eq!("TRD".parse::<Condition>()?, Condition::TreatmentResistantDepression);
/// assert_eq!("ptsd".parse::<Condition>()?, Condition::Ptsd);
/// assert_eq!(Condition::Ptsd.to_string(), "post-traumatic stress disorder");
/// assert_eq!(Condition::Crps.group(), ConditionGroup::ChronicPain);
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
    parse_err_fn = condition_parse_error
)]
#[non_exhaustive]
pub enum Condition {
    /// Major depressive disorder.
    #[strum(
        to_string = "major depressive disorder",
        serialize = "major_depressive_disorder",
        serialize = "MDD",
        serialize = "major depression",
        serialize = "unipolar depression"
    )]
    MajorDepressiveDisorder,
    /// Depression that has not responded to at least two antidepressants.
    #[strum(
        to_string = "treatment-resistant depression",
        serialize = "treatment_resistant_depression",
        serialize = "TRD",
        serialize = "refractory depression"
    )]
    TreatmentResistantDepression,
    /// Major depression with acute suicidal ideation or behaviour.
    #[strum(
        to_string = "depression with acute suicidal ideation or behaviour",
        serialize = "depression_with_suicidal_ideation",
        serialize = "MDSI",
        serialize = "MDD with suicidal ideation",
        serialize = "suicidal ideation"
    )]
    DepressionWithSuicidalIdeation,
    /// Generalized anxiety disorder.
    #[strum(
        to_string = "generalized anxiety disorder",
        serialize = "generalized_anxiety_disorder",
        serialize = "GAD",
        serialize = "generalised anxiety disorder"
    )]
    GeneralizedAnxietyDisorder,
    /// Social anxiety disorder.
    #[strum(
        to_string = "social anxiety disorder",
        serialize = "social_anxiety_disorder",
        serialize = "SAD",
        serialize = "social phobia",
        serialize = "social anxiety"
    )]
    SocialAnxietyDisorder,
    /// Post-traumatic stress disorder.
    #[strum(
        to_string = "post-traumatic stress disorder",
        serialize = "PTSD",
        serialize = "posttraumatic stress disorder"
    )]
    Ptsd,
    /// Depressive episodes of bipolar disorder.
    #[strum(
        to_string = "bipolar depression",
        serialize = "bipolar_depression",
        serialize = "bipolar depressive episode"
    )]
    BipolarDepression,
    /// Obsessive-compulsive disorder.
    #[strum(to_string = "obsessive-compulsive disorder", serialize = "OCD")]
    Ocd,
    /// Fibromyalgia.
    #[strum(
        to_string = "fibromyalgia",
        serialize = "fibromyalgia syndrome",
        serialize = "FMS"
    )]
    Fibromyalgia,
    /// Complex regional pain syndrome (types I and II).
    #[strum(
        to_string = "complex regional pain syndrome",
        serialize = "CRPS",
        serialize = "causalgia"
    )]
    Crps,
    /// Migraine.
    #[strum(to_string = "migraine", serialize = "migraine headache")]
    Migraine,
}

record_table!(Condition {
    MajorDepressiveDisorder => "major_depressive_disorder",
    TreatmentResistantDepression => "treatment_resistant_depression",
    DepressionWithSuicidalIdeation => "depression_with_suicidal_ideation",
    GeneralizedAnxietyDisorder => "generalized_anxiety_disorder",
    SocialAnxietyDisorder => "social_anxiety_disorder",
    Ptsd => "ptsd",
    BipolarDepression => "bipolar_depression",
    Ocd => "ocd",
    Fibromyalgia => "fibromyalgia",
    Crps => "crps",
    Migraine => "migraine",
});

fn condition_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Condition>(IdKind::Condition, input)
}

impl Condition {
    /// The group the seed article puts this condition in. This is identity, not data:
    /// it cannot change with a data update, and the loader checks that records agree.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, ConditionGroup};
    ///
    /// assert_eq!(Condition::SocialAnxietyDisorder.group(), ConditionGroup::Anxiety);
    /// ```
    pub const fn group(self) -> ConditionGroup {
        match self {
            Condition::MajorDepressiveDisorder
            | Condition::TreatmentResistantDepression
            | Condition::DepressionWithSuicidalIdeation => ConditionGroup::Depression,
            Condition::GeneralizedAnxietyDisorder | Condition::SocialAnxietyDisorder => {
                ConditionGroup::Anxiety
            }
            Condition::Ptsd => ConditionGroup::Trauma,
            Condition::BipolarDepression => ConditionGroup::Bipolar,
            Condition::Ocd => ConditionGroup::ObsessiveCompulsive,
            Condition::Fibromyalgia | Condition::Crps | Condition::Migraine => {
                ConditionGroup::ChronicPain
            }
        }
    }
}

/// A condition group's record.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// assert_eq!(kb.group(ConditionGroup::Anxiety).name(), "anxiety disorders");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRecord {
    id: ConditionGroup,
    name: String,
    aliases: Vec<String>,
    description: String,
    sources: Vec<String>,
}

impl GroupRecord {
    /// The group this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().group(ConditionGroup::Bipolar).id(), ConditionGroup::Bipolar);
    /// ```
    pub fn id(&self) -> ConditionGroup {
        self.id
    }

    /// The display name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().group(ConditionGroup::Depression).name(), "depression");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names of the group.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
    ///
    /// let _ = KnowledgeBase::embedded().group(ConditionGroup::ChronicPain).aliases();
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the group covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{ConditionGroup, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().group(ConditionGroup::Trauma).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }
}

impl Sourced for GroupRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Everything the crate knows about one [`Condition`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::CodeSystem, Condition, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let gad = kb.condition(Condition::GeneralizedAnxietyDisorder);
/// assert!(gad.codes().iter().any(|c| c.system() == CodeSystem::Icd10Cm && c.code() == "F41.1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionRecord {
    id: Condition,
    name: String,
    group: ConditionGroup,
    aliases: Vec<String>,
    description: String,
    sources: Vec<String>,
    codes: Vec<Code>,
}

impl ConditionRecord {
    /// The condition this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().condition(Condition::Ocd).id(), Condition::Ocd);
    /// ```
    pub fn id(&self) -> Condition {
        self.id
    }

    /// The display name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().condition(Condition::Ocd).name(), "obsessive-compulsive disorder");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The group (always [`Condition::group`] of the id).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, ConditionGroup, KnowledgeBase};
    ///
    /// assert_eq!(KnowledgeBase::embedded().condition(Condition::Migraine).group(), ConditionGroup::ChronicPain);
    /// ```
    pub fn group(&self) -> ConditionGroup {
        self.group
    }

    /// Abbreviations and synonyms.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// assert!(KnowledgeBase::embedded().condition(Condition::Ptsd).aliases().iter().any(|a| a == "PTSD"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the condition is, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().condition(Condition::Crps).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// ICD-10-CM and ICD-11 codes confirmed in a source.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// assert!(!KnowledgeBase::embedded().condition(Condition::Fibromyalgia).codes().is_empty());
    /// ```
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }
}

impl Sourced for ConditionRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
