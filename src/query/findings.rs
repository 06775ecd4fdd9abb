//! [`Findings`] and [`Documented`]: a list that tells "none documented" apart from
//! "not recorded in this data".

use crate::model::{
    Agent, Contraindication, Gap, Interaction, Monitoring, PopulationGuidance, Regimen, Review,
};
use std::fmt;

/// Records sorted by agent, so that one agent's records are a slice.
pub(crate) trait ByAgent {
    fn by_agent(&self) -> Agent;
}

macro_rules! by_agent {
    ($($t:ty),+) => {$(
        impl ByAgent for $t {
            fn by_agent(&self) -> Agent {
                self.agent()
            }
        }
    )+};
}

by_agent!(
    Contraindication,
    Interaction,
    PopulationGuidance,
    Regimen,
    Monitoring
);

/// Whether the data documents a topic for an agent (see
/// [`KnowledgeBase::documented`](crate::KnowledgeBase::documented)): records exist, the cited sources were checked and
/// document none, or the topic is not recorded, so that an empty list says nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, Documented, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let d = kb.interactions(Agent::Esketamine).documented();
/// assert!(d.is_known());
/// assert!(matches!(d, Documented::Recorded(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Documented<'a> {
    /// This many records.
    Recorded(usize),
    /// The topic was checked against the review's sources, and they document none.
    NoneDocumented(&'a Review),
    /// The label section that would address the item was not read: unknown
    /// ([`KnowledgeBase::documented_for`](crate::KnowledgeBase::documented_for)).
    NotRead(&'a Gap),
    /// Nothing about the topic is recorded for the agent in this data.
    NotRecorded,
}

impl<'a> Documented<'a> {
    pub(crate) fn new(count: usize, review: Option<&'a Review>) -> Self {
        match (count, review) {
            (0, Some(review)) => Documented::NoneDocumented(review),
            (0, None) => Documented::NotRecorded,
            (n, _) => Documented::Recorded(n),
        }
    }

    /// Whether the answer is known: records exist or the sources document none (not
    /// for a section not read, nor for a topic not recorded).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Documented;
    ///
    /// assert!(!Documented::NotRecorded.is_known());
    /// assert!(Documented::Recorded(2).is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        matches!(
            self,
            Documented::Recorded(_) | Documented::NoneDocumented(_)
        )
    }
}

impl fmt::Display for Documented<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Documented::Recorded(n) => write!(f, "{n} recorded"),
            Documented::NoneDocumented(_) => f.write_str("documented: none"),
            Documented::NotRead(gap) => match gap.note() {
                Some(note) => write!(f, "not assessed: label section not read ({note})"),
                None => f.write_str("not assessed: label section not read"),
            },
            Documented::NotRecorded => f.write_str("not recorded in this data"),
        }
    }
}

/// The records of one agent on one safety topic, with whether the topic is documented:
/// an iterator that also tells an empty answer that means "none" from one that means
/// "not recorded". It borrows; it allocates nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let found = kb.populations(Agent::Esketamine);
/// println!("{}", found.documented());
/// assert_eq!(found.len(), found.clone().count());
/// ```
#[derive(Debug, Clone)]
pub struct Findings<'a, T> {
    pub(crate) items: std::slice::Iter<'a, T>,
    pub(crate) documented: Documented<'a>,
}

impl<'a, T> Findings<'a, T> {
    /// Whether the topic is documented for the agent (see [`Documented`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.contraindications(Agent::Esketamine).documented().is_known());
    /// ```
    pub fn documented(&self) -> Documented<'a> {
        self.documented
    }

    /// The remaining records as a slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.contraindications(Agent::Esketamine).as_slice().is_empty());
    /// ```
    pub fn as_slice(&self) -> &'a [T] {
        self.items.as_slice()
    }
}

impl<'a, T> Iterator for Findings<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.items.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<T> ExactSizeIterator for Findings<'_, T> {}
