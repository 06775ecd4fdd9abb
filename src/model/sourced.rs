//! Citing: the [`Sourced`] trait that every fact implements, and [`SourcedText`],
//! a text with the sources behind it.

use serde::{Deserialize, Serialize};

/// Anything that cites sources: every record and every sourced value in a record.
///
/// The ids resolve with [`KnowledgeBase::source`](crate::KnowledgeBase::source); the
/// loader guarantees that they do and that the list is never empty.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route, Sourced};
///
/// let kb = KnowledgeBase::embedded();
/// let iv = kb.route(Route::Intravenous);
/// for id in iv.sources() {
///     assert!(kb.source(id).is_some());
/// }
/// ```
pub trait Sourced {
    /// The ids of the sources that support this fact (never empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Sourced};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.agent(Agent::Esketamine).sources().is_empty());
    /// ```
    fn sources(&self) -> &[String];
}

/// A short text with the sources behind it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let protocol = kb.route(Route::Intravenous).protocol().unwrap();
/// assert!(protocol.text().contains("0.5 mg/kg"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedText {
    text: String,
    sources: Vec<String>,
}

impl SourcedText {
    /// The text, written in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(!kb.mechanism().qualification().text().is_empty());
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Sourced for SourcedText {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}
