//! [`PercentRange`]: a range of percentages.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A range of percentages, `0 <= min <= max <= 100`.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let oral = kb.route(Route::Oral).bioavailability().unwrap();
/// assert!(oral.range().max() < 50.0);
/// assert_eq!(oral.range().to_string(), format!("{}-{}%", oral.range().min(), oral.range().max()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentRange {
    min: f64,
    max: f64,
}

impl PercentRange {
    /// A range whose bounds the loader has already validated.
    pub(crate) const fn new_unchecked(min: f64, max: f64) -> Self {
        PercentRange { min, max }
    }

    /// The lower end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.bioavailability().unwrap().range().min(), 100.0);
    /// ```
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The upper end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.bioavailability().unwrap().range().max(), 100.0);
    /// ```
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The middle of the range, handy for sorting.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let sl = KnowledgeBase::embedded().route(Route::Sublingual).bioavailability().unwrap();
    /// assert!(sl.range().midpoint() >= sl.range().min());
    /// ```
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) / 2.0
    }
}

impl fmt::Display for PercentRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}%", self.min)
        } else {
            write!(f, "{}-{}%", self.min, self.max)
        }
    }
}
