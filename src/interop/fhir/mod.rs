//! FHIR R5 export (cargo feature `fhir`): the whole knowledge base as one FHIR
//! `Bundle` of type `collection`, for EHRs and clinical-decision-support pipelines.
//!
//! ```
//! let kb = ketamine_therapy::KnowledgeBase::embedded();
//! let json = kb.fhir_bundle().to_json();
//! assert!(json.starts_with(r#"{"resourceType":"Bundle""#));
//! // Every resource carries a generated narrative.
//! let bundle: serde_json::Value = serde_json::from_str(&json)?;
//! for entry in bundle["entry"].as_array().unwrap() {
//!     assert_eq!(entry["resource"]["text"]["status"], "generated");
//! }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # What is in the bundle
//!
//! | resource | one per | carries |
//! |---|---|---|
//! | `CodeSystem` | code system of this crate | evidence levels, risk bases, severities, populations, recommendations, monitoring kinds, source kinds, dosing phases and bases, each with its display |
//! | `ValueSet` | code system an extension binds to | every code of the evidence-level and interaction-severity systems |
//! | `StructureDefinition` | extension of this crate | what [`EVIDENCE_LEVEL_EXTENSION`], [`NEGATIVE_FINDING_EXTENSION`] and [`SEVERITY_EXTENSION`] mean, where they go, their value type and binding |
//! | `Organization` | regulator, and the project | the author of the knowledge and each jurisdiction's regulator |
//! | `MedicinalProductDefinition` | (agent, route) | the route (SNOMED CT), ATC classification; the `subject` of clinical-use facts and authorisations |
//! | `MedicationKnowledge` | agent | codes (RxNorm, ATC, UNII, ...), names, intended routes (SNOMED CT), ATC classification, controlled-substance schedule per regulator, monitoring programme, indication guidelines with dosing, clinical-use issues, enantiomer relation |
//! | `ClinicalUseDefinition` | indication, contraindication, interaction, undesirable effect (risk × agent), population guidance, monitoring requirement | `type` `indication`, `contraindication`, `interaction`, `undesirable-effect` or `warning`; conditions coded with ICD-10-CM, ICD-11 and SNOMED CT where the data has codes |
//! | `RegulatedAuthorization` | approval (of an indication or of an agent) | region, status date, scope (description), regulator, approved indication |
//! | `Citation` | source | title, authors, venue, year, DOI / PMID / document number / SPL set id, links, source kind (as a publication type) |
//! | `Provenance` | exported record | the `Citation`s the record rests on (`entity.role` `source`) |
//!
//! **Evidence level.** Each indication's evidence level is an extension on its
//! `ClinicalUseDefinition`, [`EVIDENCE_LEVEL_EXTENSION`], whose `valueCoding` is from the
//! bundle's own `CodeSystem` [`EVIDENCE_LEVEL_SYSTEM`] (`regulatory_approval`,
//! `strong`, `mixed`, `limited`, `insufficient`, with their definitions). Sources that
//! found no benefit are [`NEGATIVE_FINDING_EXTENSION`] references to their `Citation`;
//! an interaction's graded severity is [`SEVERITY_EXTENSION`].
//!
//! **Identity and determinism.** Each resource's `id` is derived from the key of the
//! record it exports (`ind-ptsd-racemic-ketamine-intravenous`; ids longer than FHIR's
//! 64 characters end in a hash of the key), its record key is in `identifier`
//! ([`RECORD_KEY_SYSTEM`]), and its `fullUrl` is [`BASE_URL`]`/Type/id`. Records without a key of their own
//! (contraindications, monitoring) are numbered in data order within their agent.
//! References are relative (`Citation/cit-li-2010`), resolved against the `fullUrl`s as
//! FHIR specifies for bundles, and every one resolves inside the bundle. The same
//! knowledge base always gives the same bytes.
//!
//! **Codes.** Every `Coding.system` is the FHIR URI of its system
//! ([`CodeSystem::fhir_uri`](crate::model::CodeSystem::fhir_uri)), an HL7 code system
//! (codes from the value set an element is bound to wherever FHIR binds one:
//! publication types and URL classifiers of citations, authorisation type and status,
//! clinical-use categories), or one of the bundle's own `CodeSystem`s. Regions are
//! ISO 3166-1 countries (`urn:iso:std:iso:3166`), and the European Union is `EUR` of
//! the Publications Office of the EU's Country authority table
//! (`http://publications.europa.eu/resource/authority/country`), as ISO 3166-1 only
//! reserves `EU` exceptionally and defines no such code.
//!
//! **Narrative and JSON rules.** Every resource has a `text` (status `generated`): an
//! escaped XHTML `div` made from the same data as its elements. No array, object or
//! string in the bundle is empty, and nothing is `null`.
//!
//! **One path.** The bundle is serialised by serde from the structs of its resources,
//! each built just before it is written and dropped after, one file per resource kind.
//! [`Bundle::to_json`] gives the bytes of `serde_json::to_string` of the bundle, through
//! a compact serde writer that copies the many strings needing no escape as they are.
//!
//! The export is R5 only (R4 has no `ClinicalUseDefinition`). CI validates it twice:
//! at the profile level, offline, against the official `hl7.fhir.r5.core` 5.0.0
//! definitions with HL7's FHIRPath engine for every invariant
//! (`scripts/fhir-validator`), and by the Python `fhir.resources` 8.x models
//! (`scripts/validate_fhir.py`); the crate's own tests check references, code-system
//! URIs, required elements, narratives and FHIR's JSON rules.

mod authorization;
mod citation;
mod clinical_use;
mod datatypes;
mod dosing;
mod extensions;
mod ids;
mod json;
mod medication;
mod narrative;
mod organization;
mod product;
mod provenance;
mod resource;
mod terminology;
mod variant;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use self::datatypes::{Concat, Identifier};
use self::resource::Entries;
use crate::KnowledgeBase;

/// The base of every URL this crate defines in the export (its own code systems,
/// extensions and identifier systems): the crate's repository followed by `/fhir`.
///
/// # Examples
///
/// ```
/// assert!(ketamine_therapy::interop::fhir::BASE_URL.ends_with("/fhir"));
/// ```
pub const BASE_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/fhir");

/// The `Identifier.system` of the record keys (`indication/ptsd/racemic_ketamine/intravenous`).
///
/// # Examples
///
/// ```
/// assert!(ketamine_therapy::interop::fhir::RECORD_KEY_SYSTEM.starts_with(ketamine_therapy::interop::fhir::BASE_URL));
/// ```
pub const RECORD_KEY_SYSTEM: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/NamingSystem/record-key"
);

/// The extension on an indication's `ClinicalUseDefinition` that carries its
/// evidence level as a `valueCoding` from [`EVIDENCE_LEVEL_SYSTEM`].
///
/// # Examples
///
/// ```
/// let kb = ketamine_therapy::KnowledgeBase::embedded();
/// assert!(kb.fhir_bundle().to_json().contains(ketamine_therapy::interop::fhir::EVIDENCE_LEVEL_EXTENSION));
/// ```
pub const EVIDENCE_LEVEL_EXTENSION: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/StructureDefinition/evidence-level"
);

/// The code system of evidence levels, included in the bundle as a `CodeSystem`.
///
/// # Examples
///
/// ```
/// assert!(ketamine_therapy::interop::fhir::EVIDENCE_LEVEL_SYSTEM.ends_with("/CodeSystem/evidence-level"));
/// ```
pub const EVIDENCE_LEVEL_SYSTEM: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/CodeSystem/evidence-level"
);

/// The extension on an indication's `ClinicalUseDefinition` that names, as a
/// `valueReference` to a `Citation`, a source that found no benefit.
///
/// # Examples
///
/// ```
/// assert!(ketamine_therapy::interop::fhir::NEGATIVE_FINDING_EXTENSION.ends_with("negative-finding"));
/// ```
pub const NEGATIVE_FINDING_EXTENSION: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/StructureDefinition/negative-finding"
);

/// The extension on an interaction's `ClinicalUseDefinition` that carries the
/// severity a cited source grades it with.
///
/// # Examples
///
/// ```
/// assert!(ketamine_therapy::interop::fhir::SEVERITY_EXTENSION.ends_with("interaction-severity"));
/// ```
pub const SEVERITY_EXTENSION: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/StructureDefinition/interaction-severity"
);

/// The whole knowledge base as a FHIR R5 `Bundle` (type `collection`); from
/// [`KnowledgeBase::fhir_bundle`]. It serialises with serde (any serde format; FHIR
/// wants JSON), or use [`Bundle::to_json`] and [`Bundle::to_json_pretty`].
///
/// # Examples
///
/// ```
/// let kb = ketamine_therapy::KnowledgeBase::embedded();
/// let bundle: serde_json::Value = serde_json::to_value(kb.fhir_bundle())?;
/// assert_eq!(bundle["type"], "collection");
/// let types: Vec<&str> = bundle["entry"].as_array().unwrap().iter()
///     .map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
/// assert!(types.contains(&"MedicationKnowledge"));
/// assert!(types.contains(&"ClinicalUseDefinition"));
/// assert!(types.contains(&"RegulatedAuthorization"));
/// assert!(types.contains(&"Citation"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Bundle<'a> {
    kb: &'a KnowledgeBase,
}

impl Bundle<'_> {
    /// The bundle as compact JSON: the bytes of `serde_json::to_string(&bundle)`.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.fhir_bundle().to_json(), kb.fhir_bundle().to_json());
    /// ```
    pub fn to_json(&self) -> String {
        // The export is about 2.5 times the size of the knowledge base's own JSON;
        // reserving that much up front saves the copies of a growing buffer.
        let mut out = String::with_capacity(self.kb.sources().len() * 6144);
        // Serialising cannot fail: every map key is a string, every number finite
        // (the loader checks doses), and the output is UTF-8. The writer gives the
        // bytes of `serde_json::to_string`, faster (see `json.rs`).
        match json::write(&mut out, self) {
            Ok(()) => out,
            Err(_) => String::new(),
        }
    }

    /// The bundle as indented JSON (what `ketamine export fhir` prints).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.fhir_bundle().to_json_pretty().starts_with("{\n  \"resourceType\": \"Bundle\""));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Bundle<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let version = crate::DATA_VERSION;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("resourceType", "Bundle")?;
        map.serialize_entry("id", &Concat::new(&["ketamine-therapy-", version]))?;
        map.serialize_entry(
            "identifier",
            &Identifier {
                system: RECORD_KEY_SYSTEM,
                value: format!("ketamine-therapy/{version}").into(),
            },
        )?;
        map.serialize_entry("type", "collection")?;
        map.serialize_entry("entry", &Entries(self.kb))?;
        map.end()
    }
}

impl KnowledgeBase {
    /// The knowledge base as a FHIR R5 `Bundle` (feature `fhir`); see the
    /// [`fhir`](crate::interop::fhir) module for what it contains.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::KnowledgeBase;
    ///
    /// let json = KnowledgeBase::embedded().fhir_bundle().to_json_pretty();
    /// std::fs::write(std::env::temp_dir().join("ketamine-bundle.json"), json)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fhir_bundle(&self) -> Bundle<'_> {
        Bundle { kb: self }
    }
}
