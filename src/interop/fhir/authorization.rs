//! `RegulatedAuthorization`: one per approval, of an indication (subject its product,
//! with the approved indication) or of an agent (subject its products); region,
//! regulator, status date and scope.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Sourced as _;

use super::datatypes::{
    CodeableReference, Coding, Concept, Identifier, Narrative, Reference, key_identifier,
};
use super::ids::{fhir_id, join_key, unique};
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::{code_of, region, region_concept, regulator, regulator_ref};
use crate::model::{Regulatory, RegulatoryStatus};

const PUBLICATION_STATUS: &str = "http://hl7.org/fhir/publication-status";
const AUTHORIZATION_TYPE: &str = "http://hl7.org/fhir/regulated-authorization-type";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RegulatedAuthorization<'a> {
    pub id: String,
    pub text: Narrative,
    pub identifier: [Identifier<'a>; 1],
    pub subject: Vec<Reference<'a>>,
    pub r#type: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub region: [Concept<'a>; 1],
    pub status: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indication: Option<[CodeableReference<'a>; 1]>,
    pub regulator: Reference<'a>,
}

/// One approval: what it authorises, and the regulatory fact.
struct Approval<'a> {
    key: String,
    /// What is authorised, for the narrative (`esketamine, nasal, for TRD`).
    what: String,
    subject: Vec<Reference<'a>>,
    indication: Option<Reference<'a>>,
    fact: &'a Regulatory,
}

impl<'a> Builder<'a, '_> {
    pub(super) fn authorizations(&mut self) {
        let kb = self.kb;
        let ids: &'a super::ids::Ids = self.ids;
        for (index, ind) in kb.indications().enumerate() {
            let (ind_key, ind_id) = ids.indication(index);
            let approved = ind.regulatory().iter().enumerate();
            for (i, r) in approved.filter(|(_, r)| r.status() == RegulatoryStatus::Approved) {
                let agent = kb.agent(ind.agent()).name();
                let route = kb.route(ind.route()).name();
                let condition = kb.condition(ind.condition()).name();
                self.authorization(Approval {
                    key: join_key(&[ind_key, code_of(&r.jurisdiction())], Some(i + 1)),
                    what: format!("{agent}, {route}, for {condition}"),
                    subject: vec![self.mpd_ref(ind.agent(), ind.route())],
                    indication: Some(Reference::to(
                        "ClinicalUseDefinition",
                        Cow::Borrowed(ind_id),
                    )),
                    fact: r,
                });
            }
        }
        for agent in kb.agents() {
            let approved = agent.regulatory().iter().enumerate();
            for (i, r) in approved.filter(|(_, r)| r.status() == RegulatoryStatus::Approved) {
                self.authorization(Approval {
                    key: format!(
                        "{}/{}/{}",
                        agent.id().id(),
                        code_of(&r.jurisdiction()),
                        i + 1
                    ),
                    what: String::from(agent.name()),
                    subject: self.agent_subjects(agent.id(), None),
                    indication: None,
                    fact: r,
                });
            }
        }
    }

    fn authorization(&mut self, a: Approval<'a>) {
        let r = a.fact;
        let id = fhir_id("ra", &a.key);
        let status_date = r.date().map(|d| d.to_string());
        let mut x = Xhtml::new(a.what.len() + r.scope().map_or(0, str::len) + 160);
        x.open("p")
            .labelled("Marketing authorisation", ": ")
            .text(&a.what)
            .text(", in ");
        x.text(region(r.jurisdiction()).2)
            .text(" by ")
            .text(regulator(r.jurisdiction()).1);
        if let Some(date) = &status_date {
            x.text(", ").text(date);
        }
        x.text(".").close("p");
        if let Some(scope) = r.scope() {
            x.para(scope);
        }
        self.emit(Resource::RegulatedAuthorization(RegulatedAuthorization {
            id: id.clone(),
            text: x.finish(),
            identifier: key_identifier(format!("authorization/{}", a.key)),
            subject: a.subject,
            r#type: Concept::coded(
                Coding::fixed(
                    AUTHORIZATION_TYPE,
                    "MarketingAuth",
                    "Marketing Authorization",
                ),
                "marketing authorisation",
            ),
            description: r.scope(),
            region: [region_concept(r.jurisdiction())],
            status: Concept::coded(
                Coding::fixed(PUBLICATION_STATUS, "active", "Active"),
                "approved",
            ),
            status_date,
            indication: a.indication.map(|i| [CodeableReference::Reference(i)]),
            regulator: regulator_ref(r.jurisdiction()),
        }));
        self.provenance("RegulatedAuthorization", &id, &unique(r.sources().iter()));
    }
}
