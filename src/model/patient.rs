//! [`Patient`]: the facts about one person that screening compares against the
//! [`Criterion`]s of the labels, each fact optional; and the [`Assessment`] of one
//! criterion for one patient.

use std::fmt;

use crate::model::{BloodPressure, ChildPugh, Criterion, History, Span};

/// What is known about one patient. Every fact is optional: a fact not given is
/// unknown, and screening lists what it could not assess because of it, rather than
/// reading it as "no".
///
/// Built with chained setters; history conditions are given as present
/// ([`Patient::history`], [`Patient::history_since`]) or as known absent
/// ([`Patient::without`]).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{Assessment, BloodPressure, ChildPugh, Criterion, History, Patient};
///
/// let patient = Patient::new()
///     .age(70)
///     .blood_pressure(BloodPressure::new(165, 100))
///     .child_pugh(ChildPugh::B)
///     .history(History::Psychosis)
///     .without(History::AneurysmalVascularDisease);
///
/// let bp = Criterion::BloodPressure { systolic_above: Some(140), diastolic_above: Some(90), age_from: None, age_below: None };
/// assert_eq!(patient.assess(&bp), Assessment::Meets);
/// let swiss = Criterion::BloodPressure { systolic_above: Some(180), diastolic_above: Some(100), age_from: None, age_below: None };
/// assert_eq!(patient.assess(&swiss), Assessment::DoesNotMeet);
/// assert_eq!(patient.assess(&Criterion::ChildPugh { class: ChildPugh::C }), Assessment::DoesNotMeet);
/// // Nothing was said about pregnancy: it is unknown, not "no".
/// assert!(matches!(patient.assess(&Criterion::Pregnancy), Assessment::Unknown(_)));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patient {
    age: Option<u8>,
    pregnant: Option<bool>,
    breastfeeding: Option<bool>,
    reproductive_potential: Option<bool>,
    blood_pressure: Option<BloodPressure>,
    /// `Some(None)`: known to have no hepatic impairment.
    hepatic: Option<Option<ChildPugh>>,
    /// Each condition once: present (with how long ago, if known) or absent.
    history: Vec<(History, Option<HistoryFact>)>,
}

/// Present, and how long ago if known; `None` in the list means known absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HistoryFact {
    since: Option<Span>,
}

/// A patient fact that a criterion needs and that was not given.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{Assessment, Criterion, Fact, Patient};
///
/// let unknown = Patient::new().assess(&Criterion::Age { from: Some(65), below: None });
/// assert_eq!(unknown, Assessment::Unknown(Fact::Age));
/// assert_eq!(Fact::Age.to_string(), "age");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Fact {
    /// Age in years.
    Age,
    /// Whether the patient is pregnant.
    Pregnancy,
    /// Whether the patient is breastfeeding.
    Lactation,
    /// Whether the patient could become pregnant.
    ReproductivePotential,
    /// Blood pressure.
    BloodPressure,
    /// Hepatic function (Child-Pugh class, or none).
    HepaticFunction,
    /// Whether the patient has (had) a condition.
    History(History),
    /// How long ago a condition the patient has had occurred.
    HistoryTiming(History),
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Age => f.write_str("age"),
            Fact::Pregnancy => f.write_str("pregnancy"),
            Fact::Lactation => f.write_str("breastfeeding"),
            Fact::ReproductivePotential => f.write_str("reproductive potential"),
            Fact::BloodPressure => f.write_str("blood pressure"),
            Fact::HepaticFunction => f.write_str("hepatic function (Child-Pugh class)"),
            Fact::History(h) => write!(f, "history of {h}"),
            Fact::HistoryTiming(h) => write!(f, "when the {h} occurred"),
        }
    }
}

/// How one criterion stands for one patient.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{Assessment, Criterion, Patient};
///
/// let p = Patient::new().pregnant(false);
/// assert_eq!(p.assess(&Criterion::Pregnancy), Assessment::DoesNotMeet);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Assessment {
    /// The patient meets the criterion.
    Meets,
    /// The patient does not meet it.
    DoesNotMeet,
    /// It cannot be told: the fact is not given.
    Unknown(Fact),
}

impl Patient {
    /// A patient of whom nothing is known yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Patient;
    ///
    /// assert_eq!(Patient::new(), Patient::default());
    /// ```
    pub fn new() -> Self {
        Patient::default()
    }

    /// Sets the age in whole years.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, Patient};
    ///
    /// let old = Criterion::Age { from: Some(65), below: None };
    /// assert_eq!(Patient::new().age(65).assess(&old), Assessment::Meets);
    /// assert_eq!(Patient::new().age(64).assess(&old), Assessment::DoesNotMeet);
    /// ```
    pub fn age(mut self, years: u8) -> Self {
        self.age = Some(years);
        self
    }

    /// Sets whether the patient is pregnant.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, Patient};
    ///
    /// assert_eq!(Patient::new().pregnant(true).assess(&Criterion::Pregnancy), Assessment::Meets);
    /// ```
    pub fn pregnant(mut self, yes: bool) -> Self {
        self.pregnant = Some(yes);
        self
    }

    /// Sets whether the patient is breastfeeding.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, Patient};
    ///
    /// assert_eq!(Patient::new().breastfeeding(true).assess(&Criterion::Lactation), Assessment::Meets);
    /// ```
    pub fn breastfeeding(mut self, yes: bool) -> Self {
        self.breastfeeding = Some(yes);
        self
    }

    /// Sets whether the patient could become pregnant.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, Patient};
    ///
    /// let p = Patient::new().reproductive_potential(true);
    /// assert_eq!(p.assess(&Criterion::ReproductivePotential), Assessment::Meets);
    /// ```
    pub fn reproductive_potential(mut self, yes: bool) -> Self {
        self.reproductive_potential = Some(yes);
        self
    }

    /// Sets the blood pressure measured before the session.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, BloodPressure, Criterion, Patient};
    ///
    /// let p = Patient::new().blood_pressure(BloodPressure::new(130, 95));
    /// let c = Criterion::BloodPressure { systolic_above: Some(140), diastolic_above: Some(90), age_from: None, age_below: None };
    /// assert_eq!(p.assess(&c), Assessment::Meets); // the diastolic alone suffices
    /// // A threshold for an age band counts only in that band.
    /// let older = Criterion::BloodPressure { systolic_above: Some(150), diastolic_above: Some(90), age_from: Some(65), age_below: None };
    /// assert_eq!(p.clone().age(70).assess(&older), Assessment::Meets);
    /// assert_eq!(p.clone().age(40).assess(&older), Assessment::DoesNotMeet);
    /// ```
    pub fn blood_pressure(mut self, reading: BloodPressure) -> Self {
        self.blood_pressure = Some(reading);
        self
    }

    /// Sets hepatic impairment of a Child-Pugh class.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, ChildPugh, Criterion, Patient};
    ///
    /// let b = Patient::new().child_pugh(ChildPugh::B);
    /// assert_eq!(b.assess(&Criterion::ChildPugh { class: ChildPugh::B }), Assessment::Meets);
    /// assert_eq!(b.assess(&Criterion::ChildPugh { class: ChildPugh::C }), Assessment::DoesNotMeet);
    /// ```
    pub fn child_pugh(mut self, class: ChildPugh) -> Self {
        self.hepatic = Some(Some(class));
        self
    }

    /// Records that the patient has no hepatic impairment.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, ChildPugh, Criterion, Patient};
    ///
    /// let p = Patient::new().no_hepatic_impairment();
    /// assert_eq!(p.assess(&Criterion::ChildPugh { class: ChildPugh::A }), Assessment::DoesNotMeet);
    /// ```
    pub fn no_hepatic_impairment(mut self) -> Self {
        self.hepatic = Some(None);
        self
    }

    /// Records a condition the patient has or has had, time unknown.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, History, Patient};
    ///
    /// let p = Patient::new().history(History::Psychosis);
    /// let c = Criterion::History { condition: History::Psychosis, within: None };
    /// assert_eq!(p.assess(&c), Assessment::Meets);
    /// ```
    pub fn history(self, condition: History) -> Self {
        self.set_history(condition, Some(HistoryFact { since: None }))
    }

    /// Records a condition the patient had `ago` before the session (for criteria with
    /// a time window, such as a cardiovascular event within 6 weeks).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, History, Patient};
    ///
    /// let recent = Criterion::History { condition: History::CardiovascularEvent, within: Some("6wk".parse()?) };
    /// let p = Patient::new().history_since(History::CardiovascularEvent, "3wk".parse()?);
    /// assert_eq!(p.assess(&recent), Assessment::Meets);
    /// let p = Patient::new().history_since(History::CardiovascularEvent, "10wk".parse()?);
    /// assert_eq!(p.assess(&recent), Assessment::DoesNotMeet);
    /// # Ok::<(), ketamine_therapy::model::SpanParseError>(())
    /// ```
    pub fn history_since(self, condition: History, ago: Span) -> Self {
        self.set_history(condition, Some(HistoryFact { since: Some(ago) }))
    }

    /// Records that the patient does not have (and has not had) a condition.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, History, Patient};
    ///
    /// let p = Patient::new().without(History::Psychosis);
    /// let c = Criterion::History { condition: History::Psychosis, within: None };
    /// assert_eq!(p.assess(&c), Assessment::DoesNotMeet);
    /// ```
    pub fn without(self, condition: History) -> Self {
        self.set_history(condition, None)
    }

    fn set_history(mut self, condition: History, fact: Option<HistoryFact>) -> Self {
        match self.history.iter_mut().find(|(c, _)| *c == condition) {
            Some(slot) => slot.1 = fact,
            None => self.history.push((condition, fact)),
        }
        self
    }

    /// How `criterion` stands for this patient.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{Assessment, Criterion, Fact, Patient};
    ///
    /// let c = Criterion::Age { from: None, below: Some(18) };
    /// assert_eq!(Patient::new().age(17).assess(&c), Assessment::Meets);
    /// assert_eq!(Patient::new().age(18).assess(&c), Assessment::DoesNotMeet);
    /// assert_eq!(Patient::new().assess(&c), Assessment::Unknown(Fact::Age));
    /// ```
    pub fn assess(&self, criterion: &Criterion) -> Assessment {
        use Assessment::{DoesNotMeet, Meets, Unknown};
        let yes_no = |v: Option<bool>, fact| match v {
            Some(true) => Meets,
            Some(false) => DoesNotMeet,
            None => Unknown(fact),
        };
        let meets = |b: bool| if b { Meets } else { DoesNotMeet };
        match *criterion {
            Criterion::BloodPressure {
                systolic_above,
                diastolic_above,
                age_from,
                age_below,
            } => {
                let above = match self.blood_pressure {
                    Some(bp) => {
                        systolic_above.is_some_and(|s| bp.systolic() > s)
                            || diastolic_above.is_some_and(|d| bp.diastolic() > d)
                    }
                    None => return Unknown(Fact::BloodPressure),
                };
                if !above || (age_from.is_none() && age_below.is_none()) {
                    return meets(above);
                }
                // Above the threshold: it counts only in its age band.
                self.assess(&Criterion::Age {
                    from: age_from,
                    below: age_below,
                })
            }
            Criterion::ChildPugh { class } => match self.hepatic {
                Some(known) => meets(known == Some(class)),
                None => Unknown(Fact::HepaticFunction),
            },
            Criterion::Age { from, below } => match self.age {
                Some(a) => meets(from.is_none_or(|f| a >= f) && below.is_none_or(|b| a < b)),
                None => Unknown(Fact::Age),
            },
            Criterion::Pregnancy => yes_no(self.pregnant, Fact::Pregnancy),
            Criterion::Lactation => yes_no(self.breastfeeding, Fact::Lactation),
            Criterion::ReproductivePotential => {
                yes_no(self.reproductive_potential, Fact::ReproductivePotential)
            }
            Criterion::History { condition, within } => self.assess_history(condition, within),
        }
    }

    fn assess_history(&self, condition: History, within: Option<Span>) -> Assessment {
        match self.history.iter().find(|(c, _)| *c == condition) {
            None => Assessment::Unknown(Fact::History(condition)),
            Some((_, None)) => Assessment::DoesNotMeet,
            Some((_, Some(fact))) => match (within, fact.since) {
                (None, _) => Assessment::Meets,
                (Some(window), Some(ago)) if ago <= window => Assessment::Meets,
                (Some(_), Some(_)) => Assessment::DoesNotMeet,
                (Some(_), None) => Assessment::Unknown(Fact::HistoryTiming(condition)),
            },
        }
    }
}
