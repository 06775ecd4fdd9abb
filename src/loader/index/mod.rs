//! Every index built at load, so that queries only borrow.

use crate::loader::index::names::NameIndex;
use crate::model::{Agent, Benefit, Condition, ConditionGroup, Risk, Route};
use strum::EnumCount;

pub(crate) mod codes;
pub(crate) mod medicines;
pub(crate) mod names;

/// Everything derived from the records at load, so that queries only borrow.
#[derive(Clone, PartialEq)]
pub(crate) struct Index {
    /// Start and end in `indications` of each condition's indications.
    pub(crate) by_condition: [(usize, usize); Condition::COUNT],
    pub(crate) conditions_by_route: [Vec<Condition>; Route::COUNT],
    pub(crate) conditions_by_group: [Vec<Condition>; ConditionGroup::COUNT],
    pub(crate) routes_by_bioavailability: Vec<Route>,
    pub(crate) routes_by_onset: Vec<Route>,
    /// The answer of `risks_for` for every (agent or any, route or any): slot 0 is
    /// "any", slot `v as usize + 1` the variant `v`.
    pub(crate) risks_by: [[Vec<Risk>; Route::COUNT + 1]; Agent::COUNT + 1],
    /// The answer of `benefits_for` for every condition.
    pub(crate) benefits_by_condition: [Vec<Benefit>; Condition::COUNT],
    pub(crate) names: NameIndex,
    /// Every code of every agent, route and condition, for `by_code`.
    pub(crate) codes: codes::CodeIndex,
    /// The medicine vocabulary: names, class members, brand ingredients.
    pub(crate) medicines: medicines::MedicineIndex,
    /// For each condition, the positions in `regimens` of its regimens, labelled first.
    pub(crate) regimens_by_condition: [Vec<u32>; Condition::COUNT],
}
