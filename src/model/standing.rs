//! [`Standing`]: where a safety statement stands, from a contraindication down to a
//! finding of studies; every safety list is ordered by it, most serious first.

use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// Where a safety statement stands. The variants are declared, and ordered, most
/// serious first, so sorting by standing puts contraindications before boxed warnings
/// before the rest.
///
/// * [`Contraindication`](Standing::Contraindication): the label says the agent must
///   not be used.
/// * [`BoxedWarning`](Standing::BoxedWarning): in the label's boxed warning.
/// * [`WarningAndPrecaution`](Standing::WarningAndPrecaution): in the label's warnings
///   and precautions (US section 5, EU/UK section 4.4).
/// * [`OtherLabelStatement`](Standing::OtherLabelStatement): elsewhere in a label:
///   adverse reactions, drug interactions, use in specific populations, dosing and
///   administration, counselling.
/// * [`ObservedInStudies`](Standing::ObservedInStudies): found in trials or other
///   studies, or a class effect of ketamine, not stated in this agent's label.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Standing;
///
/// assert!(Standing::Contraindication < Standing::BoxedWarning);
/// assert!(Standing::BoxedWarning < Standing::ObservedInStudies);
/// assert_eq!(Standing::BoxedWarning.to_string(), "boxed warning");
/// assert!(Standing::WarningAndPrecaution.is_label());
/// assert!(!Standing::ObservedInStudies.is_label());
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
#[strum(ascii_case_insensitive, serialize_all = "snake_case")]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = standing_parse_error)]
pub enum Standing {
    /// The label says the agent must not be used.
    #[strum(to_string = "contraindication", serialize = "contraindication")]
    Contraindication,
    /// In the label's boxed warning.
    #[strum(to_string = "boxed warning", serialize = "boxed_warning")]
    BoxedWarning,
    /// In the label's warnings and precautions.
    #[strum(
        to_string = "warning and precaution",
        serialize = "warning_and_precaution"
    )]
    WarningAndPrecaution,
    /// Elsewhere in a label (adverse reactions, interactions, specific populations,
    /// dosing and administration, counselling).
    #[strum(
        to_string = "other label statement",
        serialize = "other_label_statement"
    )]
    OtherLabelStatement,
    /// Found in studies, or a class effect; not stated in this agent's label.
    #[strum(to_string = "observed in studies", serialize = "observed_in_studies")]
    ObservedInStudies,
}

impl Standing {
    /// Whether a label (or a regulator's decision on one) states it: every standing
    /// but [`Standing::ObservedInStudies`]. A label statement holds on every route the
    /// agent is given by; a study finding only where it was observed.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    ///
    /// assert!(Standing::OtherLabelStatement.is_label());
    /// ```
    pub const fn is_label(self) -> bool {
        !matches!(self, Standing::ObservedInStudies)
    }
}

fn standing_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Standing>(crate::model::IdKind::Standing, input)
}
