//! The StructureDefinitions of the crate's own extensions, shipped in the bundle so
//! that a validator (and a reader) knows what each extension means, where it may
//! appear and what value it takes. Each is a differential on the base `Extension`
//! (the url is fixed by the definition's own `url`, as snapshot generation does).

use serde::Serialize;

use super::datatypes::Narrative;
use super::ids::fhir_id;
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::value_set_url;
use super::{EVIDENCE_LEVEL_EXTENSION, NEGATIVE_FINDING_EXTENSION, SEVERITY_EXTENSION};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct StructureDefinition<'a> {
    pub id: String,
    pub text: Narrative,
    pub url: &'a str,
    pub version: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub status: &'static str,
    pub experimental: bool,
    pub description: &'a str,
    pub fhir_version: &'static str,
    pub kind: &'static str,
    #[serde(rename = "abstract")]
    pub is_abstract: bool,
    pub context: [ExtensionContext; 1],
    pub r#type: &'static str,
    pub base_definition: &'static str,
    pub derivation: &'static str,
    pub differential: Differential<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ExtensionContext {
    pub r#type: &'static str,
    pub expression: &'static str,
}

#[derive(Debug, Serialize)]
pub(super) struct Differential<'a> {
    pub element: [ElementDefinition<'a>; 3],
}

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ElementDefinition<'a> {
    pub id: &'static str,
    pub path: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub r#type: Vec<ElementType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding: Option<Binding>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ElementType {
    pub code: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub target_profile: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Binding {
    pub strength: &'static str,
    pub value_set: String,
}

/// One extension: what it is, where it goes, what value it takes.
struct Definition<'a> {
    url: &'a str,
    name: &'a str,
    title: &'a str,
    description: &'a str,
    max: &'static str,
    value: ElementType,
    /// The code system whose value set binds the value (required), if coded.
    binding: Option<&'a str>,
}

impl Builder<'_, '_> {
    fn extension_definition(&mut self, d: Definition<'_>) {
        let slug = d.url.rsplit('/').next().unwrap_or(d.name);
        let mut x = Xhtml::new(d.description.len() + 160);
        x.open("p")
            .labelled("Extension ", d.title)
            .text(" (on ClinicalUseDefinition, value ");
        x.text(d.value.code)
            .text(", at most ")
            .text(d.max)
            .text("): ");
        let text = x.text(d.description).close("p").finish();
        let element = [
            ElementDefinition {
                id: "Extension",
                path: "Extension",
                short: Some(d.title),
                definition: Some(d.description),
                min: Some(0),
                max: Some(d.max),
                ..ElementDefinition::default()
            },
            ElementDefinition {
                id: "Extension.extension",
                path: "Extension.extension",
                max: Some("0"),
                ..ElementDefinition::default()
            },
            ElementDefinition {
                id: "Extension.value[x]",
                path: "Extension.value[x]",
                min: Some(1),
                r#type: vec![d.value],
                binding: d.binding.map(|system| Binding {
                    strength: "required",
                    value_set: value_set_url(system),
                }),
                ..ElementDefinition::default()
            },
        ];
        self.emit(Resource::StructureDefinition(StructureDefinition {
            id: fhir_id("sd", slug),
            text,
            url: d.url,
            version: crate::DATA_VERSION,
            name: d.name,
            title: d.title,
            status: "active",
            experimental: false,
            description: d.description,
            fhir_version: "5.0.0",
            kind: "complex-type",
            is_abstract: false,
            context: [ExtensionContext {
                r#type: "element",
                expression: "ClinicalUseDefinition",
            }],
            r#type: "Extension",
            base_definition: "http://hl7.org/fhir/StructureDefinition/Extension",
            derivation: "constraint",
            differential: Differential { element },
        }));
    }

    /// The StructureDefinitions of the evidence-level, negative-finding and
    /// interaction-severity extensions.
    pub(super) fn extension_definitions(&mut self) {
        let s = self.systems;
        let coding = || ElementType {
            code: "Coding",
            target_profile: Vec::new(),
        };
        self.extension_definition(Definition {
            url: EVIDENCE_LEVEL_EXTENSION,
            name: "EvidenceLevel",
            title: "Evidence level",
            description: "How strong the evidence for an indication (condition, agent, route) is, as a code of the evidence-level code system: regulatory approval, strong, mixed, limited or insufficient.",
            max: "1",
            value: coding(),
            binding: Some(&s.evidence),
        });
        self.extension_definition(Definition {
            url: NEGATIVE_FINDING_EXTENSION,
            name: "NegativeFinding",
            title: "Negative finding",
            description: "A cited source that found no benefit for this indication, as a reference to its Citation.",
            max: "*",
            value: ElementType {
                code: "Reference",
                target_profile: vec!["http://hl7.org/fhir/StructureDefinition/Citation"],
            },
            binding: None,
        });
        self.extension_definition(Definition {
            url: SEVERITY_EXTENSION,
            name: "InteractionSeverity",
            title: "Interaction severity",
            description: "The severity a cited source grades this interaction with, as a code of the interaction-severity code system.",
            max: "1",
            value: coding(),
            binding: Some(&s.severity),
        });
    }
}
