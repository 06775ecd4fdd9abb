//! Load-time sets: a fast word hash, and the set of source ids that citations are
//! checked against (with the closest id for a suggestion).

use crate::text::{MAX_PATTERN_BYTES, Pattern};
use std::collections::HashMap;

/// A word-at-a-time multiply-rotate hash (as rustc's FxHash), for the load-time sets
/// of short ids and names: several times faster than the default SipHash, and than a
/// byte-wise hash. Flooding is not a concern: the keys come from data files the caller
/// chose to load, which are capped at [`MAX_FILE_BYTES`](crate::loader::MAX_FILE_BYTES).
#[derive(Default)]
pub(super) struct WordHash(u64);

impl WordHash {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for WordHash {
    fn finish(&self) -> u64 {
        // The table indexes by the low bits: fold the well-mixed high bits into them.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub(super) type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<WordHash>>;
pub(super) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHash>>;

/// A set of short ids (source ids), for the thousands of citations a load checks: an
/// open-addressing table hashed on the length and the first and last eight bytes, so a
/// lookup reads the id once, to compare it.
pub(super) struct IdSet<'a> {
    /// Power-of-two sized, at least twice the ids, so a probe ends at an empty slot.
    slots: Vec<Option<&'a str>>,
    len: usize,
}

impl<'a> IdSet<'a> {
    fn new(ids: impl Iterator<Item = &'a str> + Clone) -> Self {
        let count = ids.clone().count();
        let mut set = IdSet {
            slots: vec![None; (count * 2).next_power_of_two().max(8)],
            len: 0,
        };
        for id in ids {
            set.insert(id);
        }
        set
    }

    /// Where `id` is, or the empty slot where it would go.
    fn slot(&self, id: &str) -> usize {
        let bytes = id.as_bytes();
        let word = |b: &[u8]| {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..b.len()) {
                head.copy_from_slice(b);
            }
            u64::from_le_bytes(w)
        };
        let n = bytes.len().min(8);
        let head = word(bytes.get(..n).unwrap_or_default());
        let tail = word(bytes.get(bytes.len() - n..).unwrap_or_default());
        let hash =
            (head ^ tail.rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len() - 1;
        let mut at = (hash >> 32) as usize & mask;
        while let Some(Some(known)) = self.slots.get(at) {
            if *known == id {
                break;
            }
            at = (at + 1) & mask;
        }
        at
    }

    fn insert(&mut self, id: &'a str) {
        let at = self.slot(id);
        if let Some(slot @ None) = self.slots.get_mut(at) {
            *slot = Some(id);
            self.len += 1;
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.slots.get(self.slot(id)).is_some_and(Option::is_some)
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.slots.iter().filter_map(|s| *s)
    }
}

/// The source ids of the data set, for checking citations (thousands per load).
pub(super) struct SourceIds<'a> {
    ids: IdSet<'a>,
    /// The ids of labels and regulator documents, which a label standing must cite.
    labels: IdSet<'a>,
}

impl<'a> SourceIds<'a> {
    pub(super) fn new(sources: &'a [crate::Source]) -> Self {
        SourceIds {
            ids: IdSet::new(sources.iter().map(crate::Source::id)),
            labels: IdSet::new(
                sources
                    .iter()
                    .filter(|s| {
                        matches!(
                            s.kind(),
                            crate::model::SourceKind::Label | crate::model::SourceKind::Regulator
                        )
                    })
                    .map(crate::Source::id),
            ),
        }
    }

    pub(super) fn from_ids(ids: impl Iterator<Item = &'a str> + Clone) -> Self {
        SourceIds {
            ids: IdSet::new(ids),
            labels: IdSet::new(std::iter::empty()),
        }
    }

    /// Whether any source is a label or regulator document (none when only ids are
    /// known).
    pub(super) fn knows_labels(&self) -> bool {
        !self.labels.is_empty()
    }

    /// Whether `id` is a label or a regulator document.
    pub(super) fn is_label(&self, id: &str) -> bool {
        self.labels.contains(id)
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The known id with the smallest edit distance, if it is close. Bounded: an id
    /// longer than any distance can measure gets no suggestion.
    pub(super) fn closest(&self, id: &str) -> Option<String> {
        if id.len() > MAX_PATTERN_BYTES {
            return None;
        }
        let pattern = Pattern::new(id.as_bytes());
        self.ids
            .iter()
            .filter_map(|known| {
                let bound = 3.max(known.len() / 4);
                Some((pattern.distance(known.as_bytes(), bound)?, known))
            })
            .min()
            .map(|(_, known)| known.to_owned())
    }
}
