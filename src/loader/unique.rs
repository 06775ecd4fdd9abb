//! Names that must be unique once folded and must not look alike, for the names of the
//! entities and for the medicine vocabulary; and the index built from them.
//!
//! The folded keys are held one after the other in one buffer. Clashes are found on
//! the sort that the index needs anyway; look-alikes (UTS #39 skeletons, folded) by
//! hashing, in order of appearance. Of all clashes, the one reported is the one a
//! reader meets first: the earliest second use, against the use just before it.

use crate::text::push_name_keys;

use super::index::names::{NameIndex, prefix};
use super::sets::FastMap;

/// One name or alias, in order of appearance, with where it comes from (for errors).
pub(super) struct Name<'a, V> {
    key: std::ops::Range<usize>,
    /// Where its folded skeleton ends in `Names::skeletons`, if it has one (it starts
    /// where the previous one ends).
    skeleton: Option<usize>,
    pub(super) file: usize,
    pub(super) value: V,
    pub(super) field: &'static str,
    pub(super) text: &'a str,
}

/// The names of one index, in order of appearance.
pub(super) struct Names<'a, V> {
    folded: Vec<u8>,
    skeletons: Vec<u8>,
    names: Vec<Name<'a, V>>,
}

impl<'a, V: Copy + Ord> Names<'a, V> {
    pub(super) fn with_capacity(names: usize) -> Self {
        Names {
            folded: Vec::with_capacity(names * 16),
            skeletons: Vec::with_capacity(names * 16),
            names: Vec::with_capacity(names),
        }
    }

    /// Adds the next name; `Err` with it if it folds to nothing or is longer than a
    /// name may be. Its skeleton is folded in the same pass, while its text is
    /// at hand.
    pub(super) fn push(&mut self, name: Name<'a, V>) -> Result<(), Name<'a, V>> {
        let start = self.folded.len();
        let (has_key, has_skeleton) =
            push_name_keys(name.text, &mut self.folded, &mut self.skeletons);
        if !has_key {
            return Err(name);
        }
        self.names.push(Name {
            key: start..self.folded.len(),
            skeleton: has_skeleton.then_some(self.skeletons.len()),
            ..name
        });
        Ok(())
    }

    /// A name with the given value and field, for [`Names::push`] (its key is set
    /// there).
    pub(super) fn name(file: usize, value: V, field: &'static str, text: &'a str) -> Name<'a, V> {
        Name {
            key: 0..0,
            skeleton: None,
            file,
            value,
            field,
            text,
        }
    }

    fn key(&self, name: &Name<'_, V>) -> &[u8] {
        self.folded.get(name.key.clone()).unwrap_or_default()
    }

    /// The index of the names, or the first clash: (the earlier use, the second use)
    /// of one folded key.
    pub(super) fn index(&self) -> Result<NameIndex<V>, (&Name<'a, V>, &Name<'a, V>)> {
        // By key, then order of appearance: a key's uses are neighbours, in order.
        let mut sorted: Vec<(u64, &[u8], u32)> = self
            .names
            .iter()
            .zip(0u32..)
            .map(|(n, seq)| (prefix(self.key(n)), self.key(n), seq))
            .collect();
        sorted.sort_unstable();
        let clash = sorted
            .windows(2)
            .filter_map(|pair| match pair {
                [(_, a, first), (_, b, second)] if a == b => Some((*first, *second)),
                _ => None,
            })
            .min_by_key(|(_, second)| *second);
        let at = |seq: u32| self.names.get(seq as usize);
        if let Some((Some(first), Some(second))) = clash.map(|(a, b)| (at(a), at(b))) {
            return Err((first, second));
        }
        Ok(NameIndex::from_sorted(
            sorted.len(),
            sorted
                .iter()
                .filter_map(|(_, key, seq)| Some((*key, at(*seq)?.value))),
        ))
    }

    /// The first pair of names of different values (by `same`) that look alike:
    /// (the earlier use, the second use) of one folded skeleton.
    pub(super) fn lookalike(
        &self,
        same: impl Fn(V, V) -> bool,
    ) -> Option<(&Name<'a, V>, &Name<'a, V>)> {
        let mut last: FastMap<&[u8], usize> =
            FastMap::with_capacity_and_hasher(self.names.len(), Default::default());
        let mut start = 0;
        for (seq, second) in self.names.iter().enumerate() {
            let Some(end) = second.skeleton else { continue };
            let skeleton = self.skeletons.get(start..end).unwrap_or_default();
            start = end;
            let Some(first) = last.insert(skeleton, seq).and_then(|i| self.names.get(i)) else {
                continue;
            };
            if !same(first.value, second.value) {
                return Some((first, second));
            }
        }
        None
    }
}
