//! Interoperability: exports of the knowledge base to other standards.

#[cfg(feature = "fhir")]
pub mod fhir;
