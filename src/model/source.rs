//! The bibliography: every fact in the knowledge base cites one or more of these.

use crate::model::Date;
use serde::{Deserialize, Serialize};
use std::fmt;
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// What kind of document a source is.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::SourceKind, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// assert_eq!(kb.source("KETALAR-PI").unwrap().kind(), SourceKind::Label);
/// assert_eq!(SourceKind::MetaAnalysis.to_string(), "meta-analysis");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = source_kind_parse_error)]
pub enum SourceKind {
    /// A product label or prescribing information.
    #[strum(to_string = "label")]
    Label,
    /// A regulator's page, decision or data set.
    #[strum(to_string = "regulator")]
    Regulator,
    /// A manufacturer's information page.
    #[strum(to_string = "manufacturer")]
    Manufacturer,
    /// A controlled study in people: a randomised or otherwise controlled trial.
    #[strum(to_string = "trial")]
    Trial,
    /// An uncontrolled study in people: a cohort, case series, case report or
    /// retrospective analysis.
    #[strum(to_string = "observational study", serialize = "observational")]
    Observational,
    /// A systematic review with meta-analysis.
    #[strum(to_string = "meta-analysis", serialize = "meta_analysis")]
    MetaAnalysis,
    /// A narrative review.
    #[strum(to_string = "review")]
    Review,
    /// A guideline or consensus statement.
    #[strum(to_string = "guideline")]
    Guideline,
    /// An animal or laboratory study.
    #[strum(to_string = "preclinical")]
    Preclinical,
    /// A news item, web article or commentary.
    #[strum(to_string = "article")]
    Article,
    /// A drug compendium, encyclopaedia or aggregator.
    #[strum(to_string = "reference work", serialize = "reference_work")]
    ReferenceWork,
    /// A code system or value set issued by its authority (WHO, CMS and NCHS, SNOMED
    /// International, NLM).
    #[strum(to_string = "terminology")]
    Terminology,
}

impl SourceKind {
    /// How strong a source of this kind is: [`Tier::Primary`] for labels, regulator
    /// documents, original studies, meta-analyses, guidelines and terminology
    /// authorities; [`Tier::Secondary`] for reviews and edited reference works;
    /// [`Tier::Tertiary`] for everything else (news, manufacturer pages, web pages).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{SourceKind, Tier};
    ///
    /// assert_eq!(SourceKind::Label.tier(), Tier::Primary);
    /// assert_eq!(SourceKind::Review.tier(), Tier::Secondary);
    /// assert_eq!(SourceKind::Manufacturer.tier(), Tier::Tertiary);
    /// ```
    pub const fn tier(self) -> Tier {
        match self {
            SourceKind::Label
            | SourceKind::Regulator
            | SourceKind::Trial
            | SourceKind::Observational
            | SourceKind::Preclinical
            | SourceKind::MetaAnalysis
            | SourceKind::Guideline
            | SourceKind::Terminology => Tier::Primary,
            SourceKind::Review | SourceKind::ReferenceWork => Tier::Secondary,
            SourceKind::Manufacturer | SourceKind::Article => Tier::Tertiary,
        }
    }

    /// Whether a source of this kind is a scholarly paper, which must carry a DOI or a
    /// PubMed id.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::SourceKind;
    ///
    /// assert!(SourceKind::Trial.is_scholarly());
    /// assert!(!SourceKind::Label.is_scholarly());
    /// ```
    pub const fn is_scholarly(self) -> bool {
        matches!(
            self,
            SourceKind::Trial
                | SourceKind::Observational
                | SourceKind::Preclinical
                | SourceKind::MetaAnalysis
                | SourceKind::Review
        )
    }
}

/// How strong a source is, derived from its [`SourceKind`]. Ordered: the strongest
/// tier is the greatest.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Tier;
///
/// assert!(Tier::Primary > Tier::Secondary && Tier::Secondary > Tier::Tertiary);
/// assert_eq!(Tier::Primary.to_string(), "primary");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = tier_parse_error)]
pub enum Tier {
    /// News, manufacturer marketing and other web pages: never enough on their own.
    #[strum(to_string = "tertiary")]
    Tertiary,
    /// Peer-reviewed reviews and edited reference works.
    #[strum(to_string = "secondary")]
    Secondary,
    /// Labels, regulator documents, original studies, meta-analyses, guidelines and
    /// terminology authorities.
    #[strum(to_string = "primary")]
    Primary,
}

/// One entry of the bibliography.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::KnowledgeBase;
///
/// let kb = KnowledgeBase::embedded();
/// let s = kb.source("LI-2010").unwrap();
/// assert_eq!(s.year(), Some(2010));
/// assert!(s.doi().is_some());
/// println!("{s}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    id: String,
    kind: SourceKind,
    authors: String,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pmid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    spl_set_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    spl_version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    read_via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checked: Option<String>,
}

impl Source {
    /// The stable id that records cite (upper case, `A-Z0-9-`).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("SEED-ARTICLE").unwrap().id(), "SEED-ARTICLE");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The kind of document.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::SourceKind;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("SEED-ARTICLE").unwrap().kind(), SourceKind::Article);
    /// ```
    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    /// Authors, or the organisation responsible.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.source("LI-2010").unwrap().authors().starts_with("Li"));
    /// ```
    pub fn authors(&self) -> &str {
        &self.authors
    }

    /// The title.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.source("LI-2010").unwrap().title().contains("mTOR"));
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The journal, site or publisher.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.source("LI-2010").unwrap().venue().is_some());
    /// ```
    pub fn venue(&self) -> Option<&str> {
        self.venue.as_deref()
    }

    /// The year of publication, when known.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("POPOVA-2019").unwrap().year(), Some(2019));
    /// ```
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// A URL where the source (or the copy that was read) can be found.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.source("FDA-REMS-SPRAVATO").unwrap().url().unwrap().starts_with("https://"));
    /// ```
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The DOI, without a `doi:` prefix.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("LI-2010").unwrap().doi(), Some("10.1126/science.1190287"));
    /// ```
    pub fn doi(&self) -> Option<&str> {
        self.doi.as_deref()
    }

    /// The PubMed id.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("LI-2010").unwrap().pmid(), Some("20724638"));
    /// ```
    pub fn pmid(&self) -> Option<&str> {
        self.pmid.as_deref()
    }

    /// The tier of the source, from its kind (see [`SourceKind::tier`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::Tier, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.source("LI-2010").unwrap().tier(), Tier::Primary);
    /// assert_eq!(kb.source("SEED-ARTICLE").unwrap().tier(), Tier::Tertiary);
    /// ```
    pub fn tier(&self) -> Tier {
        self.kind.tier()
    }

    /// The set id of a US Structured Product Label: the identity of a label across
    /// its versions (DailyMed, FDALabel).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::SourceKind, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let labels = kb.sources().filter(|s| s.kind() == SourceKind::Label);
    /// assert!(labels.into_iter().any(|s| s.spl_set_id().is_some()));
    /// ```
    pub fn spl_set_id(&self) -> Option<&str> {
        self.spl_set_id.as_deref()
    }

    /// The version number of the US label that was read, with [`Source::spl_set_id`].
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.sources().any(|s| s.spl_version().is_some()));
    /// ```
    pub fn spl_version(&self) -> Option<u32> {
        self.spl_version
    }

    /// The date the document took effect or was issued (a label's revision date, a
    /// decision's date).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.sources().any(|s| s.effective().is_some()));
    /// ```
    pub fn effective(&self) -> Option<Date> {
        self.effective
    }

    /// The document's own number at its issuer: an application or decision number
    /// (`NDA 211243`), an EU procedure or product number (`EMEA/H/C/004535`), a REMS
    /// id.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.sources().any(|s| s.document().is_some()));
    /// ```
    pub fn document(&self) -> Option<&str> {
        self.document.as_deref()
    }

    /// Where the text was actually read, when that was a copy of the original document
    /// (the source is still the original; this says how it was reached).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for s in kb.sources().filter(|s| s.read_via().is_some()) {
    ///     assert!(s.read_via().unwrap().starts_with("http"));
    /// }
    /// ```
    pub fn read_via(&self) -> Option<&str> {
        self.read_via.as_deref()
    }

    /// A note for readers: what the document is, and what about it is uncertain.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.source("SEED-ARTICLE").unwrap().note().is_some());
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// How the data set checked the source: which sections were read, in which copy,
    /// and what was not read. Kept apart from [`Source::note`], which speaks to readers.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.sources().any(|s| s.checked().is_some()));
    /// ```
    pub fn checked(&self) -> Option<&str> {
        self.checked.as_deref()
    }

    /// The best link: the DOI resolver, else PubMed, else the URL, else the DailyMed
    /// page of a US label's set id.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.source("LI-2010").unwrap().link().as_deref(), Some("https://doi.org/10.1126/science.1190287"));
    /// ```
    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            Some(format!("https://doi.org/{doi}"))
        } else if let Some(pmid) = &self.pmid {
            Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
        } else if let Some(url) = &self.url {
            Some(url.clone())
        } else {
            self.spl_set_id
                .as_ref()
                .map(|id| format!("https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={id}"))
        }
    }

    /// Whether the source has at least one locator (URL, DOI, PMID, label set id or
    /// document number).
    pub(crate) fn has_locator(&self) -> bool {
        self.url.is_some()
            || self.doi.is_some()
            || self.pmid.is_some()
            || self.spl_set_id.is_some()
            || self.document.is_some()
    }
}

impl fmt::Display for Source {
    /// `Authors. Title. Venue (year).`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = self.title.trim_end_matches('.');
        write!(f, "{}. {title}", self.authors.trim_end_matches('.'))?;
        if !title.ends_with(['?', '!']) {
            f.write_str(".")?;
        }
        if let Some(venue) = &self.venue {
            write!(f, " {}", venue.trim_end_matches('.'))?;
        }
        if let Some(year) = self.year {
            write!(f, " ({year})")?;
        }
        if self.venue.is_some() || self.year.is_some() {
            f.write_str(".")?;
        }
        Ok(())
    }
}

fn source_kind_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<SourceKind>(crate::model::IdKind::SourceKind, input)
}

fn tier_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Tier>(crate::model::IdKind::Tier, input)
}
