//! The name index: every folded name and alias, sorted, for lookup without allocation.

use crate::model::{Entity, EntityKind, IdKind};
use crate::query::LookupError;
use crate::text::{MAX_NAME_BYTES, Pattern, fold};

/// The sorted table of folded names and aliases (for suggestions), and an
/// open-addressing hash table over it (for hits).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct NameIndex {
    keys: Vec<(Box<str>, Entity)>,
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

impl NameIndex {
    pub(crate) fn new(mut keys: Vec<(Box<str>, Entity)>) -> Self {
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

    /// The entity whose folded name or alias is `key`, if any.
    fn get_key(&self, key: &[u8]) -> Option<Entity> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash(key) >> 32) as usize & mask;
        loop {
            let slot = usize::try_from(*self.slots.get(at)?).ok()?;
            let (k, entity) = self.keys.get(slot.checked_sub(1)?)?;
            if k.as_bytes() == key {
                return Some(*entity);
            }
            at = (at + 1) & mask;
        }
    }

    pub(crate) fn lookup(&self, text: &str) -> Result<Entity, LookupError> {
        self.find(text, None, Some)
    }

    /// [`NameIndex::lookup`] restricted to the entities of one kind.
    pub(crate) fn lookup_as<T: EntityKind>(&self, text: &str) -> Result<T, LookupError> {
        self.find(text, Some(T::KIND), T::from_entity)
    }

    /// The entity `text` names, as `pick` accepts it; else the error, with suggestions
    /// of `kind`. The text is folded once, for the hit and for the miss.
    fn find<T>(
        &self,
        text: &str,
        kind: Option<IdKind>,
        pick: impl Fn(Entity) -> Option<T>,
    ) -> Result<T, LookupError> {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (key, cut) = fold(text, &mut buf);
        if !cut {
            if let Some(hit) = self.get_key(key).and_then(pick) {
                return Ok(hit);
            }
            if key.is_empty() {
                return Err(LookupError::Blank);
            }
        }
        let suggestions = self.suggest_key(key, |e| kind.is_none_or(|k| e.id_kind() == k));
        Err(LookupError::not_found(text, kind, suggestions))
    }

    /// The three entities accepted by `accept` whose names or aliases are closest to
    /// `text`.
    pub(crate) fn suggest(
        &self,
        text: &str,
        accept: impl Fn(Entity) -> bool,
    ) -> [Option<Entity>; 3] {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (input, _) = fold(text, &mut buf);
        self.suggest_key(input, accept)
    }

    /// [`NameIndex::suggest`] for an input already folded.
    fn suggest_key(&self, input: &[u8], accept: impl Fn(Entity) -> bool) -> [Option<Entity>; 3] {
        if input.is_empty() {
            return [None; 3];
        }
        // (score, entity), best first; scores are twice the edit distance, and 1 for a
        // key that starts with an input of three or more bytes.
        let pattern = Pattern::new(input);
        let mut best: [Option<(usize, Entity)>; 3] = [None; 3];
        // A key that differs from the input in more than half its length is no suggestion.
        let limit = 2 * (input.len() / 2).max(2);
        for (key, entity) in self.keys.iter().filter(|(_, e)| accept(*e)) {
            let key = key.as_bytes();
            let bound = match best[2] {
                Some((score, _)) => score.min(limit),
                None => limit,
            };
            let score = if input.len() >= 3 && key.starts_with(input) {
                1
            } else {
                match pattern.distance(key, bound / 2) {
                    Some(d) => 2 * d,
                    None => continue,
                }
            };
            insert_best(&mut best, score, *entity);
        }
        best.map(|slot| slot.map(|(_, e)| e))
    }
}

/// Keeps the three best (lowest-score) distinct entities; on a tie the earlier stays.
fn insert_best(best: &mut [Option<(usize, Entity)>; 3], score: usize, entity: Entity) {
    if best
        .iter()
        .flatten()
        .any(|(s, e)| *e == entity && *s <= score)
    {
        return;
    }
    let [a, b, c] = *best;
    let mut merged = [(0, a), (1, b), (2, c), (3, Some((score, entity)))];
    for (_, slot) in merged.iter_mut().take(3) {
        if matches!(slot, Some((_, e)) if *e == entity) {
            *slot = None;
        }
    }
    // Empty slots last; the position breaks ties, so an earlier key wins.
    merged.sort_unstable_by_key(|(pos, slot)| (slot.map_or(usize::MAX, |(s, _)| s), *pos));
    let [(_, a), (_, b), (_, c), _] = merged;
    *best = [a, b, c];
}
