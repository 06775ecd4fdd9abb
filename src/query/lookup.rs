//! Text lookup across every entity's names and aliases, with suggestions on a miss.

use crate::loader::KnowledgeBase;
use crate::loader::index::names::NameIndex;
use crate::model::{Entity, IdKind};
use crate::text::{MAX_NAME_BYTES, Pattern, echo, fold_hashed, join, kept};
use std::fmt;

/// A text that names no entity (of the kind asked for), with up to three of the
/// closest names; or an empty text, which gets no suggestions.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Entity, KnowledgeBase, LookupError, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let err = kb.lookup("intravenus").unwrap_err();
/// assert_eq!(err.input(), "intravenus");
/// assert_eq!(err.suggestions().next(), Some(Entity::Route(Route::Intravenous)));
/// assert!(err.to_string().contains("did you mean"));
///
/// assert_eq!(kb.lookup(" \u{a0}- ").unwrap_err(), LookupError::Blank);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupError {
    /// The text is empty, or only spaces, separators or invisible characters.
    Blank,
    /// No entity of the kind asked for has the text as its name or an alias.
    NotFound {
        /// The text looked up (its first 256 bytes, if it was longer).
        input: String,
        /// The kind asked for, or `None` for any kind.
        kind: Option<IdKind>,
        /// The closest entities of that kind, best first.
        suggestions: [Option<Entity>; 3],
    },
    /// No medicine, brand or interactant class has the text as its name
    /// ([`KnowledgeBase::medicine`]).
    NoMedicine {
        /// The text looked up (its first 256 bytes, if it was longer).
        input: String,
        /// Up to three close medicine, brand or class names, best first.
        suggestions: Vec<String>,
    },
}

impl LookupError {
    pub(crate) fn not_found(
        input: &str,
        kind: Option<IdKind>,
        suggestions: [Option<Entity>; 3],
    ) -> Self {
        LookupError::NotFound {
            input: kept(input),
            kind,
            suggestions,
        }
    }

    pub(crate) fn no_medicine(input: &str, suggestions: Vec<String>) -> Self {
        LookupError::NoMedicine {
            input: kept(input),
            suggestions,
        }
    }

    /// The names suggested for a medicine that was not found, best first (none for
    /// the other variants).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// let err = kb.medicine("benzodiazapine").unwrap_err();
    /// assert!(err.medicine_suggestions().any(|s| s.starts_with("benzodiazepine")));
    /// ```
    pub fn medicine_suggestions(&self) -> impl Iterator<Item = &str> + '_ {
        let all: &[String] = match self {
            LookupError::NoMedicine { suggestions, .. } => suggestions,
            _ => &[],
        };
        all.iter().map(String::as_str)
    }

    /// The text that was looked up (its first 256 bytes, if it was longer); empty for
    /// [`LookupError::Blank`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = ketamine_therapy::KnowledgeBase::embedded().lookup("zzz").unwrap_err();
    /// assert_eq!(err.input(), "zzz");
    /// ```
    pub fn input(&self) -> &str {
        match self {
            LookupError::Blank => "",
            LookupError::NotFound { input, .. } | LookupError::NoMedicine { input, .. } => input,
        }
    }

    /// The closest known entities, best first (at most three; none for a blank text).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = ketamine_therapy::KnowledgeBase::embedded().lookup("ptds").unwrap_err();
    /// assert!(err.suggestions().count() <= 3);
    /// ```
    pub fn suggestions(&self) -> impl Iterator<Item = Entity> + '_ {
        let all: &[Option<Entity>] = match self {
            LookupError::Blank => &[],
            LookupError::NotFound { suggestions, .. } => suggestions,
            LookupError::NoMedicine { .. } => &[],
        };
        all.iter().flatten().copied()
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let LookupError::NoMedicine { input, suggestions } = self {
            write!(
                f,
                "no medicine, brand or medicine class is called `{}`",
                echo(input)
            )?;
            if !suggestions.is_empty() {
                f.write_str("; did you mean: ")?;
                join(f, suggestions.iter().map(|s| echo(s)))?;
                f.write_str("?")?;
            }
            return Ok(());
        }
        let LookupError::NotFound { input, kind, .. } = self else {
            return f.write_str(
                "the text to look up is empty; type a name or alias, such as \"esketamine\"",
            );
        };
        match kind {
            Some(kind) => write!(f, "no {kind} is called `{}`", echo(input))?,
            None => write!(f, "no {ANY_KIND} is called `{}`", echo(input))?,
        }
        if self.suggestions().next().is_some() {
            f.write_str("; did you mean: ")?;
            join(f, self.suggestions())?;
            f.write_str("?")?;
        }
        Ok(())
    }
}

impl std::error::Error for LookupError {}

/// Every kind [`KnowledgeBase::lookup`] searches, as a miss names them.
const ANY_KIND: &str = "agent, route, condition, group, benefit, risk or interactant";

impl KnowledgeBase {
    /// Finds the entity that has `text` as its name or one of its aliases. Covers
    /// agents, routes, condition groups, conditions, benefits and risks.
    ///
    /// Text is folded the way people type it: case is ignored (`ÉSKETAMINE`),
    /// compatibility forms count as their plain letters (full-width `ＴＲＤ`),
    /// diacritics and invisible characters are dropped (`ésketamine`), and any run of
    /// white space (including a no-break space), hyphens, dashes (`–`) and underscores
    /// counts as one space. ASCII text that names an entity allocates nothing.
    ///
    /// # Errors
    ///
    /// [`LookupError::Blank`] for an empty or blank text (no suggestions), otherwise
    /// [`LookupError::NotFound`] with up to three of the closest names.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.lookup("Spravato")?, Entity::Agent(Agent::Esketamine));
    /// assert_eq!(kb.lookup("I.V.")?, Entity::Route(Route::Intravenous));
    /// let miss = kb.lookup("spravto").unwrap_err();
    /// assert_eq!(miss.suggestions().next(), Some(Entity::Agent(Agent::Esketamine)));
    /// assert_eq!(kb.lookup("ÉSKETAMINE")?, Entity::Agent(Agent::Esketamine));
    /// assert_eq!(kb.lookup("Spravato\u{a0}")?, Entity::Agent(Agent::Esketamine));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn lookup(&self, text: &str) -> Result<Entity, LookupError> {
        find(&self.index.names, text, None, Some)
    }

    /// [`KnowledgeBase::lookup`] restricted to one kind of entity: the text must name
    /// an entity of kind `T`, and suggestions are of that kind only.
    ///
    /// # Errors
    ///
    /// [`LookupError::Blank`] for an empty text, otherwise
    /// [`LookupError::NotFound`] with up to three of the closest names of kind `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(
    ///     kb.lookup_as::<Condition>("ＴＲＤ")?,
    ///     Condition::TreatmentResistantDepression
    /// );
    /// // "oral" is a route, not a condition.
    /// assert!(kb.lookup_as::<Condition>("oral").is_err());
    /// assert_eq!(kb.lookup_as::<Route>("oral")?, Route::Oral);
    /// let miss = kb.lookup_as::<Condition>("ptds").unwrap_err();
    /// assert!(miss.suggestions().all(|e| matches!(e, Entity::Condition(_))));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn lookup_as<T: crate::model::EntityKind>(&self, text: &str) -> Result<T, LookupError> {
        find(&self.index.names, text, Some(T::KIND), T::from_entity)
    }
}

/// The value `text` names in `index`, as `pick` accepts it; else the error, with
/// suggestions of `kind`. The text is folded once, for the hit and for the miss.
fn find<T>(
    index: &NameIndex,
    text: &str,
    kind: Option<IdKind>,
    pick: impl Fn(Entity) -> Option<T>,
) -> Result<T, LookupError> {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (key, cut, hash) = fold_hashed(text, &mut buf);
    if !cut {
        if let Some(hit) = index.get_hashed(key, hash).and_then(pick) {
            return Ok(hit);
        }
        if key.is_empty() {
            return Err(LookupError::Blank);
        }
    }
    let suggestions = suggest(index, key, |e| kind.is_none_or(|k| e.id_kind() == k));
    Err(LookupError::not_found(text, kind, suggestions))
}

/// The three values of `index` accepted by `accept` whose folded names or aliases are
/// closest to the folded `input`.
pub(crate) fn suggest<V: Copy + Ord>(
    index: &NameIndex<V>,
    input: &[u8],
    accept: impl Fn(V) -> bool,
) -> [Option<V>; 3] {
    // A key farther than `max_distance` (one edit in three) is no suggestion.
    let limit = 2 * crate::model::max_distance(input.len());
    suggest_scored(index, input, accept, limit, 3).map(|slot| slot.map(|(_, e)| e))
}

/// The three values of `index` accepted by `accept` whose folded names are closest to
/// the folded `input`, with their scores: twice the edit distance, or 1 for a name
/// that starts with an input of `prefix` bytes or more; none scoring above `limit`.
pub(crate) fn suggest_scored<V: Copy + Ord>(
    index: &NameIndex<V>,
    input: &[u8],
    accept: impl Fn(V) -> bool,
    limit: usize,
    prefix: usize,
) -> [Option<(usize, V)>; 3] {
    if input.is_empty() {
        return [None; 3];
    }
    let pattern = Pattern::new(input);
    let mut best: [Option<(usize, V)>; 3] = [None; 3];
    for (key, entity) in index.entries().filter(|(_, e)| accept(*e)) {
        let key = key.as_bytes();
        let bound = match best[2] {
            Some((score, _)) => score.min(limit),
            None => limit,
        };
        let score = if input.len() >= prefix && key.starts_with(input) {
            1
        } else {
            match pattern.distance(key, bound / 2) {
                Some(d) => 2 * d,
                None => continue,
            }
        };
        insert_best(&mut best, score, entity);
    }
    best
}

/// Keeps the three best (lowest-score) distinct entities; on a tie the earlier stays.
pub(crate) fn insert_best<V: Copy + Eq>(
    best: &mut [Option<(usize, V)>; 3],
    score: usize,
    entity: V,
) {
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
