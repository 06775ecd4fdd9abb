//! The bibliography: every fact in the knowledge base cites one or more of these.

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

/// What kind of document a source is.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, SourceKind};
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
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
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
    /// A study in people (randomised trial, cohort, case series or report).
    #[strum(to_string = "trial")]
    Trial,
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
    /// A code list, value set or terminology file.
    #[strum(to_string = "terminology")]
    Terminology,
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
    note: Option<String>,
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
    /// use ketamine_therapy::SourceKind;
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

    /// How the source was read, and what about it is uncertain.
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

    /// The best link: the DOI resolver, else PubMed, else the URL.
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
        } else {
            self.url.clone()
        }
    }

    /// Whether the source has at least one locator (URL, DOI or PMID).
    pub(crate) fn has_locator(&self) -> bool {
        self.url.is_some() || self.doi.is_some() || self.pmid.is_some()
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
