//! The FHIR R5 elements the export writes, as private serde structs that borrow from
//! the knowledge base. Element names follow the R5 specification (checked against the
//! `fhir.resources` 8.x models); every optional element is omitted when empty.
//!
//! `Bundle::to_json` writes `Provenance`, `Citation` and `ClinicalUseDefinition`
//! (and the `Coding`, `Concept`, `Identifier`, `Reference` and `CodeableReference`
//! they contain) without serde, by functions in the parent module that mirror these
//! `Serialize` impls: a change here must be made there too (the test
//! `to_json_is_the_serde_serialisation_byte_for_byte` fails until it is).

use std::borrow::Cow;

use serde::Serialize;

/// Text that is usually borrowed, sometimes built.
pub(super) type Text<'a> = Cow<'a, str>;

#[derive(Debug, Serialize)]
pub(super) struct Coding<'a> {
    pub system: &'a str,
    pub code: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<Text<'a>>,
}

#[derive(Debug, Default, Serialize)]
pub(super) struct Concept<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text<'a>>,
}

impl<'a> Concept<'a> {
    pub fn text(text: impl Into<Text<'a>>) -> Self {
        Concept {
            coding: Vec::new(),
            text: Some(text.into()),
        }
    }

    /// One coding, and the text where it says more than the coding's display.
    pub fn coded(coding: Coding<'a>, text: impl Into<Text<'a>>) -> Self {
        let text = text.into();
        let text = (coding.display.as_deref() != Some(text.as_ref())).then_some(text);
        Concept {
            coding: vec![coding],
            text,
        }
    }
}

/// A reference to another entry of the bundle, written `Type/id` (relative to the
/// bundle's base, resolved against the entries' `fullUrl`s).
#[derive(Debug, Clone)]
pub(super) struct Reference<'a> {
    pub resource_type: &'static str,
    /// Written before `id` (`cit-` before a source id), so that an id that is a
    /// prefix and a key needs no string of its own.
    pub id_prefix: &'static str,
    pub id: Text<'a>,
    pub display: Option<&'a str>,
}

/// `Type/prefix+id`, written without building a string.
pub(super) struct Relative<'r>(pub &'static str, pub &'static str, pub &'r str);

impl std::fmt::Display for Relative<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)?;
        f.write_str("/")?;
        f.write_str(self.1)?;
        f.write_str(self.2)
    }
}

/// `BASE_URL/Type/id`, the `fullUrl` of an entry.
pub(super) struct FullUrl<'r>(pub &'static str, pub &'r str);

impl std::fmt::Display for FullUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(super::BASE_URL)?;
        f.write_str("/")?;
        f.write_str(self.0)?;
        f.write_str("/")?;
        f.write_str(self.1)
    }
}

impl Serialize for Reference<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Str<'r>(&'r Relative<'r>);
        impl Serialize for Str<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self.0)
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(
            "reference",
            &Str(&Relative(self.resource_type, self.id_prefix, &self.id)),
        )?;
        if let Some(display) = self.display {
            map.serialize_entry("display", display)?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum CodeableReference<'a> {
    Concept(Concept<'a>),
    Reference(Reference<'a>),
}

#[derive(Debug, Serialize)]
pub(super) struct Identifier<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<Concept<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<&'a str>,
    pub value: Text<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct Extension<'a> {
    pub url: &'a str,
    #[serde(flatten)]
    pub value: ExtensionValue<'a>,
}

#[derive(Debug, Serialize)]
pub(super) enum ExtensionValue<'a> {
    #[serde(rename = "valueCoding")]
    Coding(Coding<'a>),
    #[serde(rename = "valueReference")]
    Reference(Reference<'a>),
}

#[derive(Debug, Serialize)]
pub(super) struct Narrative {
    pub status: &'static str,
    pub div: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Quantity<'a> {
    pub value: f64,
    pub unit: &'a str,
    pub system: &'a str,
    pub code: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct Range<'a> {
    pub low: Quantity<'a>,
    pub high: Quantity<'a>,
}

/// One entry of the Bundle; its `fullUrl` is `BASE_URL/Type/id`.
#[derive(Debug)]
pub(super) struct Entry<'a> {
    pub resource: Resource<'a>,
}

impl Serialize for Entry<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Url<'r>(FullUrl<'r>);
        impl Serialize for Url<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0)
            }
        }
        let mut map = serializer.serialize_map(Some(2))?;
        let (resource_type, id) = self.resource.type_and_id();
        map.serialize_entry("fullUrl", &Url(FullUrl(resource_type, id)))?;
        map.serialize_entry("resource", &self.resource)?;
        map.end()
    }
}

/// The resources of the export, tagged with `resourceType`.
#[derive(Debug, Serialize)]
#[serde(tag = "resourceType")]
#[allow(clippy::large_enum_variant)]
pub(super) enum Resource<'a> {
    CodeSystem(CodeSystem<'a>),
    Organization(Organization<'a>),
    MedicinalProductDefinition(MedicinalProductDefinition<'a>),
    MedicationKnowledge(MedicationKnowledge<'a>),
    ClinicalUseDefinition(ClinicalUseDefinition<'a>),
    RegulatedAuthorization(RegulatedAuthorization<'a>),
    Citation(Citation<'a>),
    Provenance(Provenance<'a>),
}

impl Resource<'_> {
    /// The resource type and id.
    pub fn type_and_id(&self) -> (&'static str, &str) {
        match self {
            Resource::CodeSystem(r) => ("CodeSystem", &r.id),
            Resource::Organization(r) => ("Organization", &r.id),
            Resource::MedicinalProductDefinition(r) => ("MedicinalProductDefinition", &r.id),
            Resource::MedicationKnowledge(r) => ("MedicationKnowledge", &r.id),
            Resource::ClinicalUseDefinition(r) => ("ClinicalUseDefinition", &r.id),
            Resource::RegulatedAuthorization(r) => ("RegulatedAuthorization", &r.id),
            Resource::Citation(r) => ("Citation", &r.id),
            Resource::Provenance(r) => ("Provenance", &r.id),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CodeSystem<'a> {
    pub id: String,
    pub url: String,
    pub version: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub status: &'static str,
    pub experimental: bool,
    pub description: &'a str,
    pub case_sensitive: bool,
    pub content: &'static str,
    pub concept: Vec<CodeSystemConcept<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct CodeSystemConcept<'a> {
    pub code: Text<'a>,
    pub display: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct Organization<'a> {
    pub id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier<'a>>,
    pub active: bool,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alias: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicinalProductDefinition<'a> {
    pub id: String,
    pub identifier: Vec<Identifier<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Concept<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classification: Vec<Concept<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding<'a>>,
    pub name: Vec<ProductName>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ProductName {
    pub product_name: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicationKnowledge<'a> {
    pub id: String,
    pub identifier: Vec<Identifier<'a>>,
    pub code: Concept<'a>,
    pub status: &'static str,
    pub author: Reference<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub intended_jurisdiction: Vec<Concept<'a>>,
    pub name: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_medication_knowledge: Vec<RelatedMedicationKnowledge<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub monitoring_program: Vec<MonitoringProgram<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indication_guideline: Vec<IndicationGuideline<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub medicine_classification: Vec<MedicineClassification<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regulatory: Vec<MkRegulatory<'a>>,
    pub definitional: Definitional<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clinical_use_issue: Vec<Reference<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct RelatedMedicationKnowledge<'a> {
    pub r#type: Concept<'a>,
    pub reference: Vec<Reference<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct MonitoringProgram<'a> {
    pub r#type: Concept<'a>,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IndicationGuideline<'a> {
    pub indication: Vec<CodeableReference<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dosing_guideline: Vec<DosingGuideline<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DosingGuideline<'a> {
    pub treatment_intent: Concept<'a>,
    pub dosage: Vec<GuidelineDosage<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub patient_characteristic: Vec<PatientCharacteristic<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct GuidelineDosage<'a> {
    pub r#type: Concept<'a>,
    pub dosage: Vec<Dosage<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PatientCharacteristic<'a> {
    pub r#type: Concept<'a>,
    pub value_codeable_concept: Concept<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Dosage<'a> {
    pub text: String,
    pub route: Concept<'a>,
    pub dose_and_rate: Vec<DoseAndRate<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DoseAndRate<'a> {
    pub r#type: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose_quantity: Option<Quantity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose_range: Option<Range<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_quantity: Option<Quantity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_range: Option<Range<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicineClassification<'a> {
    pub r#type: Concept<'a>,
    pub source_uri: &'a str,
    pub classification: Vec<Concept<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MkRegulatory<'a> {
    pub regulatory_authority: Reference<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<Concept<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Definitional<'a> {
    pub definition: Vec<Reference<'a>>,
    pub intended_route: Vec<Concept<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ClinicalUseDefinition<'a> {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Narrative>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension<'a>>,
    pub identifier: Vec<Identifier<'a>>,
    pub r#type: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<Concept<'a>>,
    pub subject: Vec<Reference<'a>>,
    #[serde(flatten)]
    pub detail: CudDetail<'a>,
}

/// The one type-specific part of a ClinicalUseDefinition.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) enum CudDetail<'a> {
    Indication(CudIndication<'a>),
    Contraindication(CudContraindication<'a>),
    Interaction(CudInteraction<'a>),
    UndesirableEffect(CudUndesirableEffect<'a>),
    Warning(CudWarning<'a>),
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CudIndication<'a> {
    pub disease_symptom_procedure: CodeableReference<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CudContraindication<'a> {
    pub disease_symptom_procedure: CodeableReference<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct CudInteraction<'a> {
    pub interactant: Vec<Interactant<'a>>,
    pub r#type: Concept<'a>,
    pub effect: CodeableReference<'a>,
    pub management: Vec<Concept<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Interactant<'a> {
    pub item_codeable_concept: Concept<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CudUndesirableEffect<'a> {
    pub symptom_condition_effect: CodeableReference<'a>,
    pub classification: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency_of_occurrence: Option<Concept<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct CudWarning<'a> {
    pub description: Text<'a>,
    pub code: Concept<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RegulatedAuthorization<'a> {
    pub id: String,
    pub identifier: Vec<Identifier<'a>>,
    pub subject: Vec<Reference<'a>>,
    pub r#type: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub region: Vec<Concept<'a>>,
    pub status: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indication: Vec<CodeableReference<'a>>,
    pub regulator: Reference<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Citation<'a> {
    pub id: String,
    pub identifier: Vec<Identifier<'a>>,
    pub status: &'static str,
    pub cited_artifact: CitedArtifact<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CitedArtifact<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier<'a>>,
    pub title: Vec<ArtifactTitle<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publication_form: Vec<PublicationForm<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web_location: Vec<WebLocation<'a>>,
    pub classification: Vec<ArtifactClassification<'a>>,
    pub contributorship: Contributorship<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ArtifactTitle<'a> {
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PublicationForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_in: Option<PublishedIn<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct PublishedIn<'a> {
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct WebLocation<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classifier: Vec<Concept<'a>>,
    pub url: Text<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ArtifactClassification<'a> {
    pub r#type: Concept<'a>,
    pub classifier: Vec<Concept<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct Contributorship<'a> {
    pub summary: Vec<ContributorshipSummary<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct ContributorshipSummary<'a> {
    pub value: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct Provenance<'a> {
    pub id: String,
    pub target: Vec<Reference<'a>>,
    pub agent: Vec<ProvenanceAgent<'a>>,
    pub entity: Vec<ProvenanceEntity<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProvenanceAgent<'a> {
    pub who: Reference<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProvenanceEntity<'a> {
    pub role: &'static str,
    pub what: Reference<'a>,
}
