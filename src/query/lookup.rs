//! Text lookup across every entity's names and aliases, with suggestions on a miss.

use crate::loader::KnowledgeBase;
use crate::model::{Entity, IdKind};
use crate::text::{MAX_NAME_BYTES, Pattern, echo, fold, join, kept};
use std::fmt;
use strum::IntoEnumIterator;

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
            LookupError::NotFound { input, .. } => input,
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
        };
        all.iter().flatten().copied()
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let LookupError::NotFound { input, kind, .. } = self else {
            return f.write_str(
                "the text to look up is empty; type a name or alias, such as \"esketamine\"",
            );
        };
        match kind {
            Some(kind) => write!(f, "no {kind} is called `{}`", echo(input))?,
            None => write!(
                f,
                "no agent, route, condition, group, benefit or risk is called `{}`",
                echo(input)
            )?,
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
        self.index.names.lookup(text)
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
    pub fn lookup_as<T: crate::EntityKind>(&self, text: &str) -> Result<T, LookupError> {
        self.index.names.lookup_as(text)
    }
}
