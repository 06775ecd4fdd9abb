//! The medicine vocabulary: ingredients ([`MedicineRecord`]) with the interactant
//! classes they belong to ([`Membership`]) and the basis of each membership, and brand
//! names ([`BrandRecord`]) mapped to their ingredients and the jurisdictions where
//! they are marketed.
//!
//! Medicines are an open vocabulary, so they are records with string ids and an index,
//! not enum variants: a data set or an overlay can add local formulary names.

use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumString, IntoStaticStr};

use crate::model::{Code, Interactant, Jurisdiction, Sourced};

/// Why a medicine counts as a member of an interactant class.
///
/// Ordered from the most direct basis to the least: a label that names the medicine
/// itself, the classification group that corresponds to the label's class, a
/// pharmacologic class from a primary reference, someone's judgement (the membership
/// names whose).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::MembershipBasis;
///
/// assert!(MembershipBasis::NamedInLabel < MembershipBasis::Judgement);
/// assert_eq!(MembershipBasis::AtcGroup.to_string(), "member of the ATC group");
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
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = membership_basis_parse_error)]
pub enum MembershipBasis {
    /// A label names the medicine itself in its interaction statement.
    #[strum(to_string = "named in the label", serialize = "named_in_label")]
    NamedInLabel,
    /// The medicine is in the WHO ATC group that the label's class corresponds to.
    #[strum(to_string = "member of the ATC group", serialize = "atc_group")]
    AtcGroup,
    /// A pharmacologic class from a primary reference (such as the FDA established
    /// pharmacologic class in SPL indexing).
    #[strum(to_string = "pharmacologic class", serialize = "pharmacologic_class")]
    PharmacologicClass,
    /// A judgement of a named body or source (the membership's note says whose).
    #[strum(to_string = "judgement", serialize = "judgement")]
    Judgement,
}

/// A medicine's membership of an interactant class, with its basis and sources.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::KnowledgeBase;
/// use ketamine_therapy::Interactant;
///
/// let kb = KnowledgeBase::embedded();
/// let lorazepam = kb.medicine("lorazepam")?;
/// let m = lorazepam.ingredients().next().unwrap().classes()[0].clone();
/// assert_eq!(m.interactant(), Interactant::CnsDepressants);
/// println!("{} ({}), group {:?}", m.interactant(), m.basis(), m.group());
/// # Ok::<(), ketamine_therapy::LookupError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    interactant: Interactant,
    basis: MembershipBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl Membership {
    /// The interactant class.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let m = kb.medicine("phenelzine")?;
    /// assert!(m.classes().any(|c| c.interactant() == Interactant::Maois));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn interactant(&self) -> Interactant {
        self.interactant
    }

    /// The basis of the membership.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    /// use ketamine_therapy::model::MembershipBasis;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let m = kb.medicine("methylphenidate")?;
    /// assert!(m.classes().any(|c| c.basis() == MembershipBasis::NamedInLabel));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn basis(&self) -> MembershipBasis {
        self.basis
    }

    /// The group behind the membership: an ATC code (`N05BA`), a pharmacologic class
    /// name, or the label's class wording.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let m = kb.medicine("alprazolam")?;
    /// assert!(m.classes().any(|c| c.group() == Some("N05BA")));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }

    /// A note for readers: for a judgement, whose it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    /// use ketamine_therapy::model::MembershipBasis;
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for m in kb.medicines().flat_map(|m| m.classes()) {
    ///     if m.basis() == MembershipBasis::Judgement {
    ///         assert!(m.note().is_some());
    ///     }
    /// }
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for Membership {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// A medicine (an active ingredient): its names, codes and the interactant classes it
/// belongs to.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::KnowledgeBase;
/// use ketamine_therapy::model::CodeSystem;
///
/// let kb = KnowledgeBase::embedded();
/// let med = kb.medicine_by_id("lorazepam").unwrap();
/// assert_eq!(med.name(), "lorazepam");
/// assert!(med.codes().iter().any(|c| c.system() == CodeSystem::Atc));
/// assert!(!med.classes().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedicineRecord {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    codes: Vec<Code>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    classes: Vec<Membership>,
    sources: Vec<String>,
}

impl MedicineRecord {
    /// The stable id (lower case, as in data files): `"lorazepam"`.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.medicines().all(|m| m.id().bytes().all(|b| !b.is_ascii_uppercase())));
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name (international non-proprietary name where one exists).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.medicine_by_id("sertraline").unwrap().name(), "sertraline");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names of the ingredient (US adopted names, older names).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for m in kb.medicines() {
    ///     assert!(!m.aliases().iter().any(|a| a == m.name()));
    /// }
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Codes of the ingredient (ATC, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::CodeSystem;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// let m = kb.medicine_by_id("alprazolam").unwrap();
    /// assert!(m.codes().iter().any(|c| c.system() == CodeSystem::Atc && c.code() == "N05BA12"));
    /// ```
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// The interactant classes the medicine belongs to, each with its basis; empty for
    /// a medicine that no label read puts in an interacting class.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.medicine_by_id("sertraline").unwrap().classes().is_empty());
    /// ```
    pub fn classes(&self) -> &[Membership] {
        &self.classes
    }

    pub(crate) fn aliases_mut(&mut self) -> &mut Vec<String> {
        &mut self.aliases
    }
}

impl Sourced for MedicineRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// A brand (proprietary) name, the ingredients it contains (each of a combination
/// product) and the jurisdictions where it is marketed.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Jurisdiction, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let xanax = kb.brand("Xanax").unwrap();
/// assert_eq!(xanax.ingredients(), ["alprazolam"]);
/// assert!(xanax.jurisdictions().contains(&Jurisdiction::Us));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandRecord {
    name: String,
    ingredients: Vec<String>,
    jurisdictions: Vec<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    discontinued_in: Vec<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

impl BrandRecord {
    /// The brand name as marketed.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.brand("xanax").unwrap().name(), "Xanax");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ids of its ingredients (see [`MedicineRecord::id`]), each once.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// let suboxone = kb.brand("Suboxone").unwrap();
    /// assert!(suboxone.ingredients().iter().any(|i| i == "buprenorphine"));
    /// assert!(suboxone.ingredients().iter().any(|i| i == "naloxone"));
    /// ```
    pub fn ingredients(&self) -> &[String] {
        &self.ingredients
    }

    /// Where the brand is (or was) marketed.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.brands().all(|b| !b.jurisdictions().is_empty()));
    /// ```
    pub fn jurisdictions(&self) -> &[Jurisdiction] {
        &self.jurisdictions
    }

    /// The jurisdictions where the record read lists the brand as discontinued.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for b in kb.brands() {
    ///     assert!(b.discontinued_in().iter().all(|j| b.jurisdictions().contains(j)));
    /// }
    /// ```
    pub fn discontinued_in(&self) -> &[Jurisdiction] {
        &self.discontinued_in
    }

    /// A note: the application or product numbers the brand rests on.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.brands().any(|b| b.note().is_some()));
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Sourced for BrandRecord {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn membership_basis_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<MembershipBasis>(crate::model::IdKind::MembershipBasis, input)
}
