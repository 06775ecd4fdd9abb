//! Text lookup across every entity's names and aliases.
//!
//! Names and aliases are folded once, at load: ASCII letters to lower case, and runs of
//! spaces, hyphens and underscores to one space. The folded keys are sorted, so a
//! lookup folds its input into a stack buffer and binary-searches: no allocation. A
//! miss ranks every key by edit distance to suggest the closest names.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::LookupError;
use crate::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    GroupRecord, Risk, RiskRecord, Route, RouteRecord,
};

/// The longest name or alias the loader accepts, in bytes after folding.
pub const MAX_NAME_BYTES: usize = 96;

/// Any named entity of the knowledge base: what [`KnowledgeBase::lookup`](crate::KnowledgeBase::lookup) finds.
///
/// `Display` gives the canonical name of the entity.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, Entity, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let e = kb.lookup("trd")?;
/// assert_eq!(e, Entity::Condition(Condition::TreatmentResistantDepression));
/// assert_eq!(e.kind(), "condition");
/// assert_eq!(e.to_string(), "treatment-resistant depression");
/// # Ok::<(), ketamine_therapy::LookupError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "entity", content = "id", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Entity {
    /// An agent.
    Agent(Agent),
    /// A route of administration.
    Route(Route),
    /// A condition group.
    #[serde(rename = "group")]
    ConditionGroup(ConditionGroup),
    /// A condition.
    Condition(Condition),
    /// A benefit.
    Benefit(Benefit),
    /// A risk.
    Risk(Risk),
}

impl Entity {
    /// The kind of entity: `agent`, `route`, `group`, `condition`, `benefit` or `risk`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Entity, Route};
    ///
    /// assert_eq!(Entity::Route(Route::Oral).kind(), "route");
    /// ```
    pub fn kind(self) -> &'static str {
        match self {
            Entity::Agent(_) => "agent",
            Entity::Route(_) => "route",
            Entity::ConditionGroup(_) => "group",
            Entity::Condition(_) => "condition",
            Entity::Benefit(_) => "benefit",
            Entity::Risk(_) => "risk",
        }
    }

    /// The snake-case id of the entity, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Entity};
    ///
    /// assert_eq!(Entity::Condition(Condition::Ptsd).id(), "ptsd");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Entity::Agent(x) => x.id(),
            Entity::Route(x) => x.id(),
            Entity::ConditionGroup(x) => x.id(),
            Entity::Condition(x) => x.id(),
            Entity::Benefit(x) => x.id(),
            Entity::Risk(x) => x.id(),
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entity::Agent(x) => x.fmt(f),
            Entity::Route(x) => x.fmt(f),
            Entity::ConditionGroup(x) => x.fmt(f),
            Entity::Condition(x) => x.fmt(f),
            Entity::Benefit(x) => x.fmt(f),
            Entity::Risk(x) => x.fmt(f),
        }
    }
}

/// A record that has a name and aliases, and so takes part in lookup.
pub(crate) trait Named {
    fn entity(&self) -> Entity;
    fn display_name(&self) -> &str;
    fn alias_list(&self) -> &[String];
    fn alias_list_mut(&mut self) -> &mut Vec<String>;
}

macro_rules! impl_named {
    ($($record:ident => $variant:ident),+ $(,)?) => {$(
        impl Named for $record {
            fn entity(&self) -> Entity {
                Entity::$variant(self.id())
            }
            fn display_name(&self) -> &str {
                self.name()
            }
            fn alias_list(&self) -> &[String] {
                self.aliases()
            }
            fn alias_list_mut(&mut self) -> &mut Vec<String> {
                self.aliases_mut()
            }
        }
    )+};
}

impl_named!(
    AgentRecord => Agent,
    RouteRecord => Route,
    GroupRecord => ConditionGroup,
    ConditionRecord => Condition,
    BenefitRecord => Benefit,
    RiskRecord => Risk,
);

/// Folds `text` into `buf`: ASCII lower case, separators collapsed to one space,
/// trimmed. Returns the folded bytes, cut at the buffer's end if the text is longer,
/// and whether it was cut.
pub(crate) fn fold<'b>(text: &str, buf: &'b mut [u8; MAX_NAME_BYTES]) -> (&'b [u8], bool) {
    let mut len = 0;
    let mut pending_space = false;
    let mut cut = false;
    for &byte in text.as_bytes() {
        if byte == b'-' || byte == b'_' || byte.is_ascii_whitespace() {
            pending_space = len > 0;
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if len + needed > MAX_NAME_BYTES {
            cut = true;
            break;
        }
        if pending_space {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b' ';
            }
            len += 1;
            pending_space = false;
        }
        if let Some(slot) = buf.get_mut(len) {
            *slot = byte.to_ascii_lowercase();
        }
        len += 1;
    }
    (buf.get(..len).unwrap_or_default(), cut)
}

/// The folded key of a name or alias, for the index; `None` if it is empty or too long.
pub(crate) fn folded_key(text: &str) -> Option<Box<str>> {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (bytes, cut) = fold(text, &mut buf);
    if cut || bytes.is_empty() {
        return None;
    }
    // Only ASCII bytes were changed, so the folded bytes are still UTF-8; a cut could
    // split a character, which is why a cut key is rejected above.
    std::str::from_utf8(bytes).ok().map(Box::from)
}

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

    /// The entity that has `text` as a name or alias, if any.
    pub(crate) fn get(&self, text: &str) -> Option<Entity> {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (key, cut) = fold(text, &mut buf);
        if cut {
            return None;
        }
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
        self.get(text)
            .ok_or_else(|| LookupError::new(text, self.suggest(text)))
    }

    /// The three entities whose names or aliases are closest to `text`.
    fn suggest(&self, text: &str) -> [Option<Entity>; 3] {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (input, _) = fold(text, &mut buf);
        // (score, entity), best first; scores are twice the edit distance, and 1 for a
        // key that starts with an input of three or more bytes.
        let pattern = Pattern::new(input);
        let mut best: [Option<(usize, Entity)>; 3] = [None; 3];
        // A key that differs from the input in more than half its length is no suggestion.
        let limit = 2 * (input.len() / 2).max(2);
        for (key, entity) in &self.keys {
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

/// The folded input prepared for bit-parallel edit distance (Myers 1999, in Hyyrö's
/// formulation): one bit per input byte, so the distance to a key costs a few word
/// operations per key byte instead of a row of the dynamic-programming table.
struct Pattern {
    /// For each byte value, the positions of the input that hold it.
    peq: [u128; 256],
    len: usize,
}

// MAX_NAME_BYTES input bytes must fit in the bit vector.
const _: () = assert!(MAX_NAME_BYTES <= 128);

impl Pattern {
    fn new(input: &[u8]) -> Self {
        let mut peq = [0u128; 256];
        for (i, b) in input.iter().enumerate().take(128) {
            if let Some(mask) = peq.get_mut(usize::from(*b)) {
                *mask |= 1u128 << i;
            }
        }
        Pattern {
            peq,
            len: input.len().min(128),
        }
    }

    /// Levenshtein distance from the input to `key`, or `None` if it exceeds `bound`.
    fn distance(&self, key: &[u8], bound: usize) -> Option<usize> {
        if self.len.abs_diff(key.len()) > bound {
            return None;
        }
        if self.len == 0 {
            return Some(key.len()).filter(|d| *d <= bound);
        }
        let last = 1u128 << (self.len - 1);
        let mut pv = u128::MAX;
        let mut mv = 0u128;
        let mut score = self.len;
        for (j, b) in key.iter().enumerate() {
            let eq = self.peq.get(usize::from(*b)).copied().unwrap_or(0);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // The score can fall by at most one per remaining key byte.
            if score.saturating_sub(key.len() - j - 1) > bound {
                return None;
            }
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        Some(score).filter(|d| *d <= bound)
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

/// Levenshtein distance between `a` and `b`, or `None` if it exceeds `bound`.
#[cfg(test)]
fn edit_distance(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut row = [0usize; MAX_NAME_BYTES + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = i;
        let mut row_min = i + 1;
        let mut left = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let value = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(up).min(left)
            };
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
            left = value;
            row_min = row_min.min(value);
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        if row_min > bound {
            return None;
        }
    }
    row.get(b.len()).copied().filter(|d| *d <= bound)
}

#[cfg(test)]
mod distance_tests {
    use super::*;

    #[test]
    fn bit_parallel_distance_matches_the_table() {
        let words: Vec<Vec<u8>> = {
            let mut seed = 0x1234_5678_u64;
            let mut next = move || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let mut w = Vec::new();
            for _ in 0..400 {
                let len = (next() % 40) as usize;
                w.push(
                    (0..len)
                        .map(|_| b"abcde fgh"[(next() % 9) as usize])
                        .collect(),
                );
            }
            w.push(b"treatment resistant depression".to_vec());
            w.push(b"treatment resistent depresion".to_vec());
            w.push(vec![b'x'; 96]);
            w.push(Vec::new());
            w
        };
        for a in &words {
            let p = Pattern::new(a);
            for b in words.iter().take(120) {
                for bound in [0, 1, 2, 3, 5, 8, 13, 40, 200] {
                    assert_eq!(
                        p.distance(b, bound),
                        edit_distance(a, b, bound),
                        "{a:?} {b:?} {bound}"
                    );
                }
            }
        }
    }
}
