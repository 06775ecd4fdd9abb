//! `ClinicalUseDefinition`: indications (here), and the safety picture — contraindications,
//! interactions, undesirable effects, population guidance and monitoring
//! (`safety.rs`).

mod safety;

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Sourced as _;

use super::EVIDENCE_LEVEL_EXTENSION;
use super::NEGATIVE_FINDING_EXTENSION;
use super::datatypes::{
    CodeableReference, Concept, Extension, Identifier, Narrative, Reference, Text, key_identifier,
};
use super::ids::{citation_ref, join_key, unique};
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::own_coding;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ClinicalUseDefinition<'a> {
    pub id: Text<'a>,
    pub text: Narrative,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension<'a>>,
    pub identifier: [Identifier<'a>; 1],
    pub r#type: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<Concept<'a>>,
    pub subject: Vec<Reference<'a>>,
    // The one type-specific part (no `flatten`: it would make serde write the whole
    // resource through a map serializer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indication: Option<CudIndication<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contraindication: Option<CudIndication<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interaction: Option<CudInteraction<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undesirable_effect: Option<CudUndesirableEffect<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<CudWarning<'a>>,
}

/// The one type-specific part of a ClinicalUseDefinition.
#[derive(Debug)]
pub(super) enum CudDetail<'a> {
    Indication(CudIndication<'a>),
    Contraindication(CudIndication<'a>),
    Interaction(CudInteraction<'a>),
    UndesirableEffect(CudUndesirableEffect<'a>),
    Warning(CudWarning<'a>),
}

impl CudDetail<'_> {
    /// The value of `ClinicalUseDefinition.type` for this detail.
    fn type_code(&self) -> &'static str {
        match self {
            CudDetail::Indication(_) => "indication",
            CudDetail::Contraindication(_) => "contraindication",
            CudDetail::Interaction(_) => "interaction",
            CudDetail::UndesirableEffect(_) => "undesirable-effect",
            CudDetail::Warning(_) => "warning",
        }
    }
}

/// An indication's or a contraindication's condition.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CudIndication<'a> {
    pub disease_symptom_procedure: CodeableReference<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct CudInteraction<'a> {
    pub interactant: [Interactant<'a>; 1],
    pub r#type: Concept<'a>,
    pub effect: CodeableReference<'a>,
    pub management: [Concept<'a>; 1],
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

/// What every ClinicalUseDefinition carries besides its detail.
pub(super) struct Common<'a> {
    pub id: Text<'a>,
    pub key: String,
    pub text: Narrative,
    pub extension: Vec<Extension<'a>>,
    pub subject: Vec<Reference<'a>>,
    pub category: Vec<Concept<'a>>,
}

impl<'a> Builder<'a, '_> {
    /// Emits a ClinicalUseDefinition and its Provenance.
    pub(super) fn clinical_use(
        &mut self,
        c: Common<'a>,
        detail: CudDetail<'a>,
        sources: &[&'a str],
    ) {
        let id = c.id;
        let mut resource = ClinicalUseDefinition {
            id: id.clone(),
            text: c.text,
            extension: c.extension,
            identifier: key_identifier(c.key),
            r#type: detail.type_code(),
            category: c.category,
            subject: c.subject,
            indication: None,
            contraindication: None,
            interaction: None,
            undesirable_effect: None,
            warning: None,
        };
        match detail {
            CudDetail::Indication(d) => resource.indication = Some(d),
            CudDetail::Contraindication(d) => resource.contraindication = Some(d),
            CudDetail::Interaction(d) => resource.interaction = Some(d),
            CudDetail::UndesirableEffect(d) => resource.undesirable_effect = Some(d),
            CudDetail::Warning(d) => resource.warning = Some(d),
        }
        self.emit(Resource::ClinicalUseDefinition(resource));
        self.provenance("ClinicalUseDefinition", &id, sources);
    }

    pub(super) fn indications(&mut self) {
        let kb = self.kb;
        let ids: &'a super::ids::Ids = self.ids;
        for (index, ind) in kb.indications().enumerate() {
            let (key, id) = ids.indication(index);
            let condition = kb.condition(ind.condition());
            let evidence = own_coding(&self.systems.evidence, &ind.evidence());
            let mut extension = vec![Extension::coding(EVIDENCE_LEVEL_EXTENSION, evidence)];
            extension.extend(
                ind.negative_findings()
                    .iter()
                    .map(|s| Extension::reference(NEGATIVE_FINDING_EXTENSION, citation_ref(s))),
            );
            let mut x = Xhtml::new(ind.note().len() + 200);
            x.open("p")
                .labelled("Indication", ": ")
                .text(condition.name())
                .text(" (");
            x.text(kb.agent(ind.agent()).name())
                .text(", ")
                .text(kb.route(ind.route()).name());
            x.text("). Evidence: ")
                .display(ind.evidence())
                .text(".")
                .close("p")
                .para(ind.note());
            if !ind.negative_findings().is_empty() {
                x.open("p").text("Found no benefit: ");
                x.text(&ind.negative_findings().join(", ")).close("p");
            }
            let common = Common {
                id: Cow::Borrowed(id),
                key: join_key(&["indication", key], None),
                text: x.finish(),
                extension,
                subject: vec![self.mpd_ref(ind.agent(), ind.route())],
                category: Vec::new(),
            };
            let detail = CudDetail::Indication(CudIndication {
                disease_symptom_procedure: CodeableReference::Concept(Concept::of_codes(
                    condition.codes(),
                    condition.name(),
                    None,
                )),
            });
            let codes = condition.codes().iter().flat_map(|c| c.sources());
            let sources = unique(ind.sources().iter().chain(codes));
            self.clinical_use(common, detail, &sources);
        }
    }
}
