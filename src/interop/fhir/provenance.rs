//! `Provenance`: for each exported record, the `Citation`s it rests on.

use serde::Serialize;

use super::datatypes::{Narrative, Reference};
use super::ids::{citation_ref, fhir_id};
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};

#[derive(Debug, Serialize)]
pub(super) struct Provenance<'a> {
    pub id: String,
    pub text: Narrative,
    pub target: [Reference<'a>; 1],
    pub agent: [ProvenanceAgent; 1],
    pub entity: Vec<ProvenanceEntity<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProvenanceAgent {
    pub who: Reference<'static>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProvenanceEntity<'a> {
    pub role: &'static str,
    pub what: Reference<'a>,
}

impl Builder<'_, '_> {
    /// The Provenance of `resource_type/id`: the sources it rests on (none: no
    /// Provenance).
    pub(super) fn provenance(&mut self, resource_type: &'static str, id: &str, sources: &[&str]) {
        if sources.is_empty() {
            return;
        }
        let mut x = Xhtml::new(48 + resource_type.len() + id.len() + 24 * sources.len());
        x.open("p")
            .text("Sources of ")
            .open("code")
            .text(resource_type)
            .text("/")
            .text(id);
        x.close("code").text(": ");
        for (i, source) in sources.iter().enumerate() {
            x.text(if i > 0 { ", " } else { "" }).text(source);
        }
        x.text(".").close("p");
        self.emit(Resource::Provenance(Provenance {
            id: fhir_id("prov", id),
            text: x.finish(),
            target: [Reference::to(resource_type, id)],
            agent: [ProvenanceAgent {
                who: Builder::project(),
            }],
            entity: sources
                .iter()
                .map(|s| ProvenanceEntity {
                    role: "source",
                    what: citation_ref(s),
                })
                .collect(),
        }));
    }
}
