//! [`Evidence`]: how strong the evidence behind a use is, strongest first.

use crate::model::{IdKind, ParseIdError};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// How strong the evidence for an indication is. Declared strongest first;
/// [`Ord`] makes the strongest level the greatest.
///
/// | level | meaning |
/// |---|---|
/// | `RegulatoryApproval` | a regulator approved this agent and route for this condition |
/// | `Strong` | several randomised trials and meta-analyses |
/// | `Mixed` | several randomised trials with mixed or limited results |
/// | `Limited` | one small randomised trial and/or open-label studies |
/// | `Insufficient` | case reports, negative or absent evidence |
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Evidence;
///
/// assert!(Evidence::RegulatoryApproval > Evidence::Strong);
/// assert!(Evidence::Limited > Evidence::Insufficient);
/// assert_eq!("mixed".parse::<Evidence>()?, Evidence::Mixed);
/// assert_eq!(Evidence::Strong.to_string(), "strong");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
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
    parse_err_fn = evidence_parse_error
)]
#[non_exhaustive]
pub enum Evidence {
    /// Approved by a regulator for this condition, agent and route.
    #[strum(
        to_string = "regulatory approval",
        serialize = "regulatory_approval",
        serialize = "approved"
    )]
    RegulatoryApproval,
    /// Several randomised controlled trials and meta-analyses.
    #[strum(to_string = "strong")]
    Strong,
    /// Several randomised trials with mixed or limited results.
    #[strum(to_string = "mixed")]
    Mixed,
    /// One small randomised trial and/or open-label studies.
    #[strum(to_string = "limited")]
    Limited,
    /// Case reports, negative or absent evidence.
    #[strum(to_string = "insufficient")]
    Insufficient,
}

fn evidence_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Evidence>(IdKind::Evidence, input)
}

impl Evidence {
    /// 4 for regulatory approval down to 0 for insufficient.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Evidence;
    ///
    /// assert_eq!(Evidence::RegulatoryApproval.rank(), 4);
    /// assert_eq!(Evidence::Insufficient.rank(), 0);
    /// ```
    pub fn rank(self) -> u8 {
        match self {
            Evidence::RegulatoryApproval => 4,
            Evidence::Strong => 3,
            Evidence::Mixed => 2,
            Evidence::Limited => 1,
            Evidence::Insufficient => 0,
        }
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Evidence {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank())
    }
}
