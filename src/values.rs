//! Value types shared by every record: spans of time, timings, percentages, dates,
//! sourced text and standard codes.
//!
//! Each of them parses from and prints to the compact JSON form described in
//! `data/SCHEMA.md`, so that what the loader reads, [`serde`] writes back as an equal
//! value (a [`Span`] in its canonical unit: `"60min"` comes back as `"1h"`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// Anything that cites sources: every record and every sourced value in a record.
///
/// The ids resolve with [`KnowledgeBase::source`](crate::KnowledgeBase::source); the
/// loader guarantees that they do and that the list is never empty.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route, Sourced};
///
/// let kb = KnowledgeBase::embedded();
/// let iv = kb.route(Route::Intravenous);
/// for id in iv.sources() {
///     assert!(kb.source(id).is_some());
/// }
/// ```
pub trait Sourced {
    /// The ids of the sources that support this fact (never empty).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Sourced};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.agent(Agent::Esketamine).sources().is_empty());
    /// ```
    fn sources(&self) -> &[String];
}

/// A length of time, stored in whole seconds.
///
/// In data files a span is written `"<integer><unit>"` with unit `s`, `min`, `h`, `d`
/// or `wk`; it prints in the largest unit that divides it exactly.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Span;
///
/// let span: Span = "90min".parse()?;
/// assert_eq!(span.seconds(), 5400);
/// assert_eq!(span.to_string(), "90min");
/// assert_eq!("120min".parse::<Span>()?.to_string(), "2h");
/// assert!("ten minutes".parse::<Span>().is_err());
/// # Ok::<(), ketamine_therapy::SpanParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    seconds: u64,
}

/// Why a text is not a [`Span`]: it says what was wrong and what would be valid.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Span;
///
/// let err = "3 fortnights".parse::<Span>().unwrap_err();
/// assert!(err.to_string().contains("expected"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{input}` is not a span; expected an integer and a unit s, min, h, d or wk, such as \"40min\""
)]
pub struct SpanParseError {
    input: String,
}

const UNITS: [(&str, u64); 5] = [
    ("wk", 7 * 24 * 3600),
    ("d", 24 * 3600),
    ("h", 3600),
    ("min", 60),
    ("s", 1),
];

impl Span {
    /// A span of `seconds` seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Span;
    ///
    /// assert_eq!(Span::from_seconds(3600).to_string(), "1h");
    /// ```
    pub const fn from_seconds(seconds: u64) -> Self {
        Span { seconds }
    }

    /// The span in whole seconds.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Span;
    ///
    /// assert_eq!("2min".parse::<Span>()?.seconds(), 120);
    /// # Ok::<(), ketamine_therapy::SpanParseError>(())
    /// ```
    pub const fn seconds(self) -> u64 {
        self.seconds
    }

    /// The span in minutes, as a floating-point number (for display and sorting).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Span;
    ///
    /// assert_eq!("30s".parse::<Span>()?.minutes(), 0.5);
    /// # Ok::<(), ketamine_therapy::SpanParseError>(())
    /// ```
    pub fn minutes(self) -> f64 {
        self.seconds as f64 / 60.0
    }
}

impl FromStr for Span {
    type Err = SpanParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SpanParseError {
            input: s.to_owned(),
        };
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let (number, unit) = s.split_at_checked(digits).ok_or_else(err)?;
        let value: u64 = number.parse().map_err(|_| err())?;
        let (_, factor) = UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .ok_or_else(err)?;
        value
            .checked_mul(*factor)
            .map(Span::from_seconds)
            .ok_or_else(err)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, factor) = UNITS
            .iter()
            .find(|(_, factor)| self.seconds % factor == 0 && self.seconds > 0)
            .copied()
            .unwrap_or(("s", 1));
        write!(f, "{}{}", self.seconds / factor, name)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A sourced range of time, such as the onset of an effect (`min` to `max`).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let onset = kb.route(Route::Intramuscular).acute_onset().expect("sourced");
/// assert!(onset.min() <= onset.max());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    min: Span,
    max: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Timing {
    /// The shortest reported time.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert!(iv.acute_onset().unwrap().min().seconds() <= 60);
    /// ```
    pub fn min(&self) -> Span {
        self.min
    }

    /// The longest reported time.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let t = KnowledgeBase::embedded().route(Route::Intranasal).observation().unwrap();
    /// assert!(t.max() >= t.min());
    /// ```
    pub fn max(&self) -> Span {
        self.max
    }

    /// What the numbers refer to, when the sources qualify them.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _maybe_note: Option<&str> = kb.route(Route::Oral).acute_onset().and_then(|t| t.note());
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Timing {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

impl fmt::Display for Timing {
    /// `"40min"` when both ends agree, otherwise `"40min-72h"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}-{}", self.min, self.max)
        }
    }
}

/// A range of percentages, `0 <= min <= max <= 100`.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let oral = kb.route(Route::Oral).bioavailability().unwrap();
/// assert!(oral.range().max() < 50.0);
/// assert_eq!(oral.range().to_string(), format!("{}-{}%", oral.range().min(), oral.range().max()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentRange {
    min: f64,
    max: f64,
}

impl PercentRange {
    /// A range whose bounds the loader has already validated.
    pub(crate) const fn new_unchecked(min: f64, max: f64) -> Self {
        PercentRange { min, max }
    }

    /// The lower end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.bioavailability().unwrap().range().min(), 100.0);
    /// ```
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The upper end.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.bioavailability().unwrap().range().max(), 100.0);
    /// ```
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The middle of the range, handy for sorting.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let sl = KnowledgeBase::embedded().route(Route::Sublingual).bioavailability().unwrap();
    /// assert!(sl.range().midpoint() >= sl.range().min());
    /// ```
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) / 2.0
    }
}

impl fmt::Display for PercentRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}%", self.min)
        } else {
            write!(f, "{}-{}%", self.min, self.max)
        }
    }
}

/// A calendar date with the precision the source gives: a year, a month or a day.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Date;
///
/// let d: Date = "2019-03-05".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2019, Some(3), Some(5)));
/// assert_eq!("2025-01".parse::<Date>()?.to_string(), "2025-01");
/// assert!("2019-02-30".parse::<Date>().is_err());
/// # Ok::<(), ketamine_therapy::DateParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a [`Date`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Date;
///
/// let err = "5 March 2019".parse::<Date>().unwrap_err();
/// assert!(err.to_string().contains("YYYY-MM-DD"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day")]
pub struct DateParseError {
    input: String,
}

impl Date {
    /// The year.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("1970".parse::<ketamine_therapy::Date>()?.year(), 1970);
    /// # Ok::<(), ketamine_therapy::DateParseError>(())
    /// ```
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12), when the source gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2019-12".parse::<ketamine_therapy::Date>()?.month(), Some(12));
    /// # Ok::<(), ketamine_therapy::DateParseError>(())
    /// ```
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when the source gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("2019-12".parse::<ketamine_therapy::Date>()?.day(), None);
    /// # Ok::<(), ketamine_therapy::DateParseError>(())
    /// ```
    pub fn day(&self) -> Option<u8> {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError {
            input: s.to_owned(),
        };
        let mut parts = s.split('-');
        let number = |part: Option<&str>, len: usize| -> Result<Option<u16>, DateParseError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| err())
                }
                Some(_) => Err(err()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(err)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(err());
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(err()),
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) if d >= 1 && d <= u16::from(days_in_month(year, m)) => Some(d as u8),
            (_, Some(_)) => return Err(err()),
            (_, None) => None,
        };
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A short text with the sources behind it.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let protocol = kb.route(Route::Intravenous).protocol().unwrap();
/// assert!(protocol.text().contains("0.5 mg/kg"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedText {
    text: String,
    sources: Vec<String>,
}

impl SourcedText {
    /// The text, written in this crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(!kb.mechanism().qualification().text().is_empty());
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Sourced for SourcedText {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// A code system for the identifiers carried by agents, routes and conditions.
///
/// `FromStr` is ASCII case-insensitive and takes the common spellings of each system
/// as well as its FHIR `Coding.system` URI: `"snomed"`, `"SCT"`, `"SNOMED CT"` and
/// `"http://snomed.info/sct"` all name [`CodeSystem::SnomedCt`]; `"icd10"`,
/// `"ICD-10-CM"` and `"icd10cm"` name [`CodeSystem::Icd10Cm`]. The serde names (the
/// ones written in `data/` files) are the snake-case ids: `snomed_ct`, `icd10cm`,
/// `icd11`, `rxnorm`, ...
///
/// # Examples
///
/// ```
/// use ketamine_therapy::CodeSystem;
///
/// assert_eq!(CodeSystem::SnomedCt.to_string(), "SNOMED CT");
/// assert_eq!(CodeSystem::SnomedCt.fhir_uri(), "http://snomed.info/sct");
/// assert_eq!("icd-10-cm".parse::<CodeSystem>()?, CodeSystem::Icd10Cm);
/// assert_eq!("SCT".parse::<CodeSystem>()?, CodeSystem::SnomedCt);
/// assert_eq!("http://www.nlm.nih.gov/research/umls/rxnorm".parse::<CodeSystem>()?, CodeSystem::Rxnorm);
/// # Ok::<(), strum::ParseError>(())
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
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
pub enum CodeSystem {
    /// WHO Anatomical Therapeutic Chemical classification.
    #[strum(
        to_string = "ATC",
        serialize = "atc",
        serialize = "WHO ATC",
        serialize = "http://www.whocc.no/atc"
    )]
    Atc,
    /// FDA Unique Ingredient Identifier.
    #[strum(
        to_string = "UNII",
        serialize = "unii",
        serialize = "http://fdasis.nlm.nih.gov"
    )]
    Unii,
    /// PubChem compound id.
    #[strum(
        to_string = "PubChem CID",
        serialize = "pubchem_cid",
        serialize = "pubchem",
        serialize = "CID",
        serialize = "https://identifiers.org/pubchem.compound"
    )]
    PubchemCid,
    /// Chemical Entities of Biological Interest.
    #[strum(
        to_string = "ChEBI",
        serialize = "chebi",
        serialize = "https://identifiers.org/CHEBI"
    )]
    Chebi,
    /// CAS Registry Number.
    #[strum(
        to_string = "CAS",
        serialize = "cas",
        serialize = "CAS RN",
        serialize = "http://terminology.hl7.org/CodeSystem/CAS"
    )]
    Cas,
    /// DrugBank accession.
    #[strum(
        to_string = "DrugBank",
        serialize = "drugbank",
        serialize = "https://identifiers.org/drugbank"
    )]
    Drugbank,
    /// Medical Subject Headings.
    #[strum(
        to_string = "MeSH",
        serialize = "mesh",
        serialize = "MSH",
        serialize = "https://www.nlm.nih.gov/mesh"
    )]
    Mesh,
    /// KEGG DRUG.
    #[strum(
        to_string = "KEGG",
        serialize = "kegg",
        serialize = "KEGG DRUG",
        serialize = "https://identifiers.org/kegg.drug"
    )]
    Kegg,
    /// SNOMED CT (conditions and routes of administration).
    #[strum(
        to_string = "SNOMED CT",
        serialize = "snomed_ct",
        serialize = "snomed",
        serialize = "snomedct",
        serialize = "snomed-ct",
        serialize = "SCT",
        serialize = "http://snomed.info/sct"
    )]
    SnomedCt,
    /// ICD-10-CM (US clinical modification). Not WHO ICD-10, whose codes and titles
    /// differ.
    #[strum(
        to_string = "ICD-10-CM",
        serialize = "icd10cm",
        serialize = "icd10",
        serialize = "icd-10",
        serialize = "icd10-cm",
        serialize = "icd_10_cm",
        serialize = "http://hl7.org/fhir/sid/icd-10-cm"
    )]
    #[serde(rename = "icd10cm")]
    Icd10Cm,
    /// ICD-11 for Mortality and Morbidity Statistics.
    #[strum(
        to_string = "ICD-11",
        serialize = "icd11",
        serialize = "icd-11-mms",
        serialize = "icd11mms",
        serialize = "icd11-mms",
        serialize = "http://id.who.int/icd/release/11/mms"
    )]
    Icd11,
    /// RxNorm (US National Library of Medicine): ingredient and product concept ids
    /// (RxCUI).
    #[strum(
        to_string = "RxNorm",
        serialize = "rxnorm",
        serialize = "RxCUI",
        serialize = "http://www.nlm.nih.gov/research/umls/rxnorm"
    )]
    Rxnorm,
}

impl CodeSystem {
    /// The FHIR `Coding.system` URI of the code system.
    ///
    /// The URIs are the ones HL7 publishes (the FHIR specification's list of external
    /// code systems and HL7 Terminology): SNOMED CT, RxNorm, ICD-10-CM, ICD-11 MMS, ATC,
    /// UNII, CAS and MeSH. PubChem, ChEBI, DrugBank and KEGG have no HL7-registered
    /// URI; for them this is the identifiers.org namespace of the registry, which is
    /// what FHIR advises when a system's owner publishes none.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{CodeSystem, IntoEnumIterator};
    ///
    /// assert_eq!(CodeSystem::Atc.fhir_uri(), "http://www.whocc.no/atc");
    /// assert_eq!(CodeSystem::Rxnorm.fhir_uri(), "http://www.nlm.nih.gov/research/umls/rxnorm");
    /// // Every URI parses back to its system.
    /// for system in CodeSystem::iter() {
    ///     assert_eq!(system.fhir_uri().parse::<CodeSystem>(), Ok(system));
    /// }
    /// ```
    pub const fn fhir_uri(self) -> &'static str {
        match self {
            CodeSystem::Atc => "http://www.whocc.no/atc",
            CodeSystem::Unii => "http://fdasis.nlm.nih.gov",
            CodeSystem::PubchemCid => "https://identifiers.org/pubchem.compound",
            CodeSystem::Chebi => "https://identifiers.org/CHEBI",
            CodeSystem::Cas => "http://terminology.hl7.org/CodeSystem/CAS",
            CodeSystem::Drugbank => "https://identifiers.org/drugbank",
            CodeSystem::Mesh => "https://www.nlm.nih.gov/mesh",
            CodeSystem::Kegg => "https://identifiers.org/kegg.drug",
            CodeSystem::SnomedCt => "http://snomed.info/sct",
            CodeSystem::Icd10Cm => "http://hl7.org/fhir/sid/icd-10-cm",
            CodeSystem::Icd11 => "http://id.who.int/icd/release/11/mms",
            CodeSystem::Rxnorm => "http://www.nlm.nih.gov/research/umls/rxnorm",
        }
    }

    /// The snake-case id of the system, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::CodeSystem;
    ///
    /// assert_eq!(CodeSystem::SnomedCt.id(), "snomed_ct");
    /// assert_eq!(CodeSystem::Icd10Cm.id(), "icd10cm");
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            CodeSystem::Atc => "atc",
            CodeSystem::Unii => "unii",
            CodeSystem::PubchemCid => "pubchem_cid",
            CodeSystem::Chebi => "chebi",
            CodeSystem::Cas => "cas",
            CodeSystem::Drugbank => "drugbank",
            CodeSystem::Mesh => "mesh",
            CodeSystem::Kegg => "kegg",
            CodeSystem::SnomedCt => "snomed_ct",
            CodeSystem::Icd10Cm => "icd10cm",
            CodeSystem::Icd11 => "icd11",
            CodeSystem::Rxnorm => "rxnorm",
        }
    }
}

/// A code in a standard [`CodeSystem`], with its sources.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, CodeSystem, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let atc: Vec<&str> = kb.agent(Agent::Esketamine).codes_in(CodeSystem::Atc).map(|c| c.code()).collect();
/// assert!(atc.contains(&"N06AX27"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    system: CodeSystem,
    code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    display: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Code {
    /// The code system.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{CodeSystem, KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert!(iv.codes().iter().any(|c| c.system() == CodeSystem::SnomedCt));
    /// ```
    pub fn system(&self) -> CodeSystem {
        self.system
    }

    /// The code itself, exactly as the code system writes it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.codes()[0].code(), "47625008");
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The code's title as its authority publishes it ("Major depressive disorder,
    /// recurrent, moderate"), where recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{CodeSystem, Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let mdd = kb.condition(Condition::MajorDepressiveDisorder);
    /// let f331 = mdd.codes().iter().find(|c| c.code() == "F33.1").unwrap();
    /// assert_eq!(f331.system(), CodeSystem::Icd10Cm);
    /// assert_eq!(f331.display(), Some("Major depressive disorder, recurrent, moderate"));
    /// ```
    pub fn display(&self) -> Option<&str> {
        self.display.as_deref()
    }

    /// What the code stands for, when it needs saying (e.g. "hydrochloride salt").
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _notes: Vec<Option<&str>> = kb.condition(Condition::Fibromyalgia).codes().iter().map(|c| c.note()).collect();
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Code {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.system, self.code)
    }
}
