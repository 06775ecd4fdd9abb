//! [`Contraindication`]: a condition in which an agent must not be used.

use crate::model::{Agent, Sourced};
use serde::{Deserialize, Serialize};

/// A contraindication: a situation in which an agent must not be given.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// for c in kb.contraindications(Agent::Esketamine) {
///     println!("- {}", c.text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contraindication {
    agent: Agent,
    text: String,
    sources: Vec<String>,
}

impl Contraindication {
    /// The agent contraindicated.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).all(|c| c.agent() == Agent::Esketamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The contraindication, in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).any(|c| c.text().to_lowercase().contains("aneurysm")));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Sourced for Contraindication {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
