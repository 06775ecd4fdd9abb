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
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
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
}

impl Sourced for Review {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
