//! [`Date`]: a calendar date with the precision its source gives.

use crate::text::{echo, kept};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date with the precision the source gives: a year, a month or a day.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Date;
///
/// let d: Date = "2019-03-05".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2019, Some(3), Some(5)));
/// assert_eq!("2025-01".parse::<Date>()?.to_string(), "2025-01");
/// assert!("2019-02-30".parse::<Date>().is_err());
/// # Ok::<(), ketamine_therapy::model::DateParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a [`Date`].
///
/// Its `Display` echoes at most 80 characters of the input, control and invisible
/// characters escaped.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Date;
///
/// let err = "5 March 2019".parse::<Date>().unwrap_err();
/// assert!(err.to_string().contains("YYYY-MM-DD"));
/// assert_eq!(err.input(), "5 March 2019");
/// let long = "2019-".repeat(10_000);
/// assert!(long.parse::<Date>().unwrap_err().to_string().len() < 300);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day",
    echo(input)
)]
pub struct DateParseError {
    input: String,
}

impl DateParseError {
    /// The text that did not parse (its first 256 bytes, if it was longer).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Date;
    ///
    /// assert_eq!("2019-13".parse::<Date>().unwrap_err().input(), "2019-13");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl Date {
    /// The year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("1970".parse::<ketamine_therapy::model::Date>()?.year(), 1970);
    /// # Ok::<(), ketamine_therapy::model::DateParseError>(())
    /// ```
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12), when the source gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2019-12".parse::<ketamine_therapy::model::Date>()?.month(), Some(12));
    /// # Ok::<(), ketamine_therapy::model::DateParseError>(())
    /// ```
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when the source gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2019-12".parse::<ketamine_therapy::model::Date>()?.day(), None);
    /// # Ok::<(), ketamine_therapy::model::DateParseError>(())
    /// ```
    pub fn day(&self) -> Option<u8> {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError { input: kept(s) };
        let mut parts = s.split('-');
        let number = |part: Option<&str>, len: usize| -> Result<Option<u16>, DateParseError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| err())
                }
                Some(_) => Err(err()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(err)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(err());
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(err()),
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) if d >= 1 && d <= u16::from(days_in_month(year, m)) => Some(d as u8),
            (_, Some(_)) => return Err(err()),
            (_, None) => None,
        };
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
