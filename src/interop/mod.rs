//! Interoperability with health-IT standards.
//!
//! * Codes: every agent, route and condition carries its codes ([`crate::model::Code`]
//!   in a [`crate::model::CodeSystem`]: ATC, SNOMED CT, ICD-10-CM, ICD-11, ...), found
//!   both ways with [`KnowledgeBase::by_code`](crate::KnowledgeBase::by_code) and
//!   [`Code`](crate::model::Code)s on the records.
//! * FHIR R5: with the `fhir` feature, `fhir` exports the whole knowledge base as one
//!   Bundle (`KnowledgeBase::to_fhir_bundle`).
//!
//! # Examples
//!
//! ```
//! use ketamine_therapy::model::CodeSystem;
//! use ketamine_therapy::{Agent, Entity, KnowledgeBase};
//!
//! let kb = KnowledgeBase::embedded();
//! let atc = kb.agent(Agent::Esketamine).codes_in(CodeSystem::Atc).next().unwrap();
//! let back: Vec<Entity> = kb.by_code(CodeSystem::Atc, atc.code()).map(|m| m.entity()).collect();
//! assert_eq!(back, [Entity::Agent(Agent::Esketamine)]);
//! ```

#[cfg(feature = "fhir")]
pub mod fhir;
