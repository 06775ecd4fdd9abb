//! `MedicinalProductDefinition`: one per (agent, route), the `subject` of the
//! clinical-use facts and authorisations; the route coded with SNOMED CT and the
//! agent's ATC classification.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Sourced as _;

use super::datatypes::{
    Codings, Concept, Identifier, Narrative, Reference, coding, key_identifier,
};
use super::ids::unique;
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use crate::model::CodeSystem as Terminology;
use crate::{Agent, Route};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct MedicinalProductDefinition<'a> {
    pub id: String,
    pub text: Narrative,
    pub identifier: [Identifier<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub route: [Concept<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classification: Vec<Concept<'a>>,
    pub name: [ProductName; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ProductName {
    pub product_name: String,
}

impl<'a> Builder<'a, '_> {
    /// A reference to the MedicinalProductDefinition of an (agent, route).
    pub(super) fn mpd_ref(&self, agent: Agent, route: Route) -> Reference<'a> {
        let ids: &'a super::ids::Ids = self.ids;
        Reference::to(
            "MedicinalProductDefinition",
            Cow::Borrowed(ids.mpd(agent, route)),
        )
    }

    /// The products of an agent, all routes or those in `routes`.
    pub(super) fn agent_subjects(
        &self,
        agent: Agent,
        routes: Option<&[Route]>,
    ) -> Vec<Reference<'a>> {
        self.kb
            .agent(agent)
            .routes()
            .iter()
            .map(|r| r.route())
            .filter(|r| routes.is_none_or(|rs| rs.contains(r)))
            .map(|r| self.mpd_ref(agent, r))
            .collect()
    }

    /// A route, coded with SNOMED CT, named as the data names it.
    pub(super) fn route_concept(&self, route: Route) -> Concept<'a> {
        let record = self.kb.route(route);
        let snomed = Terminology::SnomedCt.fhir_uri();
        Concept::of_codes(record.codes(), record.name(), Some(snomed))
    }

    /// The ATC classification of an agent, one concept per code.
    pub(super) fn atc_concepts(&self, agent: Agent) -> Vec<Concept<'a>> {
        self.kb
            .agent(agent)
            .codes_in(Terminology::Atc)
            .map(|c| Concept {
                coding: Codings::One(coding(c)),
                text: c.note().map(Cow::Borrowed),
            })
            .collect()
    }

    pub(super) fn product_definitions(&mut self) {
        let kb = self.kb;
        for agent in kb.agents() {
            for ar in agent.routes() {
                let route = kb.route(ar.route());
                let ids: &super::ids::Ids = self.ids;
                let id = ids.mpd(agent.id(), ar.route());
                let name = format!("{}, {}", agent.name(), route.name());
                let classification = self.atc_concepts(agent.id());
                let mut x = Xhtml::new(name.len() + 160);
                x.open("p").labelled(&name, "").close("p");
                for c in classification.iter().flat_map(|c| c.coding.as_slice()) {
                    x.open("p").text("ATC ").text(&c.code);
                    if let Some(d) = &c.display {
                        x.text(" ").text(d);
                    }
                    x.close("p");
                }
                if let Some(note) = ar.note() {
                    x.para(note);
                }
                self.emit(Resource::MedicinalProductDefinition(
                    MedicinalProductDefinition {
                        id: String::from(id),
                        text: x.finish(),
                        identifier: key_identifier(format!(
                            "agent_route/{}/{}",
                            agent.id().id(),
                            ar.route().id()
                        )),
                        description: ar.note(),
                        route: [self.route_concept(ar.route())],
                        classification,
                        name: [ProductName { product_name: name }],
                    },
                ));
                let codes = route.codes().iter().flat_map(|c| c.sources());
                let sources = unique(ar.sources().iter().chain(codes));
                self.provenance("MedicinalProductDefinition", id, &sources);
            }
        }
    }
}
