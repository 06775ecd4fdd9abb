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
    pub(crate) brand_ingredients: BrandIngredients,
}

/// For each brand, the positions of its ingredients: the lists one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrandIngredients {
    positions: Vec<u32>,
    /// Where each brand's list ends in `positions`.
    ends: Vec<u32>,
}

impl BrandIngredients {
    pub(crate) fn with_capacity(brands: usize, positions: usize) -> Self {
        BrandIngredients {
            positions: Vec::with_capacity(positions),
            ends: Vec::with_capacity(brands),
        }
    }

    /// Adds the next brand's list.
    pub(crate) fn push(&mut self, positions: impl IntoIterator<Item = u32>) {
        self.positions.extend(positions);
        // Fewer than 2^32 positions fit in the byte limits of a load.
        self.ends
            .push(u32::try_from(self.positions.len()).unwrap_or(u32::MAX));
    }

    /// The positions of the ingredients of the brand at `brand` (none if out of range).
    pub(crate) fn of(&self, brand: u32) -> &[u32] {
        let end = self.ends.get(brand as usize).map_or(0, |e| *e as usize);
        let start = match (brand as usize).checked_sub(1) {
            Some(before) => self.ends.get(before).map_or(0, |e| *e as usize),
            None => 0,
        };
        self.positions.get(start..end).unwrap_or_default()
    }
}
