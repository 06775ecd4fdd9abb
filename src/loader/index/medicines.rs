//! The medicine index: every folded ingredient name, alias and brand name, the members
//! of each interactant class, and each brand's ingredients, all as positions in the
//! knowledge base's sorted tables.

use strum::EnumCount;

use crate::loader::index::names::NameIndex;
use crate::model::Interactant;

/// What a folded medicine name stands for: an ingredient or a brand, by its position in
/// `KnowledgeBase::medicines` or `KnowledgeBase::brands`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MedicineKey {
    Ingredient(u32),
    Brand(u32),
}

/// Built at load, from the sorted tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MedicineIndex {
    /// Folded names, aliases and brand names.
    pub(crate) names: NameIndex<MedicineKey>,
    /// For each interactant, the positions of its member ingredients, by name.
    pub(crate) members: [Vec<u32>; Interactant::COUNT],
    /// For each brand, the positions of its ingredients, in the brand's order.
    pub(crate) brand_ingredients: Vec<Vec<u32>>,
}
