//! Routes of administration and their attributes: codes, bioavailability, timing of
//! the acute and antidepressant effects, session and observation, protocol, setting,
//! how common the route is.

use crate::model::table::record_table;
use crate::model::{Code, IdKind, ParseIdError, PercentRange, Sourced, SourcedText, Timing};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A route of administration. `FromStr` is ASCII case-insensitive and takes the usual
/// abbreviations ("IV", "i.v.", "IM", "SL", ...).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Route;
///
/// assert_eq!("IV".parse::<Route>()?, Route::Intravenous);
/// assert_eq!("i.v.".parse::<Route>()?, Route::Intravenous);
/// assert_eq!("nasal spray".parse::<Route>()?, Route::Intranasal);
/// assert_eq!(Route::Intramuscular.to_string(), "intramuscular");
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = ParseIdError,
    parse_err_fn = route_parse_error
)]
#[non_exhaustive]
pub enum Route {
    /// Into a vein, usually as an infusion.
    #[strum(
        to_string = "intravenous",
        serialize = "IV",
        serialize = "i.v.",
        serialize = "intravenous infusion"
    )]
    Intravenous,
    /// Into the nose, as a spray.
    #[strum(
        to_string = "intranasal",
        serialize = "nasal",
        serialize = "nasal spray",
        serialize = "i.n."
    )]
    Intranasal,
    /// Into a muscle.
    #[strum(
        to_string = "intramuscular",
        serialize = "IM",
        serialize = "i.m.",
        serialize = "intramuscular injection"
    )]
    Intramuscular,
    /// Under the skin.
    #[strum(
        to_string = "subcutaneous",
        serialize = "SC",
        serialize = "SQ",
        serialize = "s.c.",
        serialize = "subcutaneous injection"
    )]
    Subcutaneous,
    /// Swallowed.
    #[strum(
        to_string = "oral",
        serialize = "PO",
        serialize = "by mouth",
        serialize = "oral tablet"
    )]
    Oral,
    /// Held under the tongue.
    #[strum(
        to_string = "sublingual",
        serialize = "SL",
        serialize = "lozenge",
        serialize = "sublingual tablet"
    )]
    Sublingual,
}

record_table!(Route {
    Intravenous => "intravenous",
    Intranasal => "intranasal",
    Intramuscular => "intramuscular",
    Subcutaneous => "subcutaneous",
    Oral => "oral",
    Sublingual => "sublingual",
});

fn route_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Route>(IdKind::Route, input)
}

/// Bioavailability: the share of a dose that reaches the circulation, as a range over
/// the sources (which may disagree).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let sl = kb.route(Route::Sublingual).bioavailability().unwrap();
/// assert!(sl.range().min() >= 20.0 && sl.range().max() <= 40.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bioavailability {
    min: f64,
    max: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Bioavailability {
    /// The range in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous).bioavailability().unwrap();
    /// assert_eq!(iv.range().to_string(), "100%");
    /// ```
    pub fn range(&self) -> PercentRange {
        PercentRange::new_unchecked(self.min, self.max)
    }

    /// How the figures were obtained or why they differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _ = kb.route(Route::Oral).bioavailability().unwrap().note();
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Bioavailability {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Where a route is given.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::SettingKind, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let setting = kb.route(Route::Intranasal).setting().unwrap();
/// assert_eq!(setting.kind(), SettingKind::CertifiedRemsSetting);
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = setting_kind_parse_error)]
pub enum SettingKind {
    /// A medical setting under the supervision of trained staff.
    #[strum(to_string = "supervised clinic", serialize = "supervised_clinic")]
    SupervisedClinic,
    /// A healthcare setting certified under the US SPRAVATO REMS.
    #[strum(
        to_string = "certified REMS setting",
        serialize = "certified_rems_setting"
    )]
    CertifiedRemsSetting,
    /// At home, without supervision.
    #[strum(to_string = "unsupervised home use", serialize = "unsupervised_home")]
    UnsupervisedHome,
}

/// The setting of a route, with its sources.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::SettingKind, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// assert_eq!(kb.route(Route::Intravenous).setting().unwrap().kind(), SettingKind::SupervisedClinic);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    setting: SettingKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Setting {
    /// The kind of setting.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// println!("{}", kb.route(Route::Intravenous).setting().unwrap().kind());
    /// ```
    pub fn kind(&self) -> SettingKind {
        self.setting
    }

    /// A qualification, when the sources give one.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _ = kb.route(Route::Oral).setting().and_then(|s| s.note());
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Setting {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// How common a route is in practice and research. Ordered from most to least common.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::PrevalenceLevel;
///
/// assert!(PrevalenceLevel::MostStudied < PrevalenceLevel::LessCommon);
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
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = prevalence_level_parse_error)]
pub enum PrevalenceLevel {
    /// The most studied and most widely used route.
    #[strum(to_string = "most studied", serialize = "most_studied")]
    MostStudied,
    /// A common route.
    #[strum(to_string = "common")]
    Common,
    /// A less common route.
    #[strum(to_string = "less common", serialize = "less_common")]
    LessCommon,
    /// Used mainly in trials.
    #[strum(to_string = "investigational")]
    Investigational,
}

/// How common a route is, with its sources.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::PrevalenceLevel, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// assert_eq!(kb.route(Route::Intravenous).prevalence().unwrap().level(), PrevalenceLevel::MostStudied);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prevalence {
    prevalence: PrevalenceLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Prevalence {
    /// The level.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::PrevalenceLevel, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.route(Route::Intramuscular).prevalence().unwrap().level(), PrevalenceLevel::LessCommon);
    /// ```
    pub fn level(&self) -> PrevalenceLevel {
        self.prevalence
    }

    /// A qualification, when the sources give one.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let _ = kb.route(Route::Oral).prevalence().and_then(|p| p.note());
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Prevalence {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Everything the crate knows about one [`Route`]. Attributes a source does not give
/// are `None`, never guessed.
///
/// The `acute_*` timings describe the acute anaesthetic or psychoactive effect; the
/// `antidepressant_*` timings the mood effect. They differ: intramuscular ketamine acts
/// more slowly and for longer than intravenous ketamine in its acute effect, but the one
/// randomised comparison found the same antidepressant time course.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let iv = kb.route(Route::Intravenous);
/// let im = kb.route(Route::Intramuscular);
/// assert!(im.acute_onset().unwrap().min() > iv.acute_onset().unwrap().min());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRecord {
    id: Route,
    name: String,
    aliases: Vec<String>,
    description: String,
    sources: Vec<String>,
    codes: Vec<Code>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bioavailability: Option<Bioavailability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acute_onset: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acute_peak: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acute_duration: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    antidepressant_onset: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    antidepressant_duration: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    observation: Option<Timing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    protocol: Option<SourcedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    setting: Option<Setting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prevalence: Option<Prevalence>,
}

impl RouteRecord {
    /// The route this record describes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert_eq!(KnowledgeBase::embedded().route(Route::Oral).id(), Route::Oral);
    /// ```
    pub fn id(&self) -> Route {
        self.id
    }

    /// The display name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert_eq!(KnowledgeBase::embedded().route(Route::Oral).name(), "oral");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Abbreviations and other names.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Intravenous).aliases().iter().any(|a| a == "IV"));
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }

    /// What the route is and how ketamine is given by it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(!KnowledgeBase::embedded().route(Route::Sublingual).description().is_empty());
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Standard codes (SNOMED CT route concepts).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert_eq!(KnowledgeBase::embedded().route(Route::Oral).codes()[0].code(), "26643006");
    /// ```
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// Bioavailability, where a source gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.route(Route::Oral).bioavailability().is_some());
    /// ```
    pub fn bioavailability(&self) -> Option<&Bioavailability> {
        self.bioavailability.as_ref()
    }

    /// Time to onset of the acute (anaesthetic or psychoactive) effect.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Intravenous).acute_onset().is_some());
    /// ```
    pub fn acute_onset(&self) -> Option<&Timing> {
        self.acute_onset.as_ref()
    }

    /// Time to the peak of the acute effect or of the plasma level.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let _ = KnowledgeBase::embedded().route(Route::Intranasal).acute_peak();
    /// ```
    pub fn acute_peak(&self) -> Option<&Timing> {
        self.acute_peak.as_ref()
    }

    /// How long the acute effect lasts.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let iv = kb.route(Route::Intravenous).acute_duration().unwrap();
    /// let im = kb.route(Route::Intramuscular).acute_duration().unwrap();
    /// assert!(im.max() > iv.max());
    /// ```
    pub fn acute_duration(&self) -> Option<&Timing> {
        self.acute_duration.as_ref()
    }

    /// Time to onset of the antidepressant effect, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Intravenous).antidepressant_onset().is_some());
    /// ```
    pub fn antidepressant_onset(&self) -> Option<&Timing> {
        self.antidepressant_onset.as_ref()
    }

    /// How long the antidepressant effect lasts, where sourced.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let _ = KnowledgeBase::embedded().route(Route::Intramuscular).antidepressant_duration();
    /// ```
    pub fn antidepressant_duration(&self) -> Option<&Timing> {
        self.antidepressant_duration.as_ref()
    }

    /// The typical length of a treatment session (e.g. an infusion).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let iv = KnowledgeBase::embedded().route(Route::Intravenous);
    /// assert_eq!(iv.session().unwrap().min().to_string(), "40min");
    /// ```
    pub fn session(&self) -> Option<&Timing> {
        self.session.as_ref()
    }

    /// The observation time after a dose.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// let nasal = KnowledgeBase::embedded().route(Route::Intranasal);
    /// assert_eq!(nasal.observation().unwrap().min().to_string(), "2h");
    /// ```
    pub fn observation(&self) -> Option<&Timing> {
        self.observation.as_ref()
    }

    /// The typical protocol studied or labelled for the route.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Intravenous).protocol().is_some());
    /// ```
    pub fn protocol(&self) -> Option<&SourcedText> {
        self.protocol.as_ref()
    }

    /// Where the route is given.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Intranasal).setting().is_some());
    /// ```
    pub fn setting(&self) -> Option<&Setting> {
        self.setting.as_ref()
    }

    /// How common the route is.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, Route};
    ///
    /// assert!(KnowledgeBase::embedded().route(Route::Subcutaneous).prevalence().is_some());
    /// ```
    pub fn prevalence(&self) -> Option<&Prevalence> {
        self.prevalence.as_ref()
    }

    /// Every timing of the record with its field name, for validation and display.
    pub(crate) fn timings(&self) -> [(&'static str, Option<&Timing>); 7] {
        [
            ("acute_onset", self.acute_onset.as_ref()),
            ("acute_peak", self.acute_peak.as_ref()),
            ("acute_duration", self.acute_duration.as_ref()),
            ("antidepressant_onset", self.antidepressant_onset.as_ref()),
            (
                "antidepressant_duration",
                self.antidepressant_duration.as_ref(),
            ),
            ("session", self.session.as_ref()),
            ("observation", self.observation.as_ref()),
        ]
    }
}

impl Sourced for RouteRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn setting_kind_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<SettingKind>(crate::model::IdKind::SettingKind, input)
}

fn prevalence_level_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<PrevalenceLevel>(crate::model::IdKind::PrevalenceLevel, input)
}
