//! Standard codes: a [`CodeSystem`] and a [`Code`] in it, with the authority's title.

use crate::model::{IdKind, ParseIdError, Sourced};
use serde::{Deserialize, Serialize};
use std::fmt;
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

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
/// use ketamine_therapy::model::CodeSystem;
///
/// assert_eq!(CodeSystem::SnomedCt.to_string(), "SNOMED CT");
/// assert_eq!(CodeSystem::SnomedCt.fhir_uri(), "http://snomed.info/sct");
/// assert_eq!("icd-10-cm".parse::<CodeSystem>()?, CodeSystem::Icd10Cm);
/// assert_eq!("SCT".parse::<CodeSystem>()?, CodeSystem::SnomedCt);
/// assert_eq!("http://www.nlm.nih.gov/research/umls/rxnorm".parse::<CodeSystem>()?, CodeSystem::Rxnorm);
///
/// // Anything else is a typed error that names the close systems, or all of them.
/// let err = "snomde".parse::<CodeSystem>().unwrap_err();
/// assert_eq!(err.kind(), ketamine_therapy::model::IdKind::CodeSystem);
/// assert_eq!(err.suggestions().next(), Some("SNOMED CT"));
/// assert!("loinc".parse::<CodeSystem>().unwrap_err().to_string().contains("expected one of: ATC"));
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
    parse_err_fn = code_system_parse_error
)]
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
        serialize = "icd10-cm",
        serialize = "icd_10_cm",
        serialize = "http://hl7.org/fhir/sid/icd-10-cm"
    )]
    #[serde(rename = "icd10cm")]
    Icd10Cm,
    /// WHO ICD-10, the international classification used outside the US (codes and
    /// titles differ from ICD-10-CM's: there is no F32.A or G56.4 in it).
    #[strum(
        to_string = "ICD-10",
        serialize = "icd10",
        serialize = "icd-10",
        serialize = "icd_10",
        serialize = "ICD-10 WHO",
        serialize = "http://hl7.org/fhir/sid/icd-10"
    )]
    #[serde(rename = "icd10")]
    Icd10,
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

fn code_system_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<CodeSystem>(IdKind::CodeSystem, input)
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
    /// use ketamine_therapy::{model::CodeSystem, IntoEnumIterator};
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
            CodeSystem::Icd10 => "http://hl7.org/fhir/sid/icd-10",
            CodeSystem::Icd11 => "http://id.who.int/icd/release/11/mms",
            CodeSystem::Rxnorm => "http://www.nlm.nih.gov/research/umls/rxnorm",
        }
    }

    /// The snake-case id of the system, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::CodeSystem;
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
            CodeSystem::Icd10 => "icd10",
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
/// use ketamine_therapy::{model::CodeSystem, Agent, KnowledgeBase};
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
    relation: Option<Relation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

/// How a code relates to the record that carries it (the model is FHIR ConceptMap's
/// relationship, read with the record as the source and the code as the target).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Relation;
///
/// assert_eq!(Relation::Broader.fhir_code(), "source-is-narrower-than-target");
/// assert_eq!(Relation::Equivalent.to_string(), "equivalent");
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
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = relation_parse_error)]
pub enum Relation {
    /// The code means the same as the record.
    #[strum(to_string = "equivalent")]
    Equivalent,
    /// The code covers more than the record (a depression code for
    /// treatment-resistant depression is broader: it also covers depression that
    /// responds).
    #[strum(to_string = "broader")]
    Broader,
    /// The code covers part of the record only (a code for one episode type).
    #[strum(to_string = "narrower")]
    Narrower,
    /// The code overlaps the record without containing it or being contained.
    #[strum(to_string = "related")]
    Related,
}

impl Relation {
    /// The FHIR ConceptMap `relationship` code, with the record as the source.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Relation;
    ///
    /// assert_eq!(Relation::Narrower.fhir_code(), "source-is-broader-than-target");
    /// assert_eq!(Relation::Related.fhir_code(), "related-to");
    /// ```
    pub const fn fhir_code(self) -> &'static str {
        match self {
            Relation::Equivalent => "equivalent",
            Relation::Broader => "source-is-narrower-than-target",
            Relation::Narrower => "source-is-broader-than-target",
            Relation::Related => "related-to",
        }
    }
}

impl Code {
    /// The code system.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, KnowledgeBase, Route};
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
    /// use ketamine_therapy::{model::CodeSystem, Condition, KnowledgeBase};
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

    /// How the code relates to the record (equivalent, broader, narrower, related),
    /// where recorded: an app routing by code can tell an exact match from a shared,
    /// broader code.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Relation;
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let trd = kb.condition(Condition::TreatmentResistantDepression);
    /// // No ICD code means treatment-resistant depression: the depression codes it
    /// // carries are only related.
    /// assert!(trd.codes().iter().filter(|c| c.system().id().starts_with("icd")).all(|c| c.relation() != Some(Relation::Equivalent)));
    /// ```
    pub fn relation(&self) -> Option<Relation> {
        self.relation
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

fn relation_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Relation>(crate::model::IdKind::Relation, input)
}
