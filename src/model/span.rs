//! Durations: a [`Span`] of time, and a [`Timing`] (a sourced range of spans).
//!
//! Both parse from and print to the compact form of `data/SCHEMA.md` (`"40min"`,
//! `"2h"`); a span prints in its largest exact unit, so `"60min"` comes back as `"1h"`.

use crate::model::Sourced;
use crate::text::{echo, kept};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How a source qualifies a [`Timing`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Bound;
///
/// assert_eq!(Bound::AtLeast.to_string(), "at least");
/// assert_eq!("within".parse::<Bound>(), Ok(Bound::Within));
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = bound_parse_error)]
pub enum Bound {
    /// At least this long (a minimum: observation for at least 2 h).
    #[strum(to_string = "at least", serialize = "at_least")]
    AtLeast,
    /// At most this long.
    #[strum(to_string = "at most", serialize = "at_most")]
    AtMost,
    /// About this long (an approximate time: about 40 min after the dose).
    #[strum(to_string = "about")]
    About,
    /// Within this time (a window before or after an event).
    #[strum(to_string = "within")]
    Within,
}

/// A length of time, stored in whole seconds.
///
/// In data files a span is written `"<integer><unit>"` with unit `s`, `min`, `h`, `d`
/// or `wk`; it prints in the largest unit that divides it exactly.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Span;
///
/// let span: Span = "90min".parse()?;
/// assert_eq!(span.seconds(), 5400);
/// assert_eq!(span.to_string(), "90min");
/// assert_eq!("120min".parse::<Span>()?.to_string(), "2h");
/// assert!("ten minutes".parse::<Span>().is_err());
/// # Ok::<(), ketamine_therapy::model::SpanParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    seconds: u64,
}

/// Why a text is not a [`Span`]: it says what was wrong and what would be valid.
///
/// Its `Display` echoes at most 80 characters of the input, control and invisible
/// characters escaped.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Span;
///
/// let err = "3 fortnights".parse::<Span>().unwrap_err();
/// assert!(err.to_string().contains("expected"));
/// assert_eq!(err.input(), "3 fortnights");
/// // A long input is not echoed whole.
/// let long = "9".repeat(10_000);
/// assert!(long.parse::<Span>().unwrap_err().to_string().len() < 300);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{}` is not a span; expected an integer and a unit s, min, h, d or wk, such as \"40min\"",
    echo(input)
)]
pub struct SpanParseError {
    input: String,
}

impl SpanParseError {
    /// The text that did not parse (its first 256 bytes, if it was longer).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Span;
    ///
    /// assert_eq!("40 min".parse::<Span>().unwrap_err().input(), "40 min");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }
}

const UNITS: [(&str, u64); 5] = [
    ("wk", 7 * 24 * 3600),
    ("d", 24 * 3600),
    ("h", 3600),
    ("min", 60),
    ("s", 1),
];

impl Span {
    /// A span of `seconds` seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Span;
    ///
    /// assert_eq!(Span::from_seconds(3600).to_string(), "1h");
    /// ```
    pub const fn from_seconds(seconds: u64) -> Self {
        Span { seconds }
    }

    /// The span in whole seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Span;
    ///
    /// assert_eq!("2min".parse::<Span>()?.seconds(), 120);
    /// # Ok::<(), ketamine_therapy::model::SpanParseError>(())
    /// ```
    pub const fn seconds(self) -> u64 {
        self.seconds
    }

    /// The span in minutes, as a floating-point number (for display and sorting).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Span;
    ///
    /// assert_eq!("30s".parse::<Span>()?.minutes(), 0.5);
    /// # Ok::<(), ketamine_therapy::model::SpanParseError>(())
    /// ```
    pub fn minutes(self) -> f64 {
        self.seconds as f64 / 60.0
    }
}

impl FromStr for Span {
    type Err = SpanParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SpanParseError { input: kept(s) };
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let (number, unit) = s.split_at_checked(digits).ok_or_else(err)?;
        let value: u64 = number.parse().map_err(|_| err())?;
        let (_, factor) = UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .ok_or_else(err)?;
        value
            .checked_mul(*factor)
            .map(Span::from_seconds)
            .ok_or_else(err)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, factor) = UNITS
            .iter()
            .find(|(_, factor)| self.seconds % factor == 0 && self.seconds > 0)
            .copied()
            .unwrap_or(("s", 1));
        write!(f, "{}{}", self.seconds / factor, name)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A sourced range of time, such as the onset of an effect (`min` to `max`).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let onset = kb.route(Route::Intramuscular).acute_onset().expect("sourced");
/// assert!(onset.min() <= onset.max());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    min: Span,
    max: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bound: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Timing {
    /// The shortest reported time.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert!(iv.acute_onset().unwrap().min().seconds() <= 60);
    /// ```
    pub fn min(&self) -> Span {
        self.min
    }

    /// The longest reported time.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let t = KnowledgeBase::embedded().route(Route::Intranasal).observation().unwrap();
    /// assert!(t.max() >= t.min());
    /// ```
    pub fn max(&self) -> Span {
        self.max
    }

    /// How the source qualifies the span: "at least 2 h", "about 40 min", "within
    /// 6 weeks"; `None` where it gives the span plainly.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Bound, MonitoringKind};
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let obs = kb.monitoring(Agent::Esketamine).find(|m| m.kind() == MonitoringKind::Observation).unwrap();
    /// let timing = obs.timing().unwrap();
    /// assert_eq!(timing.bound(), Some(Bound::AtLeast));
    /// assert_eq!(timing.to_string(), "at least 2h");
    /// ```
    pub fn bound(&self) -> Option<Bound> {
        self.bound
    }

    /// What the numbers refer to, when the sources qualify them.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _maybe_note: Option<&str> = kb.route(Route::Oral).acute_onset().and_then(|t| t.note());
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Timing {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

impl fmt::Display for Timing {
    /// `"40min"` when both ends agree, otherwise `"40min-72h"`, after the qualifier
    /// if any: `"at least 2h"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(bound) = self.bound {
            write!(f, "{bound} ")?;
        }
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}-{}", self.min, self.max)
        }
    }
}

fn bound_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Bound>(crate::model::IdKind::Bound, input)
}
