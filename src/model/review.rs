//! What the data set checked: a [`Review`] of a [`Topic`] against named sources, so
//! that no records on a reviewed topic reads as "none documented".

use crate::model::Sourced;
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// A safety topic whose records the data set keeps per agent.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Topic;
///
/// assert_eq!("interactions".parse::<Topic>().unwrap(), Topic::Interactions);
/// assert_eq!(Topic::Populations.to_string(), "special populations");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = topic_parse_error)]
pub enum Topic {
    /// Risks and side effects.
    #[strum(to_string = "risks")]
    Risks,
    /// Contraindications.
    #[strum(to_string = "contraindications")]
    Contraindications,
    /// Drug interactions.
    #[strum(to_string = "interactions")]
    Interactions,
    /// Special populations.
    #[strum(to_string = "special populations", serialize = "populations")]
    Populations,
    /// Dosing regimens.
    #[strum(to_string = "dosing")]
    Dosing,
    /// Monitoring before, during and after a session.
    #[strum(to_string = "monitoring")]
    Monitoring,
}

/// A record that the data set checked one [`Topic`] for an agent against the cited
/// sources, so that an empty answer means "the sources document none" rather than
/// "not recorded".
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Sourced, Topic};
///
/// let kb = KnowledgeBase::embedded();
/// let review = kb.agent(Agent::Esketamine).review(Topic::Interactions).unwrap();
/// assert!(!review.sources().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    topic: Topic,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    gaps: Vec<Gap>,
    sources: Vec<String>,
}

impl Review {
    /// The topic checked.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.agent(Agent::Esketamine).review(Topic::Risks).unwrap().topic(), Topic::Risks);
    /// ```
    pub fn topic(&self) -> Topic {
        self.topic
    }

    /// What was checked and what it covers, where said.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for r in kb.agent(Agent::Esketamine).reviewed() {
    ///     println!("{}: {:?}", r.topic(), r.note());
    /// }
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The items of the topic that the review singles out: a label section that was
    /// not read, or one the label does not address.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let review = kb.agent(Agent::Esketamine).review(Topic::Populations).unwrap();
    /// for gap in review.gaps() {
    ///     println!("{}: {}", gap.item(), gap.status());
    /// }
    /// ```
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The gap recorded for `item` (an id of the topic's kind: a population, a risk,
    /// an interactant, a monitoring kind), if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Topic};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let review = kb.agent(Agent::Esketamine).review(Topic::Populations).unwrap();
    /// assert!(review.gap("no_such_item").is_none());
    /// ```
    pub fn gap(&self, item: &str) -> Option<&Gap> {
        self.gaps.iter().find(|g| g.item == item)
    }
}

impl Sourced for Review {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// What a review found about one item of its topic.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::GapStatus;
///
/// assert_eq!(GapStatus::NotRead.to_string(), "label section not read");
/// assert_eq!(GapStatus::NoneInLabel.to_string(), "not addressed in the label");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = gap_status_parse_error)]
pub enum GapStatus {
    /// The label section that would address the item was not read: unknown.
    #[strum(to_string = "label section not read", serialize = "not_read")]
    NotRead,
    /// The label was read and does not address the item.
    #[strum(to_string = "not addressed in the label", serialize = "none_in_label")]
    NoneInLabel,
}

/// One item of a reviewed topic that the review singles out, with why.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::GapStatus;
/// use ketamine_therapy::KnowledgeBase;
///
/// let kb = KnowledgeBase::embedded();
/// for agent in kb.agents() {
///     for gap in agent.reviewed().iter().flat_map(|r| r.gaps()) {
///         assert!(!gap.item().is_empty());
///         let _: GapStatus = gap.status();
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    item: String,
    status: GapStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Gap {
    /// The item: an id of the topic's kind (population, risk, interactant, monitoring
    /// kind) or, for contraindications and dosing, the label section.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.agents().flat_map(|a| a.reviewed()).flat_map(|r| r.gaps()).all(|g| !g.item().is_empty()));
    /// ```
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Whether the section was not read, or read and silent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::GapStatus;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.agents().flat_map(|a| a.reviewed()).flat_map(|r| r.gaps()).any(|g| g.status() == GapStatus::NotRead));
    /// ```
    pub fn status(&self) -> GapStatus {
        self.status
    }

    /// A note for readers.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for g in kb.agents().flat_map(|a| a.reviewed()).flat_map(|r| r.gaps()) {
    ///     println!("{}: {:?}", g.item(), g.note());
    /// }
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

fn topic_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Topic>(crate::model::IdKind::Topic, input)
}

fn gap_status_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<GapStatus>(crate::model::IdKind::GapStatus, input)
}
