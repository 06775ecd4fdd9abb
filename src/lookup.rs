//! Text lookup across every entity's names and aliases.
//!
//! Names and aliases are folded once, at load: ASCII letters to lower case, and runs of
//! spaces, hyphens and underscores to one space. The folded keys are sorted, so a
//! lookup folds its input into a stack buffer and binary-searches: no allocation. A
//! miss ranks every key by edit distance to suggest the closest names.

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;

use crate::distance::Pattern;
use crate::error::{IdKind, LookupError};
use crate::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    GroupRecord, Interactant, InteractantRecord, Risk, RiskRecord, Route, RouteRecord,
};

/// The longest name or alias the loader accepts, in bytes after folding.
pub const MAX_NAME_BYTES: usize = 96;

/// The most aliases one entity may have, so that a "did you mean" search, which ranks
/// every name and alias, has a bounded number of candidates.
pub(crate) const MAX_ALIASES: usize = 32;

/// The most input bytes a lookup reads: a name folds to at most [`MAX_NAME_BYTES`], so
/// a longer input (however many separators it holds) names nothing, and the lookup
/// of a huge input costs no more than that of a short one.
const MAX_INPUT_BYTES: usize = 4 * MAX_NAME_BYTES;

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
    /// A drug or drug class that interacts with an agent.
    Interactant(Interactant),
}

impl Entity {
    /// The kind of entity: `agent`, `route`, `group`, `condition`, `benefit`, `risk` or
    /// `interactant`.
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
            Entity::Interactant(_) => "interactant",
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
            Entity::Interactant(x) => x.id(),
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
            Entity::Interactant(x) => x.fmt(f),
        }
    }
}

impl Entity {
    /// The [`IdKind`] of the entity.
    pub(crate) fn id_kind(self) -> IdKind {
        match self {
            Entity::Agent(_) => IdKind::Agent,
            Entity::Route(_) => IdKind::Route,
            Entity::ConditionGroup(_) => IdKind::ConditionGroup,
            Entity::Condition(_) => IdKind::Condition,
            Entity::Benefit(_) => IdKind::Benefit,
            Entity::Risk(_) => IdKind::Risk,
            Entity::Interactant(_) => IdKind::Interactant,
        }
    }

    /// The canonical name, as `Display` writes it.
    pub(crate) fn static_name(self) -> &'static str {
        match self {
            Entity::Agent(x) => x.into(),
            Entity::Route(x) => x.into(),
            Entity::ConditionGroup(x) => x.into(),
            Entity::Condition(x) => x.into(),
            Entity::Benefit(x) => x.into(),
            Entity::Risk(x) => x.into(),
            Entity::Interactant(x) => x.into(),
        }
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An identity enum that a lookup can be restricted to: [`Agent`], [`Route`],
/// [`ConditionGroup`], [`Condition`], [`Benefit`], [`Risk`] or [`Interactant`]. See
/// [`KnowledgeBase::lookup_as`](crate::KnowledgeBase::lookup_as).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, Entity, EntityKind, IdKind, Route};
///
/// assert_eq!(Condition::KIND, IdKind::Condition);
/// assert_eq!(Route::from_entity(Entity::Route(Route::Oral)), Some(Route::Oral));
/// assert_eq!(Condition::from_entity(Entity::Route(Route::Oral)), None);
/// ```
pub trait EntityKind: Copy + Into<Entity> + sealed::Sealed {
    /// The kind, as parse errors and lookup errors name it.
    const KIND: IdKind;

    /// The variant an entity holds, if the entity is of this kind.
    fn from_entity(entity: Entity) -> Option<Self>;
}

macro_rules! entity_kind {
    ($($t:ident => $kind:ident),+ $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl EntityKind for $t {
            const KIND: IdKind = IdKind::$kind;
            fn from_entity(entity: Entity) -> Option<Self> {
                match entity {
                    Entity::$t(x) => Some(x),
                    _ => None,
                }
            }
        }
    )+};
}

entity_kind!(
    Agent => Agent,
    Route => Route,
    ConditionGroup => ConditionGroup,
    Condition => Condition,
    Benefit => Benefit,
    Risk => Risk,
    Interactant => Interactant,
);

/// The canonical names of `kind` closest to `input`, for a [`crate::ParseIdError`]:
/// entity kinds rank the names and aliases of the embedded data; the others (evidence
/// levels, jurisdictions) their canonical names.
pub(crate) fn suggest_names(kind: IdKind, input: &str) -> [Option<&'static str>; 3] {
    // The embedded data is loaded with serde, which never calls `FromStr`, so this
    // cannot re-enter its initialisation.
    let entity_names = |kind: IdKind| {
        crate::KnowledgeBase::embedded()
            .index
            .names
            .suggest(input, |e| e.id_kind() == kind)
            .map(|e| e.map(Entity::static_name))
    };
    match kind {
        IdKind::Evidence => closest_names(input, crate::Evidence::iter().map(Into::into)),
        IdKind::Jurisdiction => closest_names(input, crate::Jurisdiction::iter().map(Into::into)),
        _ => entity_names(kind),
    }
}

/// The three of `names` closest to `input` by edit distance of their folds.
fn closest_names(
    input: &str,
    names: impl Iterator<Item = &'static str>,
) -> [Option<&'static str>; 3] {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (folded, _) = fold(input, &mut buf);
    let mut best: [Option<(usize, &'static str)>; 3] = [None; 3];
    if folded.is_empty() {
        return [None; 3];
    }
    let pattern = Pattern::new(folded);
    let limit = (folded.len() / 2).max(2);
    for name in names {
        let mut key = [0u8; MAX_NAME_BYTES];
        let (key, _) = fold(name, &mut key);
        let Some(d) = pattern.distance(key, limit) else {
            continue;
        };
        // `best` stays sorted, empty slots last: a closer name replaces the last one.
        let [_, _, last] = &mut best;
        if last.is_none_or(|(s, _)| d < s) {
            *last = Some((d, name));
            best.sort_by_key(|b| b.map_or(usize::MAX, |(s, _)| s));
        }
    }
    best.map(|b| b.map(|(_, name)| name))
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
    InteractantRecord => Interactant,
);

/// Folds `text` into `buf`: lower case, compatibility forms (full-width letters,
/// ligatures) to their plain letters, diacritics and invisible characters dropped,
/// and runs of separators (any white space, hyphens and other dashes, underscores)
/// collapsed to one space, trimmed. Returns the folded bytes, cut at the buffer's end
/// if the text is longer, and whether it was cut. ASCII text takes a byte loop; other
/// text a character loop; neither allocates.
pub(crate) fn fold<'b>(text: &str, buf: &'b mut [u8; MAX_NAME_BYTES]) -> (&'b [u8], bool) {
    // Only a bounded prefix is read (at a character boundary).
    let mut end = text.len().min(MAX_INPUT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or_default();
    let (len, cut) = if head.is_ascii() {
        fold_ascii(head, buf)
    } else {
        fold_unicode(head, buf)
    };
    (buf.get(..len).unwrap_or_default(), cut || end < text.len())
}

/// The folded bytes of `text` into `buf`, and whether the text was cut.
fn fold_unicode(text: &str, buf: &mut [u8; MAX_NAME_BYTES]) -> (usize, bool) {
    let mut out = Folded {
        buf,
        len: 0,
        pending_space: false,
        cut: false,
    };
    for c in text.chars() {
        // Lower case, then the compatibility decomposition (Ｔ to T, é to e + accent),
        // then lower case again (a decomposition can hold capitals, such as Å to A +
        // ring): the same key for every spelling, and idempotent.
        for lower in c.to_lowercase() {
            unicode_normalization::char::decompose_compatible(lower, |d| {
                d.to_lowercase().for_each(|l| out.push(l));
            });
        }
        if out.cut {
            break;
        }
    }
    (out.len, out.cut)
}

/// A fold in progress into a fixed buffer.
struct Folded<'b> {
    buf: &'b mut [u8; MAX_NAME_BYTES],
    len: usize,
    pending_space: bool,
    cut: bool,
}

impl Folded<'_> {
    fn push(&mut self, c: char) {
        if self.cut {
            return;
        }
        // Cheap tests first: marks and invisible characters are dropped before the
        // (costlier) separator test looks at them.
        if !c.is_ascii()
            && (unicode_normalization::char::is_combining_mark(c) || crate::text::is_hidden(c))
        {
            return;
        }
        if is_separator(c) {
            self.pending_space = self.len > 0;
            return;
        }
        let mut utf8 = [0u8; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        let space = usize::from(self.pending_space);
        let Some(slots) = self.buf.get_mut(self.len..self.len + space + bytes.len()) else {
            self.cut = true;
            return;
        };
        let (first, rest) = slots.split_at_mut(space);
        if let Some(s) = first.first_mut() {
            *s = b' ';
        }
        rest.copy_from_slice(bytes);
        self.len += space + bytes.len();
        self.pending_space = false;
    }
}

/// A separator: white space (including no-break and other typographic spaces), a
/// hyphen or underscore, or a dash (en dash, minus sign, …: any character whose
/// UTS #39 confusable skeleton is a hyphen).
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c == '-' || c == '_' || c.is_ascii_whitespace();
    }
    if c.is_whitespace() {
        return true;
    }
    if c.is_alphanumeric() {
        // Letters and digits are never dashes: skip the skeleton (most non-ASCII text).
        return false;
    }
    let mut utf8 = [0u8; 4];
    let mut skeleton = unicode_security::skeleton(c.encode_utf8(&mut utf8));
    skeleton.next() == Some('-') && skeleton.next().is_none()
}

/// The folded bytes of ASCII `text` into `buf`, and whether the text was cut.
fn fold_ascii(text: &str, buf: &mut [u8; MAX_NAME_BYTES]) -> (usize, bool) {
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
    (len, cut)
}

/// The folded key of a name or alias, for the index; `None` if it is empty or too long.
pub(crate) fn folded_key(text: &str) -> Option<Box<str>> {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (bytes, cut) = fold(text, &mut buf);
    if cut || bytes.is_empty() {
        return None;
    }
    // The fold writes whole characters, so the folded bytes are UTF-8.
    std::str::from_utf8(bytes).ok().map(Box::from)
}

/// The key under which two names look alike: the UTS #39 confusable skeleton of the
/// text as written (where `I` and `l` are one letter), then folded like a lookup key.
/// `None` if it is empty or too long.
pub(crate) fn confusable_key(text: &str) -> Option<Box<str>> {
    folded_key(&skeleton(text))
}

/// The UTS #39 skeleton of `text`. The skeleton maps each character to its prototype
/// (between two NFD passes, which change no ASCII text), so for ASCII text whose
/// characters all have ASCII prototypes it is the concatenation of per-character
/// skeletons, computed once by the same crate: this keeps the check off the load's
/// critical path. (A few ASCII characters have non-ASCII prototypes; a text holding
/// one takes the full path.)
fn skeleton(text: &str) -> String {
    static ASCII: once_cell::sync::Lazy<Vec<String>> = once_cell::sync::Lazy::new(|| {
        (0u8..128)
            .map(|b| {
                let mut utf8 = [0u8; 4];
                unicode_security::skeleton(char::from(b).encode_utf8(&mut utf8)).collect()
            })
            .collect()
    });
    let table = &*ASCII;
    let simple = text.is_ascii()
        && text
            .bytes()
            .all(|b| table.get(usize::from(b)).is_some_and(|s| s.is_ascii()));
    if simple {
        text.bytes()
            .filter_map(|b| table.get(usize::from(b)))
            .map(String::as_str)
            .collect()
    } else {
        unicode_security::skeleton(text).collect()
    }
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

#[cfg(test)]
mod fold_tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn folded(text: &str) -> (String, bool) {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (bytes, cut) = fold(text, &mut buf);
        (String::from_utf8_lossy(bytes).into_owned(), cut)
    }

    proptest! {
        /// Folding a folded key changes nothing, and a key does not depend on the
        /// normalisation form the text came in.
        #[test]
        fn fold_is_idempotent_and_form_blind(s in "\\PC{0,60}") {
            let (once, cut) = folded(&s);
            prop_assume!(!cut);
            prop_assert_eq!(&folded(&once).0, &once);
            for form in [s.nfc().collect::<String>(), s.nfd().collect(), s.nfkd().collect()] {
                prop_assert_eq!(&folded(&form).0, &once, "{:?}", form);
            }
        }
    }

    #[test]
    fn ascii_skeleton_is_the_crates() {
        for text in [
            "oral",
            "0ral",
            "IV",
            "lV",
            "rn",
            "m",
            "Ketalar 1|l",
            "a-b_c d",
        ] {
            let expected: String = unicode_security::skeleton(text).collect();
            assert_eq!(skeleton(text), expected, "{text:?}");
        }
    }

    #[test]
    fn people_spellings_fold_to_the_name() {
        for (typed, name) in [
            ("ÉSKETAMINE", "esketamine"),
            ("\u{ff34}\u{ff32}\u{ff24}", "trd"),
            ("trd\u{a0}", "trd"),
            (
                "treatment\u{2013}resistant depression",
                "treatment resistant depression",
            ),
            ("keta\u{200b}mine", "ketamine"),
        ] {
            assert_eq!(folded(typed).0, name, "{typed:?}");
        }
    }
}
