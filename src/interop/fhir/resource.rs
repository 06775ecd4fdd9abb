//! The resources of the bundle, how each becomes an entry, and the builder that makes
//! them one at a time from the knowledge base. Each resource kind's part of the
//! builder lives in the file of that kind.

use serde::Serialize;

use super::authorization::RegulatedAuthorization;
use super::citation::Citation;
use super::clinical_use::ClinicalUseDefinition;
use super::datatypes::{Concat, Reference};
use super::extensions::StructureDefinition;
use super::ids::Ids;
use super::medication::MedicationKnowledge;
use super::organization::Organization;
use super::product::MedicinalProductDefinition;
use super::provenance::Provenance;
use super::terminology::{CodeSystem, OwnSystems, ValueSet};
use crate::KnowledgeBase;

/// The resources of the export, tagged with `resourceType`.
#[derive(Debug, Serialize)]
#[serde(tag = "resourceType")]
#[allow(clippy::large_enum_variant)]
pub(super) enum Resource<'a> {
    CodeSystem(CodeSystem<'a>),
    ValueSet(ValueSet<'a>),
    StructureDefinition(StructureDefinition<'a>),
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
            Resource::ValueSet(r) => ("ValueSet", &r.id),
            Resource::StructureDefinition(r) => ("StructureDefinition", &r.id),
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

/// One entry of the Bundle; its `fullUrl` is `BASE_URL/Type/id`.
struct Entry<'a> {
    resource: Resource<'a>,
}

impl Serialize for Entry<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        let (resource_type, id) = self.resource.type_and_id();
        // BASE_URL needs no escape (a unit test checks it), nor do ids.
        debug_assert!(super::ids::is_fhir_id(id));
        let full_url = [super::BASE_URL, "/", resource_type, "/", id];
        map.serialize_entry("fullUrl", &Concat::no_escape(&full_url))?;
        map.serialize_entry("resource", &self.resource)?;
        map.end()
    }
}

/// The `entry` array of a bundle, serialised as the builder makes each resource:
/// each is written out and dropped before the next is built.
pub(super) struct Entries<'a>(pub &'a KnowledgeBase);

impl Serialize for Entries<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
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

/// Where the builder's resources go, one at a time, as they are built.
pub(super) type Sink<'s> = dyn for<'r> FnMut(Resource<'r>) + 's;

/// Makes the resources of the bundle from a knowledge base, in a fixed order.
pub(super) struct Builder<'a, 's> {
    pub kb: &'a KnowledgeBase,
    pub systems: &'static OwnSystems,
    pub ids: &'a Ids,
    sink: &'s mut Sink<'s>,
}

impl<'a, 's> Builder<'a, 's> {
    pub fn new(kb: &'a KnowledgeBase, ids: &'a Ids, sink: &'s mut Sink<'s>) -> Builder<'a, 's> {
        Builder {
            kb,
            systems: OwnSystems::get(),
            ids,
            sink,
        }
    }

    /// Hands one resource to the sink.
    pub fn emit(&mut self, resource: Resource<'_>) {
        (self.sink)(resource);
    }

    /// The Organization that authors the knowledge (this project).
    pub fn project() -> Reference<'static> {
        Reference::to("Organization", "org-ketamine-therapy")
    }

    pub fn build(mut self) {
        self.code_systems();
        self.extension_definitions();
        self.organizations();
        self.product_definitions();
        self.medication_knowledge();
        self.indications();
        self.safety();
        self.authorizations();
        self.citations();
    }
}
