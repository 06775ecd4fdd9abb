//! The name index: every folded name and alias, sorted, for lookup without allocation.

use crate::model::Entity;

/// The sorted table of folded names and aliases (for suggestions), and an
/// open-addressing hash table over it (for hits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameIndex<V = Entity> {
    keys: Vec<(Box<str>, V)>,
    /// Power-of-two sized, at least twice `keys.len()`, so a probe always ends at an
    /// empty slot; each slot holds 1 + an index into `keys`, 0 if empty.
    slots: Vec<u32>,
}

/// A small hash of the folded key: byte-wise rotate-xor (byte loads forward from
/// the byte stores of the fold), mixed by one multiply.
fn hash(key: &[u8]) -> u64 {
    let h = key
        .iter()
        .fold(key.len() as u64, |h, b| h.rotate_left(7) ^ u64::from(*b));
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl<V: Copy + Ord> NameIndex<V> {
    /// The index of `keys` (folded name or alias, value); each key once.
    pub(crate) fn new(mut keys: Vec<(Box<str>, V)>) -> Self {
        keys.sort_unstable();
        let size = (keys.len() * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        for (i, (key, _)) in keys.iter().enumerate() {
            let mut at = (hash(key.as_bytes()) >> 32) as usize & mask;
            while slots.get(at).is_some_and(|s| *s != 0) {
                at = (at + 1) & mask;
            }
            if let Some(slot) = slots.get_mut(at) {
                // Fewer than 2^32 keys fit in memory; a failed conversion is unreachable.
                *slot = u32::try_from(i + 1).unwrap_or(0);
            }
        }
        NameIndex { keys, slots }
    }

    /// The value whose folded name or alias is `key`, if any.
    pub(crate) fn get(&self, key: &[u8]) -> Option<V> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash(key) >> 32) as usize & mask;
        loop {
            let slot = usize::try_from(*self.slots.get(at)?).ok()?;
            let (k, value) = self.keys.get(slot.checked_sub(1)?)?;
            if k.as_bytes() == key {
                return Some(*value);
            }
            at = (at + 1) & mask;
        }
    }

    /// Every (folded key, value), sorted by key: what suggestions rank.
    pub(crate) fn entries(&self) -> &[(Box<str>, V)] {
        &self.keys
    }
}
