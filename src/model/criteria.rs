//! Typed criteria: what a program compares a patient against, beside the label's text.
//!
//! A [`Criterion`] is one condition a label states for a contraindication, a population
//! statement or a monitoring step: a blood-pressure threshold, a Child-Pugh class, an
//! age band, pregnancy, breastfeeding, reproductive potential, or a history
//! condition, with the time window the source gives. A record's criteria are
//! alternatives: the record concerns a patient who meets any of them.

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

use crate::model::Span;

/// A class of liver function by the Child-Pugh score: A (mild impairment), B
/// (moderate), C (severe).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::ChildPugh;
///
/// assert_eq!("b".parse::<ChildPugh>()?, ChildPugh::B);
/// assert_eq!("Child-Pugh C".parse::<ChildPugh>()?, ChildPugh::C);
/// assert_eq!(ChildPugh::B.to_string(), "Child-Pugh B");
/// assert_eq!(ChildPugh::B.severity(), "moderate");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = child_pugh_parse_error)]
pub enum ChildPugh {
    /// Class A: mild hepatic impairment.
    #[strum(to_string = "Child-Pugh A", serialize = "a", serialize = "mild")]
    A,
    /// Class B: moderate hepatic impairment.
    #[strum(to_string = "Child-Pugh B", serialize = "b", serialize = "moderate")]
    B,
    /// Class C: severe hepatic impairment.
    #[strum(to_string = "Child-Pugh C", serialize = "c", serialize = "severe")]
    C,
}

impl ChildPugh {
    /// The degree of impairment the class stands for: "mild", "moderate" or "severe".
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::ChildPugh;
    ///
    /// assert_eq!(ChildPugh::C.severity(), "severe");
    /// ```
    pub const fn severity(self) -> &'static str {
        match self {
            ChildPugh::A => "mild",
            ChildPugh::B => "moderate",
            ChildPugh::C => "severe",
        }
    }
}

/// A past or present condition that a label names as a criterion.
///
/// `FromStr` takes the id and common short forms ("aneurysm", "AVM", "stroke",
/// "psychosis"), in any ASCII case.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::History;
///
/// assert_eq!("aneurysm".parse::<History>()?, History::AneurysmalVascularDisease);
/// assert_eq!("AVM".parse::<History>()?, History::ArteriovenousMalformation);
/// assert_eq!(History::Psychosis.to_string(), "psychosis");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = history_parse_error)]
pub enum History {
    /// Aneurysmal vascular disease (aorta, intracranial or peripheral arteries).
    #[strum(
        to_string = "aneurysmal vascular disease",
        serialize = "aneurysmal_vascular_disease",
        serialize = "aneurysm"
    )]
    AneurysmalVascularDisease,
    /// An arteriovenous malformation.
    #[strum(
        to_string = "arteriovenous malformation",
        serialize = "arteriovenous_malformation",
        serialize = "avm"
    )]
    ArteriovenousMalformation,
    /// Bleeding inside the brain.
    #[strum(
        to_string = "intracerebral haemorrhage",
        serialize = "intracerebral_haemorrhage",
        serialize = "intracerebral hemorrhage",
        serialize = "brain bleed"
    )]
    IntracerebralHaemorrhage,
    /// A cardiovascular event such as a myocardial infarction.
    #[strum(
        to_string = "cardiovascular event",
        serialize = "cardiovascular_event",
        serialize = "myocardial infarction",
        serialize = "heart attack",
        serialize = "mi"
    )]
    CardiovascularEvent,
    /// Cardiovascular or cerebrovascular disease, or its risk factors.
    #[strum(
        to_string = "cardiovascular disease",
        serialize = "cardiovascular_disease",
        serialize = "heart disease"
    )]
    CardiovascularDisease,
    /// Severe coronary or myocardial disease.
    #[strum(
        to_string = "severe coronary or myocardial disease",
        serialize = "severe_heart_disease",
        serialize = "severe heart disease"
    )]
    SevereHeartDisease,
    /// Clinically significant or unstable heart or breathing conditions.
    #[strum(
        to_string = "unstable heart or breathing condition",
        serialize = "unstable_cardiorespiratory_condition"
    )]
    UnstableCardiorespiratoryCondition,
    /// A stroke (cerebrovascular accident).
    #[strum(
        to_string = "stroke",
        serialize = "cerebrovascular accident",
        serialize = "cva"
    )]
    Stroke,
    /// A head or brain injury.
    #[strum(
        to_string = "cerebral trauma",
        serialize = "cerebral_trauma",
        serialize = "head injury"
    )]
    CerebralTrauma,
    /// Raised intracranial pressure.
    #[strum(
        to_string = "raised intracranial pressure",
        serialize = "raised_intracranial_pressure",
        serialize = "intracranial hypertension"
    )]
    RaisedIntracranialPressure,
    /// High blood pressure that is untreated or poorly controlled.
    #[strum(
        to_string = "uncontrolled hypertension",
        serialize = "uncontrolled_hypertension",
        serialize = "hypertension"
    )]
    UncontrolledHypertension,
    /// Pre-eclampsia or eclampsia.
    #[strum(
        to_string = "pre-eclampsia or eclampsia",
        serialize = "eclampsia",
        serialize = "pre-eclampsia",
        serialize = "preeclampsia"
    )]
    Eclampsia,
    /// Hyperthyroidism that is untreated or insufficiently treated.
    #[strum(to_string = "hyperthyroidism", serialize = "thyrotoxicosis")]
    Hyperthyroidism,
    /// Psychosis, now or in the past.
    #[strum(to_string = "psychosis", serialize = "psychotic disorder")]
    Psychosis,
    /// Substance use disorder, drug or alcohol abuse or dependence.
    #[strum(
        to_string = "substance use disorder",
        serialize = "substance_use_disorder",
        serialize = "substance abuse",
        serialize = "addiction"
    )]
    SubstanceUseDisorder,
    /// Hypersensitivity to the agent, to ketamine or to an excipient.
    #[strum(to_string = "hypersensitivity", serialize = "allergy")]
    Hypersensitivity,
    /// Impaired kidney function.
    #[strum(
        to_string = "renal impairment",
        serialize = "renal_impairment",
        serialize = "kidney disease"
    )]
    RenalImpairment,
    /// Ulcerative or interstitial cystitis, or other lower urinary tract symptoms.
    #[strum(
        to_string = "cystitis or urinary tract symptoms",
        serialize = "urinary_tract_symptoms",
        serialize = "cystitis"
    )]
    UrinaryTractSymptoms,
}

/// A blood pressure, systolic over diastolic, in mmHg.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::BloodPressure;
///
/// let bp: BloodPressure = "165/100".parse()?;
/// assert_eq!((bp.systolic(), bp.diastolic()), (165, 100));
/// assert_eq!(bp.to_string(), "165/100 mmHg");
/// assert!("165".parse::<BloodPressure>().is_err());
/// # Ok::<(), ketamine_therapy::model::BloodPressureParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BloodPressure {
    systolic: u16,
    diastolic: u16,
}

impl BloodPressure {
    /// A reading of `systolic` over `diastolic` mmHg.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::BloodPressure;
    ///
    /// assert_eq!(BloodPressure::new(120, 80).systolic(), 120);
    /// ```
    pub const fn new(systolic: u16, diastolic: u16) -> Self {
        BloodPressure {
            systolic,
            diastolic,
        }
    }

    /// The systolic pressure, mmHg.
    ///
    /// # Examples
    ///
    /// ```
    /// # use ketamine_therapy::model::BloodPressure;
    /// assert_eq!(BloodPressure::new(120, 80).systolic(), 120);
    /// ```
    pub const fn systolic(self) -> u16 {
        self.systolic
    }

    /// The diastolic pressure, mmHg.
    ///
    /// # Examples
    ///
    /// ```
    /// # use ketamine_therapy::model::BloodPressure;
    /// assert_eq!(BloodPressure::new(120, 80).diastolic(), 80);
    /// ```
    pub const fn diastolic(self) -> u16 {
        self.diastolic
    }
}

impl fmt::Display for BloodPressure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} mmHg", self.systolic, self.diastolic)
    }
}

/// A text that is not a blood pressure written `systolic/diastolic` (`165/100`, with an
/// optional ` mmHg`), each a whole number from 1 to 400.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::BloodPressure;
///
/// let err = "high".parse::<BloodPressure>().unwrap_err();
/// assert!(err.to_string().contains("`high`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BloodPressureParseError {
    input: String,
}

impl fmt::Display for BloodPressureParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a blood pressure: write systolic/diastolic in mmHg, such as 140/90",
            crate::text::echo(&self.input)
        )
    }
}

impl std::error::Error for BloodPressureParseError {}

impl std::str::FromStr for BloodPressure {
    type Err = BloodPressureParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || BloodPressureParseError {
            input: crate::text::kept(s),
        };
        let t = s.trim();
        let t = t
            .strip_suffix("mmHg")
            .or_else(|| t.strip_suffix("mmhg"))
            .unwrap_or(t)
            .trim_end();
        let (sys, dia) = t.split_once('/').ok_or_else(err)?;
        let value = |v: &str| {
            let v = v.trim();
            (!v.is_empty() && v.len() <= 3 && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| v.parse::<u16>().ok())
                .flatten()
                .filter(|n| (1..=400).contains(n))
        };
        Ok(BloodPressure::new(
            value(sys).ok_or_else(err)?,
            value(dia).ok_or_else(err)?,
        ))
    }
}

/// One condition a label states, in a form a program can compare a patient against.
///
/// In data files a criterion is an object tagged by `kind`:
///
/// ```json
/// {"kind": "blood_pressure", "systolic_above": 140, "diastolic_above": 90}
/// {"kind": "child_pugh", "class": "c"}
/// {"kind": "age", "from": 65}
/// {"kind": "pregnancy"}
/// {"kind": "history", "condition": "cardiovascular_event", "within": "6wk"}
/// ```
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::{ChildPugh, Criterion};
/// use ketamine_therapy::{Agent, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let severe = kb
///     .populations(Agent::Esketamine)
///     .flat_map(|p| p.criteria())
///     .any(|c| *c == Criterion::ChildPugh { class: ChildPugh::C });
/// assert!(severe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Criterion {
    /// A blood pressure above a threshold: systolic above `systolic_above` **or**
    /// diastolic above `diastolic_above` mmHg (strictly above; either suffices). Where a
    /// label gives the threshold for an age band only (the EU: above 150/90 mmHg from
    /// 65), `age_from` and `age_below` limit it to that band.
    BloodPressure {
        /// The systolic threshold, mmHg.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        systolic_above: Option<u16>,
        /// The diastolic threshold, mmHg.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        diastolic_above: Option<u16>,
        /// The threshold holds from this age (years).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        age_from: Option<u8>,
        /// The threshold holds below this age (years).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        age_below: Option<u8>,
    },
    /// Hepatic impairment of a Child-Pugh class.
    ChildPugh {
        /// The class.
        class: ChildPugh,
    },
    /// An age band in whole years: `from` inclusive, `below` exclusive.
    Age {
        /// The lowest age in the band.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<u8>,
        /// The first age above the band.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        below: Option<u8>,
    },
    /// Pregnancy.
    Pregnancy,
    /// Breastfeeding.
    Lactation,
    /// The ability to become pregnant (or to father a pregnancy, where a label says so).
    ReproductivePotential,
    /// A past or present condition; `within` limits it to the given time before the
    /// session (a cardiovascular event within the past 6 weeks).
    History {
        /// The condition.
        condition: History,
        /// How recent it must be, if the source limits it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within: Option<Span>,
    },
}

impl fmt::Display for Criterion {
    /// A short reading: `blood pressure above 140/90 mmHg`, `Child-Pugh C`,
    /// `age 65 and over`, `cardiovascular event within 6wk`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Criterion::BloodPressure {
                systolic_above,
                diastolic_above,
                age_from,
                age_below,
            } => {
                match (systolic_above, diastolic_above) {
                    (Some(s), Some(d)) => write!(f, "blood pressure above {s}/{d} mmHg")?,
                    (Some(s), None) => write!(f, "systolic blood pressure above {s} mmHg")?,
                    (None, Some(d)) => write!(f, "diastolic blood pressure above {d} mmHg")?,
                    (None, None) => f.write_str("blood pressure")?,
                }
                match (age_from, age_below) {
                    (Some(a), Some(b)) => write!(f, " at age {a} to under {b}"),
                    (Some(a), None) => write!(f, " at age {a} and over"),
                    (None, Some(b)) => write!(f, " under age {b}"),
                    (None, None) => Ok(()),
                }
            }
            Criterion::ChildPugh { class } => write!(f, "{class}"),
            Criterion::Age { from, below } => match (from, below) {
                (Some(a), Some(b)) => write!(f, "age {a} to under {b}"),
                (Some(a), None) => write!(f, "age {a} and over"),
                (None, Some(b)) => write!(f, "age under {b}"),
                (None, None) => f.write_str("any age"),
            },
            Criterion::Pregnancy => f.write_str("pregnancy"),
            Criterion::Lactation => f.write_str("breastfeeding"),
            Criterion::ReproductivePotential => f.write_str("able to become pregnant"),
            Criterion::History { condition, within } => match within {
                Some(w) => write!(f, "{condition} within {w}"),
                None => write!(f, "{condition}"),
            },
        }
    }
}

fn child_pugh_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<ChildPugh>(crate::model::IdKind::ChildPugh, input)
}

fn history_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<History>(crate::model::IdKind::History, input)
}
