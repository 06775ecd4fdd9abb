//! The knowledge base written back as one JSON document that loads into an equal one.

use crate::loader::KnowledgeBase;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

impl Serialize for KnowledgeBase {
    /// One JSON document with every section, loadable by
    /// [`KnowledgeBase::from_json_str`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("KnowledgeBase", 17)?;
        s.serialize_field("sources", &self.sources)?;
        s.serialize_field("agents", &self.agents)?;
        s.serialize_field("mechanism", &self.mechanism)?;
        s.serialize_field("routes", &self.routes)?;
        s.serialize_field("groups", &self.groups)?;
        s.serialize_field("conditions", &self.conditions)?;
        s.serialize_field("indications", &self.indications)?;
        s.serialize_field("benefits", &self.benefits)?;
        s.serialize_field("risks", &self.risks)?;
        s.serialize_field("contraindications", &self.contraindications)?;
        s.serialize_field("monitoring", &self.monitoring)?;
        s.serialize_field("interactants", &self.interactants)?;
        s.serialize_field("interactions", &self.interactions)?;
        s.serialize_field("populations", &self.populations)?;
        s.serialize_field("dosing", &self.regimens)?;
        s.serialize_field("medicines", &self.medicines)?;
        s.serialize_field("brands", &self.brands)?;
        s.end()
    }
}
