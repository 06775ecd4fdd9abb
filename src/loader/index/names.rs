//! The name index: every folded name and alias, sorted, for lookup without allocation.

use crate::model::Entity;
use crate::text::key_hash;

/// The sorted table of folded names and aliases (for suggestions), and an
/// open-addressing hash table over it (for hits).
///
/// The keys are held one after the other in one string, in sorted order: one
/// allocation for the whole table, and a scan of every key (suggestions) reads memory
/// in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameIndex<V = Entity> {
    /// Every key, sorted, one after the other.
    text: String,
    /// For each key, in sorted order: where it starts and ends in `text`, and its value.
    keys: Vec<(u32, u32, V)>,
    /// Power-of-two sized, at least twice `keys.len()`, so a probe always ends at an
    /// empty slot; each slot holds 1 + an index into `keys`, 0 if empty.
    slots: Vec<u32>,
}

/// The first eight bytes of a key as a big-endian number (zero-padded): comparing
/// these first orders keys as their bytes do, and most comparisons end there,
/// without reading the key.
pub(crate) fn prefix(key: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = key.len().min(8);
    if let (Some(to), Some(from)) = (head.get_mut(..n), key.get(..n)) {
        to.copy_from_slice(from);
    }
    u64::from_be_bytes(head)
}

impl<V: Copy + Ord> NameIndex<V> {
    /// The index of the `len` keys of `keys`, already sorted by key, each key once.
    pub(crate) fn from_sorted<'k>(len: usize, keys: impl Iterator<Item = (&'k [u8], V)>) -> Self {
        let size = (len * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        let mut bytes = Vec::new();
        let mut spans = Vec::with_capacity(len);
        // Fewer than 2^32 bytes and keys fit in memory; a failed conversion is
        // unreachable.
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for (i, (key, value)) in keys.enumerate() {
            let start = offset(bytes.len());
            bytes.extend_from_slice(key);
            spans.push((start, offset(bytes.len()), value));
            let mut at = (key_hash(key) >> 32) as usize & mask;
            while slots.get(at).is_some_and(|s| *s != 0) {
                at = (at + 1) & mask;
            }
            if let Some(slot) = slots.get_mut(at) {
                *slot = u32::try_from(i + 1).unwrap_or(0);
            }
        }
        NameIndex {
            // The keys are folded text, whole UTF-8 characters each.
            text: String::from_utf8(bytes).unwrap_or_default(),
            keys: spans,
            slots,
        }
    }

    /// The key at `(start, end, value)`, and its value.
    fn key(&self, &(start, end, value): &(u32, u32, V)) -> Option<(&str, V)> {
        Some((self.text.get(start as usize..end as usize)?, value))
    }

    /// The value whose folded name or alias is `key`, if any.
    pub(crate) fn get(&self, key: &[u8]) -> Option<V> {
        self.get_hashed(key, key_hash(key))
    }

    /// [`Self::get`] of a key whose [`key_hash`] is `hash` (computed by the fold).
    pub(crate) fn get_hashed(&self, key: &[u8], hash: u64) -> Option<V> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash >> 32) as usize & mask;
        loop {
            let slot = usize::try_from(*self.slots.get(at)?).ok()?;
            // Bytes, not `str`: no character-boundary checks on the hot path.
            let &(start, end, value) = self.keys.get(slot.checked_sub(1)?)?;
            if self.text.as_bytes().get(start as usize..end as usize)? == key {
                return Some(value);
            }
            at = (at + 1) & mask;
        }
    }

    /// Every (folded key, value) whose key starts with `head`, in key order: a binary
    /// search to the first, then a scan while the keys share the head.
    pub(crate) fn starting_with<'a>(
        &'a self,
        head: &'a [u8],
    ) -> impl Iterator<Item = (&'a str, V)> + 'a {
        let from = self
            .keys
            .partition_point(|k| self.key(k).is_some_and(|(key, _)| key.as_bytes() < head));
        self.keys
            .get(from..)
            .unwrap_or_default()
            .iter()
            .filter_map(|k| self.key(k))
            .take_while(move |(key, _)| key.as_bytes().starts_with(head))
    }

    /// Every (folded key, value), sorted by key: what suggestions rank.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&str, V)> + '_ {
        self.keys.iter().filter_map(|k| self.key(k))
    }
}
