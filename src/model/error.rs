//! The error of parsing an identity enum from text: [`ParseIdError`].

use crate::model::{
    Agent, Benefit, CodeSystem, Condition, ConditionGroup, Evidence, Jurisdiction, Risk, Route,
};
use crate::text::{MAX_NAME_BYTES, Pattern, echo, fold, join, kept};
use std::fmt;
use strum::{EnumMessage, IntoEnumIterator};

/// Which identity enum a [`ParseIdError`] was parsing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::IdKind, Route};
///
/// let err = "IX".parse::<Route>().unwrap_err();
/// assert_eq!(err.kind(), IdKind::Route);
/// assert_eq!(IdKind::Route.to_string(), "route");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum IdKind {
    /// [`Agent`].
    Agent,
    /// [`Route`].
    Route,
    /// [`Condition`].
    Condition,
    /// [`ConditionGroup`].
    #[strum(to_string = "condition group")]
    ConditionGroup,
    /// [`Benefit`].
    Benefit,
    /// [`Risk`].
    Risk,
    /// [`Evidence`].
    Evidence,
    /// [`Jurisdiction`].
    Jurisdiction,
    /// [`Interactant`](crate::Interactant).
    Interactant,
    /// [`Population`](crate::Population).
    Population,
    /// [`CodeSystem`].
    #[strum(to_string = "code system")]
    CodeSystem,
    /// [`QualificationKind`](crate::model::QualificationKind).
    #[strum(to_string = "qualification kind")]
    QualificationKind,
    /// [`Relation`](crate::model::Relation).
    #[strum(to_string = "code relation")]
    Relation,
    /// [`ChildPugh`](crate::model::ChildPugh).
    #[strum(to_string = "Child-Pugh class")]
    ChildPugh,
    /// [`History`](crate::model::History).
    #[strum(to_string = "history condition")]
    History,
    /// [`DoseUnit`](crate::model::DoseUnit).
    #[strum(to_string = "dose unit")]
    DoseUnit,
    /// [`Phase`](crate::model::Phase).
    #[strum(to_string = "phase")]
    Phase,
    /// [`DoseBasis`](crate::model::DoseBasis).
    #[strum(to_string = "dose basis")]
    DoseBasis,
    /// [`InteractionEffect`](crate::model::InteractionEffect).
    #[strum(to_string = "interaction effect")]
    InteractionEffect,
    /// [`Severity`](crate::model::Severity).
    #[strum(to_string = "severity")]
    Severity,
    /// [`Certainty`](crate::model::Certainty).
    #[strum(to_string = "certainty")]
    Certainty,
    /// [`MembershipBasis`](crate::model::MembershipBasis).
    #[strum(to_string = "membership basis")]
    MembershipBasis,
    /// [`MonitoringKind`](crate::model::MonitoringKind).
    #[strum(to_string = "monitoring kind")]
    MonitoringKind,
    /// [`Recommendation`](crate::model::Recommendation).
    #[strum(to_string = "recommendation")]
    Recommendation,
    /// [`RegulatoryStatus`](crate::model::RegulatoryStatus).
    #[strum(to_string = "regulatory status")]
    RegulatoryStatus,
    /// [`UseStatus`](crate::model::UseStatus).
    #[strum(to_string = "use status")]
    UseStatus,
    /// [`Topic`](crate::model::Topic).
    #[strum(to_string = "topic")]
    Topic,
    /// [`GapStatus`](crate::model::GapStatus).
    #[strum(to_string = "gap status")]
    GapStatus,
    /// [`Course`](crate::model::Course).
    #[strum(to_string = "course")]
    Course,
    /// [`RiskBasis`](crate::model::RiskBasis).
    #[strum(to_string = "risk basis")]
    RiskBasis,
    /// [`SettingKind`](crate::model::SettingKind).
    #[strum(to_string = "setting kind")]
    SettingKind,
    /// [`PrevalenceLevel`](crate::model::PrevalenceLevel).
    #[strum(to_string = "prevalence level")]
    PrevalenceLevel,
    /// [`SourceKind`](crate::model::SourceKind).
    #[strum(to_string = "source kind")]
    SourceKind,
    /// [`Tier`](crate::model::Tier).
    #[strum(to_string = "tier")]
    Tier,
    /// [`Bound`](crate::model::Bound).
    #[strum(to_string = "bound")]
    Bound,
    /// [`Standing`](crate::model::Standing).
    #[strum(to_string = "standing")]
    Standing,
}

/// A text that is not a name, alias or id of the enum being parsed.
///
/// Its `Display` echoes a short prefix of the input (control and invisible characters
/// escaped) and names the closest names of the same kind, or, when none is close, every
/// canonical name of the kind.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, Condition};
///
/// let err = "ketamin".parse::<Agent>().unwrap_err();
/// assert_eq!(err.input(), "ketamin");
/// assert!(err.to_string().contains("did you mean: racemic ketamine"));
///
/// let err = "trdd".parse::<Condition>().unwrap_err();
/// assert_eq!(err.suggestions().next(), Some("treatment-resistant depression"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseIdError {
    kind: IdKind,
    input: String,
    suggestions: [Option<&'static str>; 3],
}

impl ParseIdError {
    /// The error of parsing `input` as a `T`, with the canonical names of `T` whose
    /// name or any spelling `FromStr` takes is close to the input.
    pub(crate) fn of<T>(kind: IdKind, input: &str) -> Self
    where
        T: IntoEnumIterator + EnumMessage + Into<&'static str> + Copy,
    {
        let spellings = T::iter().flat_map(|v| {
            let canonical: &'static str = v.into();
            std::iter::once(canonical)
                .chain(v.get_serializations().iter().copied())
                .map(move |s| (canonical, s))
        });
        ParseIdError {
            kind,
            input: kept(input),
            suggestions: closest(input, spellings),
        }
    }

    /// The canonical names of the kind closest to the input, best first (at most
    /// three; none if no name is close).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Route;
    ///
    /// let err = "intravenus".parse::<Route>().unwrap_err();
    /// assert_eq!(err.suggestions().next(), Some("intravenous"));
    /// assert_eq!("zzzzzzzzzzzz".parse::<Route>().unwrap_err().suggestions().count(), 0);
    /// ```
    pub fn suggestions(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.suggestions.iter().flatten().copied()
    }

    /// The enum that was being parsed.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::IdKind, Condition};
    ///
    /// assert_eq!("flu".parse::<Condition>().unwrap_err().kind(), IdKind::Condition);
    /// ```
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// The text that did not parse (its first 256 bytes, if it was longer).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Risk;
    ///
    /// assert_eq!("itch".parse::<Risk>().unwrap_err().input(), "itch");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for ParseIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`; ", self.kind, echo(&self.input))?;
        if self.suggestions().next().is_some() {
            f.write_str("did you mean: ")?;
            join(f, self.suggestions())?;
            return f.write_str("? (a name, id or alias; case does not matter)");
        }
        f.write_str("expected one of: ")?;
        match self.kind {
            IdKind::Agent => join(f, Agent::iter()),
            IdKind::Route => join(f, Route::iter()),
            IdKind::Condition => join(f, Condition::iter()),
            IdKind::ConditionGroup => join(f, ConditionGroup::iter()),
            IdKind::Benefit => join(f, Benefit::iter()),
            IdKind::Risk => join(f, Risk::iter()),
            IdKind::Evidence => join(f, Evidence::iter()),
            IdKind::Jurisdiction => join(f, Jurisdiction::iter()),
            IdKind::Interactant => join(f, crate::Interactant::iter()),
            IdKind::Population => join(f, crate::Population::iter()),
            IdKind::CodeSystem => join(f, CodeSystem::iter()),
            IdKind::QualificationKind => join(f, crate::model::QualificationKind::iter()),
            IdKind::Relation => join(f, crate::model::Relation::iter()),
            IdKind::ChildPugh => join(f, crate::model::ChildPugh::iter()),
            IdKind::History => join(f, crate::model::History::iter()),
            IdKind::DoseUnit => join(f, crate::model::DoseUnit::iter()),
            IdKind::Phase => join(f, crate::model::Phase::iter()),
            IdKind::DoseBasis => join(f, crate::model::DoseBasis::iter()),
            IdKind::InteractionEffect => join(f, crate::model::InteractionEffect::iter()),
            IdKind::Severity => join(f, crate::model::Severity::iter()),
            IdKind::Certainty => join(f, crate::model::Certainty::iter()),
            IdKind::MembershipBasis => join(f, crate::model::MembershipBasis::iter()),
            IdKind::MonitoringKind => join(f, crate::model::MonitoringKind::iter()),
            IdKind::Recommendation => join(f, crate::model::Recommendation::iter()),
            IdKind::RegulatoryStatus => join(f, crate::model::RegulatoryStatus::iter()),
            IdKind::UseStatus => join(f, crate::model::UseStatus::iter()),
            IdKind::Topic => join(f, crate::model::Topic::iter()),
            IdKind::GapStatus => join(f, crate::model::GapStatus::iter()),
            IdKind::Course => join(f, crate::model::Course::iter()),
            IdKind::RiskBasis => join(f, crate::model::RiskBasis::iter()),
            IdKind::SettingKind => join(f, crate::model::SettingKind::iter()),
            IdKind::PrevalenceLevel => join(f, crate::model::PrevalenceLevel::iter()),
            IdKind::SourceKind => join(f, crate::model::SourceKind::iter()),
            IdKind::Tier => join(f, crate::model::Tier::iter()),
            IdKind::Bound => join(f, crate::model::Bound::iter()),
            IdKind::Standing => join(f, crate::model::Standing::iter()),
        }?;
        f.write_str(" (or an alias; case does not matter)")
    }
}

impl std::error::Error for ParseIdError {}

/// The most edits a suggestion may be from a folded input of `len` bytes: one in three
/// (at least one), so that "ketamin" finds "ketamine" and "ptds" finds "ptsd", while
/// "nardil" finds no "nasal" and "tramadol" no "trauma".
pub(crate) const fn max_distance(len: usize) -> usize {
    if len == 0 { 1 } else { len.div_ceil(3) }
}

/// The (at most three) canonical names whose spellings are closest to `input` by edit
/// distance of their folds; none farther than [`max_distance`], so that only close
/// names are suggested.
fn closest(
    input: &str,
    spellings: impl Iterator<Item = (&'static str, &'static str)>,
) -> [Option<&'static str>; 3] {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (folded, _) = fold(input, &mut buf);
    let mut best: [Option<(usize, &'static str)>; 3] = [None; 3];
    if folded.is_empty() {
        return [None; 3];
    }
    let pattern = Pattern::new(folded);
    let limit = max_distance(folded.len());
    for (canonical, spelling) in spellings {
        let mut key = [0u8; MAX_NAME_BYTES];
        let (key, _) = fold(spelling, &mut key);
        let Some(d) = pattern.distance(key, limit) else {
            continue;
        };
        if let Some(slot) = best.iter_mut().flatten().find(|(_, c)| *c == canonical) {
            slot.0 = slot.0.min(d);
        } else {
            // `best` stays sorted, empty slots last: a closer name replaces the last one.
            let [_, _, last] = &mut best;
            if last.is_none_or(|(s, _)| d < s) {
                *last = Some((d, canonical));
            }
        }
        best.sort_by_key(|b| b.map_or(usize::MAX, |(s, _)| s));
    }
    best.map(|b| b.map(|(_, name)| name))
}
