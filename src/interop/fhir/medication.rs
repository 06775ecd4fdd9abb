//! `MedicationKnowledge`: one per agent, with its codes, names, routes, ATC
//! classification, controlled-substance schedules, monitoring programme, indication
//! guidelines (with dosing, see `dosing.rs`), clinical-use issues and enantiomer.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Sourced as _;

use super::datatypes::{Concept, Identifier, Narrative, Reference, key_identifier};
use super::dosing::IndicationGuideline;
use super::ids::{fhir_id, unique};
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::{own_coding, region_concept, regulator_ref};
use crate::model::{AgentRecord, CodeSystem as Terminology, MonitoringKind, RegulatoryStatus};
use crate::{Agent, Jurisdiction};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicationKnowledge<'a> {
    pub id: String,
    pub text: Narrative,
    pub identifier: [Identifier<'a>; 1],
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
    pub reference: [Reference<'a>; 1],
}

#[derive(Debug, Serialize)]
pub(super) struct MonitoringProgram<'a> {
    pub r#type: Concept<'a>,
    pub name: &'a str,
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

/// The jurisdictions where an agent is approved, and those with any regulatory fact
/// (status or schedule), each sorted and distinct.
fn jurisdictions(record: &AgentRecord) -> (Vec<Jurisdiction>, Vec<Jurisdiction>) {
    let mut approved: Vec<Jurisdiction> = record
        .regulatory()
        .iter()
        .filter(|r| r.status() == RegulatoryStatus::Approved)
        .map(|r| r.jurisdiction())
        .collect();
    approved.sort();
    approved.dedup();
    let mut regulated: Vec<Jurisdiction> = record
        .regulatory()
        .iter()
        .map(|r| r.jurisdiction())
        .chain(record.controlled_substance().map(|c| c.jurisdiction()))
        .collect();
    regulated.sort();
    regulated.dedup();
    (approved, regulated)
}

/// The narrative of an agent: names, codes, routes, schedules.
fn agent_narrative(record: &AgentRecord, routes: &[Concept<'_>]) -> Narrative {
    let mut x = Xhtml::new(512);
    x.open("p").labelled(record.name(), "");
    if !record.aliases().is_empty() {
        x.text(" (also: ");
        for (i, alias) in record.aliases().iter().enumerate() {
            x.text(if i > 0 { ", " } else { "" }).text(alias);
        }
        x.text(")");
    }
    x.close("p").open("p").text("Codes:").close("p").open("ul");
    for c in record.codes() {
        x.open("li").display(c.system()).text(" ").text(c.code());
        if let Some(d) = c.display() {
            x.text(" ").text(d);
        }
        x.close("li");
    }
    x.close("ul").open("p").text("Routes: ");
    for (i, r) in routes.iter().enumerate() {
        x.text(if i > 0 { ", " } else { "" })
            .text(r.text.as_deref().unwrap_or(""));
    }
    x.close("p");
    if let Some(c) = record.controlled_substance() {
        x.open("p")
            .display(c.jurisdiction())
            .text(": controlled substance, schedule ");
        x.text(c.schedule()).close("p");
    }
    x.finish()
}

impl<'a> Builder<'a, '_> {
    fn mk_regulatory(
        &self,
        record: &'a AgentRecord,
        regulated: Vec<Jurisdiction>,
    ) -> Vec<MkRegulatory<'a>> {
        regulated
            .into_iter()
            .map(|j| MkRegulatory {
                regulatory_authority: regulator_ref(j),
                schedule: record
                    .controlled_substance()
                    .filter(|c| c.jurisdiction() == j)
                    .map(|c| {
                        Concept::text(format!("controlled substance, schedule {}", c.schedule()))
                    })
                    .into_iter()
                    .collect(),
            })
            .collect()
    }

    fn medication(&mut self, record: &'a AgentRecord) {
        let kb = self.kb;
        let agent = record.id();
        let id = fhir_id("mk", agent.id());
        let (approved, regulated) = jurisdictions(record);
        let mut name = vec![record.name()];
        name.extend(record.aliases().iter().map(String::as_str));
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
                reference: [
                    Reference::to("MedicationKnowledge", fhir_id("mk", other.id()))
                        .shown(kb.agent(other).name()),
                ],
            });
        let atc = self.atc_concepts(agent);
        let medicine_classification = (!atc.is_empty()).then(|| MedicineClassification {
            r#type: Concept::text("ATC"),
            source_uri: Terminology::Atc.fhir_uri(),
            classification: atc,
        });
        let intended_route: Vec<Concept<'a>> = record
            .routes()
            .iter()
            .map(|r| self.route_concept(r.route()))
            .collect();
        let resource = MedicationKnowledge {
            text: agent_narrative(record, &intended_route),
            id: id.clone(),
            identifier: key_identifier(format!("agent/{}", agent.id())),
            code: Concept::of_codes(record.codes(), record.name(), None),
            status: "active",
            author: Builder::project(),
            intended_jurisdiction: approved.into_iter().map(region_concept).collect(),
            name,
            related_medication_knowledge: related.into_iter().collect(),
            monitoring_program,
            indication_guideline: self.indication_guidelines(agent),
            medicine_classification: medicine_classification.into_iter().collect(),
            regulatory: self.mk_regulatory(record, regulated),
            definitional: Definitional {
                definition: self.agent_subjects(agent, None),
                intended_route,
            },
            clinical_use_issue: self.clinical_use_issues(agent),
        };
        self.emit(Resource::MedicationKnowledge(resource));
        let codes = record.codes().iter().flat_map(|c| c.sources());
        let schedules = record
            .controlled_substance()
            .into_iter()
            .flat_map(|c| c.sources());
        let sources = unique(record.sources().iter().chain(codes).chain(schedules));
        self.provenance("MedicationKnowledge", &id, &sources);
    }

    pub(super) fn medication_knowledge(&mut self) {
        for record in self.kb.agents() {
            self.medication(record);
        }
    }

    /// References to an agent's non-indication ClinicalUseDefinitions.
    fn clinical_use_issues(&self, agent: Agent) -> Vec<Reference<'a>> {
        let ids: &'a super::ids::Ids = self.ids;
        agent
            .pick(&ids.safety)
            .iter()
            .map(|(_, id)| Reference::to("ClinicalUseDefinition", Cow::Borrowed(id.as_str())))
            .collect()
    }
}
