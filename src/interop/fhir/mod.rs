//! FHIR R5 export (cargo feature `fhir`): the whole knowledge base as one FHIR
//! `Bundle` of type `collection`, for EHRs and clinical-decision-support pipelines.
//!
//! ```
//! let kb = ketamine_therapy::KnowledgeBase::embedded();
//! let json = kb.fhir_bundle().to_json();
//! assert!(json.starts_with(r#"{"resourceType":"Bundle""#));
//! ```
//!
//! # What is in the bundle
//!
//! | resource | one per | carries |
//! |---|---|---|
//! | `CodeSystem` | code system of this crate | evidence levels, risk bases, severities, populations, recommendations, monitoring kinds, source kinds, dosing phases and bases, each with its display |
//! | `Organization` | regulator, and the project | the author of the knowledge and each jurisdiction's regulator |
//! | `MedicinalProductDefinition` | (agent, route) | the route (SNOMED CT), ATC classification; the `subject` of clinical-use facts and authorisations |
//! | `MedicationKnowledge` | agent | codes (RxNorm, ATC, UNII, ...), names, intended routes (SNOMED CT), ATC classification, controlled-substance schedule per regulator, monitoring programme, indication guidelines with dosing, clinical-use issues, enantiomer relation |
//! | `ClinicalUseDefinition` | indication, contraindication, interaction, undesirable effect (risk × agent), population guidance, monitoring requirement | `type` `indication`, `contraindication`, `interaction`, `undesirable-effect` or `warning`; conditions coded with ICD-10-CM, ICD-11 and SNOMED CT where the data has codes |
//! | `RegulatedAuthorization` | approval (of an indication or of an agent) | region, status date, scope (description), regulator, approved indication |
//! | `Citation` | source | title, authors, venue, year, DOI / PMID, link, source kind |
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
//! ([`CodeSystem::fhir_uri`](crate::model::CodeSystem::fhir_uri)), `urn:iso:std:iso:3166` for
//! regions, an HL7 code system, or one of the bundle's own `CodeSystem`s.
//!
//! The export is R5 only (R4 has no `ClinicalUseDefinition`). It is validated in CI by
//! an independent implementation, the Python `fhir.resources` 8.x models
//! (`scripts/validate_fhir.py`); the crate's own tests check what that library does not:
//! references, code-system URIs and required elements.

mod model;
mod variant;

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use strum::{EnumCount, IntoEnumIterator};

use self::model::*;
use crate::model::Sourced;
use crate::{
    Agent, Evidence, Jurisdiction, KnowledgeBase, Population, Route,
    model::{
        Code, CodeSystem as Terminology, DoseBasis, MonitoringKind, Phase, Recommendation,
        RegulatoryStatus, RiskBasis, Severity, SourceKind,
    },
};

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

const ISO_3166: &str = "urn:iso:std:iso:3166";
const UCUM: &str = "http://unitsofmeasure.org";
const PUBLICATION_STATUS: &str = "http://hl7.org/fhir/publication-status";
const AUTHORIZATION_TYPE: &str = "http://hl7.org/fhir/regulated-authorization-type";
const CUD_CATEGORY: &str = "http://hl7.org/fhir/clinical-use-definition-category";
const DOI_SYSTEM: &str = "https://doi.org";
const PMID_SYSTEM: &str = "https://pubmed.ncbi.nlm.nih.gov";

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
    /// The bundle as compact JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.fhir_bundle().to_json(), kb.fhir_bundle().to_json());
    /// ```
    pub fn to_json(&self) -> String {
        // The same bytes as `serde_json::to_string(self)` (the test
        // `to_json_is_the_serde_serialisation_byte_for_byte` checks it), written
        // straight into one buffer: the envelope, each entry's `fullUrl` and the
        // Provenance, Citation and ClinicalUseDefinition resources (about three
        // quarters of the bytes) are written directly, copying the many strings that
        // need no escape (ids, URLs) as they are; the other resources are serialised
        // with serde_json. Each resource is written as soon as it is built, then
        // dropped.
        //
        // The export is about 2 times the size of the knowledge base's own JSON;
        // reserving that much up front saves the copies of a growing buffer.
        let mut out = Vec::with_capacity(self.kb.sources().len() * 4096);
        let version = crate::DATA_VERSION;
        out.extend_from_slice(br#"{"resourceType":"Bundle","id":"#);
        json_str(&mut out, &format!("ketamine-therapy-{version}"));
        out.extend_from_slice(br#","identifier":{"system":"#);
        json_str(&mut out, RECORD_KEY_SYSTEM);
        out.extend_from_slice(br#","value":"#);
        json_str(&mut out, &format!("ketamine-therapy/{version}"));
        out.extend_from_slice(br#"},"type":"collection","entry":["#);
        let ids = Ids::new(self.kb);
        // Serialising these structs cannot fail: every map key is a string and every
        // number finite (the loader checks doses); the output is UTF-8.
        let mut ok = true;
        let mut first = true;
        {
            let out = &mut out;
            let mut sink = |resource: Resource<'_>| {
                if !first {
                    out.push(b',');
                }
                first = false;
                let (resource_type, id) = resource.type_and_id();
                out.extend_from_slice(br#"{"fullUrl":""#);
                json_str_contents(out, BASE_URL);
                out.push(b'/');
                out.extend_from_slice(resource_type.as_bytes());
                out.push(b'/');
                json_str_contents(out, id);
                out.extend_from_slice(br#"","resource":"#);
                match &resource {
                    Resource::Provenance(p) => write_provenance(out, p),
                    Resource::Citation(c) => write_citation(out, c),
                    Resource::ClinicalUseDefinition(c) => write_clinical_use(out, c),
                    _ => ok &= serde_json::to_writer(&mut *out, &resource).is_ok(),
                }
                out.push(b'}');
            };
            Builder::new(self.kb, &ids, &mut sink).build();
        }
        out.extend_from_slice(b"]}");
        if ok {
            String::from_utf8(out).unwrap_or_default()
        } else {
            String::new()
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

/// The `entry` array of a bundle, serialised as the builder makes each resource.
struct Entries<'a>(&'a KnowledgeBase);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let ids = Ids::new(self.0);
        let mut seq = serializer.serialize_seq(None)?;
        let mut error = None;
        {
            let mut sink = |resource: Resource<'_>| {
                if error.is_none() {
                    if let Err(e) = seq.serialize_element(&Entry { resource }) {
                        error = Some(e);
                    }
                }
            };
            Builder::new(self.0, &ids, &mut sink).build();
        }
        match error {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

/// Whether a JSON string of `bytes` needs an escape (a quote, a backslash or a
/// control character): branch-free passes over 16-byte chunks, which vectorise.
fn needs_escape(bytes: &[u8]) -> bool {
    let escape = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |e, &b| e | escape(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| escape(b))
}

/// Appends `s` as a JSON string.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    json_str_contents(out, s);
    out.push(b'"');
}

/// Appends the contents of `s` as a JSON string (without quotes), copied as is when
/// nothing in it needs escaping (ids, URLs), else escaped by serde_json.
fn json_str_contents(out: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.extend_from_slice(s.as_bytes());
    } else {
        let start = out.len();
        // Writing a string to a Vec cannot fail.
        if serde_json::to_writer(&mut *out, s).is_ok() && out.len() >= start + 2 {
            // Drop the quotes serde_json wrote.
            out.pop();
            out.remove(start);
        }
    }
}

/// Appends a `Reference` as JSON, as its `Serialize` impl writes it.
fn write_reference(out: &mut Vec<u8>, r: &Reference<'_>) {
    out.extend_from_slice(br#"{"reference":""#);
    out.extend_from_slice(r.resource_type.as_bytes());
    out.push(b'/');
    json_str_contents(out, r.id_prefix);
    json_str_contents(out, &r.id);
    out.push(b'"');
    if let Some(display) = r.display {
        out.extend_from_slice(br#","display":"#);
        json_str(out, display);
    }
    out.push(b'}');
}

/// Appends a Provenance resource as JSON, as its `Serialize` impl writes it.
fn write_provenance(out: &mut Vec<u8>, p: &Provenance<'_>) {
    out.extend_from_slice(br#"{"resourceType":"Provenance","id":"#);
    json_str(out, &p.id);
    out.extend_from_slice(br#","target":["#);
    for (i, t) in p.target.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_reference(out, t);
    }
    out.extend_from_slice(br#"],"agent":["#);
    for (i, a) in p.agent.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"who":"#);
        write_reference(out, &a.who);
        out.push(b'}');
    }
    out.extend_from_slice(br#"],"entity":["#);
    for (i, e) in p.entity.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"role":"#);
        json_str(out, e.role);
        out.extend_from_slice(br#","what":"#);
        write_reference(out, &e.what);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
}

/// Appends `items` as a JSON array, each written by `write`.
fn json_array<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

/// Appends a `Coding` as JSON, as its `Serialize` impl writes it.
fn write_coding(out: &mut Vec<u8>, c: &Coding<'_>) {
    out.extend_from_slice(br#"{"system":"#);
    json_str(out, c.system);
    out.extend_from_slice(br#","code":"#);
    json_str(out, &c.code);
    if let Some(display) = &c.display {
        out.extend_from_slice(br#","display":"#);
        json_str(out, display);
    }
    out.push(b'}');
}

/// Appends a `CodeableConcept` as JSON, as its `Serialize` impl writes it.
fn write_concept(out: &mut Vec<u8>, c: &Concept<'_>) {
    out.push(b'{');
    if !c.coding.is_empty() {
        out.extend_from_slice(br#""coding":"#);
        json_array(out, &c.coding, write_coding);
    }
    if let Some(text) = &c.text {
        if !c.coding.is_empty() {
            out.push(b',');
        }
        out.extend_from_slice(br#""text":"#);
        json_str(out, text);
    }
    out.push(b'}');
}

/// Appends an `Identifier` as JSON, as its `Serialize` impl writes it.
fn write_identifier(out: &mut Vec<u8>, id: &Identifier<'_>) {
    out.push(b'{');
    if let Some(t) = &id.r#type {
        out.extend_from_slice(br#""type":"#);
        write_concept(out, t);
        out.push(b',');
    }
    if let Some(system) = id.system {
        out.extend_from_slice(br#""system":"#);
        json_str(out, system);
        out.push(b',');
    }
    out.extend_from_slice(br#""value":"#);
    json_str(out, &id.value);
    out.push(b'}');
}

/// Appends a `CodeableReference` as JSON, as its `Serialize` impl writes it.
fn write_codeable_reference(out: &mut Vec<u8>, r: &CodeableReference<'_>) {
    match r {
        CodeableReference::Concept(c) => {
            out.extend_from_slice(br#"{"concept":"#);
            write_concept(out, c);
        }
        CodeableReference::Reference(r) => {
            out.extend_from_slice(br#"{"reference":"#);
            write_reference(out, r);
        }
    }
    out.push(b'}');
}

/// Appends a ClinicalUseDefinition resource as JSON, as its `Serialize` impl writes it.
fn write_clinical_use(out: &mut Vec<u8>, c: &ClinicalUseDefinition<'_>) {
    out.extend_from_slice(br#"{"resourceType":"ClinicalUseDefinition","id":"#);
    json_str(out, &c.id);
    if let Some(text) = &c.text {
        out.extend_from_slice(br#","text":{"status":"#);
        json_str(out, text.status);
        out.extend_from_slice(br#","div":"#);
        json_str(out, &text.div);
        out.push(b'}');
    }
    if !c.extension.is_empty() {
        out.extend_from_slice(br#","extension":"#);
        json_array(out, &c.extension, |out, e| {
            out.extend_from_slice(br#"{"url":"#);
            json_str(out, e.url);
            match &e.value {
                ExtensionValue::Coding(coding) => {
                    out.extend_from_slice(br#","valueCoding":"#);
                    write_coding(out, coding);
                }
                ExtensionValue::Reference(r) => {
                    out.extend_from_slice(br#","valueReference":"#);
                    write_reference(out, r);
                }
            }
            out.push(b'}');
        });
    }
    out.extend_from_slice(br#","identifier":"#);
    json_array(out, &c.identifier, write_identifier);
    out.extend_from_slice(br#","type":"#);
    json_str(out, c.r#type);
    if !c.category.is_empty() {
        out.extend_from_slice(br#","category":"#);
        json_array(out, &c.category, write_concept);
    }
    out.extend_from_slice(br#","subject":"#);
    json_array(out, &c.subject, write_reference);
    match &c.detail {
        CudDetail::Indication(d) => {
            out.extend_from_slice(br#","indication":{"diseaseSymptomProcedure":"#);
            write_codeable_reference(out, &d.disease_symptom_procedure);
        }
        CudDetail::Contraindication(d) => {
            out.extend_from_slice(br#","contraindication":{"diseaseSymptomProcedure":"#);
            write_codeable_reference(out, &d.disease_symptom_procedure);
        }
        CudDetail::Interaction(d) => {
            out.extend_from_slice(br#","interaction":{"interactant":"#);
            json_array(out, &d.interactant, |out, i| {
                out.extend_from_slice(br#"{"itemCodeableConcept":"#);
                write_concept(out, &i.item_codeable_concept);
                out.push(b'}');
            });
            out.extend_from_slice(br#","type":"#);
            write_concept(out, &d.r#type);
            out.extend_from_slice(br#","effect":"#);
            write_codeable_reference(out, &d.effect);
            out.extend_from_slice(br#","management":"#);
            json_array(out, &d.management, write_concept);
        }
        CudDetail::UndesirableEffect(d) => {
            out.extend_from_slice(br#","undesirableEffect":{"symptomConditionEffect":"#);
            write_codeable_reference(out, &d.symptom_condition_effect);
            out.extend_from_slice(br#","classification":"#);
            write_concept(out, &d.classification);
            if let Some(f) = &d.frequency_of_occurrence {
                out.extend_from_slice(br#","frequencyOfOccurrence":"#);
                write_concept(out, f);
            }
        }
        CudDetail::Warning(d) => {
            out.extend_from_slice(br#","warning":{"description":"#);
            json_str(out, &d.description);
            out.extend_from_slice(br#","code":"#);
            write_concept(out, &d.code);
        }
    }
    // The detail, the resource.
    out.extend_from_slice(b"}}");
}

/// Appends a Citation resource as JSON, as its `Serialize` impl writes it.
fn write_citation(out: &mut Vec<u8>, c: &Citation<'_>) {
    out.extend_from_slice(br#"{"resourceType":"Citation","id":"#);
    json_str(out, &c.id);
    out.extend_from_slice(br#","identifier":"#);
    json_array(out, &c.identifier, write_identifier);
    out.extend_from_slice(br#","status":"#);
    json_str(out, c.status);
    let a = &c.cited_artifact;
    out.extend_from_slice(br#","citedArtifact":{"#);
    if !a.identifier.is_empty() {
        out.extend_from_slice(br#""identifier":"#);
        json_array(out, &a.identifier, write_identifier);
        out.push(b',');
    }
    out.extend_from_slice(br#""title":"#);
    json_array(out, &a.title, |out, t| {
        out.extend_from_slice(br#"{"text":"#);
        json_str(out, t.text);
        out.push(b'}');
    });
    if !a.publication_form.is_empty() {
        out.extend_from_slice(br#","publicationForm":"#);
        json_array(out, &a.publication_form, |out, f| {
            out.push(b'{');
            if let Some(p) = &f.published_in {
                out.extend_from_slice(br#""publishedIn":{"title":"#);
                json_str(out, p.title);
                out.push(b'}');
            }
            if let Some(date) = &f.article_date {
                if f.published_in.is_some() {
                    out.push(b',');
                }
                out.extend_from_slice(br#""articleDate":"#);
                json_str(out, date);
            }
            out.push(b'}');
        });
    }
    if !a.web_location.is_empty() {
        out.extend_from_slice(br#","webLocation":"#);
        json_array(out, &a.web_location, |out, w| {
            out.push(b'{');
            if !w.classifier.is_empty() {
                out.extend_from_slice(br#""classifier":"#);
                json_array(out, &w.classifier, write_concept);
                out.push(b',');
            }
            out.extend_from_slice(br#""url":"#);
            json_str(out, &w.url);
            out.push(b'}');
        });
    }
    out.extend_from_slice(br#","classification":"#);
    json_array(out, &a.classification, |out, k| {
        out.extend_from_slice(br#"{"type":"#);
        write_concept(out, &k.r#type);
        out.extend_from_slice(br#","classifier":"#);
        json_array(out, &k.classifier, write_concept);
        out.push(b'}');
    });
    out.extend_from_slice(br#","contributorship":{"summary":"#);
    json_array(out, &a.contributorship.summary, |out, s| {
        out.extend_from_slice(br#"{"value":"#);
        json_str(out, s.value);
        out.push(b'}');
    });
    // contributorship, citedArtifact, the resource.
    out.extend_from_slice(b"}}}");
}

impl Serialize for Bundle<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let version = crate::DATA_VERSION;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("resourceType", "Bundle")?;
        map.serialize_entry("id", &format!("ketamine-therapy-{version}"))?;
        map.serialize_entry(
            "identifier",
            &Identifier {
                r#type: None,
                system: Some(RECORD_KEY_SYSTEM),
                value: Cow::Owned(format!("ketamine-therapy/{version}")),
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

/// A 128-bit FNV-1a hash.
fn fnv128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut hash = OFFSET;
    for part in parts {
        for &b in part.as_bytes().iter().chain(b"\x1f") {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// A FHIR id (`[A-Za-z0-9-.]{1,64}`) derived from a prefix and a record key: the
/// key's letters, digits and dots kept, anything else a hyphen; a hash of the key
/// ends an id that would be longer than 64 characters.
fn fhir_id(prefix: &str, key: &str) -> String {
    let mut bytes = Vec::with_capacity(prefix.len() + key.len() + 1);
    bytes.extend_from_slice(prefix.as_bytes());
    bytes.push(b'-');
    bytes.extend(key.bytes().map(|b| {
        if b.is_ascii_alphanumeric() || b == b'.' {
            b
        } else {
            b'-'
        }
    }));
    if bytes.len() > 64 {
        let hash = fnv128(&[prefix, key]);
        bytes.truncate(47);
        bytes.push(b'-');
        let hex = (hash >> 64) as u64;
        for shift in (0..16).rev() {
            let nibble = ((hex >> (shift * 4)) & 0xf) as u8;
            bytes.push(if nibble < 10 {
                b'0' + nibble
            } else {
                b'a' + nibble - 10
            });
        }
    }
    // Every byte is ASCII by construction.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The snake-case serde name of an enum value (the code of this crate's code systems).
fn code_of<T: Serialize>(value: &T) -> &'static str {
    variant::variant_name(value)
}

fn own_system(name: &str) -> String {
    format!("{BASE_URL}/CodeSystem/{name}")
}

/// Region code (ISO 3166) and name of a jurisdiction.
fn region(j: Jurisdiction) -> (&'static str, &'static str) {
    match j {
        Jurisdiction::Us => ("US", "United States"),
        Jurisdiction::Eu => ("EU", "European Union"),
        Jurisdiction::Uk => ("GB", "United Kingdom"),
        Jurisdiction::Ca => ("CA", "Canada"),
        Jurisdiction::Au => ("AU", "Australia"),
    }
}

/// The regulator of a jurisdiction: (id suffix, name, short name).
fn regulator(j: Jurisdiction) -> (&'static str, &'static str, &'static str) {
    match j {
        Jurisdiction::Us => ("fda", "US Food and Drug Administration", "FDA"),
        Jurisdiction::Eu => (
            "ema",
            "European Medicines Agency and European Commission",
            "EMA",
        ),
        Jurisdiction::Uk => (
            "mhra",
            "Medicines and Healthcare products Regulatory Agency",
            "MHRA",
        ),
        Jurisdiction::Ca => ("hc", "Health Canada", "Health Canada"),
        Jurisdiction::Au => ("tga", "Therapeutic Goods Administration", "TGA"),
    }
}

fn evidence_definition(e: Evidence) -> &'static str {
    match e {
        Evidence::RegulatoryApproval => {
            "A regulator approved this agent and route for this condition."
        }
        Evidence::Strong => "Several randomised controlled trials and meta-analyses.",
        Evidence::Mixed => "Several randomised trials with mixed or limited results.",
        Evidence::Limited => "One small randomised trial and/or open-label studies.",
        Evidence::Insufficient => "Case reports, negative or absent evidence.",
    }
}

fn reference<'a>(resource_type: &'static str, id: &str, display: Option<&'a str>) -> Reference<'a> {
    Reference {
        resource_type,
        id_prefix: "",
        id: Cow::Owned(String::from(id)),
        display,
    }
}

/// A reference to the Citation of a source (see [`Builder::citation_ref`]).
fn citation_ref(source: &str) -> Reference<'_> {
    let plain = source.len() <= 60
        && source
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if plain {
        Reference {
            resource_type: "Citation",
            id_prefix: "cit-",
            id: Cow::Borrowed(source),
            display: None,
        }
    } else {
        Reference {
            resource_type: "Citation",
            id_prefix: "",
            id: Cow::Owned(fhir_id("cit", source)),
            display: None,
        }
    }
}

fn key_identifier<'a>(key: impl Into<Cow<'a, str>>) -> Vec<Identifier<'a>> {
    vec![Identifier {
        r#type: None,
        system: Some(RECORD_KEY_SYSTEM),
        value: key.into(),
    }]
}

fn codings(codes: &[Code]) -> Vec<Coding<'_>> {
    codes
        .iter()
        .map(|c| Coding {
            system: c.system().fhir_uri(),
            code: Cow::Borrowed(c.code()),
            display: c.display().map(Cow::Borrowed),
        })
        .collect()
}

fn region_concept<'a>(j: Jurisdiction) -> Concept<'a> {
    let (code, name) = region(j);
    Concept::coded(
        Coding {
            system: ISO_3166,
            code: Cow::Borrowed(code),
            display: Some(Cow::Borrowed(name)),
        },
        name,
    )
}

/// A coding from one of this crate's code systems.
fn own_coding<'a, T>(system: &'a str, value: &T) -> Coding<'a>
where
    T: Serialize + Copy + Into<&'static str>,
{
    Coding {
        system,
        code: Cow::Borrowed(code_of(value)),
        display: Some(Cow::Borrowed((*value).into())),
    }
}

/// XHTML-escapes `text` into a narrative `div`.
fn narrative(text: &str) -> Narrative {
    let mut div = String::with_capacity(text.len() + 48);
    div.push_str("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>");
    for c in text.chars() {
        match c {
            '&' => div.push_str("&amp;"),
            '<' => div.push_str("&lt;"),
            '>' => div.push_str("&gt;"),
            c => div.push(c),
        }
    }
    div.push_str("</p></div>");
    Narrative {
        status: "generated",
        div,
    }
}

/// The own code systems: (name, title, description, concepts).
struct OwnSystems {
    evidence: String,
    basis: String,
    severity: String,
    population: String,
    recommendation: String,
    monitoring: String,
    source_kind: String,
    phase: String,
    dose_basis: String,
}

impl OwnSystems {
    fn new() -> Self {
        OwnSystems {
            evidence: String::from(EVIDENCE_LEVEL_SYSTEM),
            basis: own_system("risk-basis"),
            severity: own_system("interaction-severity"),
            population: own_system("population"),
            recommendation: own_system("recommendation"),
            monitoring: own_system("monitoring-kind"),
            source_kind: own_system("source-kind"),
            phase: own_system("dosing-phase"),
            dose_basis: own_system("dose-basis"),
        }
    }
}

/// The (key, id) of an agent's non-indication ClinicalUseDefinitions, in the order
/// [`Builder::safety`] emits them.
fn safety_keys(kb: &KnowledgeBase, agent: Agent) -> Vec<(String, String)> {
    let mut keys: Vec<(&'static str, String)> = Vec::new();
    for (i, _) in kb.contraindications(agent).enumerate() {
        keys.push(("ci", format!("{}/{}", agent.id(), i + 1)));
    }
    for (i, x) in kb.interactions(agent).enumerate() {
        let interactant = x.interactant().id();
        keys.push(("ia", format!("{}/{interactant}/{}", agent.id(), i + 1)));
    }
    for risk in kb.risks() {
        for (i, scope) in risk.applies().iter().enumerate() {
            if scope.agent() == agent {
                keys.push(("ae", format!("{}/{}/{}", risk.id().id(), agent.id(), i + 1)));
            }
        }
    }
    for (i, p) in kb.populations(agent).enumerate() {
        keys.push((
            "pop",
            format!("{}/{}/{}", agent.id(), p.population().id(), i + 1),
        ));
    }
    for (i, m) in kb.monitoring(agent).enumerate() {
        keys.push((
            "mon",
            format!("{}/{}/{}", agent.id(), code_of(&m.kind()), i + 1),
        ));
    }
    keys.into_iter()
        .map(|(prefix, key)| {
            let id = fhir_id(prefix, &key);
            (key, id)
        })
        .collect()
}

/// The ids that many references share, computed once per export.
struct Ids {
    /// The (key, id) of every agent's non-indication ClinicalUseDefinitions.
    safety: [Vec<(String, String)>; Agent::COUNT],
    /// The MedicinalProductDefinition id of every (agent, route).
    mpd: [[String; Route::COUNT]; Agent::COUNT],
}

impl Ids {
    fn new(kb: &KnowledgeBase) -> Self {
        Ids {
            safety: Agent::ALL.map(|a| safety_keys(kb, a)),
            mpd: std::array::from_fn(|a| {
                std::array::from_fn(|r| match (Agent::ALL.get(a), Route::ALL.get(r)) {
                    (Some(a), Some(r)) => fhir_id("mpd", &format!("{}/{}", a.id(), r.id())),
                    _ => String::new(),
                })
            }),
        }
    }
}

/// Where the builder's resources go, one at a time, as they are built: each is
/// written out and dropped before the next is built.
type Sink<'s> = dyn for<'r> FnMut(Resource<'r>) + 's;

struct Builder<'a, 's> {
    kb: &'a KnowledgeBase,
    systems: &'a OwnSystems,
    ids: &'a Ids,
    sink: &'s mut Sink<'s>,
    project: Reference<'a>,
}

/// Pushes the entries of one resource type.
macro_rules! push {
    ($self:ident, $variant:ident, $resource:expr) => {{
        let resource = Resource::$variant($resource);
        ($self.sink)(resource);
    }};
}

impl<'a, 's> Builder<'a, 's> {
    fn new(kb: &'a KnowledgeBase, ids: &'a Ids, sink: &'s mut Sink<'s>) -> Builder<'a, 's> {
        // This crate's code-system URLs, built once per process.
        static SYSTEMS: once_cell::sync::Lazy<OwnSystems> =
            once_cell::sync::Lazy::new(OwnSystems::new);
        Builder {
            kb,
            systems: &SYSTEMS,
            ids,
            sink,
            project: Reference {
                resource_type: "Organization",
                id_prefix: "",
                id: Cow::Borrowed("org-ketamine-therapy"),
                display: None,
            },
        }
    }

    /// A reference to the Citation of a source: `Citation/cit-<source id>`, borrowed
    /// from the source id where that is a valid FHIR id.
    fn citation_ref(&self, source: &'a str) -> Reference<'a> {
        citation_ref(source)
    }

    /// A reference to the MedicinalProductDefinition of an (agent, route).
    fn mpd_ref(&self, agent: Agent, route: Route) -> Reference<'a> {
        Reference {
            resource_type: "MedicinalProductDefinition",
            id_prefix: "",
            id: Cow::Borrowed(self.mpd_id(agent, route)),
            display: None,
        }
    }

    fn mpd_id(&self, agent: Agent, route: Route) -> &'a str {
        let ids: &'a Ids = self.ids;
        agent
            .pick(&ids.mpd)
            .get(route as usize)
            .map_or("", String::as_str)
    }

    fn build(mut self) {
        self.code_systems();
        self.organizations();
        self.product_definitions();
        self.medication_knowledge();
        self.indications();
        self.safety();
        self.authorizations();
        self.citations();
    }

    fn code_system<T>(
        &mut self,
        url: &'a str,
        name: &'static str,
        title: &'static str,
        description: &'static str,
        definition: impl Fn(T) -> Option<&'static str>,
    ) where
        T: IntoEnumIterator + Serialize + Into<&'static str> + Copy,
    {
        let concept = T::iter()
            .map(|v| CodeSystemConcept {
                code: Cow::Borrowed(code_of(&v)),
                display: Cow::Borrowed(v.into()),
                definition: definition(v).map(Cow::Borrowed),
            })
            .collect();
        let id = url.rsplit('/').next().unwrap_or(name);
        push!(
            self,
            CodeSystem,
            CodeSystem {
                id: fhir_id("cs", id),
                url: String::from(url),
                version: crate::DATA_VERSION,
                name,
                title,
                status: "active",
                experimental: false,
                description,
                case_sensitive: true,
                content: "complete",
                concept,
            }
        );
    }

    fn code_systems(&mut self) {
        let s = self.systems;
        self.code_system::<Evidence>(
            &s.evidence,
            "EvidenceLevel",
            "Evidence level of an indication",
            "How strong the evidence for a (condition, agent, route) is, strongest first.",
            |e| Some(evidence_definition(e)),
        );
        self.code_system::<RiskBasis>(
            &s.basis,
            "RiskBasis",
            "Basis on which a risk is attached to an agent",
            "A label warning, a label adverse reaction or a class effect holds on every route the agent is given by; an observed risk only on the routes where it was seen.",
            |_| None,
        );
        self.code_system::<Severity>(
            &s.severity,
            "InteractionSeverity",
            "Severity of a drug interaction",
            "The severity a cited source grades an interaction with.",
            |_| None,
        );
        self.code_system::<Population>(
            &s.population,
            "Population",
            "Special population",
            "Patient groups with their own label or guideline statements.",
            |_| None,
        );
        self.code_system::<Recommendation>(
            &s.recommendation,
            "Recommendation",
            "Recommendation for a special population",
            "What the sources recommend for a special population.",
            |_| None,
        );
        self.code_system::<MonitoringKind>(
            &s.monitoring,
            "MonitoringKind",
            "Kind of monitoring requirement",
            "What a monitoring requirement watches.",
            |_| None,
        );
        self.code_system::<SourceKind>(
            &s.source_kind,
            "SourceKind",
            "Kind of source document",
            "What kind of document a cited source is.",
            |_| None,
        );
        self.code_system::<Phase>(
            &s.phase,
            "DosingPhase",
            "Phase of a dosing regimen",
            "Single dose, induction, maintenance or a course.",
            |_| None,
        );
        self.code_system::<DoseBasis>(
            &s.dose_basis,
            "DoseBasis",
            "Basis of a dosing regimen",
            "Whether a regimen is what a label states, a guideline recommends or a trial used.",
            |_| None,
        );
    }

    fn organizations(&mut self) {
        push!(
            self,
            Organization,
            Organization {
                id: String::from("org-ketamine-therapy"),
                identifier: Vec::new(),
                active: true,
                name: "ketamine-therapy (typed, sourced knowledge model of ketamine therapy)",
                alias: vec!["ketamine-therapy"],
            }
        );
        for j in Jurisdiction::iter() {
            let (suffix, name, alias) = regulator(j);
            push!(
                self,
                Organization,
                Organization {
                    id: format!("org-{suffix}"),
                    identifier: Vec::new(),
                    active: true,
                    name,
                    alias: vec![alias],
                }
            );
        }
    }

    fn regulator_ref(j: Jurisdiction) -> Reference<'a> {
        let (suffix, _, alias) = regulator(j);
        reference("Organization", &format!("org-{suffix}"), Some(alias))
    }

    fn route_concept(&self, route: Route) -> Concept<'a> {
        let record = self.kb.route(route);
        Concept {
            coding: codings(record.codes())
                .into_iter()
                .filter(|c| c.system == Terminology::SnomedCt.fhir_uri())
                .collect(),
            text: Some(Cow::Borrowed(record.name())),
        }
    }

    fn atc_concepts(&self, agent: Agent) -> Vec<Concept<'a>> {
        self.kb
            .agent(agent)
            .codes_in(Terminology::Atc)
            .map(|c| Concept {
                coding: vec![Coding {
                    system: Terminology::Atc.fhir_uri(),
                    code: Cow::Borrowed(c.code()),
                    display: c.display().map(Cow::Borrowed),
                }],
                text: c.note().map(Cow::Borrowed),
            })
            .collect()
    }

    fn provenance(&mut self, resource_type: &'static str, id: &str, sources: &[&'a str]) {
        if sources.is_empty() {
            return;
        }
        let project = self.project.clone();
        push!(
            self,
            Provenance,
            Provenance {
                id: fhir_id("prov", id),
                target: vec![reference(resource_type, id, None)],
                agent: vec![ProvenanceAgent { who: project }],
                entity: sources
                    .iter()
                    .map(|s| ProvenanceEntity {
                        role: "source",
                        what: self.citation_ref(s),
                    })
                    .collect(),
            }
        );
    }

    fn product_definitions(&mut self) {
        let kb = self.kb;
        for agent in kb.agents() {
            for ar in agent.routes() {
                let id = self.mpd_id(agent.id(), ar.route());
                let key = format!("agent_route/{}/{}", agent.id().id(), ar.route().id());
                push!(
                    self,
                    MedicinalProductDefinition,
                    MedicinalProductDefinition {
                        id: String::from(id),
                        identifier: key_identifier(key),
                        description: ar.note(),
                        route: vec![self.route_concept(ar.route())],
                        classification: self.atc_concepts(agent.id()),
                        code: Vec::new(),
                        name: vec![ProductName {
                            product_name: format!(
                                "{}, {}",
                                agent.name(),
                                kb.route(ar.route()).name()
                            ),
                        }],
                    }
                );
                let sources = unique(
                    ar.sources().iter().chain(
                        kb.route(ar.route())
                            .codes()
                            .iter()
                            .flat_map(|c| c.sources()),
                    ),
                );
                self.provenance("MedicinalProductDefinition", id, &sources);
            }
        }
    }

    fn agent_subjects(&self, agent: Agent, routes: Option<&[Route]>) -> Vec<Reference<'a>> {
        self.kb
            .agent(agent)
            .routes()
            .iter()
            .map(|r| r.route())
            .filter(|r| routes.is_none_or(|rs| rs.contains(r)))
            .map(|r| self.mpd_ref(agent, r))
            .collect()
    }

    fn medication_knowledge(&mut self) {
        let kb = self.kb;
        for record in kb.agents() {
            let agent = record.id();
            let id = fhir_id("mk", agent.id());
            let mut names = vec![record.name()];
            names.extend(record.aliases().iter().map(String::as_str));
            let mut jurisdictions: Vec<Jurisdiction> = record
                .regulatory()
                .iter()
                .filter(|r| r.status() == RegulatoryStatus::Approved)
                .map(|r| r.jurisdiction())
                .collect();
            jurisdictions.sort();
            jurisdictions.dedup();
            let mut regulated: Vec<Jurisdiction> = record
                .regulatory()
                .iter()
                .map(|r| r.jurisdiction())
                .chain(record.controlled_substance().map(|c| c.jurisdiction()))
                .collect();
            regulated.sort();
            regulated.dedup();
            let regulatory = regulated
                .into_iter()
                .map(|j| MkRegulatory {
                    regulatory_authority: Self::regulator_ref(j),
                    schedule: record
                        .controlled_substance()
                        .filter(|c| c.jurisdiction() == j)
                        .map(|c| {
                            Concept::text(format!(
                                "controlled substance, schedule {}",
                                c.schedule()
                            ))
                        })
                        .into_iter()
                        .collect(),
                })
                .collect();
            let monitoring_program = kb
                .monitoring(agent)
                .filter(|m| m.kind() == MonitoringKind::Program)
                .map(|m| MonitoringProgram {
                    r#type: Concept::coded(
                        own_coding(&self.systems.monitoring, &m.kind()),
                        "restricted programme",
                    ),
                    name: m.text(),
                })
                .collect();
            let related = record
                .enantiomer_of()
                .map(|other| RelatedMedicationKnowledge {
                    r#type: Concept::text("enantiomer of"),
                    reference: vec![reference(
                        "MedicationKnowledge",
                        &fhir_id("mk", other.id()),
                        Some(kb.agent(other).name()),
                    )],
                })
                .into_iter()
                .collect();
            let atc = self.atc_concepts(agent);
            let medicine_classification = if atc.is_empty() {
                Vec::new()
            } else {
                vec![MedicineClassification {
                    r#type: Concept::text("ATC"),
                    source_uri: Terminology::Atc.fhir_uri(),
                    classification: atc,
                }]
            };
            let definitional = Definitional {
                definition: self.agent_subjects(agent, None),
                intended_route: record
                    .routes()
                    .iter()
                    .map(|r| self.route_concept(r.route()))
                    .collect(),
            };
            let indication_guideline = self.indication_guidelines(agent);
            let clinical_use_issue = self.clinical_use_issues(agent);
            push!(
                self,
                MedicationKnowledge,
                MedicationKnowledge {
                    id: id.clone(),
                    identifier: key_identifier(format!("agent/{}", agent.id())),
                    code: Concept {
                        coding: codings(record.codes()),
                        text: Some(Cow::Borrowed(record.name())),
                    },
                    status: "active",
                    author: self.project.clone(),
                    intended_jurisdiction: jurisdictions.into_iter().map(region_concept).collect(),
                    name: names,
                    related_medication_knowledge: related,
                    monitoring_program,
                    indication_guideline,
                    medicine_classification,
                    regulatory,
                    definitional,
                    clinical_use_issue,
                }
            );
            let sources = unique(
                record
                    .sources()
                    .iter()
                    .chain(record.codes().iter().flat_map(|c| c.sources()))
                    .chain(
                        record
                            .controlled_substance()
                            .iter()
                            .flat_map(|c| c.sources()),
                    ),
            );
            self.provenance("MedicationKnowledge", &id, &sources);
        }
    }

    fn indication_guidelines(&self, agent: Agent) -> Vec<IndicationGuideline<'a>> {
        let kb = self.kb;
        let regimens: Vec<&crate::model::Regimen> = kb.regimens(agent).collect();
        let mut used = vec![false; regimens.len()];
        let mut out: Vec<IndicationGuideline<'a>> = Vec::new();
        for ind in kb.indications().agent(agent) {
            let dosing = regimens
                .iter()
                .zip(used.iter_mut())
                .filter(|(r, _)| r.condition() == Some(ind.condition()) && r.route() == ind.route())
                .map(|(r, u)| {
                    *u = true;
                    self.dosing_guideline(r)
                })
                .collect();
            out.push(IndicationGuideline {
                indication: vec![CodeableReference::Reference(reference(
                    "ClinicalUseDefinition",
                    &fhir_id("ind", &ind.key()),
                    None,
                ))],
                dosing_guideline: dosing,
            });
        }
        // Regimens with no indication record (anaesthesia, or a use the data has no
        // indication for): a guideline whose indication is a concept.
        for (r, _) in regimens.iter().zip(used).filter(|(_, u)| !u) {
            let concept = match r.condition() {
                Some(c) => {
                    let record = kb.condition(c);
                    Concept {
                        coding: codings(record.codes()),
                        text: Some(Cow::Borrowed(record.name())),
                    }
                }
                None => Concept::text("anaesthesia"),
            };
            out.push(IndicationGuideline {
                indication: vec![CodeableReference::Concept(concept)],
                dosing_guideline: vec![self.dosing_guideline(r)],
            });
        }
        out
    }

    fn dosing_guideline(&self, r: &'a crate::model::Regimen) -> DosingGuideline<'a> {
        let dose = r.dose();
        let (unit, is_rate) = match dose.unit() {
            crate::model::DoseUnit::Mg => ("mg", false),
            crate::model::DoseUnit::MgPerKg => ("mg/kg", false),
            crate::model::DoseUnit::MgPerKgPerH => ("mg/kg/h", true),
            crate::model::DoseUnit::MgPerH => ("mg/h", true),
        };
        let q = |value: f64| Quantity {
            value,
            unit,
            system: UCUM,
            code: unit,
        };
        let (single, range) = if dose.min() == dose.max() {
            (Some(q(dose.min())), None)
        } else {
            (
                None,
                Some(Range {
                    low: q(dose.min()),
                    high: q(dose.max()),
                }),
            )
        };
        let (dose_quantity, dose_range, rate_quantity, rate_range) = if is_rate {
            (None, None, single, range)
        } else {
            (single, range, None, None)
        };
        let mut text = String::from(r.schedule());
        if let Some(t) = r.administration() {
            let _ = write!(text, "; given over {t}");
        }
        if let Some(t) = r.duration() {
            let _ = write!(text, "; for {t}");
        }
        if let Some(j) = r.jurisdiction() {
            let _ = write!(text, "; {j} label");
        }
        if let Some(note) = r.note() {
            let _ = write!(text, ". {note}");
        }
        let phase = Concept::coded(
            own_coding(&self.systems.phase, &r.phase()),
            r.phase().to_string(),
        );
        DosingGuideline {
            treatment_intent: Concept::coded(
                own_coding(&self.systems.phase, &r.phase()),
                r.phase().to_string(),
            ),
            dosage: vec![GuidelineDosage {
                r#type: phase,
                dosage: vec![Dosage {
                    text,
                    route: self.route_concept(r.route()),
                    dose_and_rate: vec![DoseAndRate {
                        r#type: Concept::coded(
                            own_coding(&self.systems.dose_basis, &r.basis()),
                            r.basis().to_string(),
                        ),
                        dose_quantity,
                        dose_range,
                        rate_quantity,
                        rate_range,
                    }],
                }],
            }],
            patient_characteristic: vec![PatientCharacteristic {
                r#type: Concept::text("population"),
                value_codeable_concept: Concept::text(r.population()),
            }],
        }
    }

    fn clinical_use_issues(&self, agent: Agent) -> Vec<Reference<'a>> {
        let ids: &'a Ids = self.ids;
        agent
            .pick(&ids.safety)
            .iter()
            .map(|(_, id)| Reference {
                resource_type: "ClinicalUseDefinition",
                id_prefix: "",
                id: Cow::Borrowed(id.as_str()),
                display: None,
            })
            .collect()
    }

    fn indications(&mut self) {
        let kb = self.kb;
        for ind in kb.indications() {
            let id = fhir_id("ind", &ind.key());
            let condition = kb.condition(ind.condition());
            let mut extension = vec![Extension {
                url: EVIDENCE_LEVEL_EXTENSION,
                value: ExtensionValue::Coding(own_coding(&self.systems.evidence, &ind.evidence())),
            }];
            extension.extend(ind.negative_findings().iter().map(|s| Extension {
                url: NEGATIVE_FINDING_EXTENSION,
                value: ExtensionValue::Reference(self.citation_ref(s)),
            }));
            push!(
                self,
                ClinicalUseDefinition,
                ClinicalUseDefinition {
                    id: id.clone(),
                    text: Some(narrative(ind.note())),
                    extension,
                    identifier: key_identifier(format!("indication/{}", ind.key())),
                    r#type: "indication",
                    category: Vec::new(),
                    subject: vec![self.mpd_ref(ind.agent(), ind.route())],
                    detail: CudDetail::Indication(CudIndication {
                        disease_symptom_procedure: CodeableReference::Concept(Concept {
                            coding: codings(condition.codes()),
                            text: Some(Cow::Borrowed(condition.name())),
                        }),
                    }),
                }
            );
            let sources = unique(
                ind.sources()
                    .iter()
                    .chain(condition.codes().iter().flat_map(|c| c.sources())),
            );
            self.provenance("ClinicalUseDefinition", &id, &sources);
        }
    }

    fn safety(&mut self) {
        let kb = self.kb;
        let s = self.systems;
        for agent in Agent::iter() {
            let ids: &'a Ids = self.ids;
            let mut keys = agent.pick(&ids.safety).iter();
            let mut next = |_: &mut Self| match keys.next() {
                Some((key, id)) => (id.clone(), key.as_str()),
                None => (String::new(), ""),
            };
            for c in kb.contraindications(agent) {
                let (id, key) = next(self);
                self.cud(
                    id,
                    format!("contraindication/{key}"),
                    "contraindication",
                    Vec::new(),
                    self.agent_subjects(agent, None),
                    Vec::new(),
                    CudDetail::Contraindication(CudContraindication {
                        disease_symptom_procedure: CodeableReference::Concept(Concept::text(
                            c.text(),
                        )),
                    }),
                    c.sources(),
                );
            }
            for x in kb.interactions(agent) {
                let (id, key) = next(self);
                let interactant = kb.interactant(x.interactant());
                let extension = x
                    .severity()
                    .map(|sev| Extension {
                        url: SEVERITY_EXTENSION,
                        value: ExtensionValue::Coding(own_coding(&s.severity, &sev)),
                    })
                    .into_iter()
                    .collect();
                self.cud(
                    id,
                    format!("interaction/{key}"),
                    "interaction",
                    extension,
                    self.agent_subjects(agent, None),
                    Vec::new(),
                    CudDetail::Interaction(CudInteraction {
                        interactant: vec![Interactant {
                            item_codeable_concept: Concept::text(interactant.name()),
                        }],
                        r#type: Concept::text("drug-drug interaction"),
                        effect: CodeableReference::Concept(Concept::text(x.effect())),
                        management: vec![Concept::text(x.management())],
                    }),
                    x.sources(),
                );
            }
            for risk in kb.risks() {
                for scope in risk.applies().iter().filter(|sc| sc.agent() == agent) {
                    let (id, key) = next(self);
                    let mut frequency = String::new();
                    for f in risk.frequencies().iter().filter(|f| f.agent() == agent) {
                        if !frequency.is_empty() {
                            frequency.push_str("; ");
                        }
                        let _ = write!(frequency, "{} {}: {}", f.agent(), f.route(), f.percent());
                        if let Some(p) = f.placebo_percent() {
                            let _ = write!(frequency, " (placebo {p})");
                        }
                        let _ = write!(frequency, ", {}", f.context());
                    }
                    let mut classification_text = scope.basis().to_string();
                    if let Some(routes) = scope.routes() {
                        classification_text.push_str(" (");
                        for (i, r) in routes.iter().enumerate() {
                            if i > 0 {
                                classification_text.push_str(", ");
                            }
                            classification_text.push_str(r.id());
                        }
                        classification_text.push(')');
                    }
                    let sources = unique(
                        risk.sources().iter().chain(scope.sources()).chain(
                            risk.frequencies()
                                .iter()
                                .filter(|f| f.agent() == agent)
                                .flat_map(|f| f.sources()),
                        ),
                    );
                    self.cud_with_sources(
                        id,
                        format!("undesirable_effect/{key}"),
                        "undesirable-effect",
                        Vec::new(),
                        self.agent_subjects(agent, scope.routes()),
                        Vec::new(),
                        CudDetail::UndesirableEffect(CudUndesirableEffect {
                            symptom_condition_effect: CodeableReference::Concept(Concept::text(
                                risk.name(),
                            )),
                            classification: Concept::coded(
                                own_coding(&s.basis, &scope.basis()),
                                classification_text,
                            ),
                            frequency_of_occurrence: (!frequency.is_empty())
                                .then(|| Concept::text(frequency)),
                        }),
                        &sources,
                    );
                }
            }
            for p in kb.populations(agent) {
                let (id, key) = next(self);
                let mut description = String::from(p.text());
                if let Some(j) = p.jurisdiction() {
                    let _ = write!(description, " ({j} label)");
                }
                let mut category = vec![Concept::coded(
                    own_coding(&s.population, &p.population()),
                    p.population().to_string(),
                )];
                if p.population() == Population::Pregnancy {
                    category.push(Concept::coded(
                        Coding {
                            system: CUD_CATEGORY,
                            code: Cow::Borrowed("Pregnancy"),
                            display: Some(Cow::Borrowed("Pregnancy and Lactation")),
                        },
                        "pregnancy",
                    ));
                }
                self.cud(
                    id,
                    format!("population/{key}"),
                    "warning",
                    Vec::new(),
                    self.agent_subjects(agent, None),
                    category,
                    CudDetail::Warning(CudWarning {
                        description: Cow::Owned(description),
                        code: Concept::coded(
                            own_coding(&s.recommendation, &p.recommendation()),
                            p.recommendation().to_string(),
                        ),
                    }),
                    p.sources(),
                );
            }
            for m in kb.monitoring(agent) {
                let (id, key) = next(self);
                let description = match m.timing() {
                    Some(t) => Cow::Owned(format!("{} ({t})", m.text())),
                    None => Cow::Borrowed(m.text()),
                };
                let mut category = vec![Concept::coded(
                    own_coding(&s.monitoring, &m.kind()),
                    m.kind().to_string(),
                )];
                if m.kind() == MonitoringKind::Driving {
                    category.push(Concept::coded(
                        Coding {
                            system: CUD_CATEGORY,
                            code: Cow::Borrowed("DriveAndMachines"),
                            display: Some(Cow::Borrowed(
                                "Effects on Ability to Drive and Use Machines",
                            )),
                        },
                        "driving and machines",
                    ));
                }
                self.cud(
                    id,
                    format!("monitoring/{key}"),
                    "warning",
                    Vec::new(),
                    self.agent_subjects(agent, Some(m.routes())),
                    category,
                    CudDetail::Warning(CudWarning {
                        description,
                        code: Concept::coded(own_coding(&s.monitoring, &m.kind()), "monitoring"),
                    }),
                    m.sources(),
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn cud(
        &mut self,
        id: String,
        key: String,
        r#type: &'static str,
        extension: Vec<Extension<'a>>,
        subject: Vec<Reference<'a>>,
        category: Vec<Concept<'a>>,
        detail: CudDetail<'a>,
        sources: &'a [String],
    ) {
        let sources = unique(sources.iter());
        self.cud_with_sources(
            id, key, r#type, extension, subject, category, detail, &sources,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn cud_with_sources(
        &mut self,
        id: String,
        key: String,
        r#type: &'static str,
        extension: Vec<Extension<'a>>,
        subject: Vec<Reference<'a>>,
        category: Vec<Concept<'a>>,
        detail: CudDetail<'a>,
        sources: &[&'a str],
    ) {
        push!(
            self,
            ClinicalUseDefinition,
            ClinicalUseDefinition {
                id: id.clone(),
                text: None,
                extension,
                identifier: key_identifier(key),
                r#type,
                category,
                subject,
                detail,
            }
        );
        self.provenance("ClinicalUseDefinition", &id, sources);
    }

    fn authorizations(&mut self) {
        let kb = self.kb;
        for ind in kb.indications() {
            for (i, r) in ind.regulatory().iter().enumerate() {
                if r.status() != RegulatoryStatus::Approved {
                    continue;
                }
                let key = format!("{}/{}/{}", ind.key(), code_of(&r.jurisdiction()), i + 1);
                let id = fhir_id("ra", &key);
                self.authorization(
                    id,
                    format!("authorization/{key}"),
                    vec![self.mpd_ref(ind.agent(), ind.route())],
                    Some(reference(
                        "ClinicalUseDefinition",
                        &fhir_id("ind", &ind.key()),
                        None,
                    )),
                    r,
                );
            }
        }
        for agent in kb.agents() {
            for (i, r) in agent.regulatory().iter().enumerate() {
                if r.status() != RegulatoryStatus::Approved {
                    continue;
                }
                let key = format!(
                    "{}/{}/{}",
                    agent.id().id(),
                    code_of(&r.jurisdiction()),
                    i + 1
                );
                let id = fhir_id("ra", &key);
                self.authorization(
                    id,
                    format!("authorization/{key}"),
                    self.agent_subjects(agent.id(), None),
                    None,
                    r,
                );
            }
        }
    }

    fn authorization(
        &mut self,
        id: String,
        key: String,
        subject: Vec<Reference<'a>>,
        indication: Option<Reference<'a>>,
        r: &'a crate::model::Regulatory,
    ) {
        push!(
            self,
            RegulatedAuthorization,
            RegulatedAuthorization {
                id: id.clone(),
                identifier: key_identifier(key),
                subject,
                r#type: Concept::coded(
                    Coding {
                        system: AUTHORIZATION_TYPE,
                        code: Cow::Borrowed("MarketingAuth"),
                        display: Some(Cow::Borrowed("Marketing Authorization")),
                    },
                    "marketing authorisation",
                ),
                description: r.scope(),
                region: vec![region_concept(r.jurisdiction())],
                status: Concept::coded(
                    Coding {
                        system: PUBLICATION_STATUS,
                        code: Cow::Borrowed("active"),
                        display: Some(Cow::Borrowed("Active")),
                    },
                    "approved",
                ),
                status_date: r.date().map(|d| d.to_string()),
                indication: indication
                    .map(CodeableReference::Reference)
                    .into_iter()
                    .collect(),
                regulator: Self::regulator_ref(r.jurisdiction()),
            }
        );
        let sources = unique(r.sources().iter());
        self.provenance("RegulatedAuthorization", &id, &sources);
    }

    fn citations(&mut self) {
        let kb = self.kb;
        let s = self.systems;
        for source in kb.sources() {
            let mut identifier = Vec::new();
            if let Some(doi) = source.doi() {
                identifier.push(Identifier {
                    r#type: None,
                    system: Some(DOI_SYSTEM),
                    value: Cow::Borrowed(doi),
                });
            }
            if let Some(pmid) = source.pmid() {
                identifier.push(Identifier {
                    r#type: None,
                    system: Some(PMID_SYSTEM),
                    value: Cow::Borrowed(pmid),
                });
            }
            if let Some(doc) = source.document() {
                identifier.push(Identifier {
                    r#type: Some(Concept::text("document number")),
                    system: None,
                    value: Cow::Borrowed(doc),
                });
            }
            if let Some(set_id) = source.spl_set_id() {
                identifier.push(Identifier {
                    r#type: Some(Concept::text("SPL set id")),
                    system: None,
                    value: Cow::Borrowed(set_id),
                });
            }
            let mut web_location: Vec<WebLocation<'a>> = source
                .link()
                .map(|url| WebLocation {
                    classifier: Vec::new(),
                    url: Cow::Owned(url),
                })
                .into_iter()
                .collect();
            if let Some(via) = source.read_via() {
                web_location.push(WebLocation {
                    classifier: vec![Concept::text("copy read")],
                    url: Cow::Borrowed(via),
                });
            }
            let date = source
                .effective()
                .map(|d| d.to_string())
                .or_else(|| source.year().map(|y| format!("{y:04}")));
            let publication_form = if source.venue().is_some() || date.is_some() {
                vec![PublicationForm {
                    published_in: source.venue().map(|title| PublishedIn { title }),
                    article_date: date,
                }]
            } else {
                Vec::new()
            };
            push!(
                self,
                Citation,
                Citation {
                    id: {
                        let r = self.citation_ref(source.id());
                        format!("{}{}", r.id_prefix, r.id)
                    },
                    identifier,
                    status: "active",
                    cited_artifact: CitedArtifact {
                        identifier: Vec::new(),
                        title: vec![ArtifactTitle {
                            text: source.title()
                        }],
                        publication_form,
                        web_location,
                        classification: vec![ArtifactClassification {
                            r#type: Concept::text("source kind"),
                            classifier: vec![Concept::coded(
                                own_coding(&s.source_kind, &source.kind()),
                                source.kind().to_string()
                            )],
                        }],
                        contributorship: Contributorship {
                            summary: vec![ContributorshipSummary {
                                value: source.authors()
                            }]
                        },
                    },
                }
            );
        }
    }
}

/// The distinct ids of an iterator, in first-seen order.
fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for id in ids {
        if !out.contains(&id.as_str()) {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_and_bounded() {
        let long = "depression_with_suicidal_ideation/racemic_ketamine/intravenous/us/1";
        let id = fhir_id("ra", long);
        assert!(id.len() <= 64, "{id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        );
        assert_ne!(
            fhir_id("ra", long),
            fhir_id("ra", &long.replace("/1", "/2"))
        );
    }
}
