//! [`Contraindication`]: a condition in which an agent must not be used.

use crate::model::{Agent, Criterion, Jurisdiction, Sourced, Standing};
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<Jurisdiction>,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    criteria: Vec<Criterion>,
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

    /// The jurisdiction whose label states it, where only one regulator's does; `None`
    /// where the labels of every jurisdiction read agree.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Jurisdiction, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).any(|c| c.jurisdiction() == Some(Jurisdiction::Eu)));
    /// ```
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction
    }

    /// The typed criteria a patient is compared against, beside [`Contraindication::text`];
    /// alternatives: the contraindication concerns a patient who meets any of them.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Criterion, History};
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let aneurysm = Criterion::History { condition: History::AneurysmalVascularDisease, within: None };
    /// assert!(kb.contraindications(Agent::Esketamine).any(|c| c.criteria().contains(&aneurysm)));
    /// ```
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// Its standing: always [`Standing::Contraindication`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).all(|c| c.standing() == Standing::Contraindication));
    /// ```
    pub fn standing(&self) -> Standing {
        Standing::Contraindication
    }
}

impl Sourced for Contraindication {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
